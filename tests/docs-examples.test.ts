/**
 * The rule pages cannot drift from the rules. For every docs/rules/<id>.md:
 * - each ```ts / ```js block under `### ❌ Incorrect` is reported by the page's rule at least once, and each block under
 *   `### ✅ Correct` gets nothing from it (both must parse). A block that cannot stand alone is skipped only when an
 *   HTML comment `<!-- skip-example-check: <reason> -->` stands right before it;
 * - the page has the shared layout: title, generated header, intro, then the sections in one order, `## Options`
 *   exactly when the rule has options.
 * And the README's "Why each rule matters" names every rule once, marking the `strict`-only ones.
 * The rules are linted from source through ESLint's Node API with @typescript-eslint/parser, one rule on at a time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ruleIds = Object.keys(rules).sort();

type Kind = 'incorrect' | 'correct';

interface Example {
  kind: Kind;
  /** 1-based line of the opening fence in the page. */
  line: number;
  lang: 'ts' | 'js';
  code: string;
  /** The reason given in a `skip-example-check` comment right before the block, if any. */
  skip: string | null;
}

const LANGS: Record<string, 'ts' | 'js'> = {
  ts: 'ts',
  typescript: 'ts',
  tsx: 'ts',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
};

/** The code blocks under the ❌/✅ headings of a page, in order. Other blocks (options, settings) are not examples. */
function extractExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let kind: Kind | null = null;
  let previous = '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence) {
      const start = index;
      const body: string[] = [];
      for (index++; index < lines.length && !/^```\s*$/.test(lines[index]!); index++) body.push(lines[index]!);
      const lang = LANGS[fence[1]!];
      if (kind && lang) {
        const skip = /^<!--\s*skip-example-check:([^>]*)-->$/.exec(previous.trim());
        examples.push({ kind, line: start + 1, lang, code: body.join('\n'), skip: skip ? skip[1]!.trim() : null });
      }
      previous = '';
      continue;
    }
    if (/^#{1,3} /.test(line))
      kind = /^### ❌ Incorrect\s*$/.test(line) ? 'incorrect' : /^### ✅ Correct\s*$/.test(line) ? 'correct' : null;
    if (line.trim()) previous = line;
  }
  return examples;
}

/** Settings for pages whose rule depends on the SDK version: the version their examples are written for. */
const PAGE_SETTINGS: Readonly<Record<string, Record<string, unknown>>> = {
  'require-session-metrics': { 'livekit-agents': { version: '1.0.22' } },
};

function eslintFor(id: string): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
      },
      {
        plugins: { 'livekit-agents': plugin },
        rules: { [`livekit-agents/${id}`]: 'error' },
        settings: PAGE_SETTINGS[id] ?? {},
      } as Linter.Config,
    ],
  });
}

const pageOf = (id: string) => readFileSync(`${root}/docs/rules/${id}.md`, 'utf8');
const hasOptions = (id: string) => {
  const schema = (rules[id as keyof typeof rules] as unknown as { meta: { schema: unknown } }).meta.schema;
  return Array.isArray(schema) && schema.length > 0;
};

/** The level-2 sections every page has, in this order; `Options` when the rule has options, `Settings` optional. */
const SECTIONS = ['Why it matters', 'Examples', 'Options', 'Settings', 'When not to use it', 'Further reading'];

describe.each(ruleIds)('docs/rules/%s.md', (id) => {
  const page = pageOf(id);
  const examples = extractExamples(page);

  it('has the shared layout', () => {
    const lines = page.split('\n');
    expect(lines[0]).toBe(`# livekit-agents/${id}`);
    const marker = lines.indexOf('<!-- end auto-generated rule header -->');
    expect(marker, 'generated header marker').toBeGreaterThan(0);
    const firstSection = lines.findIndex((line) => line.startsWith('## '));
    const intro = lines
      .slice(marker + 1, firstSection)
      .join(' ')
      .trim();
    expect(intro.length, 'an intro between the header and the first section').toBeGreaterThan(40);

    const sections = lines.filter((line) => line.startsWith('## ')).map((line) => line.slice(3).trim());
    const expected = SECTIONS.filter((name) =>
      name === 'Options' ? hasOptions(id) : name === 'Settings' ? sections.includes('Settings') : true,
    );
    expect(sections).toEqual(expected);

    const examplesSection = page.slice(
      page.indexOf('\n## Examples\n'),
      page.indexOf('\n## ', page.indexOf('\n## Examples\n') + 1),
    );
    const subsections = examplesSection.split('\n').filter((line) => line.startsWith('### '));
    expect(subsections).toEqual(['### ❌ Incorrect', '### ✅ Correct']);
  });

  it('has at least one checked ❌ and one checked ✅ example; every skip gives a reason', () => {
    expect(examples.some((example) => example.kind === 'incorrect' && example.skip === null)).toBe(true);
    expect(examples.some((example) => example.kind === 'correct' && example.skip === null)).toBe(true);
    for (const example of examples)
      if (example.skip !== null) expect(example.skip.length, `skip reason at line ${example.line}`).toBeGreaterThan(10);
  });

  const checked = examples.filter((example) => example.skip === null);
  if (checked.length === 0) return;
  const eslint = eslintFor(id);

  it.each(
    checked.map(
      (example) => [`${example.kind === 'incorrect' ? '❌' : '✅'} block at line ${example.line}`, example] as const,
    ),
  )('%s', async (_, example) => {
    const [result] = await eslint.lintText(example.code, {
      filePath: `${root}/docs/rules/${id}.example.${example.lang}`,
    });
    const fatal = result!.messages
      .filter((message) => message.fatal || message.ruleId === null)
      .map((message) => message.message);
    expect(fatal, 'the example must parse').toEqual([]);
    const own = result!.messages.filter((message) => message.ruleId === `livekit-agents/${id}`);
    if (example.kind === 'incorrect') {
      expect(own.length, 'an ❌ example must be reported by the rule').toBeGreaterThan(0);
    } else {
      expect(
        own.map((message) => `${message.line}: ${message.message}`),
        'a ✅ example must not be reported',
      ).toEqual([]);
    }
  });
});

