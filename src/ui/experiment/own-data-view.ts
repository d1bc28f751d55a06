/**
 * What the panel knows of the user's own IDX files: the last set the worker accepted (its summary and test
 * images), whether files are being read, and the last problem. A bad set leaves the accepted one in place,
 * as the worker does.
 */
import type { ExperimentTestSet } from '../../worker/experiment-protocol.ts';
import type { OwnDataResponse, OwnDataSummary } from '../../worker/experiment-own-data-protocol.ts';

export interface OwnDataView {
  loaded: { summary: OwnDataSummary; test: ExperimentTestSet } | null;
  reading: boolean;
  error: string | null;
}

export const INITIAL_OWN_DATA: OwnDataView = { loaded: null, reading: false, error: null };

export function reduceOwnData(own: OwnDataView, r: OwnDataResponse): OwnDataView {
  if (r.type === 'own-loaded') return { loaded: { summary: r.summary, test: r.test }, reading: false, error: null };
  return { ...own, reading: false, error: r.message };
}

const count = (n: number) => n.toLocaleString('en');

/** Exactly what was loaded: "60,000 train / 10,000 test images, 28×28, 10 classes". */
export function ownDataText(s: OwnDataSummary): string {
  return `${count(s.trainImages)} train / ${count(s.testImages)} test images, ${s.rows}×${s.cols}, ${s.classes} classes`;
}

/**
 * The notes a summary needs: classes are the largest label + 1, so labels that start at 1 (EMNIST letters,
 * 1–26) give an output that is never a target; and the state's training-set size stops at 60,000.
 */
export function ownDataNotes(s: OwnDataSummary, maxTrain: number): string[] {
  const notes: string[] = [];
  if (s.unusedClasses.length > 0) {
    const list = s.unusedClasses.length <= 5 ? s.unusedClasses.join(', ') : `${s.unusedClasses.slice(0, 5).join(', ')} and ${s.unusedClasses.length - 5} more`;
    const one = s.unusedClasses.length === 1;
    notes.push(
      `The number of classes is the largest training label + 1; class${one ? '' : 'es'} ${list} ${one ? 'has' : 'have'} no training image (e.g. EMNIST letters label a–z as 1–26), so the network has an output that is never a target.`,
    );
  }
  if (s.trainImages > maxTrain) notes.push(`At most the first ${count(maxTrain)} training images can train here.`);
  return notes;
}
