/**
 * Training speed in Node on the tfjs cpu backend: steps per second, steady state (after warm-up), without
 * evaluation. The browser backends are measured in Chromium (see BENCHMARKS.md).
 */
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../src/state/training.ts';
import { TrainingRun } from '../src/train/run.ts';
import { tf } from '../src/train/tf.ts';

export function stepsPerSecond(config: TrainingConfig, seconds = 3): number {
  const run = new TrainingRun(config);
  try {
    for (let k = 0; k < 10; k++) run.advance();
    const t0 = performance.now();
    let steps = 0;
    while (performance.now() - t0 < seconds * 1000) {
      run.advance();
      steps++;
    }
    return steps / ((performance.now() - t0) / 1000);
  } finally {
    run.dispose();
  }
}

export const SMALL_MLP: TrainingConfig = {
  ...OFFICIAL_BSAM_DEMO,
  dataset: { ...OFFICIAL_BSAM_DEMO.dataset, size: 256 },
  model: { hidden: [16, 16], activation: 'tanh', biasInit: 0 },
  optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind: 'sgd', learningRate: 0.1 },
  batchSize: 256,
};

export async function trainingRows(): Promise<string[][]> {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  return [
    ['bSAM, official demo (2-32-32-32-32-1 ELU, batch 30, K = 5), Node cpu', stepsPerSecond(OFFICIAL_BSAM_DEMO).toFixed(0)],
    ['SGD, 2-16-16-1 tanh, 256 points full batch, Node cpu', stepsPerSecond(SMALL_MLP).toFixed(0)],
  ];
}
