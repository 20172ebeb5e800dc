/**
 * Links into the repository's own docs point somewhere real: every relative link of the Markdown pages (README.md,
 * CONTRIBUTING.md, docs/) names a file that exists and, with a `#anchor`, a heading of that page; and every
 * `docs/<page>.md#anchor` written in a comment or string of src/, tests/ or scripts/ (read from the repository root)
 * names a heading too. Anchors follow GitHub's slugs, so a renamed heading breaks the test, not the reader's click.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
/** This file: its examples of broken links are made up on purpose, so the repository scan leaves it out. */
const thisFile = relative(root, fileURLToPath(import.meta.url))
  .split('\\')
  .join('/');

/** GitHub's anchor for a heading: its text as rendered, lowercased, punctuation dropped (but `-`), spaces to `-`. */
function githubSlug(heading: string): string {
  // A link or image shows its text: drop the `(target)` part; the brackets are punctuation, dropped below.
  const text = heading.replace(/\]\([^()\]]*\)/gu, '').replace(/<[^<>]*>/gu, '');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /gu, '-');
}

/** The text of an ATX heading line (`## Title ##` → `Title`), or null when the line is no heading. */
function headingText(line: string): string | null {
  const match = /^ {0,3}#{1,6}(?=[ \t]|$)/u.exec(line);
  if (!match) return null;
  let text = line.slice(match[0].length).trim();
  // An optional closing run of `#`, when a space (or nothing) stands before it.
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t'))
    text = text.slice(0, end).trim();
  return text;
}

/** The lines of a Markdown page outside fenced code blocks (where `#` starts a comment, not a heading). */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/u.exec(line)?.[1];
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker?.startsWith(fence)) fence = null;
    else if (fence === null) lines.push(line);
  }
  return lines;
}

/** The anchors a page offers: one per heading (repeats get `-1`, `-2`, ... as on GitHub) and explicit HTML ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = headingText(line);
    if (heading !== null) {
      const slug = githubSlug(heading);
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const match of line.matchAll(/<a\s+(?:name|id)="([^"]+)"/gu)) anchors.add(match[1]!);
  }
  return anchors;
}

interface Link {
  /** The file the link is written in, relative to the root. */
  from: string;
  /** The target as written. */
  target: string;
  /** The file it points to, relative to the root (the page itself for `#anchor`). */
  file: string;
  anchor: string | null;
}

/** Relative links of a Markdown page: inline `[text](target)` and reference definitions `[id]: target`. */
function markdownLinks(from: string, markdown: string): Link[] {
  const links: Link[] = [];
  const targets: string[] = [];
  for (const line of proseLines(markdown)) {
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/gu)) targets.push(match[1]!);
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)/u.exec(line)?.[1];
    if (definition) targets.push(definition);
  }
  for (const target of targets) {
    // Other sites, mail, and links written without a scheme to a host (`//host/...`) are not ours to check.
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/iu.test(target)) continue;
    const hash = target.indexOf('#');
    const path = hash === -1 ? target : target.slice(0, hash);
    const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
    const file = path === '' ? from : relative(root, join(root, dirname(from), decodeURIComponent(path)));
    links.push({ from, target, file, anchor });
  }
  return links;
}

/** `docs/<page>.md#anchor` written in code (a comment, a string, a docs URL), read from the repository root. */
function codeDocLinks(from: string, text: string): Link[] {
  const links: Link[] = [];
  for (const match of text.matchAll(/(?<![\w.-])(docs\/[\w./-]+?\.md)#([\w-]+)/gu)) {
    links.push({ from, target: match[0], file: match[1]!, anchor: match[2]! });
  }
  return links;
}

/** What is wrong with each link: a missing file, or an anchor that is not a heading of the page. */
function brokenLinks(links: readonly Link[], read: (file: string) => string | null): string[] {
  const problems: string[] = [];
  const anchorCache = new Map<string, Set<string>>();
  for (const link of links) {
    const text = read(link.file);
    if (text === null) {
      problems.push(`${link.from}: ${link.target} → no file ${link.file}`);
      continue;
    }
    if (link.anchor === null || link.anchor === '' || !link.file.endsWith('.md')) continue;
    let anchors = anchorCache.get(link.file);
    if (!anchors) anchorCache.set(link.file, (anchors = anchorsOf(text)));
    if (!anchors.has(link.anchor)) problems.push(`${link.from}: ${link.target} → no heading #${link.anchor}`);
  }
  return problems;
}

function repositoryFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file !== '' && existsSync(join(root, file)));
}

