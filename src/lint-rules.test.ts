/**
 * The import rules of eslint.config.js, exercised through ESLint's own Node API: each rule rejects an
 * import that breaks it and accepts a legal neighbour, so a rule that silently stops matching (a pattern
 * that misses nested folders, a config object that overrides another) fails here.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });
});

/** The no-restricted-imports messages for one import statement placed in `file`. */
async function restricted(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** [file, import that must be rejected, import from the same file that must be accepted] */
const CASES: [string, string, string, string][] = [
  ['math never imports state, even from a nested folder', 'src/math/landscape2d/x.ts', '../../state/experiment.ts', '../objectives.ts'],
  ['math never imports state (flat)', 'src/math/x.ts', '../state/experiment.ts', './objectives.ts'],
  ['math never imports d3', 'src/math/x.ts', 'd3', './expected.ts'],
  ['math never imports tfjs', 'src/math/x.ts', '@tensorflow/tfjs', './expected.ts'],
  ['train never imports the worker layer', 'src/train/fused/x.ts', '../../worker/train-protocol.ts', '../../state/training.ts'],
  ['train never imports the UI', 'src/train/slice/x.ts', '../../ui/kit/format.ts', '../../math/objectives.ts'],
  ['state never imports the UI', 'src/state/permalink/x.ts', '../../ui/kit/format.ts', '../experiment.ts'],
  ['state never imports workers', 'src/state/x.ts', '../worker/train-protocol.ts', '../math/objectives.ts'],
  ['workers never import the UI', 'src/worker/x.ts', '../ui/kit/format.ts', '../train/datasets.ts'],
  ['the CLI never imports the UI', 'src/cli/x.ts', '../ui/kit/format.ts', '../state/experiment.ts'],
  ['the UI never imports the CLI', 'src/ui/app/x.ts', '../../cli/main.ts', '../landscape1d/Landscape1DPanel.tsx'],
  ['the kit never imports a panel', 'src/ui/kit/x.ts', '../msigma/format.ts', '../../state/experiment.ts'],
  ['the kit never imports the app', 'src/ui/kit/x.ts', '../app/App.tsx', './format.ts'],
  ['the kit never imports the classroom', 'src/ui/kit/x.ts', '../classroom/tour.ts', './colour.ts'],
  ['a panel never imports another panel', 'src/ui/landscape2d/x.ts', '../msigma/colour.ts', '../kit/colour.ts'],
  ['nesting inside a panel does not escape', 'src/ui/training/deep/x.ts', '../../landscape1d/Legend.tsx', '../../kit/Tex.tsx'],
  ['a panel name inside a lower layer is not a panel', 'src/ui/training/x.ts', '../landscape2d/MapView.tsx', '../../math/landscape2d/paths.ts'],
  ['a panel never imports a shell', 'src/ui/training/x.ts', '../classroom/classroom-context.ts', '../export/ExportMenu.tsx'],
  ['the slice panel sits inside training, not the reverse', 'src/ui/slice/x.ts', '../training/TrainingPanel.tsx', '../kit/canvas.ts'],
  ['the new experiment panel imports no other panel', 'src/ui/experiment/x.ts', '../training/TrainingPanel.tsx', '../../worker/train-protocol.ts'],
  ['export imports no panel', 'src/ui/export/x.ts', '../training/training-client.ts', '../../state/training.ts'],
  ['the classroom may drive a panel but not import the app', 'src/ui/classroom/x.ts', '../app/App.tsx', '../training/training-remote.ts'],
  ['permalink does not import the app', 'src/ui/permalink/x.ts', '../app/App.tsx', '../classroom/tour.ts'],
];

describe('eslint import rules', () => {
  it.each(CASES)('%s', async (_name, file, bad, good) => {
    expect(await restricted(file, bad), `${file} importing ${bad}`).toHaveLength(1);
    expect(await restricted(file, good), `${file} importing ${good}`).toEqual([]);
  });

  it('lets the training panel import the slice panel (the one nesting allowed)', async () => {
    expect(await restricted('src/ui/training/TrainingPanel.tsx', '../slice/SlicePanel.tsx')).toEqual([]);
  });
});
