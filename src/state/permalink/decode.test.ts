import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, experimentStateSchema } from '../experiment.ts';
import { decodeFragment, decodeStateFile, encodeFragment, encodeStateFile, renameKeys } from './index.ts';
import type { LinkNotice } from './index.ts';

const noticeFor = (notices: LinkNotice[], key: string) => notices.find((n) => n.key === key);

describe('decodeFragment: per-field validation', () => {
  it('reads the values of a link, with or without the #, and long section names too', () => {
    const { state, notices } = decodeFragment('#v=1&l1.sigma=0.25&landscape1d.rho=0.125&tr.optimizer.kind=sgd&tr.model.hidden=8,4&l1.visible.sam=false');
    expect(notices).toEqual([]);
    expect(state.landscape1d).toMatchObject({ sigma: 0.25, rho: 0.125, visible: { ...DEFAULT_STATE.landscape1d.visible, sam: false } });
    expect(state.training.optimizer.kind).toBe('sgd');
    expect(state.training.model.hidden).toEqual([8, 4]);
  });

  it('clamps numbers to the bounds read from the schema, and says so', () => {
    const { state, notices } = decodeFragment('v=1&l1.rho=5000&tr.dataset.size=2&tr.optimizer.momentum=-1&tr.seeds.noise=1e400');
    expect(state.landscape1d.rho).toBe(1000);
    expect(state.training.dataset.size).toBe(4);
    expect(state.training.optimizer.momentum).toBe(0);
    expect(state.training.seeds.noise).toBe(Number.MAX_SAFE_INTEGER);
    expect(noticeFor(notices, 'l1.rho')).toEqual({ key: 'l1.rho', problem: '5000 is above the maximum 1000', action: 'clamped' });
    expect(noticeFor(notices, 'tr.dataset.size')?.action).toBe('clamped');
    expect(noticeFor(notices, 'tr.seeds.noise')?.problem).toMatch(/too large/);
  });

  it('rounds whole-number fields, clamps onto an inclusive bound and falls back on an exclusive one', () => {
    const { state, notices } = decodeFragment('v=1&tr.batchSize=7.6&l1.sigma=0&tr.optimizer.learningRate=0');
    expect(state.training.batchSize).toBe(8);
    expect(noticeFor(notices, 'tr.batchSize')).toMatchObject({ action: 'clamped', problem: expect.stringMatching(/rounded 7.6/) });
    // σ's floor is the schema's (the fields' minimum, 1e-4), inclusive: clamped onto it.
    expect(state.landscape1d.sigma).toBe(1e-4);
    expect(noticeFor(notices, 'l1.sigma')).toMatchObject({ action: 'clamped', problem: '0 is below the minimum 0.0001' });
    expect(state.training.optimizer.learningRate).toBe(DEFAULT_STATE.training.optimizer.learningRate);
    expect(noticeFor(notices, 'tr.optimizer.learningRate')).toMatchObject({ action: 'defaulted', problem: '0 must be greater than 0' });
  });

  it('falls back to the default for wrong types, NaN, hex, empty values and unknown enum values', () => {
    const { state, notices } = decodeFragment('v=1&l1.sigma=NaN&l1.rho=0x10&l1.m=&ms.surface=pretty&l1.visible.loss=maybe');
    expect(state).toEqual(DEFAULT_STATE);
    expect(notices.map((n) => [n.key, n.action])).toEqual([
      ['l1.sigma', 'defaulted'],
      ['l1.rho', 'defaulted'],
      ['l1.m', 'defaulted'],
      ['l1.visible.loss', 'defaulted'],
      ['ms.surface', 'defaulted'],
    ]);
    expect(noticeFor(notices, 'ms.surface')?.problem).toBe('“pretty” is not one of expected, biconjugate, gap');
  });

  it('ignores unknown keys, keys without values and bad escapes, and uses the last of duplicate keys', () => {
    const { state, notices } = decodeFragment('v=1&zoom=3&l1.sigma&%E2%82=1&l1.rho=%C3%28&l1.m=%&ms.coords=mean&ms.coords=msigma&constructor.x=1');
    expect(state).toEqual(DEFAULT_STATE);
    expect(noticeFor(notices, 'zoom')).toEqual({ key: 'zoom', problem: 'unknown key', action: 'ignored' });
    expect(noticeFor(notices, 'l1.sigma')).toMatchObject({ action: 'ignored', problem: expect.stringMatching(/no value/) });
    expect(noticeFor(notices, '%E2%82')).toMatchObject({ action: 'ignored', problem: expect.stringMatching(/malformed/) });
    expect(noticeFor(notices, 'l1.rho')).toMatchObject({ action: 'defaulted', problem: expect.stringMatching(/malformed % escape/) });
    expect(noticeFor(notices, 'l1.m')?.action).toBe('defaulted');
    expect(noticeFor(notices, 'ms.coords')).toMatchObject({ action: 'ignored', problem: 'given 2 times; the last one is used' });
    expect(noticeFor(notices, 'constructor.x')?.problem).toBe('unknown key');
  });

  it('reads past page parameters (classroom mode) without a notice, with or without a value', () => {
    expect(decodeFragment('v=1&l1.sigma=0.25&classroom=1').notices).toEqual([]);
    expect(decodeFragment('v=1&classroom').notices).toEqual([]);
  });

  it('treats a section given as a value as misplaced, not unknown', () => {
    expect(noticeFor(decodeFragment('v=1&tr.model=5').notices, 'tr.model')?.problem).toMatch(/group of settings/);
  });

  it('keeps cross-field rules: from < to falls back field by field, m is kept inside the domain', () => {
    const a = decodeFragment('v=1&l1.from=5');
    expect(a.state.landscape1d).toMatchObject({ from: -3, to: 3 });
    expect(noticeFor(a.notices, 'l1.from')).toEqual({ key: 'l1.from', problem: 'from must be less than to', action: 'defaulted' });
    const b = decodeFragment('v=1&l1.from=-1&l1.to=1&l1.m=2.5');
    expect(b.state.landscape1d).toMatchObject({ from: -1, to: 1, m: 1 });
    expect(noticeFor(b.notices, 'l1.m')?.action).toBe('clamped');
    const huge = decodeFragment('v=1&l1.from=-1e308&l1.to=1e308');
    expect(huge.state.landscape1d).toMatchObject({ from: -3, to: 3 });
    expect(noticeFor(huge.notices, 'l1.from')?.problem).toMatch(/cannot be drawn/);
    expect(decodeFragment('v=1&l1.from=0&l1.to=1e-9').state.landscape1d).toMatchObject({ from: -3, to: 3 });
    const c = decodeFragment('v=1&ms.sigmaFrom=3&ms.sigmaTo=1');
    expect(c.state.msigma).toEqual(DEFAULT_STATE.msigma);
    expect(noticeFor(c.notices, 'ms.sigmaTo')?.action).toBe('defaulted');
  });

  it('reads a loss as a preset or an expression, and only one that the app can draw', () => {
    const expr = decodeFragment(`v=1&l1.loss.kind=expression&l1.loss.text=${encodeURIComponent('0.5*theta^2 + 1')}`);
    expect(expr.notices).toEqual([]);
    expect(expr.state.landscape1d.loss).toEqual({ kind: 'expression', text: '0.5*theta^2 + 1' });
    const missingText = decodeFragment('v=1&l1.loss.kind=expression');
    expect(missingText.state.landscape1d.loss).toEqual(DEFAULT_STATE.landscape1d.loss);
    expect(noticeFor(missingText.notices, 'l1.loss.kind')?.problem).toMatch(/needs a valid l1.loss.text/);
    const broken = decodeFragment('v=1&l1.loss.kind=expression&l1.loss.text=theta%5E');
    expect(broken.state.landscape1d.loss).toEqual(DEFAULT_STATE.landscape1d.loss);
    expect(noticeFor(broken.notices, 'l1.loss.text')?.problem).toMatch(/does not compile/);
    const unknown = decodeFragment('v=1&l1.loss.id=nope');
    expect(unknown.state.landscape1d.loss).toEqual(DEFAULT_STATE.landscape1d.loss);
    expect(noticeFor(unknown.notices, 'l1.loss.id')?.problem).toMatch(/no loss preset/);
    const stray = decodeFragment('v=1&l1.loss.text=theta');
    expect(noticeFor(stray.notices, 'l1.loss.text')).toMatchObject({ action: 'ignored', problem: 'only used when l1.loss.kind is expression' });
  });

  it('reads lists compactly, dropping the items it cannot use', () => {
    const { state, notices } = decodeFragment('v=1&tr.model.hidden=16,x,500&tr.dataset.added=1,2,1;3,4;0.5,-0.5,0');
    expect(state.training.model.hidden).toEqual([16, 128]);
    expect(noticeFor(notices, 'tr.model.hidden')?.problem).toMatch(/dropped item 2.*128/);
    expect(state.training.dataset.added).toEqual([
      { x: 1, y: 2, label: 1 },
      { x: 0.5, y: -0.5, label: 0 },
    ]);
    expect(decodeFragment('v=1&tr.model.hidden=').state.training.model.hidden).toEqual([]);
    const many = decodeFragment(`v=1&tr.dataset.added=${Array.from({ length: 400 }, () => '1,2').join(';')}`);
    expect(many.state.training.dataset.added).toEqual([]);
    expect(noticeFor(many.notices, 'tr.dataset.added')?.problem).toMatch(/dropped item 3: has 2 values, expected x,y,label; 397 more$/);
    const long = decodeFragment('v=1&tr.model.hidden=1,2,3,4,5,6,7,8');
    expect(long.state.training.model.hidden).toEqual([1, 2, 3, 4, 5, 6]);
    expect(noticeFor(long.notices, 'tr.model.hidden')?.problem).toMatch(/first 6 of 8/);
  });

  it('reads nullable settings: null, or their fields', () => {
    const on = decodeFragment('v=1&tr.compare.kind=adam&tr.stopAt=40');
    expect(on.notices).toEqual([]);
    expect(on.state.training).toMatchObject({ compare: { kind: 'adam' }, stopAt: 40 });
    expect(encodeFragment(on.state)).toBe('v=1&tr.compare.kind=adam&tr.stopAt=40');
    const off = decodeFragment('v=1&tr.stopAt=null&tr.compare=null');
    expect(off.notices).toEqual([]);
    expect(off.state.training).toMatchObject({ compare: null, stopAt: null });
  });
});

