/** What the 1-D plot draws for a few fixed states, as golden SVG files (see kit/testing/svg-golden.ts). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { geometryAt } from '../../math/geometry1d.ts';
import { computeLandscape1D } from '../../math/landscape1d.ts';
import { DEFAULT_STATE } from '../../state/experiment.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import { compareGolden, renderSvg } from '../kit/testing/svg-golden.ts';
import { LandscapePlot } from './LandscapePlot.tsx';
import { resolveLoss } from './resolve-loss.ts';

const GOLDENS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'goldens');

/** Few grid points keep the golden files short enough to review. */
const BASE: Landscape1DState = { ...DEFAULT_STATE.landscape1d, points: 120 };

const CASES: [string, Landscape1DState][] = [
  ['default', BASE],
  ['wide-sigma-no-biconjugate', { ...BASE, sigma: 1.2, m: -1, visible: { ...BASE.visible, biconjugate: false } }],
  ['expression-loss-only', { ...BASE, loss: { kind: 'expression', text: 'theta^2/2 + sin(3*theta)' }, visible: { loss: true, expected: false, sam: false, relaxed: false, biconjugate: false } }],
];

function render(state: Landscape1DState): string {
  const resolved = resolveLoss(state.loss);
  if (!resolved.ok) throw new Error(resolved.message);
  const { from, to, points, sigma, rho, m } = state;
  const landscape = computeLandscape1D({ loss: resolved.fn, from, to, points, sigma, rho });
  const geometry = geometryAt(resolved.fn, m, sigma, rho);
  const noop = () => {};
  return renderSvg(<LandscapePlot landscape={landscape} geometry={geometry} state={state} width={860} height={400} hoverM={null} onM={noop} onHover={noop} />);
}

describe('the 1-D plot, golden SVG', () => {
  it.each(CASES)('%s', (name, state) => {
    const result = compareGolden(GOLDENS, `landscape1d-${name}`, render(state));
    expect(result.ok ? '' : result.message).toBe('');
  });
});
