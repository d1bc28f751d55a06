import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from './experiment.ts';
import { DEFAULT_EXPERIMENT_DATA, MAX_OWN_DATA_NAME, ownExperimentData } from './experiment-data.ts';
import { decodeFragment, encodeFragment } from './permalink/index.ts';
import { patchExperiment } from './update.ts';

describe('the experiment’s data in the state', () => {
  it('records own files by name in the link (the files themselves cannot travel), and reads it back', () => {
    const state = patchExperiment(DEFAULT_STATE, { data: ownExperimentData('emnist-letters-train-images-idx3-ubyte.gz') });
    const link = encodeFragment(state);
    expect(link).toContain('ex.data.kind=own');
    expect(link).toContain('ex.data.name=emnist-letters-train-images-idx3-ubyte.gz');
    const back = decodeFragment(link);
    expect(back.notices).toEqual([]);
    expect(back.state.experiment.data).toEqual({ kind: 'own', name: 'emnist-letters-train-images-idx3-ubyte.gz' });
  });

  it('a link without it, or made before own files existed, trains on Fashion-MNIST; the default writes nothing', () => {
    expect(decodeFragment('v=1&ex.size=2000').state.experiment.data).toEqual(DEFAULT_EXPERIMENT_DATA);
    expect(encodeFragment(DEFAULT_STATE)).not.toContain('ex.data');
  });

  it('an unknown kind is a notice, not Fashion-MNIST in silence; a long name is cut to what a link holds', () => {
    const bad = decodeFragment('v=1&ex.data.kind=cifar');
    expect(bad.notices.length).toBeGreaterThan(0);
    expect(ownExperimentData('x'.repeat(500)).name).toHaveLength(MAX_OWN_DATA_NAME);
  });
});
