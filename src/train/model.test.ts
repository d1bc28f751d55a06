import { beforeAll, describe, expect, it } from 'vitest';
import { initParams, layerSizes, mlpSpecProblem, predictProba, batchLoss, type MlpSpec } from './model.ts';
import { tf } from './tf.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const spec: MlpSpec = { hidden: [32, 32, 32, 32], activation: 'elu', classes: 2, biasInit: 0.05, seed: 3 };

describe('MLP', () => {
  it('the official demo network: 2-32-32-32-32-1, biases 0.05, seeded', () => {
    expect(layerSizes(spec)).toEqual([2, 32, 32, 32, 32, 1]);
    const a = initParams(spec);
    const b = initParams(spec);
    expect(a.map((t) => t.shape)).toEqual([[2, 32], [32], [32, 32], [32], [32, 32], [32], [32, 32], [32], [32, 1], [1]]);
    a.forEach((t, i) => expect(Array.from(t.dataSync())).toEqual(Array.from(b[i].dataSync())));
    expect(Array.from(a[1].dataSync()).every((v) => Math.abs(v - 0.05) < 1e-7)).toBe(true);
    // LeCun normal: the sample variance of a 32×32 layer is close to 1/32.
    const w = Array.from(a[2].dataSync());
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    expect(variance).toBeGreaterThan(0.8 / 32);
    expect(variance).toBeLessThan(1.2 / 32);
    const c = initParams({ ...spec, seed: 4 });
    expect(Array.from(c[0].dataSync())).not.toEqual(Array.from(a[0].dataSync()));
    [...a, ...b, ...c].forEach((t) => t.dispose());
  });

  it('refuses impossible specs with a reason', () => {
    expect(mlpSpecProblem(spec)).toBeNull();
    expect(mlpSpecProblem({ ...spec, hidden: [1, 1, 1, 1, 1, 1, 1] })).toMatch(/6 hidden/);
    expect(mlpSpecProblem({ ...spec, hidden: [129] })).toMatch(/1 to 128/);
    expect(mlpSpecProblem({ ...spec, classes: 1 })).toMatch(/classes/);
  });

  it('probabilities sum to one; softmax loss for 3 classes equals −log p of the label', () => {
    const s3: MlpSpec = { ...spec, hidden: [8], classes: 3 };
    const params = initParams(s3);
    const x = tf.tensor2d([[0.1, -0.3], [1, 2]]);
    const labels = tf.tensor1d([2, 0], 'int32');
    const p = predictProba(s3, params, x).arraySync();
    p.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6));
    const loss = batchLoss(s3, params, x, labels).dataSync()[0];
    expect(loss).toBeCloseTo(-(Math.log(p[0][2]) + Math.log(p[1][0])) / 2, 5);
    const p2 = predictProba({ ...spec, hidden: [] }, initParams({ ...spec, hidden: [] }), x).arraySync();
    expect(p2[0][0] + p2[0][1]).toBeCloseTo(1, 6);
  });
});
