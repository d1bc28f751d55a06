/** The words of the minimiser-path panel: status, Play button, the flat objectives' note and the jumps. */
import { PATH_OBJECTIVES } from '../../math/minimiser-path.ts';
import type { PathObjective, SweepAxis } from '../../math/minimiser-path.ts';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import { formatNumber } from '../kit/format.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import { describeJumps, findJumps } from './path-jumps.ts';
import type { PathState } from './use-minimiser-path.ts';
import type { SweepStatus } from './use-sweep.ts';

export function pathStatusText({ status, progress, elapsedMs, where }: Pick<PathState, 'status' | 'progress' | 'elapsedMs' | 'where'>, symbol: string): string {
  if (status === 'waiting') return 'computed when the panel is scrolled into view';
  if (status === 'computing') return `computing…${progress ? ` ${progress.done}/${progress.total} ${symbol} values` : ''}`;
  if (status === 'error') return 'error';
  return `ready${elapsedMs !== null ? ` (${Math.round(elapsedMs)} ms, ${where})` : ''}`;
}

/** What the plot says while it has no path to draw. */
export function placeholderText(status: PathState['status']): string {
  if (status === 'error') return 'No path: see the message below.';
  if (status === 'waiting') return 'computed when you scroll here';
  return 'computing the minimiser path…';
}

export function playLabel(status: SweepStatus, symbol: string): string {
  if (status === 'playing') return 'Pause';
  return status === 'finished' ? `Replay ${symbol} sweep` : `Play ${symbol} sweep`;
}

/** The sentence under the title: what is swept, and where the objectives that do not depend on it are held. */
export function pathSubtitle(axis: SweepAxis, rho: number, sigma: number): string {
  return axis === 'sigma'
    ? `The minimiser over m of each objective as σ grows (ρ = ${formatNumber(rho)} for SAM, which does not depend on σ).`
    : `The minimiser over m of each objective as ρ grows: only SAM depends on ρ (E, R and B at σ = ${formatNumber(sigma)}).`;
}

/** Which objectives are flat against the axis, and at which value of the other parameter they are held. */
export function heldNote(axis: SweepAxis, rho: number, sigma: number): string {
  return axis === 'sigma'
    ? `S (SAM) does not depend on σ: drawn flat (ρ = ${formatNumber(rho)})`
    : `E, R and B do not depend on ρ: drawn flat (σ = ${formatNumber(sigma)})`;
}

/** The objectives whose jumps the sentence says, for each axis. */
const MOVING: Readonly<Record<SweepAxis, readonly PathObjective[]>> = { sigma: ['expected', 'biconjugate'], rho: ['sam'] };
const JUMP_NAMES: Readonly<Partial<Record<PathObjective, string>>> = { expected: 'E (Bayes)', sam: 'S (SAM)' };

/** The jumps of the moving objectives' minimisers, by more than a fraction of the m-domain `span`. */
export function jumpSentence(path: PostedPath, span: number, symbol: string): string {
  return MOVING[path.axis]
    .map((name) => describeJumps(JUMP_NAMES[name] ?? 'B', findJumps(path.values, path[name], span), path[name], symbol))
    .join(' ');
}

/** Each objective's minimiser at the computed value `near`, or a pointer to the notes where it has none. */
export function minimisersAt(path: PostedPath, near: number): string {
  return PATH_OBJECTIVES.map((name) => `${OBJECTIVE_STYLE[name].short} at m = ${Number.isFinite(path[name][near]) ? path[name][near].toFixed(3) : '— (see notes)'}`).join(', ');
}
