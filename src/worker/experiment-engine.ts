/**
 * The experiment worker's engine: the training lab's machinery (train-backend.ts: the same start code, the
 * same fallback order webgpu → webgl → wasm → cpu with the reason said, the same measuring for `auto`) applied
 * to the Fashion-MNIST runs, and the run of one config on the chosen engine (lab-run.ts).
 *
 * `auto` here measures only the engines that can win on this machine, so that it delays the start by a
 * fraction of a second, not by seconds (the training lab's Play once stayed off 12.6 s while auto measured):
 * the fused engine and tfjs's wasm backend always; webgpu and webgl only when they are real GPUs (a software
 * adapter — SwiftShader in headless Chromium, llvmpipe — is a CPU rasteriser, far slower than either); tfjs's
 * cpu backend never (plain JavaScript on the same CPU as the fused engine's SIMD WebAssembly). What was left
 * out, and why, is part of the reason shown.
 */
import type { ExperimentEngine } from '../state/fashion-experiment.ts';
import type { TrainingConfig } from '../state/training.ts';
import type { ArrayDataset } from '../train/data/index.ts';
import { createLabRun, type LabRun } from '../train/lab-run.ts';
import { tf } from '../train/tf.ts';
import { cachedAuto, chooseBackend, engineOf, measureAuto, onlyFallbackGpu } from './train-backend.ts';
import type { ActiveBackend, BackendChoice } from './train-protocol.ts';

// The state's engine names are the training lab's backend choices: this line stops compiling if they part.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ENGINE_NAMES_AGREE: Same<ExperimentEngine, BackendChoice> = true;

export interface EngineChoice {
  requested: ExperimentEngine;
  /** What the runs train on (what tfjs reports it runs on, for a tfjs backend). */
  active: ActiveBackend;
  reason: string;
}

/** The renderer of a WebGL context in this worker, when one can be made (null in Node or without WebGL). */
function webglRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const canvas = new OffscreenCanvas(1, 1);
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return null;
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software/i;

/** auto's candidates on this machine, and the engines left out with the reason. */
async function autoCandidates(): Promise<{ candidates: ActiveBackend[]; skipped: string[] }> {
  const candidates: ActiveBackend[] = ['fused', 'wasm'];
  const skipped: string[] = [];
  if (await onlyFallbackGpu().catch(() => false)) skipped.push('webgpu (a software fallback adapter; choose it explicitly to use it)');
  else candidates.push('webgpu');
  const renderer = webglRenderer();
  if (renderer !== null && SOFTWARE_RENDERER.test(renderer)) skipped.push(`webgl (software renderer ${renderer}; choose it explicitly to use it)`);
  else candidates.push('webgl');
  skipped.push('cpu (tfjs in plain JavaScript on the same CPU as the fused engine)');
  return { candidates, skipped };
}

/**
 * Starts the engine for `choice`, `config` being the setting auto measures (its steps on `table`, the real
 * images). Throws only when nothing at all can start.
 */
export async function chooseExperimentEngine(choice: ExperimentEngine, config: TrainingConfig, table: ArrayDataset): Promise<EngineChoice> {
  let chosen: { active: ActiveBackend; reason: string };
  if (choice === 'auto') {
    const cached = await cachedAuto(config, table);
    if (cached) chosen = { active: cached.active, reason: `${cached.reason} (measured earlier for this setting)` };
    else {
      const { candidates, skipped } = await autoCandidates();
      const decided = await measureAuto(config, undefined, table, candidates);
      if (!decided) throw new Error('no training engine could start');
      chosen = { active: decided.active, reason: `${decided.reason}; not measured: ${skipped.join(', ')}` };
    }
  } else chosen = await chooseBackend(choice, config, table);
  // What is reported is what tfjs says it runs on (it can fall back silently), not what was asked for.
  const active = chosen.active === 'fused' ? 'fused' : (tf.getBackend() as ActiveBackend);
  const reason = active === chosen.active ? chosen.reason : `${chosen.reason}; but tfjs reports ${active}`;
  return { requested: choice, active, reason };
}

/** A run of `config` on the chosen engine, on the experiment's images. */
export function experimentRun(config: TrainingConfig, engine: EngineChoice, table: ArrayDataset): LabRun {
  return createLabRun(config, engineOf(engine.active), { data: table });
}
