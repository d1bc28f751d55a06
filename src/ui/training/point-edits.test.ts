import { describe, expect, it } from 'vitest';
import { MAX_ADDED_POINTS, OFFICIAL_BSAM_DEMO } from '../../state/training.ts';
import { addedOrigin } from '../../train/datasets.ts';
import { addedPixels, addPointPatch, hasEdits, hitPoint, removePointPatch, screenPoints } from './point-edits.ts';

const dataset = OFFICIAL_BSAM_DEMO.dataset;

describe('point edits', () => {
  it('hitPoint finds the nearest point within the radius, else null', () => {
    const points = [
      { px: 10, py: 10, origin: 0 },
      { px: 14, py: 10, origin: 1 },
    ];
    expect(hitPoint(points, 13, 10)).toBe(1);
    expect(hitPoint(points, 9, 11)).toBe(0);
    expect(hitPoint(points, 40, 40)).toBeNull();
    expect(hitPoint(points, 10, 19, 8)).toBeNull();
  });

  it('adding appends a rounded point; the list is bounded', () => {
    expect(addPointPatch(dataset, { x: 0.123456, y: -1.98766, label: 1 })).toEqual({ added: [{ x: 0.1235, y: -1.9877, label: 1 }] });
    const full = { ...dataset, added: Array.from({ length: MAX_ADDED_POINTS }, () => ({ x: 0, y: 0, label: 0 })) };
    expect(addPointPatch(full, { x: 1, y: 1, label: 0 })).toBeNull();
  });

  it('removing an added point drops it from the list; removing a generated one records its index once, sorted', () => {
    const edited = { ...dataset, added: [{ x: 1, y: 1, label: 0 }, { x: 2, y: 2, label: 1 }], removed: [7] };
    expect(removePointPatch(edited, addedOrigin(0))).toEqual({ added: [{ x: 2, y: 2, label: 1 }] });
    expect(removePointPatch(edited, addedOrigin(5))).toBeNull();
    expect(removePointPatch(edited, 3)).toEqual({ removed: [3, 7] });
    expect(removePointPatch(edited, 7)).toBeNull();
    expect(hasEdits(edited)).toBe(true);
    expect(hasEdits(dataset)).toBe(false);
  });
});

describe('screen points', () => {
  const data = {
    train: [{ x: 1, y: 2, label: 0 }],
    test: [{ x: -1, y: 0.5, label: 1 }],
    trainOrigins: [addedOrigin(0)],
    testOrigins: [7],
  };
  const points = screenPoints(data, (v) => 10 * v, (v) => 100 - 10 * v);

  it('puts the training points first, then the test points, each with its origin', () => {
    expect(points).toEqual([
      { px: 10, py: 80, origin: addedOrigin(0) },
      { px: -10, py: 95, origin: 7 },
    ]);
  });

  it('lists only the added points, to one decimal', () => {
    expect(addedPixels(points)).toBe('10.0,80.0');
    expect(addedPixels([])).toBe('');
  });
});
