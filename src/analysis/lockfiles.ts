/**
 * What a lockfile pins for one dependency, read from its text: package-lock.json / npm-shrinkwrap.json (v1–v3),
 * pnpm-lock.yaml (v6–v9), yarn.lock (v1 and Berry) and bun.lock. Each reader builds a small index of the entries for
 * one dependency name (not the whole lockfile: a monorepo's lockfile is megabytes) and answers queries for one
 * package folder of the project. No LiveKit knowledge lives here.
 */
import { parse as parseYaml } from 'yaml';

export type LockfileKind = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** The lockfile names, in the order they are tried within one folder. */
export const LOCKFILES: readonly { file: string; kind: LockfileKind }[] = [
  { file: 'package-lock.json', kind: 'npm' },
  { file: 'npm-shrinkwrap.json', kind: 'npm' },
  { file: 'pnpm-lock.yaml', kind: 'pnpm' },
  { file: 'yarn.lock', kind: 'yarn' },
  { file: 'bun.lock', kind: 'bun' },
];

/** A pinned version, or a link to a workspace folder (relative to the lockfile's folder, `/`-separated). */
export type Locked = { version: string } | { link: string };

export interface LockQuery {
  /** The folder of the package that depends on it, relative to the lockfile's folder (`''` for the same folder). */
  packageDir: string;
  /** That package's `name`, when it has one (bun keys nested copies by it). */
  packageName: string | null;
  /** The range that package declares, as written (yarn keys entries by it). */
  range: string | null;
}

