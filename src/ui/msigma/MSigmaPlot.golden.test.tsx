/** What the (m, σ) panel draws over its heatmap (axes, crosshair, parabola, colour bar), as golden SVG files. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ColourBar, verticalBarWidth } from '../kit/ColourBar.tsx';
import { makeColourMap } from '../kit/colour.ts';
import type { Surface } from '../kit/colour.ts';
import { compareGolden, renderSvg } from '../kit/testing/svg-golden.ts';
import { BAR_GAP, layoutMSigma, MSigmaAxes } from './MSigmaAxes.tsx';
import { Crosshair, Parabola } from './Overlays.tsx';
import type { Coords } from './view.ts';

const GOLDENS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'goldens');
const OUTER_WIDTH = 708;
const HEIGHT = 300;

/** A surface's values: a smooth bowl with one large corner (so the 98th-percentile clip shows). */
function values(surface: Surface): Float64Array {
  const v = Float64Array.from({ length: 400 }, (_, k) => ((k % 20) - 10) ** 2 / 10 + Math.floor(k / 20) / 20);
  v[399] = surface === 'gap' ? 3 : 500;
  return v;
}

function plot(coords: Coords, surface: Surface, m: number, sigma: number): string {
  const cmap = makeColourMap(values(surface), surface);
  const layout = layoutMSigma(coords, { mFrom: -3, mTo: 3, sigmaFrom: 0.05, sigmaTo: 2 }, OUTER_WIDTH, HEIGHT, verticalBarWidth(cmap, surface, HEIGHT));
  const { view } = layout;
  const { margin } = layout.frame;
  return renderSvg(
    <svg width={OUTER_WIDTH} height={HEIGHT + margin.top + margin.bottom}>
      <g transform={`translate(${margin.left},${margin.top})`}>
        <MSigmaAxes layout={layout} />
        {coords === 'mean' && <Parabola view={view} />}
        <Crosshair view={view} m={m} sigma={sigma} />
      </g>
      <g transform={`translate(${margin.left + view.width + BAR_GAP},${margin.top})`}>
        <ColourBar cmap={cmap} title={surface} length={HEIGHT} testId="msigma-legend" />
      </g>
    </svg>,
  );
}

describe('the (m, σ) plot, golden SVG', () => {
  it.each([
    ['m-sigma-gap', 'msigma', 'gap', 0.5, 0.5],
    ['m-sigma-expected', 'msigma', 'expected', -1.2, 0.1],
    ['mean-biconjugate', 'mean', 'biconjugate', 0.5, 1],
  ] as const)('%s', (name, coords, surface, m, sigma) => {
    const result = compareGolden(GOLDENS, `msigma-${name}`, plot(coords, surface, m, sigma));
    expect(result.ok ? '' : result.message).toBe('');
  });
});
