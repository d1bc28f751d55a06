import { describe, expect, it } from 'vitest';
import { labelledRuns, runLabel, testIdSuffix } from './run-labels.ts';
import type { RunView } from './training-client.ts';

describe('run labels', () => {
  it('numbers the same optimizer twice, names different ones plainly', () => {
    expect(runLabel([{ kind: 'bsam' }, { kind: 'bsam' }], 1)).toBe('bSAM #2');
    expect(runLabel([{ kind: 'bsam' }, { kind: 'bsam' }], 0)).toBe('bSAM');
    expect(runLabel([{ kind: 'sgd' }, { kind: 'bsam' }], 1)).toBe('bSAM');
    expect(runLabel([], 0)).toBe('');
  });
  it('keeps the first run its plain test ids', () => {
    expect(testIdSuffix(0)).toBe('');
    expect(testIdSuffix(1)).toBe('-2');
  });
  it('shows one empty run of the configured kind before the worker answers', () => {
    expect(labelledRuns([], 'adam')).toEqual([{ view: null, label: 'Adam' }]);
    const views = [{ kind: 'sgd' }, { kind: 'sgd' }] as unknown as RunView[];
    expect(labelledRuns(views, 'adam').map((r) => r.label)).toEqual(['SGD (momentum)', 'SGD (momentum) #2']);
  });
});
