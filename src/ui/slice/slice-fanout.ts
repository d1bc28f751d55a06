/**
 * One slice shared by several slice workers: each computes a contiguous range of the grid's cells (splitCells),
 * progress is the mean of the parts', and the parts are merged when all have arrived. A cancel or an error in any
 * part ends the whole slice and stops the other parts. Free of React, so it is tested in Node with fake workers.
 */
import { sliceCells, type SliceRange, type SliceResult, type SliceSettings } from '../../train/slice/compute-slice.ts';
import { mergeSliceParts, splitCells } from '../../train/slice/merge-slice.ts';
import type { NetworkSnapshot } from '../../train/slice/snapshot.ts';
import type { SliceRequest, SliceResponse } from '../../worker/slice-protocol.ts';
import type { WorkerLike } from '../kit/worker-client.ts';

export type SliceStatus =
  | { kind: 'idle' }
  | { kind: 'running'; fraction: number }
  | { kind: 'done'; result: SliceResult }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** The slice being computed: part k is computed by worker k. */
interface Pending {
  id: number;
  results: (SliceResult | null)[];
  fractions: number[];
  /** The unfinished parts have been asked to stop (once is enough). */
  stopped: boolean;
}

export class SliceFanout {
  /** Created on first use; a crashed one is dropped and created afresh by the next compute. */
  private readonly workers: (WorkerLike<SliceRequest, SliceResponse> | null)[];
  private lastId = 0;
  private pending: Pending | null = null;

  constructor(
    private readonly create: () => WorkerLike<SliceRequest, SliceResponse>,
    count: number,
    private readonly report: (status: SliceStatus) => void,
  ) {
    this.workers = Array.from({ length: Math.max(1, Math.floor(count) || 1) }, () => null);
  }

  /** Starts a slice, superseding any running one. */
  compute(snapshot: NetworkSnapshot, settings: SliceSettings): void {
    this.end(null);
    const id = ++this.lastId;
    const cells = sliceCells(settings);
    // Impossible settings have no grid to split: one worker computes "all" of it and says what is wrong.
    const ranges: (SliceRange | undefined)[] = Number.isInteger(cells) && cells >= 1 ? splitCells(cells, this.workers.length) : [undefined];
    this.pending = { id, results: ranges.map(() => null), fractions: ranges.map(() => 0), stopped: false };
    this.report({ kind: 'running', fraction: 0 });
    // The snapshot is cloned to each worker, not transferred: every part needs it.
    ranges.forEach((range, k) => this.worker(k).postMessage({ type: 'compute', id, snapshot, settings, ...(range && { range }) }));
  }

  /** Starts every worker now (its module and WebAssembly load), so the first slice does not wait ~0.3 s for them. */
  warm(): void {
    this.workers.forEach((_, k) => this.worker(k));
  }

  /** Asks every unfinished part to stop; the slice ends when the first says it has. */
  cancel(): void {
    if (this.pending) this.stop(this.pending);
  }

  dispose(): void {
    this.pending = null;
    this.workers.forEach((w, k) => {
      w?.terminate();
      this.workers[k] = null;
    });
  }

  private worker(k: number): WorkerLike<SliceRequest, SliceResponse> {
    const existing = this.workers[k];
    if (existing) return existing;
    const w = this.create();
    w.onmessage = (event) => this.receive(k, event.data);
    w.onerror = (event) => {
      event.preventDefault();
      w.terminate();
      this.workers[k] = null;
      this.end({ kind: 'error', message: `the slice worker stopped (${event.message || 'it crashed'}); compute again to restart it` });
    };
    this.workers[k] = w;
    return w;
  }

  private receive(k: number, r: SliceResponse): void {
    const p = this.pending;
    // A bad request's error may have no id; any other reply for an older slice is stale.
    if (!p || (r.id !== null && r.id !== p.id)) return;
    if (r.type === 'cancelled') return this.end({ kind: 'cancelled' });
    if (r.type === 'error') return this.end({ kind: 'error', message: r.message });
    if (r.type === 'result') p.results[k] = r.result;
    p.fractions[k] = r.type === 'result' ? 1 : r.fraction;
    if (p.results.every((part) => part !== null)) this.finish(p.results as SliceResult[]);
    else this.report({ kind: 'running', fraction: p.fractions.reduce((s, f) => s + f, 0) / p.fractions.length });
  }

  private finish(parts: SliceResult[]): void {
    this.pending = null;
    try {
      this.report({ kind: 'done', result: mergeSliceParts(parts) });
    } catch (error) {
      this.report({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Ends the slice (with `status`, if any), stopping the parts still running; replies for it are stale from now. */
  private end(status: SliceStatus | null): void {
    const p = this.pending;
    this.pending = null;
    if (p) this.stop(p);
    if (status) this.report(status);
  }

  private stop(p: Pending): void {
    if (p.stopped) return;
    p.stopped = true;
    p.results.forEach((result, k) => {
      if (!result) this.workers[k]?.postMessage({ type: 'cancel', id: p.id });
    });
  }
}
