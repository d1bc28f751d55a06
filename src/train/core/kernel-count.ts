/**
 * How many tfjs kernels one training step launches, by name: on WebGPU every kernel but the free reshapes is
 * a device dispatch, so this is the count that limits small networks on a GPU (issue 13 asks for it, and for
 * it to stay small). Counted with tf.profile on whatever backend is active (the kernels a step runs are the
 * same on every backend, except that on cpu split() copies on the host: count on another backend, e.g. wasm).
 */
import { readNow } from '../device-reads.ts';
import type { TrainingRun } from '../run.ts';
import { tf } from '../tf.ts';

/**
 * Kernels that only relabel a buffer: tfjs-backend-webgpu runs Reshape, ExpandDims and Squeeze as a reshape of
 * the same data and Identity as a reference count, with no shader dispatch.
 */
export const VIEW_KERNELS = ['Reshape', 'ExpandDims', 'Squeeze', 'Identity'];

export interface KernelCount {
  /** Every kernel the step ran. */
  total: number;
  /** Without the view-only kernels (VIEW_KERNELS), a SplitV counted once per output: the dispatches on WebGPU. */
  dispatches: number;
  byName: Record<string, number>;
}

/** The kernels of the run's next training step (the step is taken). */
export async function kernelsOfStep(run: TrainingRun): Promise<KernelCount> {
  const info = await tf.profile(() => {
    readNow(run.advanceReads());
  });
  const byName: Record<string, number> = {};
  let dispatches = 0;
  for (const k of info.kernels) {
    byName[k.name] = (byName[k.name] ?? 0) + 1;
    // SplitV runs one slice program per output on WebGPU.
    if (!VIEW_KERNELS.includes(k.name)) dispatches += k.name === 'SplitV' ? k.outputShapes.length : 1;
  }
  return { total: info.kernels.length, dispatches, byName };
}
