/** Messages between the bench page and its worker (bench/browser/bench.worker.ts). */
export type BenchBackend = 'cpu' | 'webgl' | 'webgpu' | 'wasm';
export type BenchCase = 'bsam-demo' | 'sgd-small';

export interface BenchRequest {
  backend: BenchBackend;
  case: BenchCase;
  /** Seconds of steady-state stepping per measurement. */
  seconds: number;
  /** Measurements (each a steps/s figure); the page reports them all, the caller takes the median. */
  repeats: number;
}

export type BenchResponse =
  | { ok: true; backend: string; rates: number[]; firstStepMs: number; tensorsAfter: number; tensorsBefore: number }
  | { ok: false; message: string };
