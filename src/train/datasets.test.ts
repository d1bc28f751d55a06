import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addedOrigin, addPoint, applyEdits, DATASET_KINDS, decodeOrigin, makeDataset, removeNearest, type DatasetSpec } from './datasets.ts';

const base: DatasetSpec = { kind: 'moons', size: 100, noise: 0.1, testFraction: 0.2, labelNoise: 0, classes: 3, seed: 7 };

describe('datasets', () => {
  it.each(DATASET_KINDS)('%s: seeded, sized, split and labelled in range', (kind) => {
    const a = makeDataset({ ...base, kind });
    const b = makeDataset({ ...base, kind });
    expect(a).toEqual(b);
    expect(a.train.length + a.test.length).toBe(100);
    expect(a.test.length).toBe(20);
    const k = kind === 'blobs' || kind === 'spiral' ? 3 : 2;
    expect(a.classes).toBe(k);
    const all = [...a.train, ...a.test];
    expect(new Set(all.map((p) => p.label)).size).toBe(k);
    expect(all.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(makeDataset({ ...base, kind, seed: 8 })).not.toEqual(a);
  });

  it('two moons without noise lie on their half circles', () => {
    const d = makeDataset({ ...base, noise: 0, testFraction: 0 });
    for (const p of d.train) {
      const r = p.label === 0 ? Math.hypot(p.x, p.y) : Math.hypot(p.x - 1, p.y - 0.5);
      expect(r).toBeCloseTo(1, 12);
      expect(p.label === 0 ? p.y >= -1e-12 : p.y <= 0.5 + 1e-12).toBe(true);
    }
  });

  it('label noise flips about the asked fraction of training labels, never test labels', () => {
    const clean = makeDataset({ ...base, size: 2000, labelNoise: 0 });
    const noisy = makeDataset({ ...base, size: 2000, labelNoise: 0.3 });
    expect(noisy.test).toEqual(clean.test);
    const flipped = noisy.train.filter((p, i) => p.label !== clean.train[i].label).length / clean.train.length;
    expect(flipped).toBeGreaterThan(0.25);
    expect(flipped).toBeLessThan(0.35);
  });

  it('property: any spec gives finite points with labels < classes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DATASET_KINDS),
        fc.integer({ min: 2, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer(),
        (kind, size, noise, testFraction, classes, seed) => {
          const d = makeDataset({ kind, size, noise, testFraction, labelNoise: 0.1, classes, seed });
          const all = [...d.train, ...d.test];
          expect(all).toHaveLength(size);
          expect(all.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.label >= 0 && p.label < d.classes)).toBe(true);
        },
      ),
    );
  });

  it('points added by clicking join the training set; removing takes the nearest within the radius', () => {
    const d = makeDataset(base);
    const added = addPoint(d, { x: 5, y: 5, label: 1 });
    expect(added.train).toHaveLength(d.train.length + 1);
    expect(addPoint(d, { x: 0, y: 0, label: 7 })).toBe(d);
    const removed = removeNearest(added, 5.01, 5, 0.1);
    expect(removed.train).toEqual(d.train);
    expect(removeNearest(d, 50, 50, 0.1)).toBe(d);
  });

  it('edits remove generated points by index (train first, then test) and append added points to train', () => {
    const d = makeDataset(base);
    const n = d.train.length;
    const edited = applyEdits(d, { added: [{ x: 9, y: 9, label: 1 }], removed: [0, n] });
    expect(edited.train).toHaveLength(n - 1 + 1);
    expect(edited.test).toHaveLength(d.test.length - 1);
    expect(edited.train).not.toContainEqual(d.train[0]);
    expect(edited.test).not.toContainEqual(d.test[0]);
    expect(edited.train.at(-1)).toEqual({ x: 9, y: 9, label: 1 });
    // Origins say where each point came from, so a click on it can be undone.
    expect(edited.origins?.train.slice(0, 2)).toEqual([1, 2]);
    expect(edited.origins?.train.at(-1)).toBe(addedOrigin(0));
    expect(decodeOrigin(addedOrigin(0))).toEqual({ kind: 'added', index: 0 });
    expect(edited.origins?.test[0]).toBe(n + 1);
    // The spec carries the same edits through makeDataset.
    expect(makeDataset({ ...base, added: [{ x: 9, y: 9, label: 1 }], removed: [0, n] })).toEqual(edited);
  });

  it('edits skip added points with a class the dataset does not have, and never empty the training set', () => {
    const d = makeDataset({ ...base, size: 4, testFraction: 0 });
    const edited = applyEdits(d, { added: [{ x: 0, y: 0, label: 2 }], removed: [] });
    expect(edited.train).toEqual(d.train);
    const all = applyEdits(d, { added: [], removed: [0, 1, 2, 3] });
    expect(all.train).toEqual(d.train);
    const allButAdded = applyEdits(d, { added: [{ x: 0, y: 0, label: 1 }], removed: [0, 1, 2, 3] });
    expect(allButAdded.train).toEqual([{ x: 0, y: 0, label: 1 }]);
  });

  it('a custom dataset keeps the imported points (no jitter), split and shuffled with the seed', () => {
    const points = Array.from({ length: 20 }, (_, i) => ({ x: i, y: -i, label: i % 3 }));
    const d = makeDataset({ ...base, kind: 'custom', points, testFraction: 0.25 });
    expect(d.classes).toBe(3);
    expect(d.test).toHaveLength(5);
    const all = [...d.train, ...d.test].sort((a, b) => a.x - b.x);
    expect(all).toEqual(points);
    expect(makeDataset({ ...base, kind: 'custom', points, testFraction: 0.25 })).toEqual(d);
  });
});