describe('decodeFragment: versions', () => {
  it('reads an empty fragment as the defaults without notices', () => {
    expect(decodeFragment('')).toEqual({ state: DEFAULT_STATE, notices: [] });
    expect(decodeFragment('#')).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('reads a link without v as the current version, with a notice', () => {
    const { state, notices } = decodeFragment('l1.sigma=0.75');
    expect(state.landscape1d.sigma).toBe(0.75);
    expect(notices).toEqual([{ key: 'v', problem: 'missing; read as version 1', action: 'defaulted' }]);
  });

  it('reads a link from a newer or unknown version as far as it goes, with a notice', () => {
    const future = decodeFragment('v=7&l1.sigma=0.75&l1.newThing=1');
    expect(future.state.landscape1d.sigma).toBe(0.75);
    expect(noticeFor(future.notices, 'v')).toMatchObject({ action: 'ignored', problem: expect.stringMatching(/newer version \(7\)/) });
    expect(noticeFor(future.notices, 'l1.newThing')?.problem).toBe('unknown key');
    expect(noticeFor(decodeFragment('v=one&l1.sigma=0.75').notices, 'v')?.problem).toMatch(/not a version number/);
  });

  it('brings an old link up to date through the migrations table (a made-up v0 → v1)', () => {
    // Pretend v0 wrote σ as `l1.s` and ρ as `l1.r`, scaled by 10.
    const rename = renameKeys({ 'l1.s': 'l1.sigma', 'l1.r': 'l1.rho' });
    const migrations = {
      0: (entries: Parameters<typeof rename>[0]) =>
        rename(entries).map((e) => (e.key === 'l1.rho' && e.raw.source === 'link' ? { ...e, raw: { source: 'link' as const, text: String(Number(e.raw.text) / 10) } } : e)),
    };
    const { state, notices } = decodeFragment('v=0&l1.s=0.75&l1.r=2', { migrations });
    expect(notices).toEqual([]);
    expect(state.landscape1d).toMatchObject({ sigma: 0.75, rho: 0.2 });
    // Without the table entry, v0 keys are unknown and the link says so.
    const without = decodeFragment('v=0&l1.s=0.75', { migrations: {} });
    expect(noticeFor(without.notices, 'v')?.problem).toMatch(/cannot be brought up to date/);
    expect(noticeFor(without.notices, 'l1.s')?.problem).toBe('unknown key');
  });

  it('chains migrations across several versions', () => {
    const migrations = { 0: renameKeys({ a: 'b' }), 1: renameKeys({ b: 'l1.sigma' }) };
    const { state, notices } = decodeFragment('v=0&a=0.125', { migrations, currentVersion: 2 });
    expect(notices).toEqual([]);
    expect(state.landscape1d.sigma).toBe(0.125);
  });
});

describe('state files', () => {
  it('writes the whole state as JSON that the schema accepts as is (the format of cli train --config)', () => {
    const text = encodeStateFile(DEFAULT_STATE);
    expect(experimentStateSchema.parse(JSON.parse(text))).toEqual(DEFAULT_STATE);
  });

  it('reads a file through the same validation as links', () => {
    const text = JSON.stringify({ version: 1, landscape1d: { sigma: '0.3', rho: 2e9, bogus: 1 }, training: { model: 5, seeds: { data: 12 } } });
    const { state, notices } = decodeStateFile(text);
    expect(state.landscape1d.sigma).toBe(DEFAULT_STATE.landscape1d.sigma);
    expect(state.landscape1d.rho).toBe(1000);
    expect(state.training.seeds).toEqual({ ...DEFAULT_STATE.training.seeds, data: 12 });
    expect(notices).toEqual([
      { key: 'l1.sigma', problem: 'expected a number, got a string', action: 'defaulted' },
      { key: 'l1.rho', problem: '2000000000 is above the maximum 1000', action: 'clamped' },
      { key: 'l1.bogus', problem: 'unknown key', action: 'ignored' },
      { key: 'tr.model', problem: 'is a group of settings; give its fields (tr.model.…) instead', action: 'ignored' },
    ]);
  });

  it('reads broken files as the defaults with one notice', () => {
    for (const text of ['{"version": 1,', '[1,2]', 'null', '"state"']) {
      const { state, notices } = decodeStateFile(text);
      expect(state).toEqual(DEFAULT_STATE);
      expect(notices).toHaveLength(1);
      expect(notices[0].key).toBe('(file)');
    }
  });
});
