/**
 * The paper's central picture in one plot: the minimiser over m of E, B, R and SAM as σ grows
 * (σ on a log axis, from the (m, σ) map's σ range). On the sharp-flat loss the Bayes objectives'
 * minimisers jump from the sharp well to the flat one. The vertical line is the 1-D panel's σ;
 * clicking the plot sets it, and Play sweeps it slowly across the range. The path is computed in a
 * worker from the same O(n) objectives as the 1-D panel, one σ at a time.
 */
import { useMemo } from 'react';
import { line, scaleLinear, scaleLog } from 'd3';
import { PATH_OBJECTIVES } from '../../math/minimiser-path.ts';
import type { ExperimentState } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { Axes } from '../kit/Axes.tsx';
import { linearTicks, logTicks } from '../kit/axis-ticks.ts';
import { formatNumber } from '../kit/format.ts';
import { layoutFrame } from '../kit/plot-frame.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import { useElementWidth } from '../kit/use-element-width.ts';
import { usePointerDrag } from '../kit/use-pointer-drag.ts';
import { describeJumps, findJumps, nearestIndex } from './path-jumps.ts';
import { resolvePathParams } from './resolve.ts';
import { useMinimiserPath } from './use-minimiser-path.ts';
import { useSigmaSweep } from './use-sigma-sweep.ts';

const ROOM = { top: 14, right: 16 };
const PLOT_HEIGHT = 240;

