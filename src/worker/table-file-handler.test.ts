import { describe, expect, it } from 'vitest';
import { tableCsv } from './data-table.ts';
import type { DataTable } from './data-table.ts';
import { TableFileAssembler } from './table-file-handler.ts';
import { parseTableFileRequest, tableHead } from './table-file-protocol.ts';

const table: DataTable = {
  format: 'sam-bayes-lab/test',
  title: 'test',
  metadata: { sigma: 0.5 },
  columns: [
    { name: 'x', description: 'x', values: Float64Array.of(0, 0.5, 1, 1.5, 2) },
    { name: 'y', description: 'y', values: Float32Array.of(-0.052, Infinity, NaN, 3, 4), precision: 'float32' },
  ],
  notes: [],
  nonFiniteMeaning: { Infinity: 'infinite', NaN: 'not computable' },
};

/** Every message through the same validation the worker applies. */
const send = (a: TableFileAssembler, message: unknown) => a.receive(parseTableFileRequest(message));

describe('TableFileAssembler', () => {
  it('puts pieces in place and writes the same file as the page would', async () => {
    const a = new TableFileAssembler();
    expect(send(a, { kind: 'head', format: 'csv', head: tableHead(table) })).toBeNull();
    for (const [column, c] of table.columns.entries()) {
      for (let offset = 0; offset < 5; offset += 2) expect(send(a, { kind: 'piece', column, offset, values: c.values.slice(offset, offset + 2) })).toBeNull();
    }
    const answer = send(a, { kind: 'end' });
    expect(answer?.kind).toBe('file');
    if (answer?.kind !== 'file') return;
    expect(await answer.blob.text()).toBe(tableCsv(table));
    expect(answer.blob.type).toBe('text/csv');
  });

  it('answers wrong messages with an error, never by throwing', () => {
    const a = new TableFileAssembler();
    expect(send(a, { kind: 'end' })).toEqual({ kind: 'error', message: "a end message before the table's head" });
    expect(send(a, { kind: 'piece', column: -1 })).toEqual({ kind: 'error', message: 'malformed table-file message' });
    send(a, { kind: 'head', format: 'json', head: tableHead(table) });
    expect(send(a, { kind: 'piece', column: 0, offset: 4, values: Float64Array.of(1, 2) })?.kind).toBe('error');
    expect(send(a, { kind: 'piece', column: 7, offset: 0, values: Float64Array.of(1) })?.kind).toBe('error');
  });
});
