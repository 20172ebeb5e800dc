#!/usr/bin/env node
// Refreshes the sample report of the reference agent in README.md (section "Project audit",
// between the `audit-sample` markers) from the built command. `--check` only reports whether they are current.
//   npm run build && node scripts/audit-readme.js [--check]
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = `${root}README.md`;
const BEGIN = '<!-- begin audit-sample (scripts/audit-readme.js) -->';
const END = '<!-- end audit-sample -->';

function audit(args) {
  const run = spawnSync(process.execPath, ['dist/audit/cli.js', 'fixtures/reference-agent', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the audit exited ${run.status}:\n${run.stdout}${run.stderr}`);
  return run.stdout.trimEnd();
}

const report = audit([]);
const sample = [
  BEGIN,
  '<details><summary>The terminal report on the reference agent (<code>npx livekit-agents-audit fixtures/reference-agent</code>)</summary>',
  '',
  '```text',
  report,
  '```',
  '',
  '</details>',
  END,
].join('\n');

const text = readFileSync(readme, 'utf8');
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (start === -1 || end === -1) throw new Error(`README.md has no ${BEGIN} … ${END} markers`);
const next = text.slice(0, start) + sample + text.slice(end + END.length);
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('README.md: the audit sample is out of date; run `node scripts/audit-readme.js`');
    process.exit(1);
  }
} else if (next !== text) {
  writeFileSync(readme, next);
  console.log('README.md: audit sample updated');
}
