import { describe, expect, it } from 'vitest';
import { MAX_ADDED_POINTS, OFFICIAL_BSAM_DEMO, trainingSchema } from './training.ts';

/** A config as saved before data edits, imports, compare mode and stopAt existed. */
function oldConfig(): Record<string, unknown> {
  const { compare, stopAt, dataset, ...rest } = OFFICIAL_BSAM_DEMO;
  void compare;
  void stopAt;
  const { points, added, removed, ...oldDataset } = dataset;
  void points;
  void added;
  void removed;
  return { ...rest, dataset: oldDataset };
}

describe('trainingSchema', () => {
  it('old saved configs still parse, with no edits, no import, no compared run and no stop step', () => {
    const parsed = trainingSchema.parse(oldConfig());
    expect(parsed.dataset).toMatchObject({ points: [], added: [], removed: [] });
    expect(parsed.compare).toBeNull();
    expect(parsed.stopAt).toBeNull();
    expect(parsed).toEqual(OFFICIAL_BSAM_DEMO);
  });

  it('the official demo is its own parse (key order too, which the reducer compares by)', () => {
    expect(JSON.stringify(trainingSchema.parse(OFFICIAL_BSAM_DEMO))).toBe(JSON.stringify(OFFICIAL_BSAM_DEMO));
  });

  it('accepts edits, an import, a compared run and a stop step within bounds', () => {
    const config = {
      ...OFFICIAL_BSAM_DEMO,
      dataset: { ...OFFICIAL_BSAM_DEMO.dataset, kind: 'custom', points: [{ x: 0, y: 0, label: 0 }, { x: 1, y: 1, label: 5 }], added: [{ x: 2, y: 2, label: 1 }], removed: [3] },
      compare: { kind: 'sam-sgd' },
      stopAt: 500,
    };
    expect(trainingSchema.safeParse(config).success).toBe(true);
  });

  it.each([
    ['a custom dataset without points', { dataset: { ...OFFICIAL_BSAM_DEMO.dataset, kind: 'custom' } }],
    ['a label beyond 6 classes', { dataset: { ...OFFICIAL_BSAM_DEMO.dataset, added: [{ x: 0, y: 0, label: 6 }] } }],
    ['too many added points', { dataset: { ...OFFICIAL_BSAM_DEMO.dataset, added: Array.from({ length: MAX_ADDED_POINTS + 1 }, () => ({ x: 0, y: 0, label: 0 })) } }],
    ['a negative removed index', { dataset: { ...OFFICIAL_BSAM_DEMO.dataset, removed: [-1] } }],
    ['a non-finite coordinate', { dataset: { ...OFFICIAL_BSAM_DEMO.dataset, added: [{ x: Number.NaN, y: 0, label: 0 }] } }],
    ['an unknown compared optimizer', { compare: { kind: 'lbfgs' } }],
    ['a stop step of 0', { stopAt: 0 }],
    ['a fractional stop step', { stopAt: 2.5 }],
  ])('refuses %s', (_, patch) => {
    expect(trainingSchema.safeParse({ ...OFFICIAL_BSAM_DEMO, ...patch }).success).toBe(false);
  });
});
