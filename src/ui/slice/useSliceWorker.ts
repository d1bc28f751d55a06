/**
 * React binding of the slice worker: compute a slice of a network snapshot with progress, cancel it, and
 * survive a crashed worker (the error is shown and the next compute starts a fresh worker).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SliceResult, SliceSettings } from '../../train/slice/compute-slice.ts';
import type { NetworkSnapshot } from '../../train/slice/snapshot.ts';
import type { SliceRequest, SliceResponse } from '../../worker/slice-protocol.ts';
import { createSliceWorker } from './createSliceWorker.ts';

export type SliceStatus =
  | { kind: 'idle' }
  | { kind: 'running'; fraction: number }
  | { kind: 'done'; result: SliceResult }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export interface SliceWorker {
  status: SliceStatus;
  /** The last finished slice (kept on screen while a new one runs or after a cancel). */
  last: SliceResult | null;
  compute(snapshot: NetworkSnapshot, settings: SliceSettings): void;
  cancel(): void;
  fail(message: string): void;
}

export function useSliceWorker(create: () => Worker = createSliceWorker): SliceWorker {
  const [status, setStatus] = useState<SliceStatus>({ kind: 'idle' });
  const [last, setLast] = useState<SliceResult | null>(null);
  const worker = useRef<Worker | null>(null);
  const current = useRef(0);

  const ensure = useCallback((): Worker => {
    if (worker.current) return worker.current;
    const w = create();
    w.onmessage = (event: MessageEvent<SliceResponse>) => {
      const r = event.data;
      if (r.id !== null && r.id !== current.current) return;
      if (r.type === 'progress') setStatus({ kind: 'running', fraction: r.fraction });
      else if (r.type === 'result') {
        setStatus({ kind: 'done', result: r.result });
        setLast(r.result);
      } else if (r.type === 'cancelled') setStatus({ kind: 'cancelled' });
      else setStatus({ kind: 'error', message: r.message });
    };
    w.onerror = (event) => {
      event.preventDefault();
      w.terminate();
      worker.current = null;
      setStatus({ kind: 'error', message: `the slice worker stopped (${event.message || 'it crashed'}); compute again to restart it` });
    };
    worker.current = w;
    return w;
  }, [create]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const compute = useCallback(
    (snapshot: NetworkSnapshot, settings: SliceSettings) => {
      const id = ++current.current;
      setStatus({ kind: 'running', fraction: 0 });
      const request: SliceRequest = { type: 'compute', id, snapshot, settings };
      ensure().postMessage(request);
    },
    [ensure],
  );

  const cancel = useCallback(() => {
    worker.current?.postMessage({ type: 'cancel', id: current.current } satisfies SliceRequest);
  }, []);

  const fail = useCallback((message: string) => setStatus({ kind: 'error', message }), []);

  return { status, last, compute, cancel, fail };
}
