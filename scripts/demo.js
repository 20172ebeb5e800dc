#!/usr/bin/env node
// `npm run demo`: what each config gives, on the bundled example agents. fixtures/violations breaks rules on purpose;
// fixtures/reference-agent follows every rule.
//   1. `recommended`: the precise rules, as errors (start here);
//   2. `strict`: recommended plus the heuristic rules, as warnings (only the warnings are shown);
//   3. a suggestion (an editor quick fix that `--fix` never applies), before and after;
//   4. the reference agent under `all`: clean.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const VIOLATIONS = 'fixtures/violations';

function linter(config) {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,js,cjs,mjs}'], languageOptions: { parser: tsParser } },
      plugin.configs[config],
    ],
  });
}

const formatter = await new ESLint({ cwd: root }).loadFormatter('stylish');

function heading(text) {
  console.log(`\n${'='.repeat(text.length)}\n${text}\n${'='.repeat(text.length)}`);
}

function summary(results, severity) {
  const messages = results.flatMap((result) => result.messages.filter((message) => message.severity === severity));
  const files = results.filter((result) => result.messages.some((message) => message.severity === severity)).length;
  const rules = new Set(messages.map((message) => message.ruleId)).size;
  return `${messages.length} ${severity === 2 ? 'errors' : 'warnings'} in ${files} files, from ${rules} rules`;
}

/** The results with only the messages of one severity, counts adjusted, for the formatter. */
function onlySeverity(results, severity) {
  return results.map((result) => {
    const messages = result.messages.filter((message) => message.severity === severity);
    const fixable = messages.filter((message) => message.fix).length;
    return {
      ...result,
      messages,
      errorCount: severity === 2 ? messages.length : 0,
      warningCount: severity === 1 ? messages.length : 0,
      fatalErrorCount: 0,
      fixableErrorCount: severity === 2 ? fixable : 0,
      fixableWarningCount: severity === 1 ? fixable : 0,
    };
  });
}

/** The lines only `before` has and the lines only `after` has (a longest-common-subsequence line diff), numbered. */
function changedLines(before, after) {
  const common = before.map(() => new Array(after.length + 1).fill(0));
  common.push(new Array(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const removed = [];
  const added = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      i++;
      j++;
    } else if (j >= after.length || (i < before.length && common[i + 1][j] >= common[i][j + 1])) {
      removed.push([i + 1, before[i++]]);
    } else {
      added.push([j + 1, after[j++]]);
    }
  }
  return { removed, added };
}

heading('1. The `recommended` config: precise rules, as errors (extends: [livekitAgents.configs.recommended])');
const recommended = await linter('recommended').lintFiles([VIOLATIONS]);
console.log(`${VIOLATIONS}: ${summary(recommended, 2)}`);
console.log(await formatter.format(onlySeverity(recommended, 2)));

heading('2. The `strict` config adds the heuristic and opinionated rules, as warnings (only those shown)');
const strict = await linter('strict').lintFiles([VIOLATIONS]);
console.log(`${VIOLATIONS}: ${summary(strict, 1)} (the ${summary(strict, 2)} are the ones above)`);
console.log(await formatter.format(onlySeverity(strict, 1)));

heading('3. A suggestion: a quick fix your editor offers (never applied by --fix, because it changes behaviour)');
const withSuggestion = strict
  .flatMap((result) => result.messages.map((message) => ({ result, message })))
  .find(({ message }) => message.suggestions?.length);
if (withSuggestion) {
  const { result, message } = withSuggestion;
  const [suggestion] = message.suggestions;
  const source = readFileSync(result.filePath, 'utf8');
  const after = source.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + source.slice(suggestion.fix.range[1]);
  const { removed, added } = changedLines(source.split('\n'), after.split('\n'));
  console.log(`${relative(root, result.filePath)}:${message.line}:${message.column}  ${message.ruleId}`);
  console.log(`  ${message.message}`);
  console.log(`\nSuggestion: ${suggestion.desc}`);
  console.log('\nBefore (the lines it changes):');
  for (const [line, text] of removed) console.log(`  ${String(line).padStart(4)} | ${text}`);
  console.log('\nAfter:');
  for (const [line, text] of added) console.log(`  ${String(line).padStart(4)} | ${text}`);
} else {
  console.log('(no suggestion in this run)');
}

heading(
  '4. The reference agent (fixtures/reference-agent) follows every rule: the `all` config, every rule as an error',
);
const reference = await linter('all').lintFiles(['fixtures/reference-agent']);
const problems = reference.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
console.log(`${reference.length} files, ${problems} problems`);
const referenceText = await formatter.format(reference);
if (referenceText) console.log(referenceText);