describe('README "Why each rule matters"', () => {
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  const start = readme.indexOf('\n## Why each rule matters\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

  it('names every rule once, linking its page, and marks exactly the strict-only rules', () => {
    expect(start).toBeGreaterThan(0);
    const entries = [...section.matchAll(/^- \[`([a-z-]+)`\]\(docs\/rules\/([a-z-]+)\.md\)( \(\*strict\*\))?:/gm)];
    expect(entries.map((entry) => entry[1]).sort()).toEqual(ruleIds);
    for (const entry of entries) {
      expect(entry[2], `${entry[1]} links its own page`).toBe(entry[1]);
      const tier = (rules[entry[1] as keyof typeof rules] as unknown as { meta: { docs: { recommended: string } } })
        .meta.docs.recommended;
      expect(Boolean(entry[3]), `${entry[1]} is marked strict exactly when it is strict-only`).toBe(tier === 'strict');
    }
  });
});

describe('extractExamples', () => {
  it('reads ❌/✅ blocks, honours a skip comment right before a block, and ignores other sections', () => {
    const markdown = [
      '## Examples',
      '### ❌ Incorrect',
      '```ts',
      'bad();',
      '```',
      '<!-- skip-example-check: needs a second file -->',
      '```js',
      'partial();',
      '```',
      '### ✅ Correct',
      '```ts',
      'good();',
      '```',
      '## Options',
      '```js',
      "'x': 'error',",
      '```',
    ].join('\n');
    expect(extractExamples(markdown)).toEqual([
      { kind: 'incorrect', line: 3, lang: 'ts', code: 'bad();', skip: null },
      { kind: 'incorrect', line: 7, lang: 'js', code: 'partial();', skip: 'needs a second file' },
      { kind: 'correct', line: 11, lang: 'ts', code: 'good();', skip: null },
    ]);
  });
});

it('every rule has a page and every page a rule', () => {
  const pages = readdirSync(`${root}/docs/rules`)
    .map((file) => file.replace(/\.md$/, ''))
    .sort();
  expect(pages).toEqual(ruleIds);
});
