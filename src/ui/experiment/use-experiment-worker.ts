/**
 * The experiment panel's side of its worker: asks it to load the dataset as soon as the panel opens, keeps
 * what it reports (load progress, training progress, per-epoch records, finished runs) in React state, and
 * sends start / pause / resume / cancel. Records arrive a few per second at most, so plain state suffices.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExperimentDataKind } from '../../state/experiment-data.ts';
import type { ExperimentEngine, ExperimentRun } from '../../state/fashion-experiment.ts';
import type { ExperimentProgress, ExperimentRequest, ExperimentResponse, ExperimentTestSet } from '../../worker/experiment-protocol.ts';
import type { StdHistograms } from '../../worker/std-histogram.ts';
import { MAX_OWN_FILES } from '../../worker/experiment-own-data-protocol.ts';
import { createExperimentWorker } from './create-experiment-worker.ts';
import { INITIAL_OWN_DATA, reduceOwnData, type OwnDataView } from './own-data-view.ts';
import type { RunResult, TestPredictions } from './results/run-result.ts';

export type LoadState =
  | { status: 'loading'; loaded: number; total: number; fraction: number }
  | { status: 'loaded'; trainImages: number; testImages: number; test: ExperimentTestSet }
  | { status: 'failed'; message: string };

export type RunStatus = 'idle' | 'running' | 'paused' | 'finished' | 'cancelled' | 'failed';

export interface ExperimentView {
  load: LoadState;
  status: RunStatus;
  progress: ExperimentProgress | null;
  /** One per run of the started experiment, in run order; a run not yet started has no epochs. */
  results: RunResult[];
  predictions: TestPredictions[];
  /** The latest bSAM posterior-std histograms, with the run and epoch they belong to. */
  std: { run: number; epoch: number; histograms: StdHistograms } | null;
  error: string | null;
  /** The user's own IDX files (own-data-view.ts). */
  own: OwnDataView;
  /** The test images the shown results were computed on (Fashion-MNIST's or the own files' at the start). */
  resultsTest: ExperimentTestSet | null;
  /** The engine the started experiment trains on, and why (null before the worker has said). */
  engine: EngineReport | null;
}

export type EngineReport = Omit<Extract<ExperimentResponse, { type: 'engine' }>, 'type'>;

export const INITIAL_VIEW: ExperimentView = {
  load: { status: 'loading', loaded: 0, total: 0, fraction: 0 },
  status: 'idle',
  progress: null,
  results: [],
  predictions: [],
  std: null,
  error: null,
  own: INITIAL_OWN_DATA,
  resultsTest: null,
  engine: null,
};

/** How each worker message changes what the panel shows (pure, so it is tested without a worker). */
export function reduceView(view: ExperimentView, r: ExperimentResponse): ExperimentView {
  switch (r.type) {
    case 'load-progress':
      return { ...view, load: { status: 'loading', loaded: r.loaded, total: r.total, fraction: r.fraction } };
    case 'loaded':
      return { ...view, load: { status: 'loaded', trainImages: r.trainImages, testImages: r.testImages, test: r.test } };
    case 'load-error':
      return { ...view, load: { status: 'failed', message: r.message } };
    case 'engine':
      return { ...view, engine: { requested: r.requested, active: r.active, reason: r.reason } };
    case 'progress':
      return { ...view, progress: r, status: r.paused ? 'paused' : 'running' };
    case 'epoch':
      return { ...view, results: view.results.map((res, i) => (i === r.run ? { ...res, epochs: [...res.epochs, r.record] } : res)) };
    case 'std':
      return { ...view, std: { run: r.run, epoch: r.epoch, histograms: r.histograms } };
    case 'run-done':
      return { ...view, results: view.results.map((res, i) => (i === r.run ? r.result : res)), predictions: [...view.predictions, r.predictions] };
    case 'finished':
      return { ...view, status: 'finished' };
    case 'cancelled':
      return { ...view, status: 'cancelled' };
    case 'error':
      return { ...view, status: 'failed', error: r.message };
    case 'own-loaded':
    case 'own-error':
      return { ...view, own: reduceOwnData(view.own, r) };
  }
}

export function useExperimentWorker() {
  const [view, setView] = useState<ExperimentView>(INITIAL_VIEW);
  const worker = useRef<Worker | null>(null);

  const send = useCallback((request: ExperimentRequest, transfer: Transferable[] = []) => worker.current?.postMessage(request, transfer), []);

  const connect = useCallback(() => {
    worker.current?.terminate();
    const w = createExperimentWorker();
    w.onmessage = (e: MessageEvent<ExperimentResponse>) => setView((v) => reduceView(v, e.data));
    w.onerror = (e) => {
      e.preventDefault();
      setView((v) => ({ ...v, status: 'failed', error: `the experiment worker failed: ${e.message || 'unknown error'}`, load: v.load.status === 'loading' ? { status: 'failed', message: 'the worker stopped while loading' } : v.load }));
    };
    worker.current = w;
    // The base URL is the app's (Vite's BASE_URL), resolved against the page: the worker cannot see the page's URL.
    w.postMessage({ type: 'load', baseUrl: new URL(import.meta.env.BASE_URL, location.href).href } satisfies ExperimentRequest);
  }, []);

  useEffect(() => {
    connect();
    return () => {
      worker.current?.terminate();
      worker.current = null;
    };
  }, [connect]);

  const start = useCallback(
    (runs: ExperimentRun[], dataset: ExperimentDataKind = 'fashion-mnist', engine: ExperimentEngine = 'fused') => {
      setView((v) => ({
        ...v,
        resultsTest: dataset === 'own' ? (v.own.loaded?.test ?? null) : v.load.status === 'loaded' ? v.load.test : null,
        status: 'running',
        progress: null,
        error: null,
        predictions: [],
        std: null,
        engine: null,
        results: runs.map((r) => ({ optimizer: r.optimizer, seed: r.seed, epochs: [], finished: false, reliability: null })),
      }));
      send({ type: 'start', runs, dataset, engine });
    },
    [send],
  );

  /** The user's picked or dropped files, read here (File.arrayBuffer does not block) and transferred to the worker. */
  const loadOwn = useCallback(
    (files: readonly File[]) => {
      if (files.length > MAX_OWN_FILES) {
        // The worker would refuse the message as malformed; the user is told what it would say of any wrong count.
        setView((v) => ({ ...v, own: { ...v.own, error: `files: expected 4 IDX files (training and test images and labels), got ${files.length}` } }));
        return;
      }
      setView((v) => ({ ...v, own: { ...v.own, reading: true, error: null } }));
      Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() }))).then(
        (read) => send({ type: 'load-own', files: read }, read.map((f) => f.bytes)),
        (e: unknown) => setView((v) => ({ ...v, own: { ...v.own, reading: false, error: `the files could not be read: ${e instanceof Error ? e.message : String(e)}` } })),
      );
    },
    [send],
  );

  return {
    view,
    start,
    pause: useCallback(() => send({ type: 'pause' }), [send]),
    resume: useCallback(() => send({ type: 'resume' }), [send]),
    cancel: useCallback(() => send({ type: 'cancel' }), [send]),
    loadOwn,
    /** After a failed load: a fresh worker tries again. */
    retryLoad: useCallback(() => {
      setView(INITIAL_VIEW);
      connect();
    }, [connect]),
  };
}
