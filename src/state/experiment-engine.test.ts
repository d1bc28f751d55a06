import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from './experiment.ts';
import { DEFAULT_EXPERIMENT_PANEL, EXPERIMENT_ENGINES } from './fashion-experiment.ts';
import { decodeFragment, decodeStateFile, encodeFragment, encodeStateFile } from './permalink/index.ts';
import { reduce } from './update.ts';

describe('the experiment’s engine choice (ex.engine)', () => {
  it('is the fused engine by default, and a link made before the choice existed decodes to it without a notice', () => {
    expect(DEFAULT_EXPERIMENT_PANEL.engine).toBe('fused');
    const old = decodeFragment('v=1&ex.size=2000&ex.epochs=2');
    expect(old.notices).toEqual([]);
    expect(old.state.experiment).toEqual({ ...DEFAULT_EXPERIMENT_PANEL, size: 2000, epochs: 2 });
  });

  it('goes into the link and back for every engine', () => {
    for (const engine of EXPERIMENT_ENGINES) {
      const state = { ...DEFAULT_STATE, experiment: { ...DEFAULT_EXPERIMENT_PANEL, engine } };
      const link = encodeFragment(state);
      if (engine !== 'fused') expect(link).toContain(`ex.engine=${engine}`);
      const back = decodeFragment(link);
      expect(back.notices).toEqual([]);
      expect(back.state.experiment.engine).toBe(engine);
    }
  });

  it('reads an unknown engine as the default with a notice, and a state file without the field as the default', () => {
    const bad = decodeFragment('v=1&ex.engine=cuda');
    expect(bad.state.experiment.engine).toBe('fused');
    expect(bad.notices.map((n) => n.key)).toEqual(['ex.engine']);
    const file = JSON.parse(encodeStateFile(DEFAULT_STATE)) as { experiment: Record<string, unknown> };
    delete file.experiment.engine;
    const decoded = decodeStateFile(JSON.stringify(file));
    expect(decoded.state.experiment.engine).toBe('fused');
  });

  it('is patched through the reducer, and only to a known engine', () => {
    const s = reduce(DEFAULT_STATE, { type: 'patchExperiment', patch: { engine: 'webgpu' } });
    expect(s.experiment.engine).toBe('webgpu');
    expect(reduce(s, { type: 'patchExperiment', patch: { engine: 'cuda' as never } })).toBe(s);
  });
});