export interface MinimiserPathPanelProps {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

export function MinimiserPathPanel({ state, dispatch }: MinimiserPathPanelProps) {
  const { from, to, sigma, rho } = state.landscape1d;
  const { sigmaFrom, sigmaTo } = state.msigma;
  const resolved = resolvePathParams(state);
  const result = useMinimiserPath(resolved.ok ? resolved.params : null, resolved.ok ? null : resolved.reason);
  const path = result.status === 'error' ? null : result.path;
  const range = { from: sigmaFrom, to: sigmaFrom < sigmaTo ? sigmaTo : sigmaFrom * 10 };
  const setSigma = (s: number) => dispatch({ type: 'setSigma', sigma: s });
  const sweep = useSigmaSweep(sigma, range, setSigma);

  const [containerRef, outerWidth] = useElementWidth<HTMLDivElement>(640);
  const frame = useMemo(
    () =>
      layoutFrame({
        outerWidth,
        innerHeight: PLOT_HEIGHT,
        xTitle: true,
        yTitle: true,
        room: ROOM,
        minWidth: 200,
        xTicks: () => logTicks(scaleLog().domain([range.from, range.to]), 6, { minor: false }),
        yTicks: () => linearTicks(scaleLinear().domain([from, from < to ? to : from + 1]), 6),
      }),
    [outerWidth, range.from, range.to, from, to],
  );
  const { margin, width, height } = frame;
  const x = useMemo(() => scaleLog().domain([range.from, range.to]).range([0, width]), [range.from, range.to, width]);
  const y = useMemo(() => scaleLinear().domain([from, from < to ? to : from + 1]).range([height, 0]), [from, to, height]);

  const lines = useMemo(() => {
    if (!path) return [];
    return PATH_OBJECTIVES.map((name) => {
      const values = path[name];
      const d = line<number>()
        .defined((j) => Number.isFinite(values[j]))
        .x((j) => x(path.sigma[j]))
        .y((j) => y(values[j]))(Array.from(values.keys()));
      return { name, d: d ?? '', values };
    });
  }, [path, x, y]);

  const span = to - from;
  const jumps = path ? findJumps(path.sigma, path.expected, span) : [];
  const bJumps = path ? findJumps(path.sigma, path.biconjugate, span) : [];
  const near = path ? nearestIndex(path.sigma, sigma) : -1;
  const sigmaInRange = sigma >= range.from && sigma <= range.to;

  // A press sets σ there; no drag (Play sweeps σ).
  const pointer = usePointerDrag<SVGRectElement>({
    onPress: ({ px }) => {
      const s = x.invert(px);
      if (Number.isFinite(s) && s > 0) setSigma(Number(s.toPrecision(3)));
      return null;
    },
  });

  const statusText =
    result.status === 'computing'
      ? `computing…${result.progress ? ` ${result.progress.done}/${result.progress.total} σ values` : ''}`
      : result.status === 'ready'
        ? `ready${result.elapsedMs !== null ? ` (${Math.round(result.elapsedMs)} ms, ${result.where})` : ''}`
        : 'error';

  return (
    <section className="panel minimisers-panel" data-testid="minimisers-panel" data-status={result.status} aria-labelledby="minimisers-title">
      <header className="panel-head">
        <h2 id="minimisers-title">Where each objective’s minimum is, as σ grows</h2>
        <p>
          The minimiser over m of each objective (ρ = {formatNumber(rho)} for SAM, which does not depend on σ). The vertical line is the 1-D
          panel’s σ: click the plot to set it, or press Play to sweep it slowly.
        </p>
        <span data-testid="minimisers-status" role="status" style={{ fontSize: 12, color: result.status === 'error' ? '#b00020' : '#555' }}>
          {statusText}
        </span>
      </header>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', fontSize: 13 }}>
        <button type="button" data-testid="minimisers-play" aria-pressed={sweep.playing} onClick={sweep.toggle}>
          {sweep.playing ? 'Pause' : 'Play σ sweep'}
        </button>
        <ul aria-label="Legend" style={{ display: 'flex', gap: 12, listStyle: 'none', margin: 0, padding: 0 }}>
          {PATH_OBJECTIVES.map((name) => (
            <li key={name} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
              <svg width={22} height={8} aria-hidden="true">
                <line x1={0} x2={22} y1={4} y2={4} stroke={OBJECTIVE_STYLE[name].color} strokeWidth={2} strokeDasharray={OBJECTIVE_STYLE[name].dash} />
              </svg>
              {OBJECTIVE_STYLE[name].label}
            </li>
          ))}
        </ul>
      </div>
      <div ref={containerRef} style={{ width: '100%', minWidth: 0 }}>
        <svg
          data-testid="minimisers-plot"
          width={outerWidth}
          height={height + margin.top + margin.bottom}
          role="img"
          aria-label={`Minimiser of each objective against σ from ${formatNumber(range.from)} to ${formatNumber(range.to)}; current σ = ${formatNumber(sigma)}.`}
          data-sigmas={path ? Array.from(path.sigma, (s) => s.toPrecision(4)).join(',') : ''}
        >
          <g transform={`translate(${margin.left},${margin.top})`}>
            <Axes x={x} y={y} width={width} height={height} xTicks={frame.xTicks} yTicks={frame.yTicks} xTitle="σ (log scale)" yTitle="argmin over m" frame="lines" />
            <g fill="none" opacity={result.status === 'computing' ? 0.5 : 1}>
              {lines.map(({ name, d, values }) => (
                <path
                  key={name}
                  d={d}
                  data-testid={`minimisers-line-${name}`}
                  data-values={Array.from(values, (v) => (Number.isFinite(v) ? v.toFixed(4) : 'NaN')).join(',')}
                  stroke={OBJECTIVE_STYLE[name].color}
                  strokeWidth={name === 'sam' ? 1.5 : 2}
                  strokeDasharray={OBJECTIVE_STYLE[name].dash}
                />
              ))}
            </g>
            {sigmaInRange && (
              <line data-testid="minimisers-current" data-sigma={sigma} x1={x(sigma)} x2={x(sigma)} y1={0} y2={height} stroke="#444" strokeWidth={1.5} />
            )}
            <rect
              data-testid="minimisers-overlay"
              width={width}
              height={height}
              fill="transparent"
              style={{ cursor: 'pointer' }}
              {...pointer}
            />
            {!path && (
              <text x={width / 2} y={height / 2} textAnchor="middle" fontSize={13} fill={result.status === 'error' ? '#b00020' : '#555'}>
                {result.status === 'error' ? 'No path: see the message below.' : 'computing the minimiser path…'}
              </text>
            )}
          </g>
        </svg>
      </div>
      <div data-testid="minimisers-readout" aria-live="polite" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
        {path && near >= 0 && (
          <>
            At the computed σ nearest the current one, σ = {formatNumber(path.sigma[near])}:{' '}
            {PATH_OBJECTIVES.map((name) => `${OBJECTIVE_STYLE[name].short} at m = ${Number.isFinite(path[name][near]) ? path[name][near].toFixed(3) : '— (see notes)'}`).join(', ')}
            {!sigmaInRange && ' — the current σ is outside the plotted range'}
          </>
        )}
      </div>
      {path && (
        <p data-testid="minimisers-jumps" style={{ margin: 0, fontSize: 13 }}>
          {describeJumps('E (Bayes)', jumps, path.expected)} {describeJumps('B', bJumps, path.biconjugate)}
        </p>
      )}
      {result.error && (
        <p data-testid="minimisers-error" role="alert" style={{ color: '#b00020', margin: 0, fontSize: 13 }}>
          {result.error}
        </p>
      )}
      {result.workerFailure && (
        <p role="alert" style={{ color: '#8a5a00', margin: 0, fontSize: 13 }}>
          {result.workerFailure}
        </p>
      )}
      {path && path.warnings.length > 0 && (
        <ul data-testid="minimisers-warnings" style={{ margin: 0, paddingLeft: 18, fontSize: 12, color: '#8a5a00' }}>
          {path.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
