import { describe, expect, it } from 'vitest';
import { fromOfficialArgs, splitCommandLine } from '../../../state/official-args.ts';
import { FASHION_LIVE, FASHION_OFFICIAL } from '../../../state/training-presets.ts';
import { officialRuns, officialScript } from './official-script.ts';

describe('the official script', () => {
  const sam = { ...FASHION_OFFICIAL, optimizer: { ...FASHION_OFFICIAL.optimizer, kind: 'sam-sgd' as const }, seeds: { data: 2, init: 2, noise: 2 } };
  const runs = officialRuns([FASHION_OFFICIAL, sam]);

  it('titles each run and gives its train.py and test.py lines, which read back as the same config', () => {
    expect(runs.map((r) => r.title)).toEqual([`bSAM, seed ${FASHION_OFFICIAL.seeds.init}`, 'SAM (SGD), seed 2']);
    const script = officialScript(runs).split('\n');
    expect(script[0]).toBe(runs[0].title.replace(/^/, '# '));
    const train = script.find((l) => l.startsWith('python3 train.py') && l.includes('--optim sam'));
    expect(train).toContain('--randomseed 2');
    const back = fromOfficialArgs(splitCommandLine(train ?? ''), [], FASHION_OFFICIAL);
    expect(back.config.optimizer.kind).toBe('sam-sgd');
    expect(back.config.seeds.init).toBe(2);
    expect(script.filter((l) => l.startsWith('python3 test.py'))).toHaveLength(2);
  });

  it('writes what the official code cannot express as comments', () => {
    const script = officialScript(officialRuns([FASHION_LIVE]));
    expect(script).toMatch(/^# note: .*all 60000 images/m);
  });
});
