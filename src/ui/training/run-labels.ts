/** How the training lab names its runs on screen and in test ids. */
import type { OptimizerKind } from '../../state/training.ts';
import { OPTIMIZER_LABELS } from './optimizer-labels.ts';
import type { RunView } from './training-client.ts';

/** A run's name; the same optimizer twice gets a number so the two can be told apart. */
export function runLabel(runs: readonly { kind: OptimizerKind }[], i: number): string {
  const kind = runs[i]?.kind;
  if (!kind) return '';
  return runs.findIndex((r) => r.kind === kind) !== i ? `${OPTIMIZER_LABELS[kind]} #${i + 1}` : OPTIMIZER_LABELS[kind];
}

/** Test ids: the main run keeps the ids it always had, the compared run's get a "-2". */
export const testIdSuffix = (k: number) => (k === 0 ? '' : `-${k + 1}`);

export interface LabelledRun {
  view: RunView | null;
  label: string;
}

/** The runs on screen: the worker's, labelled; before the worker has any, one empty run of the configured kind. */
export function labelledRuns(runs: readonly RunView[], configured: OptimizerKind): LabelledRun[] {
  return runs.length ? runs.map((r, i) => ({ view: r, label: runLabel(runs, i) })) : [{ view: null, label: OPTIMIZER_LABELS[configured] }];
}
