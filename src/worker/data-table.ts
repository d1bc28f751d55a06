/**
 * A panel's numbers as a table of equal-length numeric columns, written as CSV or JSON in chunks (a
 * million-row 1-D landscape is ~100 MB of text). CSV is the plain table only — a header row of column names and one line per row —
 * so every tool reads it as is; what produced it (loss, σ, ρ, domain), the columns' meanings and why a
 * value is missing are in the JSON file, which holds the same columns. The text is written in the table
 * worker (table-file.worker.ts), so the page only hands over the numbers; where no worker runs, the page
 * writes the chunks in short slices (src/ui/export/chunked-blob.ts).
 */
import { csvCell, jsonCell } from './number-text.ts';
import type { Precision } from './number-text.ts';

export interface DataColumn {
  /** Header name (a plain identifier: no quoting needed in CSV). */
  name: string;
  /** What the column holds, in words and symbols (JSON only). */
  description: string;
  values: Float64Array | Float32Array;
  /** 'float32' for values computed in single precision (written with the digits a float32 has). */
  precision?: Precision;
}

export interface DataTable {
  /** e.g. 'sam-bayes-lab/landscape-1d': what the file is, for scripts. */
  format: string;
  title: string;
  /** The settings that produced the numbers; JSON-serialisable (finite numbers, strings, null). */
  metadata: Record<string, unknown>;
  columns: readonly DataColumn[];
  /** Why values are missing or infinite, in words (the panel's notices). */
  notes: readonly string[];
  /** What +∞ and NaN mean in this table. */
  nonFiniteMeaning: { Infinity: string; NaN: string };
}

export interface NonFiniteRun {
  /** First and last row index (inclusive) of a run of equal non-finite values. */
  from: number;
  to: number;
  value: 'Infinity' | '-Infinity' | 'NaN';
}

const nonFiniteKind = (x: number): NonFiniteRun['value'] | null =>
  Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : null;

/** The non-finite values of a column as runs of rows (a curve is usually infinite or missing on whole stretches). */
export function nonFiniteRuns(values: ArrayLike<number>): NonFiniteRun[] {
  const runs: NonFiniteRun[] = [];
  let open: NonFiniteRun | null = null;
  for (let i = 0; i < values.length; i++) {
    const kind = nonFiniteKind(values[i]);
    if (open && kind === open.value) open.to = i;
    else {
      open = kind === null ? null : { from: i, to: i, value: kind };
      if (open) runs.push(open);
    }
  }
  return runs;
}

/** The number of rows; throws when the columns differ in length (a serialiser bug, never user input). */
export function tableRows(table: DataTable): number {
  const n = table.columns[0]?.values.length ?? 0;
  const bad = table.columns.find((c) => c.values.length !== n);
  if (bad) throw new Error(`column ${bad.name} has ${bad.values.length} values, not ${n}`);
  return n;
}

/** Header row, then `rowsPerChunk` rows per chunk; '\n' line ends. */
export function* tableCsvChunks(table: DataTable, rowsPerChunk = 256): Generator<string> {
  const n = tableRows(table);
  const { columns } = table;
  yield `${columns.map((c) => c.name).join(',')}\n`;
  const cells = new Array<string>(columns.length);
  for (let start = 0; start < n; start += rowsPerChunk) {
    const end = Math.min(n, start + rowsPerChunk);
    const lines = new Array<string>(end - start);
    for (let i = start; i < end; i++) {
      for (let c = 0; c < columns.length; c++) cells[c] = csvCell(columns[c].values[i], columns[c].precision);
      lines[i - start] = cells.join(',');
    }
    yield `${lines.join('\n')}\n`;
  }
}

/** The JSON head: everything but the data, which follows column by column. */
export function tableJsonHead(table: DataTable) {
  const nonFinite: Record<string, NonFiniteRun[]> = {};
  for (const c of table.columns) {
    const runs = nonFiniteRuns(c.values);
    if (runs.length > 0) nonFinite[c.name] = runs;
  }
  return {
    format: table.format,
    version: 1,
    title: table.title,
    metadata: table.metadata,
    rows: tableRows(table),
    columns: table.columns.map((c) => ({ name: c.name, description: c.description, precision: c.precision ?? 'float64' })),
    nonFiniteMeaning: { ...table.nonFiniteMeaning, null: 'JSON has no ∞ or NaN: such values are null in data, and nonFinite lists them as runs of rows (inclusive)' },
    nonFinite,
    notes: table.notes,
  };
}

/**
 * { format, version, title, metadata, rows, columns, nonFiniteMeaning, nonFinite, notes, data: { name: [...] } },
 * the data last and written `valuesPerChunk` numbers per chunk. Column-wise, so `pandas.DataFrame(file["data"])`
 * is the table.
 */
export function* tableJsonChunks(table: DataTable, valuesPerChunk = 1536): Generator<string> {
  const head = JSON.stringify(tableJsonHead(table), null, 2);
  // Reopen the head's object to append "data" (the head always ends with "\n}").
  yield `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "data": {`;
  const { columns } = table;
  for (let c = 0; c < columns.length; c++) {
    const { name, values, precision } = columns[c];
    yield `${c > 0 ? ',' : ''}\n    ${JSON.stringify(name)}: [`;
    for (let start = 0; start < values.length; start += valuesPerChunk) {
      const end = Math.min(values.length, start + valuesPerChunk);
      const parts = new Array<string>(end - start);
      for (let i = start; i < end; i++) parts[i - start] = jsonCell(values[i], precision);
      yield `${start > 0 ? ',' : ''}${parts.join(',')}`;
    }
    yield ']';
  }
  yield '\n  }\n}\n';
}

export const tableCsv = (table: DataTable): string => [...tableCsvChunks(table)].join('');
export const tableJson = (table: DataTable): string => [...tableJsonChunks(table)].join('');
