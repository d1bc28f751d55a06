/**
 * Runs slice requests for the slice worker, free of worker globals so it is tested in Node: one job at a
 * time, computed a row at a time in chunks of about CHUNK_MS, yielding between chunks so a cancel (or a newer
 * compute) is seen promptly.
 */
import { computeSlice, sliceProblem } from '../train/slice/compute-slice.ts';
import type { SliceResult } from '../train/slice/compute-slice.ts';
import { parseSliceRequest, type SliceRequest, type SliceResponse } from './slice-protocol.ts';

const CHUNK_MS = 40;
const PROGRESS_MS = 100;

export interface SliceHost {
  post(response: SliceResponse): void;
  schedule(task: () => void): void;
  now(): number;
}

interface Job {
  id: number;
  rows: Generator<number, SliceResult>;
  lastProgress: number;
}

export class SliceJobs {
  private job: Job | null = null;
  /** A work() call is queued: there is never more than one, whatever the order of cancels and computes. */
  private scheduled = false;

  constructor(private readonly host: SliceHost) {}

  /** A message as the worker receives it: validated, then handled, or answered with the reason it is bad. */
  receive(data: unknown): void {
    const parsed = parseSliceRequest(data);
    if (parsed.ok) this.handle(parsed.request);
    else this.host.post({ type: 'error', id: parsed.id, message: parsed.message });
  }

  handle(request: SliceRequest): void {
    if (request.type === 'cancel') {
      if (this.job?.id === request.id) {
        this.job = null;
        this.host.post({ type: 'cancelled', id: request.id });
      }
      return;
    }
    const problem = sliceProblem(request.snapshot, request.settings, request.range);
    if (problem) {
      this.host.post({ type: 'error', id: request.id, message: problem });
      return;
    }
    if (this.job) this.host.post({ type: 'cancelled', id: this.job.id });
    this.job = { id: request.id, rows: computeSlice(request.snapshot, request.settings, request.range), lastProgress: -Infinity };
    this.queue();
  }

  private queue(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.schedule(() => {
      this.scheduled = false;
      this.work();
    });
  }

  private work(): void {
    const job = this.job;
    if (!job) return;
    const start = this.host.now();
    try {
      for (;;) {
        const next = job.rows.next();
        if (next.done) {
          this.job = null;
          this.host.post({ type: 'result', id: job.id, result: next.value });
          return;
        }
        const now = this.host.now();
        if (now - job.lastProgress >= PROGRESS_MS) {
          job.lastProgress = now;
          this.host.post({ type: 'progress', id: job.id, fraction: next.value });
        }
        if (now - start >= CHUNK_MS) break;
      }
    } catch (error) {
      this.job = null;
      this.host.post({ type: 'error', id: job.id, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.queue();
  }
}
