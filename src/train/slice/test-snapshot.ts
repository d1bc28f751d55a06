/** A small trained-looking network on the moons for the slice tests (not used by the app). */
import { seededNormal } from '../../math/random.ts';
import { makeDataset } from '../datasets.ts';
import { parameterCount, type NetworkSnapshot } from './snapshot.ts';

export function testSnapshot(withPosterior: boolean): NetworkSnapshot {
  const sizes = [2, 8, 8, 1];
  const draw = seededNormal(5);
  const P = parameterCount(sizes);
  const data = makeDataset({ kind: 'moons', size: 40, noise: 0.1, testFraction: 0, labelNoise: 0, classes: 2, seed: 1 });
  return {
    sizes,
    activation: 'elu',
    classes: 2,
    weights: Float32Array.from({ length: P }, () => 0.8 * draw()),
    posteriorStd: withPosterior ? Float32Array.from({ length: P }, (_, i) => 0.01 + 0.02 * Math.abs(Math.sin(i))) : null,
    inputs: Float32Array.from(data.train.flatMap((p) => [p.x, p.y])),
    labels: Int32Array.from(data.train.map((p) => p.label)),
    step: 7,
  };
}
