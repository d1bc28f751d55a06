import { describe, expect, it } from 'vitest';
import { tableCsv, tableJson } from '../../worker/data-table.ts';
import type { DataTable } from '../../worker/data-table.ts';
import { TableFileAssembler } from '../../worker/table-file-handler.ts';
import { parseTableFileRequest } from '../../worker/table-file-protocol.ts';
import type { TableFileRequest, TableFileResponse } from '../../worker/table-file-protocol.ts';
import { writeTableFile } from './table-file.ts';
import type { TableFileWorker } from './table-file.ts';

const n = 1000;
const table: DataTable = {
  format: 'sam-bayes-lab/test',
  title: 'test',
  metadata: {},
  columns: [
    { name: 'm', description: 'm', values: Float64Array.from({ length: n }, (_, i) => i / 7) },
    { name: 'v', description: 'v', values: Float64Array.from({ length: n }, (_, i) => (i % 100 === 0 ? Infinity : Math.sqrt(i))) },
  ],
  notes: [],
  nonFiniteMeaning: { Infinity: 'infinite', NaN: 'not computable' },
};

/** A worker in the same thread: messages go through the worker's validation and assembler. */
function fakeWorker(log: TableFileRequest['kind'][], fail = false): TableFileWorker {
  const assembler = new TableFileAssembler();
  const w: TableFileWorker = {
    onmessage: null,
    onerror: null,
    terminate: () => log.push('end'),
    postMessage(message) {
      log.push(message.kind);
      if (fail) {
        queueMicrotask(() => w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent));
        return;
      }
      const answer = assembler.receive(parseTableFileRequest(message));
      if (answer) queueMicrotask(() => w.onmessage?.({ data: answer } as MessageEvent<TableFileResponse>));
    },
  };
  return w;
}

const noPause = async () => {};

describe('writeTableFile', () => {
  it('sends the numbers in pieces and returns the worker’s file, equal to the page’s', async () => {
    const log: TableFileRequest['kind'][] = [];
    const csv = await writeTableFile(table, 'csv', { createWorker: () => fakeWorker(log), pieceValues: 128, pause: noPause });
    expect(await csv.text()).toBe(tableCsv(table));
    // Two columns of 1000 in pieces of 128: 8 each.
    expect(log.filter((k) => k === 'piece')).toHaveLength(16);
    const json = await writeTableFile(table, 'json', { createWorker: () => fakeWorker([]), pause: noPause });
    expect(await json.text()).toBe(tableJson(table));
  });

  it('writes the file on the page when the worker cannot start or fails', async () => {
    const noWorker = () => {
      throw new Error('no workers here');
    };
    expect(await (await writeTableFile(table, 'csv', { createWorker: noWorker })).text()).toBe(tableCsv(table));
    const log: TableFileRequest['kind'][] = [];
    expect(await (await writeTableFile(table, 'json', { createWorker: () => fakeWorker(log, true), pause: noPause })).text()).toBe(tableJson(table));
  });
});
