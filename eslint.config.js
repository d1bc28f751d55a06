import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results'] },
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
  // One-way layering: maths knows nothing of the DOM, tfjs, state or UI.
  {
    files: ['src/math/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'd3*', '@tensorflow/*', '../state/*', '../ui/*', '../cli/*', '../worker/*', '../train/*'] }],
    },
  },
  // Training code runs in Node and in the worker: no DOM frameworks, no UI, no CLI.
  {
    files: ['src/train/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react', 'd3*', '../ui/*', '../cli/*', '../worker/*'] }] },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react', '../ui/*', '../cli/*', '../worker/*'] }] },
  },
);
