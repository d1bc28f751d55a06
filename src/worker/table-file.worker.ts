/// <reference lib="webworker" />
/** Module worker writing one data table as a CSV or JSON file (table-file-protocol.ts), then idle until terminated. */
import { TableFileAssembler } from './table-file-handler.ts';
import { parseTableFileRequest } from './table-file-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const assembler = new TableFileAssembler();

scope.onmessage = (event: MessageEvent<unknown>) => {
  const answer = assembler.receive(parseTableFileRequest(event.data));
  if (answer) scope.postMessage(answer);
};
