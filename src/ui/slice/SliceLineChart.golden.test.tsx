/** What the slice line chart draws for a real slice of a fixed network, as a golden SVG file. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeSliceNow } from '../../train/slice/compute-slice.ts';
import { testSnapshot } from '../../train/slice/test-snapshot.ts';
import { compareGolden, renderSvg } from '../kit/testing/svg-golden.ts';
import { SliceLineChart } from './SliceLineChart.tsx';

const GOLDENS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'goldens');

describe('the slice line chart, golden SVG', () => {
  it.each([
    ['with-posterior', true],
    ['without-posterior', false],
  ] as const)('%s', (name, withPosterior) => {
    const result = computeSliceNow(testSnapshot(withPosterior), { dims: 1, axis: 'random', points: 41, span: 1, samples: 8, rho: 0.05, seed: 1 });
    const golden = compareGolden(GOLDENS, `slice-line-${name}`, renderSvg(<SliceLineChart result={result} width={600} />));
    expect(golden.ok ? '' : golden.message).toBe('');
  });
});
