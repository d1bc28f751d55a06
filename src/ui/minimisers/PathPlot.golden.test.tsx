/** The minimiser-path plot against σ and against ρ, for a path with one jump per moving objective, as golden SVG files. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import type { SweepAxis } from '../../math/minimiser-path.ts';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import { linearTicks, logTicks } from '../kit/axis-ticks.ts';
import { layoutFrame } from '../kit/plot-frame.ts';
import { compareGolden, renderSvg } from '../kit/testing/svg-golden.ts';
import type { PointerDragHandlers } from '../kit/use-pointer-drag.ts';
import { pathLines } from './path-lines.ts';
import { PathPlot } from './PathPlot.tsx';

const GOLDENS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'goldens');
const OUTER_WIDTH = 640;

/** 20 log-spaced values; a moving objective jumps from the sharp well (−1.5) to the flat one (1.4) at `at`; a held one is flat. */
function samplePath(axis: SweepAxis, from: number, to: number): PostedPath {
  const values = Float64Array.from({ length: 20 }, (_, j) => from * (to / from) ** (j / 19));
  const jump = (at: number) => values.map((v) => (v < at ? -1.5 : 1.4 - 0.1 * Math.log(v / at)));
  const flat = (m: number) => new Float64Array(20).fill(m);
  return axis === 'sigma'
    ? { axis, values, expected: jump(0.17), sam: flat(1.38), relaxed: jump(0.24), biconjugate: jump(0.14), warnings: [] }
    : { axis, values, expected: flat(1.33), sam: jump(0.13), relaxed: flat(1.39), biconjugate: flat(1.37), warnings: [] };
}

function plot(axis: SweepAxis, from: number, to: number, current: number): string {
  const p = samplePath(axis, from, to);
  const frame = layoutFrame({
    outerWidth: OUTER_WIDTH,
    innerHeight: 240,
    xTitle: true,
    yTitle: true,
    room: { top: 14, right: 16 },
    minWidth: 200,
    xTicks: () => logTicks(scaleLog().domain([from, to]), 6, { minor: false }),
    yTicks: () => linearTicks(scaleLinear().domain([-3, 3]), 6),
  });
  const x = scaleLog().domain([from, to]).range([0, frame.width]);
  const y = scaleLinear().domain([-3, 3]).range([frame.height, 0]);
  const symbol = axis === 'sigma' ? 'σ' : 'ρ';
  return renderSvg(
    <PathPlot
      containerRef={{ current: null }}
      outerWidth={OUTER_WIDTH}
      frame={frame}
      x={x}
      y={y}
      lines={pathLines(p, x, y)}
      pointer={{} as PointerDragHandlers<SVGRectElement>}
      path={p}
      axis={axis}
      symbol={symbol}
      current={current}
      inRange
      status="ready"
      heldNote={axis === 'sigma' ? 'S (SAM) does not depend on σ: drawn flat (ρ = 0.3)' : 'E, R and B do not depend on ρ: drawn flat (σ = 0.5)'}
      placeholder=""
      ariaLabel={`Minimiser of each objective against ${symbol}`}
    />,
  );
}

describe('the minimiser-path plot, golden SVG', () => {
  it.each([
    ['against-sigma', 'sigma', 0.05, 2, 0.5],
    ['against-rho', 'rho', 0.01, 1, 0.3],
  ] as const)('%s', (name, axis, from, to, current) => {
    const golden = compareGolden(GOLDENS, `path-plot-${name}`, plot(axis, from, to, current));
    expect(golden.ok ? '' : golden.message).toBe('');
  });
});
