#!/usr/bin/env node
// `npm run demo`: lints the bundled example agents with the built plugin and prints ESLint's report.
// The reference agent should come out clean; every file under fixtures/violations breaks rules on purpose.
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { fileURLToPath } from 'node:url';
import plugin from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser } },
    plugin.configs.all,
  ],
});

const formatter = await eslint.loadFormatter('stylish');
for (const [title, pattern] of [
  ['Reference agent (fixtures/reference-agent): expected to be clean', 'fixtures/reference-agent'],
  ['Violations (fixtures/violations): every rule fires at least once', 'fixtures/violations'],
]) {
  const results = await eslint.lintFiles([pattern]);
  const count = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
  const rulesHit = new Set(results.flatMap((result) => result.messages.map((message) => message.ruleId)));
  console.log(`\n=== ${title}`);
  console.log(`${results.length} files, ${count} problems, ${rulesHit.size} distinct rules`);
  const text = await formatter.format(results);
  if (text) console.log(text);
}
