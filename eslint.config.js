import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import rules. ESLint's flat config replaces a rule's options when two config objects match one file,
 * so every file below matches exactly one `no-restricted-imports` object: one per layer, one per folder
 * of src/ui. The rule set is checked by src/lint-rules.test.ts (a violating and a legal import each).
 */

/** A layer folder anywhere in a relative path: `**\/` so a file nested deeper (src/math/landscape2d/x.ts
 * importing '../../state') cannot escape the rule. */
const layer = (name) => [`**/${name}`, `**/${name}/**`];

/** The layers run one way: math → state → train → worker → ui and cli (the order the imports have). */
const LAYER_RULES = {
  math: { packages: ['react', 'react-dom', 'd3', 'd3-*', '@tensorflow/*'], layers: ['state', 'train', 'worker', 'ui', 'cli'], why: 'maths knows nothing of the DOM, tfjs, state or UI' },
  state: { packages: ['react', 'react-dom'], layers: ['worker', 'ui', 'cli'], why: 'the state schema is below the workers and the UI' },
  train: { packages: ['react', 'react-dom', 'd3', 'd3-*'], layers: ['worker', 'ui', 'cli'], why: 'training runs in Node and in the worker' },
  worker: { packages: ['react', 'react-dom'], layers: ['ui', 'cli'], why: 'workers know nothing of the UI or the CLI' },
  cli: { packages: ['react', 'react-dom'], layers: ['ui'], why: 'the CLI runs in Node, without the UI' },
};

function layerConfig(name, { packages, layers, why }) {
  return {
    files: [`src/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...packages, ...layers.flatMap(layer)], message: `src/${name}: ${why}.` }] },
      ],
    },
  };
}

/**
 * src/ui's rooms. Panels import the kit, the export service, state and the layers below, never each
 * other; the shells (app, classroom, permalink) may import panels. A sibling folder is reached by any
 * number of '../', so the rule is a regex anchored on that run (a panel name inside another path, like
 * '../../math/landscape2d/paths.ts', is not a panel).
 */
const PANELS = ['landscape1d', 'msigma', 'landscape2d', 'training', 'slice', 'experiment'];
const SHELLS = ['app', 'classroom', 'permalink'];
/** The slice panel slices the training panel's network and is drawn inside it: the one nesting allowed. */
const PANEL_CHILDREN = { training: ['slice'] };

const sibling = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;

function uiConfig(folder, forbidden, why) {
  const patterns = [{ group: layer('cli'), message: 'src/ui never imports the CLI.' }];
  if (forbidden.length > 0) patterns.push({ regex: sibling(forbidden), message: `src/ui/${folder}: ${why}` });
  return { files: [`src/ui/${folder}/**/*.{ts,tsx}`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

const UI_RULES = [
  uiConfig('kit', [...PANELS, ...SHELLS, 'export'], 'the kit is shared by every panel and imports none of them.'),
  uiConfig('export', [...PANELS, ...SHELLS], 'export serves every panel and imports none of them.'),
  ...PANELS.map((p) =>
    uiConfig(
      p,
      [...PANELS.filter((q) => q !== p && !(PANEL_CHILDREN[p] ?? []).includes(q)), ...SHELLS],
      'a panel imports the kit, export and state, not another panel or a shell.',
    ),
  ),
  uiConfig('classroom', ['app'], 'the classroom shell does not import the app.'),
  uiConfig('permalink', ['app'], 'the permalink shell does not import the app.'),
  uiConfig('app', [], ''),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'playwright-report', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...Object.entries(LAYER_RULES).map(([name, rule]) => layerConfig(name, rule)),
  ...UI_RULES,
);
