import { OFFICIAL_BSAM_DEMO } from './src/state/training.ts';
import { FusedTrainingRun } from './src/train/fused/fused-run.ts';
import { TrainingRun } from './src/train/run.ts';
import { tf } from './src/train/tf.ts';
tf.env().set('PROD', true);
await tf.setBackend('cpu');
const which = process.argv[2];
let best = 0;
for (let r = 0; r < 3; r++) {
  const run = which === 'fused' ? new FusedTrainingRun(OFFICIAL_BSAM_DEMO) : new TrainingRun(OFFICIAL_BSAM_DEMO);
  const n = which === 'fused' ? 750 : 60;
  const t0 = performance.now();
  for (let k = 0; k < n; k++) run.advance();
  best = Math.max(best, n / ((performance.now() - t0) / 1000));
  run.dispose();
}
console.log(which, best.toFixed(0), 'steps/s');
