#!/usr/bin/env node
// Scaffolds a new rule: `npm run new-rule -- <rule-id> [--tier recommended|strict] [--description "..."]`.
//
// Writes, from the templates in scripts/new-rule/, a rule with a placeholder check (src/rules/<id>.ts), its tests
// (tests/rules/<id>.test.ts), its page (docs/rules/<id>.md) and a marked violation (fixtures/violations/<id>.ts),
// and adds the rule to README.md's "Why each rule matters". Then it brings every generated file up to date
// (rules index, README table, page header, the audit's README sample and expected outputs, which count the rules),
// so that `npm test` passes right away. `--no-generate` skips that and prints the commands instead.
//
// Refuses (exit 2, nothing written) an id that is not kebab-case or that an existing file already uses; never
// overwrites a file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const templates = fileURLToPath(new URL('./new-rule/', import.meta.url));

const USAGE = 'Usage: npm run new-rule -- <rule-id> [--tier recommended|strict] [--description "..."] [--no-generate]';
const TIERS = ['recommended', 'strict'];
const DEFAULT_TIER = 'strict';
const DEFAULT_DESCRIPTION = 'Disallow agents whose instructions are still the placeholder TODO';
/** eslint-plugin/require-meta-docs-description in eslint.config.js asks the same of every rule. */
const DESCRIPTION_START = /^(?:Enforce|Require|Disallow|Prefer) /;
const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Words that cannot name the import scripts/generate-rules-index.js writes for a one-word id. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if implements import in instanceof interface let new null package private protected public return ' +
    'static super switch this throw true try typeof var void while with yield await arguments eval'
  )
    .split(' ')
    .filter(Boolean),
);
const WHY_SECTION = '\n## Why each rule matters\n';