function readFromRoot(file: string): string | null {
  const path = join(root, file);
  if (!existsSync(path)) return null;
  // A folder is a valid target (GitHub lists it); it has no headings.
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

describe('GitHub heading slugs', () => {
  it.each([
    ['Connecting call and before connect', 'connecting-call-and-before-connect'],
    ['Test code', 'test-code'],
    ['In CI, with SARIF', 'in-ci-with-sarif'],
    ['Entry / prewarm', 'entry--prewarm'],
    ['`testFiles` and `loggers`', 'testfiles-and-loggers'],
    ['See [Settings](../README.md#settings)', 'see-settings'],
    ['Why it matters!', 'why-it-matters'],
    ['snake_case stays', 'snake_case-stays'],
    ['❌ Incorrect', '-incorrect'],
  ])('%s → #%s', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it('numbers repeated headings and ignores headings inside code fences', () => {
    const page = ['# Title', '## Options', '```sh', '# a shell comment', '```', '## Options', '### Options'].join('\n');
    expect([...anchorsOf(page)]).toEqual(['title', 'options', 'options-1', 'options-2']);
  });

  it('reads closing hashes off a heading, and a `#word` without a space is no heading', () => {
    const page = ['## Closing hashes ##', '#hashtag', 'C# ## is text', '<a name="custom-anchor"></a>'].join('\n');
    expect([...anchorsOf(page)]).toEqual(['closing-hashes', 'custom-anchor']);
  });
});

describe('link checking', () => {
  const pages: Record<string, string> = {
    'docs/concepts.md': '# Concepts\n\n## Test code\n\nSee [the README](../README.md#settings).\n',
    'README.md': '# Plugin\n\n## Settings\n',
  };
  const read = (file: string) => pages[file] ?? null;

  it('accepts links to existing pages and headings', () => {
    const links = [
      ...markdownLinks('docs/concepts.md', pages['docs/concepts.md']!),
      ...markdownLinks('README.md', '[terms](docs/concepts.md#test-code), [here](#settings), [web](https://x.dev/#a)'),
      ...codeDocLinks('src/x.ts', '// docs/concepts.md#test-code'),
    ];
    expect(links.map((link) => `${link.file}#${link.anchor}`)).toEqual([
      'README.md#settings',
      'docs/concepts.md#test-code',
      'README.md#settings',
      'docs/concepts.md#test-code',
    ]);
    expect(brokenLinks(links, read)).toEqual([]);
  });

  it('reports a missing heading and a missing page', () => {
    const links = [
      ...markdownLinks('README.md', '[terms](docs/concepts.md#hot-path) and [gone](docs/gone.md)'),
      ...codeDocLinks('src/x.ts', '/* docs/concepts.md#logger-sink */'),
    ];
    expect(brokenLinks(links, read)).toEqual([
      'README.md: docs/concepts.md#hot-path → no heading #hot-path',
      'README.md: docs/gone.md → no file docs/gone.md',
      'src/x.ts: docs/concepts.md#logger-sink → no heading #logger-sink',
    ]);
  });
});

describe("the repository's links into its docs", () => {
  const files = repositoryFiles();

  it('every relative link of README.md, CONTRIBUTING.md and docs/ points to an existing file and heading', () => {
    const pages = files.filter((file) => /^(?:README\.md|CONTRIBUTING\.md|docs\/.*\.md)$/u.test(file));
    expect(pages).toContain('docs/concepts.md');
    const links = pages.flatMap((page) => markdownLinks(page, readFileSync(join(root, page), 'utf8')));
    // The rule pages alone link the README's settings more than a dozen times: the parser sees the links.
    expect(links.filter((link) => link.anchor !== null).length).toBeGreaterThan(20);
    expect(brokenLinks(links, readFromRoot)).toEqual([]);
  });

  it('every docs/<page>.md#anchor in src/, tests/ and scripts/ names a heading of that page', () => {
    expect(files).toContain(thisFile);
    const sources = files.filter(
      (file) =>
        /^(?:src|tests|scripts)\//u.test(file) &&
        file !== thisFile &&
        !/\.(?:png|jpe?g|gif|tgz|gz|zip|wasm)$/u.test(file),
    );
    const links = sources.flatMap((file) => codeDocLinks(file, readFileSync(join(root, file), 'utf8')));
    // The source comments that explain the model link to its concepts page.
    expect(links.some((link) => link.from === 'src/livekit/connect.ts' && link.file === 'docs/concepts.md')).toBe(true);
    expect(brokenLinks(links, readFromRoot)).toEqual([]);
  });
});
