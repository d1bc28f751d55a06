/**
 * The paper's central picture in one plot: the minimiser over m of E, B, R and SAM as σ grows (σ on a
 * log axis, over the (m, σ) map's σ range) or as ρ grows (over the path's own ρ range). On the sharp-flat
 * loss the Bayes objectives' minimisers jump from the sharp well to the flat one as σ grows, SAM's as ρ
 * grows. An objective that does not depend on the swept parameter (SAM against σ; E, R and B against ρ) is
 * drawn flat and faint, and the plot says so. The vertical line is the 1-D panel's σ or ρ; clicking the
 * plot sets it, and Play sweeps it slowly across the range (slower at the classroom's slow pace), then
 * says it finished. The path is computed in a worker from the same O(n) objectives as the 1-D panel.
 */
import { useMemo } from 'react';
import { line, scaleLinear, scaleLog } from 'd3';
import { AXIS_SYMBOL, dependsOn, PATH_OBJECTIVES } from '../../math/minimiser-path.ts';
import type { PathObjective } from '../../math/minimiser-path.ts';
import type { ExperimentState } from '../../state/experiment.ts';
import { minimisersSchema, PATH_AXES } from '../../state/minimisers.ts';
import type { PathAxis } from '../../state/minimisers.ts';
import type { Action } from '../../state/update.ts';
import { parseField } from '../../state/update.ts';
import { Axes } from '../kit/Axes.tsx';
import { linearTicks, logTicks } from '../kit/axis-ticks.ts';
import { CommitField } from '../kit/CommitField.tsx';
import { formatNumber } from '../kit/format.ts';
import { layoutFrame } from '../kit/plot-frame.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import { usePace } from '../kit/pace.ts';
import { useElementWidth } from '../kit/use-element-width.ts';
import { useSeenOnce } from '../kit/use-seen-once.ts';
import { usePointerDrag } from '../kit/use-pointer-drag.ts';
import { describeJumps, findJumps, nearestIndex } from './path-jumps.ts';
import { resolvePathParams, sweptRange } from './resolve.ts';
import { SWEEP_DURATION_MS } from './sweep.ts';
import { useMinimiserPath } from './use-minimiser-path.ts';
import { useSweep } from './use-sweep.ts';
import { minimiserPathData } from './data-export.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';

const ROOM = { top: 14, right: 16 };
const PLOT_HEIGHT = 240;
const HELD_OPACITY = 0.4;
const RHO_FIELDS = minimisersSchema.shape;

