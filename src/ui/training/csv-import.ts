/**
 * From CSV text to the state change that makes it the dataset. The file is parsed (parseCsvDataset, which
 * names a malformed line), then the resulting config is checked against the state's own schema — the same
 * check the reducer makes — so a file the state cannot hold (a coordinate beyond the schema's bound, too many
 * points) is refused here with the line and the reason, instead of being silently dropped by the reducer
 * while a success message is shown. The summary says exactly what was imported: points, and which labels.
 */
import type { z } from 'zod';
import { numberBounds } from '../../state/schema-bounds.ts';
import { MAX_CUSTOM_POINTS, MAX_LABEL, pointSchema, trainingSchema, type TrainingConfig } from '../../state/training.ts';
import { parseCsvDataset } from '../../train/csv.ts';

export type CsvImport = { ok: true; dataset: Partial<TrainingConfig['dataset']>; summary: string; warning: string | null } | { ok: false; message: string };

/** "labels 0, 1 and 3" / "label 0 only". */
function labelList(labels: readonly number[]): string {
  if (labels.length === 1) return `label ${labels[0]} only`;
  return `labels ${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** The first schema issue, in words, with the CSV line of the point it is about (when it is about one). */
function describeIssue(issue: z.core.$ZodIssue, lines: readonly number[]): string {
  const [section, field, index, coordinate] = issue.path;
  if (section === 'dataset' && field === 'points' && typeof index === 'number') {
    const line = lines[index];
    if (coordinate === 'x' || coordinate === 'y') {
      const b = numberBounds(pointSchema.shape[coordinate]);
      return `line ${line}: ${coordinate} must be between ${b.min} and ${b.max} (the lab's bound on coordinates, so the plot keeps its scale)`;
    }
    return `line ${line}: ${issue.message}`;
  }
  return `${issue.path.join('.')}: ${issue.message}`;
}

export function importCsv(text: string, source: string, current: TrainingConfig): CsvImport {
  const r = parseCsvDataset(text, { maxRows: MAX_CUSTOM_POINTS, maxLabel: MAX_LABEL });
  if (!r.ok) return { ok: false, message: `${source} was not imported: ${r.message}.` };
  if (r.points.length < 2) return { ok: false, message: `${source} was not imported: it has ${r.points.length} point; at least 2 are needed.` };
  // The edits belonged to the previous data; the imported points replace it.
  const dataset = { kind: 'custom' as const, points: r.points, added: [], removed: [] };
  const checked = trainingSchema.safeParse({ ...current, dataset: { ...current.dataset, ...dataset } });
  if (!checked.success) return { ok: false, message: `${source} was not imported: ${describeIssue(checked.error.issues[0], r.lines)}.` };
  const single = r.labels.length === 1;
  return {
    ok: true,
    dataset,
    summary: `Imported ${r.points.length} points with ${labelList(r.labels)} from ${source}.`,
    warning: single ? `Every point has label ${r.labels[0]}: there is nothing to separate (the network still has ${r.classes} outputs).` : null,
  };
}