export type LockIndex = (query: LockQuery) => Locked | null;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a/b/c` → `a/b`, `a` → ``. */
function parentDir(dir: string): string {
  const slash = dir.lastIndexOf('/');
  return slash === -1 ? '' : dir.slice(0, slash);
}

/** Joins `/`-separated relative paths, resolving `.` and `..` (a link may point to a sibling folder). */
export function joinRelative(base: string, relative: string): string {
  const parts = base === '' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * package-lock.json v2/v3: `packages` keyed by install location (`node_modules/x`, `apps/web/node_modules/x`), with
 * workspace links (`{ link: true, resolved: 'packages/x' }`); v1 only has the root `dependencies` tree.
 * A package folder gets what Node would resolve from it: its own `node_modules`, then each parent's.
 */
function npmIndex(text: string, dependency: string): LockIndex | null {
  const lock: unknown = JSON.parse(text);
  if (!isObject(lock)) return null;
  const suffix = `node_modules/${dependency}`;
  const entries = new Map<string, Locked>();
  const packages = lock.packages;
  if (isObject(packages)) {
    for (const [location, entry] of Object.entries(packages)) {
      if (!isObject(entry) || (location !== suffix && !location.endsWith(`/${suffix}`))) continue;
      if (entry.link === true && typeof entry.resolved === 'string') {
        const target = packages[entry.resolved];
        entries.set(
          location,
          isObject(target) && typeof target.version === 'string'
            ? { version: target.version }
            : { link: entry.resolved },
        );
      } else if (typeof entry.version === 'string') {
        entries.set(location, { version: entry.version });
      }
    }
  } else if (isObject(lock.dependencies)) {
    const entry = lock.dependencies[dependency];
    if (isObject(entry) && typeof entry.version === 'string') entries.set(suffix, { version: entry.version });
  }
  if (entries.size === 0) return null;
  return ({ packageDir }) => {
    for (let dir = packageDir; ; dir = parentDir(dir)) {
      const found = entries.get(dir === '' ? suffix : `${dir}/${suffix}`);
      if (found) return found;
      if (dir === '') return null;
    }
  };
}

/** The top-level blocks of a YAML text whose key is one of `keys` (pnpm writes one key per column-0 line). */
function topLevelBlocks(text: string, keys: ReadonlySet<string>): string {
  const kept: string[] = [];
  let keep = false;
  for (const line of text.split(/\r?\n/)) {
    if (line !== '' && line[0] !== ' ' && line[0] !== '#') {
      const colon = line.indexOf(':');
      keep = colon > 0 && keys.has(line.slice(0, colon).replace(/^['"]|['"]$/g, ''));
    }
    if (keep) kept.push(line);
  }
  return kept.join('\n');
}

const PNPM_SECTIONS = new Set([
  'lockfileVersion',
  'importers',
  'dependencies',
  'devDependencies',
  'optionalDependencies',
]);
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** `1.0.12(@livekit/rtc-node@0.13.20)` → `1.0.12`; `1.0.12_abc` (v5) → `1.0.12`; `link:../agents` stays a link. */
function pnpmLocked(value: unknown): Locked | null {
  const text = isObject(value) ? value.version : value;
  if (typeof text !== 'string') return null;
  if (text.startsWith('link:')) return { link: text.slice('link:'.length) };
  const end = text.search(/[(_]/);
  return { version: end === -1 ? text : text.slice(0, end) };
}

/**
 * pnpm-lock.yaml v6–v9: `importers['<folder>'].dependencies['<name>'].version` in a workspace, the root
 * `dependencies` otherwise. Only those sections are parsed (the `packages` and `snapshots` sections are most of the
 * file). pnpm 10 may put a config-dependencies document first: the last document is the project's.
 */
function pnpmIndex(text: string, dependency: string): LockIndex | null {
  const documents = text.split(/^---\s*$/m);
  const lock: unknown = parseYaml(topLevelBlocks(documents[documents.length - 1]!, PNPM_SECTIONS));
  if (!isObject(lock)) return null;
  const importers = new Map<string, Locked>();
  const collect = (folder: string, importer: unknown): void => {
    if (!isObject(importer)) return;
    for (const field of DEPENDENCY_FIELDS) {
      const deps = importer[field];
      const locked = isObject(deps) ? pnpmLocked(deps[dependency]) : null;
      if (locked) {
        // A link is relative to the importer's folder; the caller resolves it from the lockfile's.
        importers.set(folder, 'link' in locked ? { link: joinRelative(folder, locked.link) } : locked);
        return;
      }
    }
  };
  if (isObject(lock.importers)) {
    for (const [folder, importer] of Object.entries(lock.importers)) collect(folder === '.' ? '' : folder, importer);
  } else {
    collect('', lock);
  }
  if (importers.size === 0) return null;
  return ({ packageDir }) => importers.get(packageDir) ?? null;
}

/**
 * yarn.lock, v1 (`"name@^1.0.0", name@^1.0.3:` then `  version "1.0.46"`) and Berry (`"name@npm:^1.0.0":` then
 * `  version: 1.0.46`; a workspace is `name@workspace:path` with version `0.0.0-use.local`). Read line by line: an
 * entry header is an unindented line ending in `:`.
 */
function yarnIndex(text: string, dependency: string): LockIndex | null {
  const entries: { ranges: string[]; locked: Locked }[] = [];
  let ranges: string[] | null = null;
  const prefix = `${dependency}@`;
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line[0] === '#') continue;
    if (line[0] !== ' ') {
      ranges = null;
      if (!line.endsWith(':')) continue;
      const descriptors = line
        .slice(0, -1)
        .split(',')
        .map((part) => part.trim().replace(/^"|"$/g, ''));
      const mine = descriptors
        .filter((descriptor) => descriptor.startsWith(prefix))
        .map((descriptor) => descriptor.slice(prefix.length));
      if (mine.length > 0) ranges = mine;
      continue;
    }
    if (!ranges) continue;
    const match = /^\s+version:?\s+"?([^"\s]+)"?\s*$/.exec(line);
    if (!match) continue;
    // `workspace:^` names a range; `workspace:packages/sdk` names the folder (Berry lists both for one entry).
    const workspace = ranges.find((range) => range.startsWith('workspace:') && !/^workspace:[*^~<>=\d]/.test(range));
    entries.push({
      ranges,
      locked: workspace ? { link: workspace.slice('workspace:'.length) } : { version: match[1]! },
    });
    ranges = null;
  }
  if (entries.length === 0) return null;
  return ({ range }) => {
    if (range !== null) {
      const entry = entries.find(
        (candidate) => candidate.ranges.includes(range) || candidate.ranges.includes(`npm:${range}`),
      );
      if (entry) return entry.locked;
    }
    // No entry for the declared range (not declared here, or a stale lockfile): only an unambiguous answer counts.
    const first = entries[0]!.locked;
    const same = entries.every((entry) => JSON.stringify(entry.locked) === JSON.stringify(first));
    return same ? first : null;
  };
}

/** JSON with trailing commas (bun.lock) → JSON: drops each comma that only whitespace separates from `}` or `]`. */
export function stripTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++index] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === ',') {
      let next = index + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (text[next] === '}' || text[next] === ']') continue;
    }
    out += char;
  }
  return out;
}

/**
 * bun.lock (text, v1): `packages['<name>'] = ['<name>@<version>', ...]`; a copy nested under a workspace package is
 * keyed `<that package's name>/<name>`; a workspace package is `<name>@workspace:<path>`.
 */
function bunIndex(text: string, dependency: string): LockIndex | null {
  const lock: unknown = JSON.parse(stripTrailingCommas(text));
  if (!isObject(lock) || !isObject(lock.packages)) return null;
  const entries = new Map<string, Locked>();
  const prefix = `${dependency}@`;
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key !== dependency && !key.endsWith(`/${dependency}`)) continue;
    const resolution = Array.isArray(entry) ? entry[0] : undefined;
    if (typeof resolution !== 'string' || !resolution.startsWith(prefix)) continue;
    const value = resolution.slice(prefix.length);
    entries.set(
      key,
      value.startsWith('workspace:')
        ? { link: value.slice('workspace:'.length) }
        : { version: value.replace(/^npm:/, '') },
    );
  }
  if (entries.size === 0) return null;
  return ({ packageName }) =>
    (packageName ? entries.get(`${packageName}/${dependency}`) : undefined) ?? entries.get(dependency) ?? null;
}

/** Reads a lockfile's entries for `dependency`; null when it has none. Throws on text that is not the format. */
export function indexLockfile(kind: LockfileKind, text: string, dependency: string): LockIndex | null {
  switch (kind) {
    case 'npm':
      return npmIndex(text, dependency);
    case 'pnpm':
      return pnpmIndex(text, dependency);
    case 'yarn':
      return yarnIndex(text, dependency);
    case 'bun':
      return bunIndex(text, dependency);
  }
}
