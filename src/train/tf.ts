/**
 * The one place `src/train` gets TensorFlow.js from. The umbrella package brings the core with its gradients
 * and the CPU and WebGL backends, and resolves in plain Node (its CommonJS build) as well as in Vite; importing
 * tfjs-core's ESM files directly fails under Node's resolver (directory imports).
 */
import * as tf from '@tensorflow/tfjs';

export { tf };

/**
 * Kept scalar tensors for the numbers a step multiplies by (β₁, 1 − β₁, ρ, N, …). `tf.mul(0.9, t)` uploads a
 * fresh 4-byte tensor on every call; on WebGPU each upload is a `createBuffer({mappedAtCreation})` plus a
 * staging buffer, dozens per step: the "createBuffer failed, size (4) is too large … mappedAtCreation" of
 * issue 3 was one of them. The same value gives the same tensor; `dispose()` frees them all.
 */
export class Scalars {
  private readonly cache = new Map<number, tf.Scalar>();
  /** One scalar per named slot for values that change as training goes on (the scheduled learning rate). */
  private readonly slots = new Map<string, { value: number; tensor: tf.Scalar }>();

  /**
   * A kept float32 scalar for `value` in `slot`, replacing the slot's previous one when the value changes:
   * the scheduled learning rate changes every epoch, and caching each value would add a tensor an epoch.
   */
  current(slot: string, value: number): tf.Scalar {
    const held = this.slots.get(slot);
    if (held && Object.is(held.value, value)) return held.tensor;
    held?.tensor.dispose();
    const tensor = tf.keep(upload(Float32Array.of(value), []) as tf.Scalar);
    this.slots.set(slot, { value, tensor });
    return tensor;
  }

  /** A kept float32 scalar for `value` (safe to use inside tf.tidy: it is never disposed there). */
  of(value: number): tf.Scalar {
    let t = this.cache.get(value);
    if (!t) {
      // A bound, in case a caller passes values that keep changing (those belong in current()).
      if (this.cache.size >= 256) this.disposeCache();
      t = tf.keep(upload(Float32Array.of(value), []) as tf.Scalar);
      this.cache.set(value, t);
    }
    return t;
  }

  dispose(): void {
    this.disposeCache();
    this.slots.forEach((s) => s.tensor.dispose());
    this.slots.clear();
  }

  private disposeCache(): void {
    this.cache.forEach((t) => t.dispose());
    this.cache.clear();
  }
}

/** The part of WebGPU's API `upload` uses (the DOM lib of this TypeScript has no WebGPU types). */
interface GpuBufferLike {
  size: number;
}
interface GpuDeviceLike {
  createBuffer(descriptor: { size: number; usage: number }): GpuBufferLike;
  queue: { writeBuffer(buffer: GpuBufferLike, offset: number, data: ArrayBufferView): void };
}

/** STORAGE | COPY_SRC | COPY_DST (WebGPU's GPUBufferUsage bits): what tfjs needs to copy from a buffer. */
const UPLOAD_USAGE = 0x80 | 0x04 | 0x08;
const uploadBuffers = new WeakMap<GpuDeviceLike, Map<number, GpuBufferLike>>();

/**
 * A tensor holding `values`. On WebGPU the values go through `queue.writeBuffer` into a reused buffer that
 * tfjs copies from on the GPU, instead of tfjs's own upload, which creates a buffer with mappedAtCreation
 * for every tensor: on SwiftShader those allocations fail ("createBuffer failed, size (…) is too large …
 * mappedAtCreation", issue 3). tfjs submits that copy at once, so the next upload of the same size can
 * overwrite the buffer. Elsewhere it is plain `tf.tensor`.
 */
export function upload(values: Float32Array | Int32Array, shape: number[], dtype: 'float32' | 'int32' = 'float32'): tf.Tensor {
  const device = tf.getBackend() === 'webgpu' ? (tf.backend() as unknown as { device?: GpuDeviceLike }).device : undefined;
  // writeBuffer needs a multiple of 4 bytes and at least one element; float32 and int32 always are.
  if (!device || values.length === 0) return tf.tensor(values, shape, dtype);
  let pool = uploadBuffers.get(device);
  if (!pool) uploadBuffers.set(device, (pool = new Map()));
  let buffer = pool.get(values.byteLength);
  if (!buffer) pool.set(values.byteLength, (buffer = device.createBuffer({ size: values.byteLength, usage: UPLOAD_USAGE })));
  device.queue.writeBuffer(buffer, 0, values);
  return tf.tensor({ buffer } as unknown as tf.TensorLike, shape, dtype);
}