export interface MinimiserPathPanelProps {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

export function MinimiserPathPanel({ state, dispatch }: MinimiserPathPanelProps) {
  const { from, to, sigma, rho } = state.landscape1d;
  const { axis, rhoFrom, rhoTo } = state.minimisers;
  const symbol = AXIS_SYMBOL[axis];
  const resolved = resolvePathParams(state);
  const [sectionRef, seen] = useSeenOnce<HTMLElement>();
  const result = useMinimiserPath(resolved.ok ? resolved.params : null, resolved.ok ? null : resolved.reason, !seen);
  // A path of the other axis (still on screen while this one computes) is not drawn against this axis.
  const path = result.status === 'error' || result.path?.axis !== axis ? null : result.path;
  const swept = sweptRange(state);
  const range = { from: swept.from, to: swept.from < swept.to ? swept.to : swept.from * 10 };
  const current = axis === 'sigma' ? sigma : rho;
  const setCurrent = (v: number) => dispatch(axis === 'sigma' ? { type: 'setSigma', sigma: v } : { type: 'setRho', rho: v });
  const pace = usePace();
  const sweep = useSweep(axis, current, range, SWEEP_DURATION_MS[pace], setCurrent);

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
        .x((j) => x(path.values[j]))
        .y((j) => y(values[j]))(Array.from(values.keys()));
      return { name, d: d ?? '', values, held: !dependsOn(name, path.axis) };
    });
  }, [path, x, y]);

  const span = to - from;
  const moving: PathObjective[] = axis === 'sigma' ? ['expected', 'biconjugate'] : ['sam'];
  const sentence = path
    ? moving.map((name) => describeJumps(name === 'expected' ? 'E (Bayes)' : name === 'sam' ? 'S (SAM)' : 'B', findJumps(path.values, path[name], span), path[name], symbol)).join(' ')
    : '';
  const near = path ? nearestIndex(path.values, current) : -1;
  const inRange = current >= range.from && current <= range.to;
  // Said on the plot, not only in the legend: a flat line there is a fact about the objective, not a result.
  const heldNote =
    axis === 'sigma'
      ? `S (SAM) does not depend on σ: drawn flat (ρ = ${formatNumber(rho)})`
      : `E, R and B do not depend on ρ: drawn flat (σ = ${formatNumber(sigma)})`;

  // A press sets σ (or ρ) there; no drag (Play sweeps it).
  const pointer = usePointerDrag<SVGRectElement>({
    onPress: ({ px }) => {
      const v = x.invert(px);
      if (Number.isFinite(v) && v > 0) setCurrent(Number(v.toPrecision(3)));
      return null;
    },
  });

  const statusText =
    result.status === 'waiting'
      ? 'computed when the panel is scrolled into view'
      : result.status === 'computing'
      ? `computing…${result.progress ? ` ${result.progress.done}/${result.progress.total} ${symbol} values` : ''}`
      : result.status === 'ready'
        ? `ready${result.elapsedMs !== null ? ` (${Math.round(result.elapsedMs)} ms, ${result.where})` : ''}`
        : 'error';
  const playLabel = sweep.status === 'playing' ? 'Pause' : sweep.status === 'finished' ? `Replay ${symbol} sweep` : `Play ${symbol} sweep`;

  return (
    <section ref={sectionRef} className="panel minimisers-panel" data-testid="minimisers-panel" data-status={result.status} data-axis={axis} aria-labelledby="minimisers-title">
      <header className="panel-head">
        <h2 id="minimisers-title">Where each objective’s minimum is, as {symbol} grows</h2>
        <p>
          {axis === 'sigma'
            ? `The minimiser over m of each objective as σ grows (ρ = ${formatNumber(rho)} for SAM, which does not depend on σ).`
            : `The minimiser over m of each objective as ρ grows: only SAM depends on ρ (E, R and B at σ = ${formatNumber(sigma)}).`}{' '}
          The vertical line is the 1-D panel’s {symbol}: click the plot to set it, or press Play to sweep it slowly.
        </p>
        <ExportMenu name="minimiser-path" label="the minimiser-path plot" data={minimiserPathData(result, state, resolved.ok ? resolved.params.expression : null)} />
        <span data-testid="minimisers-status" role="status" style={{ fontSize: 12, color: result.status === 'error' ? '#b00020' : '#555' }}>
          {statusText}
        </span>
      </header>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', fontSize: 13 }}>
        <fieldset style={{ display: 'flex', gap: 8, border: 'none', margin: 0, padding: 0 }}>
          <legend style={{ float: 'left', marginRight: 6 }}>Against</legend>
          {PATH_AXES.map((a: PathAxis) => (
            <label key={a}>
              <input
                type="radio"
                name="minimisers-axis"
                data-testid={`minimisers-axis-${a}`}
                checked={axis === a}
                onChange={() => dispatch({ type: 'patchMinimisers', patch: { axis: a } })}
              />{' '}
              {AXIS_SYMBOL[a]}
            </label>
          ))}
        </fieldset>
        {axis === 'rho' && (
          <>
            <CommitField
              label="ρ from"
              value={rhoFrom}
              testId="minimisers-rho-from"
              parse={(t) => rangeEnd(parseField(t, RHO_FIELDS.rhoFrom, 'ρ from'), (v) => v < rhoTo, `ρ from must be less than ρ to (${formatNumber(rhoTo)}).`)}
              onCommit={(v) => dispatch({ type: 'patchMinimisers', patch: { rhoFrom: v } })}
            />
            <CommitField
              label="ρ to"
              value={rhoTo}
              testId="minimisers-rho-to"
              parse={(t) => rangeEnd(parseField(t, RHO_FIELDS.rhoTo, 'ρ to'), (v) => v > rhoFrom, `ρ to must be greater than ρ from (${formatNumber(rhoFrom)}).`)}
              onCommit={(v) => dispatch({ type: 'patchMinimisers', patch: { rhoTo: v } })}
            />
          </>
        )}
        <button type="button" data-testid="minimisers-play" data-sweep={sweep.status} aria-pressed={sweep.status === 'playing'} onClick={sweep.toggle}>
          {playLabel}
        </button>
        {pace === 'slow' && (
          <span data-testid="minimisers-pace" style={{ fontSize: 12, color: '#555' }}>
            slow pace: {SWEEP_DURATION_MS.slow / 1000} s across the range
          </span>
        )}
        <ul aria-label="Legend" style={{ display: 'flex', gap: 12, listStyle: 'none', margin: 0, padding: 0 }}>
          {PATH_OBJECTIVES.map((name) => (
            // Only the line sample is faint for a held objective: faint text would fail contrast; "(flat)" says it.
            <li key={name} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
              <svg width={22} height={8} aria-hidden="true" opacity={dependsOn(name, axis) ? 1 : HELD_OPACITY + 0.2}>
                <line x1={0} x2={22} y1={4} y2={4} stroke={OBJECTIVE_STYLE[name].color} strokeWidth={2} strokeDasharray={OBJECTIVE_STYLE[name].dash} />
              </svg>
              {OBJECTIVE_STYLE[name].label}
              {!dependsOn(name, axis) && ' (flat)'}
            </li>
          ))}
        </ul>
      </div>
      {sweep.status === 'finished' && (
        <p data-testid="minimisers-sweep-finished" role="status" style={{ margin: 0, fontSize: 13 }}>
          <strong>Sweep finished</strong>: {symbol} went from {formatNumber(range.from)} to {formatNumber(range.to)}. Press “{playLabel}” to watch it again.
        </p>
      )}
      <div ref={containerRef} style={{ width: '100%', minWidth: 0 }}>
        <svg
          data-testid="minimisers-plot"
          width={outerWidth}
          height={height + margin.top + margin.bottom}
          role="img"
          aria-label={`Minimiser of each objective against ${symbol} from ${formatNumber(range.from)} to ${formatNumber(range.to)}; current ${symbol} = ${formatNumber(current)}. ${heldNote}.`}
          data-axis={path?.axis ?? ''}
          data-values={path ? Array.from(path.values, (s) => s.toPrecision(4)).join(',') : ''}
        >
          <g transform={`translate(${margin.left},${margin.top})`}>
            <Axes x={x} y={y} width={width} height={height} xTicks={frame.xTicks} yTicks={frame.yTicks} xTitle={`${symbol} (log scale)`} yTitle="argmin over m" frame="lines" />
            <g fill="none" opacity={result.status === 'computing' ? 0.5 : 1}>
              {lines.map(({ name, d, values, held }) => (
                <path
                  key={name}
                  d={d}
                  data-testid={`minimisers-line-${name}`}
                  data-held={held}
                  data-values={Array.from(values, (v) => (Number.isFinite(v) ? v.toFixed(4) : 'NaN')).join(',')}
                  stroke={OBJECTIVE_STYLE[name].color}
                  strokeOpacity={held ? HELD_OPACITY : 1}
                  strokeWidth={name === 'sam' ? 1.5 : 2}
                  strokeDasharray={OBJECTIVE_STYLE[name].dash}
                />
              ))}
            </g>
            {path && (
              <text data-testid="minimisers-held-note" x={width - 4} y={12} textAnchor="end" fontSize={11} fill="#555">
                {heldNote}
              </text>
            )}
            {inRange && (
              <line data-testid="minimisers-current" data-axis={axis} data-value={current} x1={x(current)} x2={x(current)} y1={0} y2={height} stroke="#444" strokeWidth={1.5} />
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
                {result.status === 'error' ? 'No path: see the message below.' : result.status === 'waiting' ? 'computed when you scroll here' : 'computing the minimiser path…'}
              </text>
            )}
          </g>
        </svg>
      </div>
      <div data-testid="minimisers-readout" aria-live="polite" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
        {path && near >= 0 && (
          <>
            At the computed {symbol} nearest the current one, {symbol} = {formatNumber(path.values[near])}:{' '}
            {PATH_OBJECTIVES.map((name) => `${OBJECTIVE_STYLE[name].short} at m = ${Number.isFinite(path[name][near]) ? path[name][near].toFixed(3) : '— (see notes)'}`).join(', ')}
            {!inRange && ` — the current ${symbol} is outside the plotted range`}
          </>
        )}
      </div>
      {path && (
        <p data-testid="minimisers-jumps" style={{ margin: 0, fontSize: 13 }}>
          {sentence}
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

/** A parsed end of the ρ range, also checked against the other end (the schema's refinement, said beside the field). */
function rangeEnd(r: ReturnType<typeof parseField>, ok: (v: number) => boolean, message: string): ReturnType<typeof parseField> {
  return r.ok && !ok(r.value) ? { ok: false, message } : r;
}
