/**
 * Messages of the table-file worker, which turns a data table into a CSV or JSON file off the main thread
 * (a million-row 1-D landscape is ~100 MB of text). One worker per file: the page sends the table's head
 * (everything but the numbers), then each column in pieces (copied a piece at a time, so no step of the
 * page's is long), then `end`; the worker answers with the file as a Blob (passed by reference) or an error.
 */
import { z } from 'zod';
import type { DataTable } from './data-table.ts';

export type TableFileFormat = 'csv' | 'json';

/** A table without its numbers: each column's length and precision instead. */
export type TableHead = Omit<DataTable, 'columns'> & {
  columns: { name: string; description: string; precision: 'float64' | 'float32'; length: number }[];
};

export type TableFileRequest =
  | { kind: 'head'; format: TableFileFormat; head: TableHead }
  | { kind: 'piece'; column: number; offset: number; values: Float64Array | Float32Array }
  | { kind: 'end' };

export type TableFileResponse = { kind: 'file'; blob: Blob } | { kind: 'error'; message: string };

const count = z.number().int().nonnegative();
const headSchema = z.object({
  format: z.string(),
  title: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  notes: z.array(z.string()),
  nonFiniteMeaning: z.object({ Infinity: z.string(), NaN: z.string() }),
  columns: z.array(z.object({ name: z.string().regex(/^\w+$/), description: z.string(), precision: z.enum(['float64', 'float32']), length: count })),
});

export const tableFileRequestSchema = z.union([
  z.object({ kind: z.literal('head'), format: z.enum(['csv', 'json']), head: headSchema }),
  z.object({ kind: z.literal('piece'), column: count, offset: count, values: z.union([z.instanceof(Float64Array), z.instanceof(Float32Array)]) }),
  z.object({ kind: z.literal('end') }),
]);

/** Validates a message on arrival; null for anything malformed. */
export function parseTableFileRequest(data: unknown): TableFileRequest | null {
  const parsed = tableFileRequestSchema.safeParse(data);
  return parsed.success ? (parsed.data as TableFileRequest) : null;
}

/** The head of a table, as sent first. */
export function tableHead(table: DataTable): TableHead {
  const { columns, ...rest } = table;
  return { ...rest, columns: columns.map((c) => ({ name: c.name, description: c.description, precision: c.precision ?? 'float64', length: c.values.length })) };
}
