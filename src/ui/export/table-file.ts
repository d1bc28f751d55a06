/**
 * A data table as a file, written in a worker (table-file.worker.ts): the page copies the numbers over a
 * piece at a time, with a turn of the event loop between pieces, and gets the finished Blob back. Where no
 * worker starts (or it fails), the page writes the file itself in short slices (chunked-blob.ts).
 */
import { tableCsvChunks, tableJsonChunks } from '../../worker/data-table.ts';
import type { DataTable } from '../../worker/data-table.ts';
import { tableHead } from '../../worker/table-file-protocol.ts';
import type { TableFileFormat, TableFileRequest, TableFileResponse } from '../../worker/table-file-protocol.ts';
import { blobFromChunks, nextTurn } from './chunked-blob.ts';

export interface TableFileWorker {
  postMessage(message: TableFileRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<TableFileResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Kept in this literal form so Vite bundles the worker. */
export function createTableFileWorker(): TableFileWorker {
  return new Worker(new URL('../../worker/table-file.worker.ts', import.meta.url), { type: 'module', name: 'table-file' }) as unknown as TableFileWorker;
}

export const FILE_TYPES: Record<TableFileFormat, string> = { csv: 'text/csv', json: 'application/json' };

/** The file written on the page, in slices: the fallback. */
export function writeOnPage(table: DataTable, format: TableFileFormat): Promise<Blob> {
  return blobFromChunks(format === 'csv' ? tableCsvChunks(table) : tableJsonChunks(table), FILE_TYPES[format]);
}

export interface WriteOptions {
  createWorker?: () => TableFileWorker;
  /** Numbers per message: 65,536 doubles are half a megabyte, copied in well under a millisecond. */
  pieceValues?: number;
  pause?: () => Promise<void>;
}

async function writeInWorker(worker: TableFileWorker, table: DataTable, format: TableFileFormat, pieceValues: number, pause: () => Promise<void>): Promise<Blob> {
  let failed = false;
  const answer = new Promise<Blob>((resolve, reject) => {
    const fail = (message: string) => {
      failed = true;
      reject(new Error(message));
    };
    worker.onmessage = (event) => (event.data.kind === 'file' ? resolve(event.data.blob) : fail(event.data.message));
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'the table worker failed');
    };
  });
  // Awaited at the end; this only keeps an early failure from being reported as unhandled meanwhile.
  answer.catch(() => {});
  worker.postMessage({ kind: 'head', format, head: tableHead(table) }, []);
  for (let column = 0; column < table.columns.length; column++) {
    const { values } = table.columns[column];
    for (let offset = 0; offset < values.length && !failed; offset += pieceValues) {
      const piece = values.slice(offset, offset + pieceValues);
      worker.postMessage({ kind: 'piece', column, offset, values: piece }, [piece.buffer]);
      await pause();
    }
  }
  worker.postMessage({ kind: 'end' }, []);
  return answer;
}

export async function writeTableFile(table: DataTable, format: TableFileFormat, options: WriteOptions = {}): Promise<Blob> {
  const { createWorker = createTableFileWorker, pieceValues = 65_536, pause = nextTurn } = options;
  let worker: TableFileWorker;
  try {
    worker = createWorker();
  } catch {
    return writeOnPage(table, format);
  }
  try {
    return await writeInWorker(worker, table, format, pieceValues, pause);
  } catch {
    // A worker that cannot load (a file:// page, a strict CSP) or that fails: the page writes the file.
    return writeOnPage(table, format);
  } finally {
    worker.terminate();
  }
}
