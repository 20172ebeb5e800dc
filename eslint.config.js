// The repository lints itself: typescript-eslint, eslint-plugin-eslint-plugin for the rules, eslint-plugin-regexp
// (no super-linear backtracking anywhere), and this plugin's `all` config on the reference agent.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';
import livekitAgents from './dist/index.js';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/corpus/', 'fixtures/violations/', 'fuzz/out/'],
  },
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/rules/*.ts'],
    ignores: ['src/rules/index.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-url': 'off', // set by RuleCreator
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow|Prefer)' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { 'eslint-plugin/consistent-output': 'off' },
  },
  {
    files: ['fixtures/reference-agent/**/*.ts'],
    ...livekitAgents.configs.all,
  },
);
