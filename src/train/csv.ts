/**
 * CSV import of a dataset: lines `x,y,label` (an optional header line naming them), labels 0 … k−1.
 * A bad line is named with its number and what is wrong, and nothing is imported.
 */
import type { Point } from './datasets.ts';

export const MAX_CSV_ROWS = 100_000;

/**
 * `lines[i]` is the 1-based line of `points[i]` (so a later check can name it); `labels` are the distinct labels
 * present, ascending; `classes` is the network's output count for them (at least 2).
 */
export type CsvResult = { ok: true; points: Point[]; lines: number[]; labels: number[]; classes: number } | { ok: false; line: number; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface CsvLimits {
  /** Most data rows accepted (the row after the last one allowed is named). */
  maxRows?: number;
  /** Largest class label accepted. */
  maxLabel?: number;
}

export function parseCsvDataset(text: string, limits: CsvLimits = {}): CsvResult {
  const maxRows = limits.maxRows ?? MAX_CSV_ROWS;
  const labelLimit = limits.maxLabel ?? 99;
  const lines = text.split(/\r?\n/);
  const points: Point[] = [];
  const pointLines: number[] = [];
  let maxLabel = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const number = i + 1;
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(',').map((f) => f.trim());
    if (points.length === 0 && i === firstContentLine(lines) && fields.join(',').toLowerCase() === 'x,y,label') continue;
    if (fields.length !== 3) return { ok: false, line: number, message: `line ${number}: expected 3 fields x,y,label, found ${fields.length}` };
    const [xs, ys, ls] = fields;
    for (const [name, value] of [['x', xs], ['y', ys]] as const) {
      if (!NUMBER.test(value) || !Number.isFinite(Number(value))) return { ok: false, line: number, message: `line ${number}: ${name} must be a finite number, got '${value}'` };
    }
    if (!/^\d+$/.test(ls) || Number(ls) > labelLimit) return { ok: false, line: number, message: `line ${number}: label must be a class number 0–${labelLimit}, got '${ls}'` };
    if (points.length >= maxRows) return { ok: false, line: number, message: `line ${number}: more than ${maxRows} points` };
    const label = Number(ls);
    maxLabel = Math.max(maxLabel, label);
    points.push({ x: Number(xs), y: Number(ys), label });
    pointLines.push(number);
  }
  if (points.length === 0) return { ok: false, line: 0, message: 'the file has no data lines (expected x,y,label)' };
  const classes = Math.max(2, maxLabel + 1);
  const used = new Set(points.map((p) => p.label));
  for (let c = 0; c < classes; c++) {
    if (!used.has(c) && c <= maxLabel) return { ok: false, line: 0, message: `labels must be 0 … ${maxLabel} with none missing; class ${c} has no points` };
  }
  return { ok: true, points, lines: pointLines, labels: [...used].sort((a, b) => a - b), classes };
}

function firstContentLine(lines: string[]): number {
  return lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}
