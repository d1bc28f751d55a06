import { useId } from 'react';
import type { BackendChoice } from '../../worker/train-protocol.ts';
import { BACKEND_CHOICES } from '../../worker/train-protocol.ts';
import type { BackendInfo } from './training-client.ts';

interface Props {
  backend: BackendChoice;
  onBackend: (backend: BackendChoice) => void;
  /** The backend actually in use and why (absent until the worker has started). */
  info: BackendInfo | null;
}

const BACKEND_LABELS: Record<BackendChoice, string> = { auto: 'auto (fastest)', fused: 'fused CPU (WebAssembly SIMD)', webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly (tfjs)', cpu: 'CPU' };

/** The backend choice beside the backend actually in use, and why it is that one. */
export function BackendRow({ backend, onBackend, info }: Props) {
  const id = useId();
  return (
    <div className="train-backend-row">
      <label
        className="train-inline"
        htmlFor={`${id}-backend`}
        data-testid="train-backend"
        data-active={info?.active ?? ''}
        data-requested={backend}
      >
        Backend
      </label>
      <select id={`${id}-backend`} data-testid="train-backend-select" value={backend} onChange={(e) => onBackend(e.target.value as BackendChoice)}>
        {BACKEND_CHOICES.map((b) => (
          <option key={b} value={b}>
            {BACKEND_LABELS[b]}
          </option>
        ))}
      </select>
      <span className="train-backend-active" data-testid="train-backend-active" title={info?.reason}>
        {info ? (
          <>
            using <strong>{BACKEND_LABELS[info.active]}</strong>
            {info.reason && <span className="train-muted"> — {info.reason}</span>}
          </>
        ) : (
          <span className="train-muted">starting…</span>
        )}
      </span>
    </div>
  );
}
