import { describe, expect, it } from 'vitest';
import { seededNormal } from '../../math/random.ts';
import { makeDataset } from '../datasets.ts';
import { batchLoss, predictProba, type MlpSpec } from '../model.ts';
import { tf } from '../tf.ts';
import { ArenaMlp, type HiddenActivation } from './arena-mlp.ts';

/** tfjs parameter tensors [W0, b0, …] from a flat vector in the arena layout. */
function toTensors(flat: Float32Array, sizes: number[]): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  let o = 0;
  for (let k = 0; k + 1 < sizes.length; k++) {
    const [i, j] = [sizes[k], sizes[k + 1]];
    out.push(tf.tensor2d(flat.slice(o, o + i * j), [i, j]), tf.tensor1d(flat.slice(o + i * j, o + i * j + j)));
    o += i * j + j;
  }
  return out;
}

const cases: { hidden: number[]; activation: Exclude<HiddenActivation, 'linear'>; classes: number }[] = [
  { hidden: [32, 32, 32, 32], activation: 'elu', classes: 2 },
  { hidden: [7, 5], activation: 'tanh', classes: 2 },
  { hidden: [9], activation: 'relu', classes: 3 },
  { hidden: [], activation: 'tanh', classes: 4 },
];

describe('ArenaMlp', () => {
  for (const c of cases) {
    it(`matches tfjs loss, gradient and probabilities: hidden [${c.hidden}] ${c.activation}, ${c.classes} classes`, () => {
      const data = makeDataset({ kind: c.classes === 2 ? 'moons' : 'blobs', size: 37, noise: 0.2, testFraction: 0, labelNoise: 0, classes: c.classes, seed: 3 });
      const sizes = [2, ...c.hidden, c.classes === 2 ? 1 : c.classes];
      const mlp = new ArenaMlp({ sizes, activation: c.activation, maxRows: 64 });
      const draw = seededNormal(11);
      mlp.params.forEach((_, i) => (mlp.params[i] = 0.7 * draw()));
      const rows = data.train.length;
      mlp.setData(data.train.flatMap((p) => [p.x, p.y]), data.train.map((p) => p.label), rows);
      const loss = mlp.lossAndGradient();
      expect(mlp.loss()).toBe(loss);

      const spec: MlpSpec = { hidden: c.hidden, activation: c.activation, classes: c.classes, biasInit: 0, seed: 0 };
      const params = toTensors(mlp.params, sizes);
      const x = tf.tensor2d(data.train.map((p) => [p.x, p.y]));
      const y = tf.tensor1d(data.train.map((p) => p.label), 'int32');
      const { value, grads } = tf.valueAndGrads((...p: tf.Tensor[]) => batchLoss(spec, p, x, y))(params);
      expect(loss).toBeCloseTo(value.dataSync()[0], 5);
      const want = Float32Array.from(grads.flatMap((g) => Array.from(g.dataSync())));
      want.forEach((g, i) => expect(mlp.gradient[i]).toBeCloseTo(g, 5));

      const probs = new Float32Array(rows * Math.max(2, c.classes));
      mlp.probabilities(probs);
      const wantProbs = predictProba(spec, params, x).dataSync();
      wantProbs.forEach((p, i) => expect(probs[i]).toBeCloseTo(p, 5));
      [...params, x, y, value, ...grads].forEach((t) => t.dispose());
    });
  }

  it('refuses more rows than it was sized for', () => {
    const mlp = new ArenaMlp({ sizes: [2, 3, 1], activation: 'tanh', maxRows: 4 });
    expect(() => mlp.setData(new Float32Array(10), new Int32Array(5), 5)).toThrow(/rows/);
  });
});
