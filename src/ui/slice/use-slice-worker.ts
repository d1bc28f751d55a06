/**
 * React binding of the slice workers: compute a slice of a network snapshot with progress, shared by up to two
 * workers (SliceFanout), cancel it, and survive a crashed worker (the error is shown and the next compute
 * starts a fresh one).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SliceResult, SliceSettings } from '../../train/slice/compute-slice.ts';
import type { NetworkSnapshot } from '../../train/slice/snapshot.ts';
import { createSliceWorker, sliceWorkerCount } from './create-slice-worker.ts';
import { SliceFanout, type SliceStatus } from './slice-fanout.ts';
import type { WorkerLike } from '../kit/worker-client.ts';
import type { SliceRequest, SliceResponse } from '../../worker/slice-protocol.ts';

export type { SliceStatus } from './slice-fanout.ts';

export interface SliceWorker {
  status: SliceStatus;
  /** The last finished slice (kept on screen while a new one runs or after a cancel). */
  last: SliceResult | null;
  compute(snapshot: NetworkSnapshot, settings: SliceSettings): void;
  cancel(): void;
  fail(message: string): void;
}

export function useSliceWorker(create: () => WorkerLike<SliceRequest, SliceResponse> = createSliceWorker, count: number = sliceWorkerCount()): SliceWorker {
  const [status, setStatus] = useState<SliceStatus>({ kind: 'idle' });
  const [last, setLast] = useState<SliceResult | null>(null);
  const fanout = useRef<SliceFanout | null>(null);

  const ensure = useCallback((): SliceFanout => {
    fanout.current ??= new SliceFanout(create, count, (next) => {
      setStatus(next);
      if (next.kind === 'done') setLast(next.result);
    });
    return fanout.current;
  }, [create, count]);

  useEffect(() => {
    // The workers start when the page is idle, not on the first compute: starting two took ~0.3 s of the 2 s a
    // 41 × 41 slice may take; waiting for idle keeps them off the page's own start.
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(() => ensure().warm(), { timeout: 3000 }) : null;
    const timer = idle === null ? setTimeout(() => ensure().warm(), 1000) : null;
    return () => {
      if (idle !== null) cancelIdleCallback(idle);
      if (timer !== null) clearTimeout(timer);
      fanout.current?.dispose();
      fanout.current = null;
    };
  }, [ensure]);

  const compute = useCallback((snapshot: NetworkSnapshot, settings: SliceSettings) => ensure().compute(snapshot, settings), [ensure]);
  const cancel = useCallback(() => fanout.current?.cancel(), []);
  const fail = useCallback((message: string) => setStatus({ kind: 'error', message }), []);

  return { status, last, compute, cancel, fail };
}
