/**
 * A step's loss for StepResult: a number already (the fused engine), or a scalar on the device (tfjs) read on
 * first use and then cached. Before the device scalar is freed (when the epoch closes) the run either reads
 * it or hands over the value read with the others (`set`).
 */
import type { tf } from '../tf.ts';

export class StepLoss {
  private value: number | null;
  private tensor: tf.Scalar | null;
  readonly epochLoss = null;

  constructor(loss: number | tf.Scalar) {
    this.value = typeof loss === 'number' ? loss : null;
    this.tensor = typeof loss === 'number' ? null : loss;
  }

  get loss(): number {
    if (this.value === null) {
      if (!this.tensor) throw new Error('the step loss was freed before it was read');
      this.value = this.tensor.dataSync()[0];
    }
    return this.value;
  }

  set(value: number): void {
    this.value = value;
  }

  /** The device scalar while its value has not been read. */
  pending(): tf.Scalar | null {
    return this.value === null ? this.tensor : null;
  }

  /** Frees the device scalar; only the value (if read) remains. */
  release(): void {
    this.tensor?.dispose();
    this.tensor = null;
  }
}
