/**
 * A file built from text chunks on the page without freezing it (the fallback when the table worker cannot
 * run, table-file.ts): chunks are gathered for at most `budgetMs`
 * at a time, then the event loop runs (input, painting) before the next slice. Each slice's text goes
 * into its own Blob at once, so the final Blob only references them and no single step encodes the
 * whole (possibly 100 MB) file.
 */

export interface ChunkedBlobOptions {
  /**
   * Wall time per slice. 100 ms is a long task; on a machine with many more runnable threads than cores
   * a slice's wall time is several times its CPU time, so the slices are short and the chunks small.
   */
  budgetMs?: number;
  /** Injected in tests. */
  now?: () => number;
  pause?: () => Promise<void>;
}

/**
 * A turn of the event loop, so input and rendering run between slices: scheduler.yield where the browser
 * has it (the export continues ahead of other background work), else a MessageChannel message (a task,
 * without setTimeout's 4 ms clamp, which would add a third to the export's time at 8 ms slices).
 */
export function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function blobFromChunks(chunks: Iterable<string>, type: string, options: ChunkedBlobOptions = {}): Promise<Blob> {
  const { budgetMs = 8, now = () => performance.now(), pause = nextTurn } = options;
  const slices: Blob[] = [];
  let pending: string[] = [];
  let started = now();
  for (const chunk of chunks) {
    pending.push(chunk);
    if (now() - started >= budgetMs) {
      slices.push(new Blob(pending, { type }));
      pending = [];
      await pause();
      started = now();
    }
  }
  if (pending.length > 0) slices.push(new Blob(pending, { type }));
  return new Blob(slices, { type });
}
