/**
 * Where the experiment trains: the engine choice (`ex.engine`, in the link) and, once a run has started, the
 * engine the worker actually uses with its reason (a fallback when WebGPU has no adapter, auto's measurements).
 */
import { useId } from 'react';
import { EXPERIMENT_ENGINES, type ExperimentEngine } from '../../state/fashion-experiment.ts';
import type { EngineReport } from './use-experiment-worker.ts';

export const ENGINE_LABELS: Record<ExperimentEngine, string> = {
  auto: 'auto (measures, keeps the fastest)',
  fused: 'fused CPU (WebAssembly SIMD)',
  webgpu: 'tfjs WebGPU',
  webgl: 'tfjs WebGL',
  wasm: 'tfjs WebAssembly',
  cpu: 'tfjs CPU',
};

export function EngineSelect({ engine, onChange }: { engine: ExperimentEngine; onChange: (engine: ExperimentEngine) => void }) {
  const id = useId();
  return (
    <label htmlFor={id}>
      Engine{' '}
      <select id={id} data-testid="ex-engine" value={engine} onChange={(e) => onChange(e.target.value as ExperimentEngine)}>
        {EXPERIMENT_ENGINES.map((name) => (
          <option key={name} value={name}>
            {ENGINE_LABELS[name]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The engine in use; `data-active` carries its name for tests and benches (the same word the text shows). */
export function EngineStatus({ engine }: { engine: EngineReport | null }) {
  if (!engine) return null;
  return (
    <p className="experiment-engine" data-testid="ex-engine-active" data-active={engine.active} data-requested={engine.requested}>
      Training on <strong>{ENGINE_LABELS[engine.active]}</strong> — {engine.reason}
    </p>
  );
}
