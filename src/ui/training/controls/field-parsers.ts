/** Each training field's parser: it validates against the field's own schema bounds (state/training.ts), as the reducer does. */
import { trainingSchema } from '../../../state/training.ts';
import type { Schema } from '../../../state/schema-bounds.ts';
import { parseField } from '../../../state/update.ts';

const F = trainingSchema.shape;
const parser = (field: Schema, name: string) => (t: string) => parseField(t, field, name);

export const PARSE = {
  size: parser(F.dataset.shape.size, 'The number of points'),
  noise: parser(F.dataset.shape.noise, 'Noise'),
  testFraction: parser(F.dataset.shape.testFraction, 'The test fraction'),
  labelNoise: parser(F.dataset.shape.labelNoise, 'Label noise'),
  classes: parser(F.dataset.shape.classes, 'The number of classes'),
  learningRate: parser(F.optimizer.shape.learningRate, 'The learning rate'),
  rho: parser(F.optimizer.shape.rho, 'ρ'),
  msharpness: parser(F.optimizer.shape.msharpness, 'K'),
  momentum: parser(F.optimizer.shape.momentum, 'Momentum'),
  weightDecay: parser(F.optimizer.shape.weightDecay, 'δ'),
  epochs: parser(F.epochs, 'Epochs'),
  warmup: parser(F.warmup, 'Warm-up epochs'),
  batchSize: parser(F.batchSize, 'The batch size'),
  seedData: parser(F.seeds.shape.data, 'The data seed'),
  seedInit: parser(F.seeds.shape.init, 'The init seed'),
  seedNoise: parser(F.seeds.shape.noise, 'The noise seed'),
};
