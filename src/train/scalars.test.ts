import { describe, expect, it } from 'vitest';
import { Scalars, tf } from './tf.ts';

describe('Scalars', () => {
  it('current(): one tensor per slot whatever the values, so a schedule adds no tensor per epoch', async () => {
    await tf.setBackend('cpu');
    const c = new Scalars();
    const before = tf.memory().numTensors;
    c.of(0.5);
    const lr = c.current('lr', 0.1);
    expect(c.current('lr', 0.1)).toBe(lr);
    for (let epoch = 0; epoch < 50; epoch++) {
      const t = tf.tidy(() => tf.mul(c.current('lr', 0.1 * Math.cos(epoch / 50)), c.of(0.5)));
      expect(t.dataSync()[0]).toBeCloseTo(0.05 * Math.cos(epoch / 50), 6);
      t.dispose();
    }
    expect(tf.memory().numTensors).toBe(before + 2);
    c.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
