import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOSS_PRESETS } from '../../math/presets.ts';
import type { ExperimentState } from '../experiment.ts';
import { DEFAULT_STATE, experimentStateSchema } from '../experiment.ts';
import { OFFICIAL_BSAM_DEMO } from '../training.ts';
import { applyPreset, applyTrainingPreset } from '../update.ts';
import { decodeFragment, decodeStateFile, encodeFragment, encodeStateFile } from './index.ts';
import { SECTION_ALIASES } from './keys.ts';
import { buildTree } from './schema-tree.ts';
import { applyAppRules, DOMAIN_LIMIT } from './semantics.ts';
import { nonFinitePaths } from './testing/no-nan.ts';
import { arbitraryFromTree } from './testing/state-arbitrary.ts';

/** Losses that compile, with every character a link must escape or keep: spaces, + ^ / * ( ) , and a comma. */
const EXPRESSIONS = ['0.5*theta^2', 'abs(theta) + 1/3', 'sin(8*theta)*exp(-theta^2/2)', 'max(theta, -theta) - 0.25', '(theta - 1)^2 * 1e-3 + tanh( theta )'];

const stateArbitrary: fc.Arbitrary<ExperimentState> = arbitraryFromTree(buildTree(experimentStateSchema), [], DEFAULT_STATE, {
  'l1.loss.id': fc.constantFrom(...LOSS_PRESETS.map((p) => p.id)),
  'l1.loss.text': fc.constantFrom(...EXPRESSIONS),
  // The drawable domain (semantics.ts); wider values are covered by the any-string property.
  'l1.from': fc.double({ min: -DOMAIN_LIMIT, max: DOMAIN_LIMIT, noNaN: true }),
  'l1.to': fc.double({ min: -DOMAIN_LIMIT, max: DOMAIN_LIMIT, noNaN: true }),
})
  .map((s) => s as ExperimentState)
  // Most random domains have from > to or m outside; order them rather than throw them away.
  .map((s) => {
    const l = s.landscape1d;
    const [from, to] = l.from <= l.to ? [l.from, l.to] : [l.to, l.from];
    const [sigmaFrom, sigmaTo] = s.msigma.sigmaFrom <= s.msigma.sigmaTo ? [s.msigma.sigmaFrom, s.msigma.sigmaTo] : [s.msigma.sigmaTo, s.msigma.sigmaFrom];
    const [rhoFrom, rhoTo] = s.minimisers.rhoFrom <= s.minimisers.rhoTo ? [s.minimisers.rhoFrom, s.minimisers.rhoTo] : [s.minimisers.rhoTo, s.minimisers.rhoFrom];
    return {
      ...s,
      landscape1d: { ...l, from, to, m: Math.min(to, Math.max(from, l.m)) },
      msigma: { ...s.msigma, sigmaFrom, sigmaTo },
      minimisers: { ...s.minimisers, rhoFrom, rhoTo },
    };
  })
  .filter((s) => experimentStateSchema.safeParse(s).success && isAppValid(s));

function isAppValid(state: ExperimentState): boolean {
  const notices: never[] = [];
  applyAppRules(state, DEFAULT_STATE, notices);
  return notices.length === 0;
}

