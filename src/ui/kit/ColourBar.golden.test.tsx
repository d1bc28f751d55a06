/** The colour bar in both orientations (the 2-D and slice panels use it horizontal), as golden SVG files. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ColourBar } from './ColourBar.tsx';
import { makeColourMap } from './colour.ts';
import { compareGolden, renderSvg } from './testing/svg-golden.ts';

const GOLDENS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'goldens');

/** A ramp 0 … 4 with one outlier, so the 98th-percentile clip and its note show. */
const VALUES = Float64Array.from({ length: 200 }, (_, k) => (k === 199 ? 100 : k / 50));

describe('the colour bar, golden SVG', () => {
  it.each([
    ['horizontal-clipped', 'horizontal', VALUES],
    ['vertical-constant', 'vertical', new Float64Array(10).fill(2)],
  ] as const)('%s', (name, orientation, values) => {
    const svg = renderSvg(
      <svg width={360} height={300}>
        <g transform="translate(12,18)">
          <ColourBar cmap={makeColourMap(values, 'expected')} title="value, shared by the maps" length={220} orientation={orientation} />
        </g>
      </svg>,
    );
    const golden = compareGolden(GOLDENS, `colour-bar-${name}`, svg);
    expect(golden.ok ? '' : golden.message).toBe('');
  });
});
