/**
 * The plugin's shape: every rule is registered, documented, configured by its tier, and has a strict schema.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { DOCS_BASE_URL, REPOSITORY_URL } from '../src/urls.js';
import { rules } from '../src/rules/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ruleIds = Object.keys(rules).sort();
type AnyRule = (typeof rules)[keyof typeof rules] & {
  meta: {
    docs: { url?: string; recommended?: string; description?: string };
    schema: unknown;
    defaultOptions?: unknown;
    messages: Record<string, string>;
    type: string;
  };
  defaultOptions: unknown;
};

function schemaProblems(schema: unknown, path: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const problems: string[] = [];
  if (node.type === 'object' || node.properties) {
    if (node.additionalProperties !== false) problems.push(`${path}: additionalProperties must be false`);
    for (const [key, value] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      if (typeof value.description !== 'string' || value.description.length < 10)
        problems.push(`${path}.${key}: no description`);
      problems.push(...schemaProblems(value, `${path}.${key}`));
    }
  }
  if (node.items) problems.push(...schemaProblems(node.items, `${path}[]`));
  return problems;
}

describe('rule registry', () => {
  it('src/rules/index.ts lists every rule file (generated)', () => {
    expect(() => execFileSync('node', ['scripts/generate-rules-index.js', '--check'], { cwd: root })).not.toThrow();
    const files = readdirSync(`${root}/src/rules`)
      .filter((file) => file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    expect(ruleIds).toEqual(files.sort());
  });

  it("plugin meta names the package and namespace, and meta.version is package.json's version (a release bump needs no code change)", () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'livekit-agents' });
  });
});

describe('one address for the docs', () => {
  it("package.json's repository and homepage name REPOSITORY_URL, and DOCS_BASE_URL is under it", () => {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
      repository: { url: string };
      homepage: string;
    };
    expect(pkg.repository.url).toBe(`git+${REPOSITORY_URL}.git`);
    expect(pkg.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(DOCS_BASE_URL.startsWith(`${REPOSITORY_URL}/`)).toBe(true);
  });

  it('no other file spells a link into the repository: code builds it from the constant, docs link relatively', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(
        (file) =>
          /\.(?:[cm]?[jt]sx?|md|json)$/.test(file) &&
          !['package.json', 'package-lock.json', 'src/create-rule.ts'].includes(file),
      )
      .filter((file) => existsSync(`${root}/${file}`));
    expect(files).toContain('README.md');
    // A page or anchor of the repository (`…/blob/…`, `…#section`); the bare address (a git URL to clone) is fine.
    const link = new RegExp(`${REPOSITORY_URL.replace(/^https:\/\//, '').replaceAll('.', '\\.')}[/#]`);
    expect(files.filter((file) => link.test(readFileSync(`${root}/${file}`, 'utf8')))).toEqual([]);
  });
});

describe.each(ruleIds)('rule %s', (id) => {
  const rule = rules[id as keyof typeof rules] as unknown as AnyRule;
  const docPath = `${root}/docs/rules/${id}.md`;

  it('has a docs URL that points at its page, and the page exists with the required sections', () => {
    expect(rule.meta.docs.url).toBe(`${DOCS_BASE_URL}/rules/${id}.md`);
    expect(existsSync(docPath)).toBe(true);
    const page = readFileSync(docPath, 'utf8');
    for (const section of ['## Why it matters', '## Examples', '❌', '✅', '## When not to use it']) {
      expect(page, `${id}.md needs "${section}"`).toContain(section);
    }
    const hasOptions = Array.isArray(rule.meta.schema) && rule.meta.schema.length > 0;
    if (hasOptions) expect(page).toContain('## Options');
  });

  it('has a tier, a type, a description and messages', () => {
    expect(['recommended', 'strict']).toContain(rule.meta.docs.recommended);
    expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
    expect(rule.meta.docs.description?.length).toBeGreaterThan(10);
    for (const message of Object.values(rule.meta.messages)) expect(message.length).toBeGreaterThan(20);
  });

  it('has a strict, described schema and matching default options', () => {
    expect(schemaProblems({ type: 'object', additionalProperties: false, properties: {} }, id)).toEqual([]);
    const schemas = Array.isArray(rule.meta.schema) ? rule.meta.schema : [rule.meta.schema];
    for (const schema of schemas) expect(schemaProblems(schema, id)).toEqual([]);
    // Defaults live in meta.defaultOptions only (the top-level defaultOptions is deprecated in @typescript-eslint/utils).
    expect(rule.defaultOptions).toBeUndefined();
    if (schemas.length > 0) expect(rule.meta.defaultOptions).toHaveLength(schemas.length);
  });

  it('rejects an unknown option key with a configuration error', () => {
    const hasOptions = Array.isArray(rule.meta.schema) && rule.meta.schema.length > 0;
    const linter = new Linter({ configType: 'flat' });
    const config = {
      plugins: { 'livekit-agents': plugin },
      rules: { [`livekit-agents/${id}`]: hasOptions ? ['error', { notARealOption: true }] : ['error', 'unexpected'] },
    } as unknown as Linter.Config;
    expect(() => linter.verify('const x = 1;', config)).toThrow(
      new RegExp(`Key "livekit-agents/${id}":[^]*should NOT have (?:additional properties|more than)`),
    );
  });
});

describe('configs', () => {
  const tierOf = (id: string) => (rules[id as keyof typeof rules] as unknown as AnyRule).meta.docs.recommended;

  it('recommended lists exactly the recommended-tier rules, as errors', () => {
    const expected = Object.fromEntries(
      ruleIds.filter((id) => tierOf(id) === 'recommended').map((id) => [`livekit-agents/${id}`, 'error']),
    );
    expect(plugin.configs.recommended.rules).toEqual(expected);
  });

  it('strict adds exactly the strict-tier rules, as warnings', () => {
    const expected = Object.fromEntries(
      ruleIds.map((id) => [`livekit-agents/${id}`, tierOf(id) === 'recommended' ? 'error' : 'warn']),
    );
    expect(plugin.configs.strict.rules).toEqual(expected);
  });

  it('all turns on every rule', () => {
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(ruleIds.map((id) => `livekit-agents/${id}`));
  });

  it('every config points back to the one plugin object', () => {
    for (const config of Object.values(plugin.configs)) expect(config.plugins?.['livekit-agents']).toBe(plugin);
  });
});

describe('generated docs', () => {
  it('README rules table and rule page headers are up to date (eslint-doc-generator --check)', () => {
    // Runs against the built plugin (dist), which `npm test` builds first.
    expect(() =>
      execFileSync(
        process.execPath,
        [`${root}/node_modules/eslint-doc-generator/dist/bin/eslint-doc-generator.js`, '--check'],
        {
          cwd: root,
          stdio: 'pipe',
        },
      ),
    ).not.toThrow();
  });
});
