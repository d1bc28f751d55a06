/**
 * The table-file worker's state: a head, then pieces of columns written into place, then the file.
 * Pure (no worker globals), so it is tested directly and the page can run it when no worker starts.
 */
import { tableCsvChunks, tableJsonChunks } from './data-table.ts';
import type { DataTable } from './data-table.ts';
import type { TableFileFormat, TableFileRequest, TableFileResponse } from './table-file-protocol.ts';

export class TableFileAssembler {
  private table: DataTable | null = null;
  private format: TableFileFormat = 'csv';

  /** The answer once the file is complete or a message is wrong; null while pieces are still coming. */
  receive(request: TableFileRequest | null): TableFileResponse | null {
    if (request === null) return { kind: 'error', message: 'malformed table-file message' };
    if (request.kind === 'head') {
      this.format = request.format;
      const { columns, ...rest } = request.head;
      this.table = {
        ...rest,
        columns: columns.map((c) => ({
          name: c.name,
          description: c.description,
          precision: c.precision,
          values: c.precision === 'float32' ? new Float32Array(c.length) : new Float64Array(c.length),
        })),
      };
      return null;
    }
    const table = this.table;
    if (!table) return { kind: 'error', message: `a ${request.kind} message before the table's head` };
    if (request.kind === 'piece') {
      const column = table.columns[request.column];
      if (!column || request.offset + request.values.length > column.values.length) return { kind: 'error', message: `piece out of range for column ${request.column}` };
      column.values.set(request.values, request.offset);
      return null;
    }
    try {
      const chunks = this.format === 'csv' ? tableCsvChunks(table) : tableJsonChunks(table);
      return { kind: 'file', blob: new Blob([...chunks], { type: this.format === 'csv' ? 'text/csv' : 'application/json' }) };
    } catch (e) {
      return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  }
}
