/**
 * The paper's central picture in one plot: the minimiser over m of E, B, R and SAM as σ grows (σ on a
 * log axis, over the (m, σ) map's σ range) or as ρ grows (over the path's own ρ range). On the sharp-flat
 * loss the Bayes objectives' minimisers jump from the sharp well to the flat one as σ grows, SAM's as ρ
 * grows. An objective that does not depend on the swept parameter (SAM against σ; E, R and B against ρ) is
 * drawn flat and faint, and the plot says so. The vertical line is the 1-D panel's σ or ρ; clicking the
 * plot sets it, and Play sweeps it slowly across the range (slower at the classroom's slow pace), then
 * says it finished. The path is computed in a worker from the same O(n) objectives as the 1-D panel.
 */
import type { ExperimentState } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { formatNumber } from '../kit/format.ts';
import { useSeenOnce } from '../kit/use-seen-once.ts';
import { minimiserPathData } from './data-export.ts';
import { heldNote, jumpSentence, pathStatusText, pathSubtitle, placeholderText, playLabel } from './panel-text.ts';
import { nearestIndex } from './path-jumps.ts';
import { pathForAxis } from './path-lines.ts';
import { PathControls } from './PathControls.tsx';
import { PathHeader } from './PathHeader.tsx';
import { PathNotes, PathReadout } from './PathNotes.tsx';
import { PathPlot } from './PathPlot.tsx';
import { resolvePathParams } from './resolve.ts';
import { useMinimiserPath } from './use-minimiser-path.ts';
import { usePathPlot } from './use-path-plot.ts';
import { usePathSweep } from './use-path-sweep.ts';

export interface MinimiserPathPanelProps {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

export function MinimiserPathPanel({ state, dispatch }: MinimiserPathPanelProps) {
  const { from, to, sigma, rho } = state.landscape1d;
  const resolved = resolvePathParams(state);
  const [sectionRef, seen] = useSeenOnce<HTMLElement>();
  const result = useMinimiserPath(resolved.ok ? resolved.params : null, resolved.ok ? null : resolved.reason, !seen);
  const { axis, symbol, range, current, setCurrent, pace, sweep } = usePathSweep(state, dispatch);
  const path = pathForAxis(result, axis);
  const plot = usePathPlot(path, range, from, to, setCurrent);
  const inRange = current >= range.from && current <= range.to;
  // Said on the plot, not only in the legend: a flat line there is a fact about the objective, not a result.
  const held = heldNote(axis, rho, sigma);
  const play = playLabel(sweep.status, symbol);

  return (
    <section ref={sectionRef} className="panel minimisers-panel" data-testid="minimisers-panel" data-status={result.status} data-axis={axis} aria-labelledby="minimisers-title">
      <PathHeader
        symbol={symbol}
        subtitle={pathSubtitle(axis, rho, sigma)}
        status={result.status}
        statusText={pathStatusText(result, symbol)}
        data={minimiserPathData(result, state, resolved.ok ? resolved.params.expression : null)}
      />
      <PathControls minimisers={state.minimisers} patch={(patch) => dispatch({ type: 'patchMinimisers', patch })} sweep={sweep} playLabel={play} pace={pace} />
      {sweep.status === 'finished' && (
        <p data-testid="minimisers-sweep-finished" role="status" style={{ margin: 0, fontSize: 13 }}>
          <strong>Sweep finished</strong>: {symbol} went from {formatNumber(range.from)} to {formatNumber(range.to)}. Press “{play}” to watch it again.
        </p>
      )}
      <PathPlot
        {...plot}
        path={path}
        axis={axis}
        symbol={symbol}
        current={current}
        inRange={inRange}
        status={result.status}
        heldNote={held}
        placeholder={placeholderText(result.status)}
        ariaLabel={`Minimiser of each objective against ${symbol} from ${formatNumber(range.from)} to ${formatNumber(range.to)}; current ${symbol} = ${formatNumber(current)}. ${held}.`}
      />
      <PathReadout path={path} near={path ? nearestIndex(path.values, current) : -1} symbol={symbol} inRange={inRange} />
      <PathNotes jumps={path ? jumpSentence(path, to - from, symbol) : null} error={result.error} workerFailure={result.workerFailure} warnings={path?.warnings ?? []} />
    </section>
  );
}