/** Keys a link can have, so random fragments hit real fields as well as junk. */
const KEYS = ['v', 'l1.sigma', 'l1.rho', 'l1.m', 'l1.from', 'l1.to', 'l1.points', 'l1.loss.kind', 'l1.loss.id', 'l1.loss.text', 'l1.visible.sam', 'ms.surface', 'ms.sigmaFrom', 'ms.sigmaTo', 'mn.axis', 'mn.rhoFrom', 'mn.rhoTo', 'tr.model.hidden', 'tr.optimizer.kind', 'tr.optimizer.learningRate', 'tr.seeds.noise', 'tr.dataset.size', 'landscape1d.sigma'];
const VALUES = ['0', '-0', '1', '-1', '0.5', '1e999', '-1e999', '1e-400', 'NaN', 'Infinity', '', 'abc', 'true', 'null', '32,32', '1,,2', '%', '%C3%28', '%E2%82', '0x10', '1e3', '9007199254740993', 'expression', 'preset', 'bsam', 'sharp-flat', '1%2C2'];
const pair = fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ unit: 'binary', maxLength: 12 })), fc.oneof(fc.constantFrom(...VALUES), fc.string({ unit: 'binary', maxLength: 12 })));
const fragmentLike = fc.array(pair, { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
const anyText = fc.oneof(fragmentLike, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary-ascii', maxLength: 200 }));

function expectUsable(state: ExperimentState): void {
  expect(experimentStateSchema.safeParse(state).success).toBe(true);
  expect(nonFinitePaths(state)).toEqual([]);
  expect(isAppValid(state)).toBe(true);
}

describe('permalink round trip', () => {
  it('state → link → state is the identity on valid states, with no notices', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const { state: back, notices } = decodeFragment(encodeFragment(state));
        expect(notices).toEqual([]);
        // toEqual tells -0 from 0 (Object.is on numbers) and catches any field that changed on the way.
        expect(back).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('state → file → state is the identity on valid states, with no notices', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const { state: back, notices } = decodeStateFile(encodeStateFile(state));
        expect(notices).toEqual([]);
        // JSON has no -0; everything else must come back exactly.
        expect(back).toEqual(JSON.parse(JSON.stringify(state)));
      }),
      { numRuns: 100 },
    );
  });

  it('the default state is the link `v=1`', () => {
    expect(encodeFragment(DEFAULT_STATE)).toBe('v=1');
  });

  it('links name only the changed fields, with readable dotted keys', () => {
    const state = { ...DEFAULT_STATE, landscape1d: { ...DEFAULT_STATE.landscape1d, sigma: 0.25 }, training: { ...DEFAULT_STATE.training, optimizer: { ...DEFAULT_STATE.training.optimizer, kind: 'sgd' as const }, model: { ...DEFAULT_STATE.training.model, hidden: [8, 4] } } };
    expect(encodeFragment(state)).toBe('v=1&l1.sigma=0.25&tr.model.hidden=8,4&tr.optimizer.kind=sgd');
  });

  it('any string decodes to a usable state (schema-valid, finite, app-valid), and its link reads back without notices', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { state } = decodeFragment(text);
        expectUsable(state);
        const again = decodeFragment(encodeFragment(state));
        expect(again.notices).toEqual([]);
        expect(again.state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('any JSON decodes as a state file to a usable state', () => {
    const sections = Object.keys(SECTION_ALIASES);
    const jsonish = fc.oneof(fc.json(), fc.record({ version: fc.jsonValue(), landscape1d: fc.jsonValue(), training: fc.jsonValue() }).map((v) => JSON.stringify(v)), fc.constantFrom(...sections).map((s) => JSON.stringify({ [s]: 1 })));
    fc.assert(
      fc.property(jsonish, (text) => expectUsable(decodeStateFile(text).state)),
      { numRuns: 300 },
    );
  });
});

describe('preset links', () => {
  const ORIGIN = 'https://someone.github.io/sam-bayes-lab/';
  it('every loss preset, with the training preset, gives a link of at most 2,000 characters that restores it', () => {
    expect(LOSS_PRESETS.length).toBeGreaterThan(0);
    for (const preset of LOSS_PRESETS) {
      const state = applyTrainingPreset(applyPreset(DEFAULT_STATE, preset.id), OFFICIAL_BSAM_DEMO);
      expect(state.landscape1d.loss).toEqual({ kind: 'preset', id: preset.id });
      const link = `${ORIGIN}#${encodeFragment(state)}`;
      expect(link.length, preset.id).toBeLessThanOrEqual(2000);
      expect(decodeFragment(encodeFragment(state)).state).toEqual(state);
    }
  });
});
