/**
 * From CSV text to the state change that makes it the dataset: parsed with parseCsvDataset under the
 * state's bounds (at most MAX_CUSTOM_POINTS points, labels 0 … MAX_LABEL), so anything refused names the
 * line and nothing reaches the state.
 */
import { MAX_CUSTOM_POINTS, MAX_LABEL, type TrainingConfig } from '../../state/training.ts';
import { parseCsvDataset } from '../../train/csv.ts';

export type CsvImport = { ok: true; dataset: Partial<TrainingConfig['dataset']>; summary: string } | { ok: false; message: string };

export function importCsv(text: string, source: string): CsvImport {
  const r = parseCsvDataset(text, { maxRows: MAX_CUSTOM_POINTS, maxLabel: MAX_LABEL });
  if (!r.ok) return { ok: false, message: `${source} was not imported: ${r.message}.` };
  if (r.points.length < 2) return { ok: false, message: `${source} was not imported: it has ${r.points.length} point; at least 2 are needed.` };
  return {
    ok: true,
    // The edits belonged to the previous data; the imported points replace it.
    dataset: { kind: 'custom', points: r.points, added: [], removed: [] },
    summary: `Imported ${r.points.length} points in ${r.classes} classes from ${source}.`,
  };
}