/** Stops before anything is written: exit code 2 for a bad invocation. */
function refuse(message) {
  console.error(`new-rule: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function parseArguments(argv) {
  const parsed = { id: null, tier: DEFAULT_TIER, description: DEFAULT_DESCRIPTION, generate: true };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (argument === '--no-generate') {
      parsed.generate = false;
    } else if (argument === '--tier' || argument === '--description') {
      const value = argv[++index];
      if (value === undefined || value.startsWith('--')) refuse(`${argument} needs a value.`);
      parsed[argument.slice(2)] = value;
    } else if (argument.startsWith('-')) {
      refuse(`unknown option ${argument}.`);
    } else if (parsed.id === null) {
      parsed.id = argument;
    } else {
      refuse(`one rule id at a time (got "${parsed.id}" and "${argument}").`);
    }
  }
  return parsed;
}

function validate({ id, tier, description }) {
  if (id === null) refuse('give the new rule id, e.g. `npm run new-rule -- no-foo-in-entry`.');
  if (!KEBAB_CASE.test(id)) {
    refuse(`"${id}" is not a kebab-case rule id (lowercase words and digits joined by "-", e.g. no-foo-in-entry).`);
  }
  if (id === 'index' || RESERVED.has(id)) refuse(`"${id}" cannot be a rule id: it is reserved in src/rules or in JS.`);
  if (existsSync(`${root}src/rules/${id}.ts`)) refuse(`rule "${id}" already exists (src/rules/${id}.ts).`);
  if (!TIERS.includes(tier)) refuse(`--tier must be one of ${TIERS.join(', ')} (got "${tier}").`);
  if (!DESCRIPTION_START.test(description)) {
    refuse('--description must start with Enforce, Require, Disallow or Prefer (as every rule description does).');
  }
  if (/[\r\n]/.test(description) || description.endsWith('.') || description.length < 20) {
    refuse('--description is one line of at least 20 characters, without a final period.');
  }
}

/** Fills a template; every `__TOKEN__` must be known, so a typo in a template cannot reach a generated file. */
function fill(name, values) {
  const text = readFileSync(`${templates}${name}`, 'utf8');
  return text.replace(/__([A-Z_]+)__/g, (whole, token) => {
    if (!(token in values)) throw new Error(`scripts/new-rule/${name}: unknown placeholder ${whole}`);
    return values[token];
  });
}

/** The README with the rule added at the end of "Why each rule matters" (to be moved to its group by hand). */
function readmeWithRule(readme, id, tier) {
  const start = readme.indexOf(WHY_SECTION);
  if (start === -1) throw new Error('README.md has no "## Why each rule matters" section');
  const next = readme.indexOf('\n## ', start + WHY_SECTION.length);
  const end = next === -1 ? readme.length : next;
  const section = readme.slice(0, end).trimEnd();
  const entry =
    `- [\`${id}\`](docs/rules/${id}.md)${tier === 'strict' ? ' (*strict*)' : ''}: TODO(${id}): what goes wrong ` +
    'in a call without this rule, in one or two sentences; then move this entry to its group above.';
  return `${section}\n${entry}\n${readme.slice(end)}`;
}

function step(label, command, args, env = process.env) {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  return result.status === 0;
}

const options = parseArguments(process.argv.slice(2));
validate(options);
const { id, tier, description } = options;

const values = {
  RULE_ID: id,
  TIER: tier,
  DESCRIPTION: description.replaceAll('\\', '\\\\').replaceAll("'", "\\'"),
};
const files = [
  { path: `src/rules/${id}.ts`, template: 'rule.ts.tmpl' },
  { path: `tests/rules/${id}.test.ts`, template: 'test.ts.tmpl' },
  { path: `docs/rules/${id}.md`, template: 'docs.md.tmpl' },
  { path: `fixtures/violations/${id}.ts`, template: 'fixture.ts.tmpl' },
];
const taken = files.filter((file) => existsSync(`${root}${file.path}`)).map((file) => file.path);
if (taken.length > 0) refuse(`"${id}" is already used by ${taken.join(', ')}; nothing was written.`);

// Everything is rendered before the first write, so that a broken template leaves the checkout as it was.
const rendered = files.map((file) => ({ ...file, text: fill(file.template, values) }));
const readme = readmeWithRule(readFileSync(`${root}README.md`, 'utf8'), id, tier);
for (const file of rendered) writeFileSync(`${root}${file.path}`, file.text, { flag: 'wx' });
writeFileSync(`${root}README.md`, readme);
console.log(`new-rule: wrote ${rendered.map((file) => file.path).join(', ')}; added ${id} to README.md.`);

const steps = [
  [
    'format the new TypeScript files',
    'npx',
    ['prettier', '--write', `src/rules/${id}.ts`, `tests/rules/${id}.test.ts`],
  ],
  ['register the rule (src/rules/index.ts)', 'node', ['scripts/generate-rules-index.js']],
  ['build dist/ (the docs generator and the audit load the built plugin)', 'npm', ['run', 'build']],
  ['README rules table and the page header', 'npm', ['run', 'generate']],
  ["the audit's sample report in README.md (it counts the rules)", 'node', ['scripts/audit-readme.js']],
  [
    "the audit's expected outputs (they count the rules)",
    'npx',
    ['vitest', 'run', 'tests/audit/expected-outputs.test.ts'],
    { UPDATE_EXPECTED: '1' },
  ],
];
const commandLine = ([, command, args, env = {}]) =>
  [...Object.entries(env).map(([key, value]) => `${key}=${value}`), command, ...args].join(' ');

if (!options.generate) {
  console.log('\nNot generated (--no-generate). Run, in this order:');
  for (const item of steps) console.log(`  ${commandLine(item)}`);
} else {
  for (const [index, item] of steps.entries()) {
    const [label, command, args, env] = item;
    if (!step(label, command, args, env ? { ...process.env, ...env } : process.env)) {
      console.error(`\nnew-rule: "${commandLine(item)}" failed. Fix it, then run the rest, in this order:`);
      for (const rest of steps.slice(index)) console.error(`  ${commandLine(rest)}`);
      process.exit(1);
    }
  }
}

console.log(`
new-rule: ${id} is registered (${tier} tier) with a PLACEHOLDER check. Next (CONTRIBUTING.md, "Adding a rule"):
  1. src/rules/${id}.ts: replace the check and its message; ask the LiveKit model instead of matching SDK shapes.
  2. tests/rules/${id}.test.ts: cases for the real check (the import-form helpers generate the usual variants).
  3. docs/rules/${id}.md: why it matters in a call, ❌/✅ examples, when not to use it.
  4. fixtures/violations/${id}.ts: a realistic violation, each reported line marked \`// expect: ${id}\`.
  5. README.md, "Why each rule matters": write the entry and move it to its group.
  6. npm run changeset, then npm test. Search for TODO(${id}) to find every placeholder.`);
