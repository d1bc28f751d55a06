/**
 * Reading tensors back from the device, written once and run either synchronously (Node, the CLI, the cpu
 * backend) or asynchronously (the training worker). WebGPU needs the asynchronous path: tfjs's `dataSync`
 * there copies through an OffscreenCanvas, which in a worker on SwiftShader returns zeros (issue 3), and it
 * stalls the queue on real GPUs too.
 *
 * A computation that needs values is a generator: it yields each tensor it wants read and receives its values;
 * the driver reads the tensor, then disposes it (a yielded tensor is handed over: yield a clone of one you keep).
 */
import type { tf } from './tf.ts';

type Values = Float32Array | Int32Array | Uint8Array;
export type DeviceReads<T> = Generator<tf.Tensor, T, Values>;

/** Runs `reads` to the end with synchronous reads (`dataSync`). */
export function readNow<T>(reads: DeviceReads<T>): T {
  let next = reads.next();
  while (!next.done) {
    const tensor = next.value;
    let values: Values;
    try {
      values = tensor.dataSync() as Values;
    } finally {
      tensor.dispose();
    }
    next = reads.next(values);
  }
  return next.value;
}

/**
 * Runs `reads` with asynchronous reads (`await data()`). Synchronous until the first read: a computation that
 * reads nothing (a training step that does not end its epoch) returns its value at once, with no promise, so
 * the caller's hot loop does not pay a microtask per step.
 */
export function readSoon<T>(reads: DeviceReads<T>): T | Promise<T> {
  const first = reads.next();
  return first.done ? first.value : finish(reads, first.value);
}

async function finish<T>(reads: DeviceReads<T>, tensor: tf.Tensor): Promise<T> {
  for (;;) {
    let values: Values;
    try {
      values = (await tensor.data()) as Values;
    } finally {
      tensor.dispose();
    }
    const next = reads.next(values);
    if (next.done) return next.value;
    tensor = next.value;
  }
}

/**
 * A computation that reads nothing, as DeviceReads: for the fused engine, whose numbers are in memory already,
 * behind the interface the tfjs engine needs.
 */
// eslint-disable-next-line require-yield -- by design: it has nothing to read
export function* settled<T>(value: T): DeviceReads<T> {
  return value;
}
