/**
 * `npm run new-rule` (scripts/new-rule.js): what it refuses, and what it writes, without building anything.
 * Refusals run against this checkout and must leave it as it was; the writing runs with `--no-generate` in a
 * small temporary copy of what the script reads. The full path (generate, then `npm test` on the result) is
 * tests/e2e/new-rule.e2e.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function newRule(args: readonly string[], cwd = root) {
  const result = spawnSync(process.execPath, [join(cwd, 'scripts/new-rule.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('refuses a bad invocation with exit code 2, and writes nothing', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const index = readFileSync(join(root, 'src/rules/index.ts'), 'utf8');

  it.each([
    ['no id', [], /give the new rule id/],
    ['camelCase', ['noFooInEntry'], /"noFooInEntry" is not a kebab-case rule id/],
    ['underscores', ['no_foo'], /not a kebab-case/],
    ['a trailing dash', ['no-foo-'], /not a kebab-case/],
    ['a leading digit', ['2-many-tools'], /not a kebab-case/],
    ['the index module', ['index'], /cannot be a rule id/],
    ['a reserved word', ['delete'], /cannot be a rule id/],
    ['an existing rule', ['require-session-metrics'], /rule "require-session-metrics" already exists/],
    ['an unknown tier', ['no-foo', '--tier', 'error'], /--tier must be one of recommended, strict/],
    ['a tier without value', ['no-foo', '--tier'], /--tier needs a value/],
    ['a description in another form', ['no-foo', '--description', 'Checks foo in entry'], /must start with/],
    ['a description with a period', ['no-foo', '--description', 'Disallow foo in entry, always.'], /final period/],
    ['an unknown option', ['no-foo', '--force'], /unknown option --force/],
    ['two ids', ['no-foo', 'no-bar'], /one rule id at a time/],
  ])('%s', (_, args, message) => {
    const result = newRule(args);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: npm run new-rule -- <rule-id>');
    expect(result.code).toBe(2);
    const id = args[0];
    if (id && id !== 'require-session-metrics' && id !== 'index') {
      for (const path of [`src/rules/${id}.ts`, `tests/rules/${id}.test.ts`, `docs/rules/${id}.md`])
        expect(existsSync(join(root, path)), path).toBe(false);
    }
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe(readme);
    expect(readFileSync(join(root, 'src/rules/index.ts'), 'utf8')).toBe(index);
  });
});

describe('writes the rule, its tests, its page and a violation from the templates (--no-generate)', () => {
  const id = 'no-foo-in-entry';
  const files = [
    `src/rules/${id}.ts`,
    `tests/rules/${id}.test.ts`,
    `docs/rules/${id}.md`,
    `fixtures/violations/${id}.ts`,
  ];
  const description = "Disallow foo in the agent's entry function";
  let dir = '';
  let first: ReturnType<typeof newRule>;
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lk-new-rule-'));
    // What the script reads: itself, its templates and the README; the folders it writes into.
    cpSync(join(root, 'scripts/new-rule.js'), join(dir, 'scripts/new-rule.js'));
    cpSync(join(root, 'scripts/new-rule'), join(dir, 'scripts/new-rule'), { recursive: true });
    cpSync(join(root, 'README.md'), join(dir, 'README.md'));
    for (const folder of ['src/rules', 'tests/rules', 'docs/rules', 'fixtures/violations'])
      mkdirSync(join(dir, folder), { recursive: true });
    first = newRule([id, '--tier', 'recommended', '--description', description, '--no-generate'], dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0, names the files and prints the commands it did not run', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const file of files) expect(first.stdout).toContain(file);
    expect(first.stdout).toContain('node scripts/generate-rules-index.js');
    expect(first.stdout).toContain('npm run generate');
    expect(first.stdout).toContain('UPDATE_EXPECTED=1 npx vitest run tests/audit/expected-outputs.test.ts');
  });

  it('fills every template placeholder, with the id, tier and description', () => {
    for (const file of files) expect(read(file), file).not.toMatch(/__[A-Z_]+__/);
    const rule = read(`src/rules/${id}.ts`);
    expect(rule).toContain(`name: '${id}'`);
    expect(rule).toContain("recommended: 'recommended'");
    expect(rule).toContain("description: 'Disallow foo in the agent\\'s entry function'");
    expect(read(`tests/rules/${id}.test.ts`)).toContain(`ruleTester.run('${id}', rule, {`);
    expect(read(`docs/rules/${id}.md`).split('\n')[0]).toBe(`# livekit-agents/${id}`);
    expect(read(`fixtures/violations/${id}.ts`)).toMatch(new RegExp(`// expect: ${id}\\n$`));
  });

  it('adds the rule to "Why each rule matters", at the end of the section, not marked strict', () => {
    const readme = read('README.md');
    const entry = readme.split('\n').filter((line) => line.startsWith(`- [\`${id}\`](docs/rules/${id}.md): `));
    expect(entry).toHaveLength(1);
    const section = readme.indexOf('\n## Why each rule matters\n');
    const next = readme.indexOf('\n## ', section + 1);
    const at = readme.indexOf(entry[0]!);
    expect(at).toBeGreaterThan(section);
    expect(at).toBeLessThan(next);
    expect(readme.slice(at + entry[0]!.length, next)).toBe('\n');
  });

  it('never overwrites: the same id again, or any one of its files left over, is refused', () => {
    const before = files.map(read);
    const again = newRule([id, '--no-generate'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`rule "${id}" already exists`);
    unlinkSync(join(dir, `src/rules/${id}.ts`));
    const leftover = newRule([id, '--no-generate'], dir);
    expect(leftover.code).toBe(2);
    expect(leftover.stderr).toContain(
      `"${id}" is already used by tests/rules/${id}.test.ts, docs/rules/${id}.md, fixtures/violations/${id}.ts`,
    );
    expect(existsSync(join(dir, `src/rules/${id}.ts`))).toBe(false);
    expect(files.slice(1).map(read)).toEqual(before.slice(1));
  });
});
