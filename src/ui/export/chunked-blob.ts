/**
 * A file built from text chunks without freezing the page: chunks are gathered for at most `budgetMs`
 * at a time, then the event loop runs (input, painting) before the next slice. Each slice's text goes
 * into its own Blob at once, so the final Blob only references them and no single step encodes the
 * whole (possibly 100 MB) file.
 */

export interface ChunkedBlobOptions {
  /** Main-thread time per slice; 100 ms is a long task, so well under it. */
  budgetMs?: number;
  /** Injected in tests. */
  now?: () => number;
  pause?: () => Promise<void>;
}

/** A macrotask turn: setTimeout lets input and rendering run between slices. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function blobFromChunks(chunks: Iterable<string>, type: string, options: ChunkedBlobOptions = {}): Promise<Blob> {
  const { budgetMs = 25, now = () => performance.now(), pause = nextTurn } = options;
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
