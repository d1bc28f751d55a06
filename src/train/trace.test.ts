import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from './tf.ts';
import { bsamTraceSchema, maxAbsDeviation, runTrace, traceShapeProblem } from './trace.ts';

const referenceDir = join(import.meta.dirname, '../../../shared/reference');
// Every trace under reference/, subfolders included (paths relative to it, e.g. multiclass/….json).
const files = readdirSync(referenceDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('conformance with the official bSAM optimizer (theory.md §6)', () => {
  it('finds the reference traces', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files).toContain(join('multiclass', 'bsam-official-fmnist-softmax-f32.json'));
  });

  it.each(files)('%s: w, s and gm within 2e-5 at every step', (file) => {
    const trace = bsamTraceSchema.parse(JSON.parse(readFileSync(join(referenceDir, file), 'utf8')));
    expect(traceShapeProblem(trace)).toBeNull();
    const expected = trace.expected ?? [];
    expect(expected.length).toBe(trace.steps.length);
    const got = runTrace(trace);
    let worst = 0;
    got.forEach((point, t) => {
      for (const key of ['w', 's', 'gm'] as const) worst = Math.max(worst, maxAbsDeviation(point[key], expected[t][key]));
      expect(Math.abs(point.loss_at_perturbed - expected[t].loss_at_perturbed)).toBeLessThan(2e-5);
    });
    expect(worst).toBeLessThanOrEqual(2e-5);
  });
});
