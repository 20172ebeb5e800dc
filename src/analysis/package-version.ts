/**
 * Which version of a dependency a project runs, seen from one of its folders, first found wins:
 *
 *   1. installed: `node_modules/<name>/package.json` that Node would resolve from the folder;
 *   2. lockfile: the nearest package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock or bun.lock at or
 *      above the package that declares it, looked up for that package (workspace links followed). An entry the
 *      declared range no longer admits is stale and skipped; when several lockfiles disagree, the lowest version
 *      wins (a fix must not break the oldest install);
 *   3. declared: the range in the nearest `package.json` that names it (dependencies, then peer, dev and optional
 *      dependencies), with `workspace:` (the workspace package's own version) and `catalog:` / `catalog:<name>`
 *      (pnpm-workspace.yaml, or a root package.json's `catalog(s)`) resolved.
 *
 * Caching: parsed files are kept keyed by path, modification time and size, and each folder's answer for at most
 * `ANSWER_TTL_MS`: a long-lived editor server sees a new install or lockfile within a second, and a lint run of many
 * files still reads each file once. No LiveKit knowledge lives here.
 */
import { type Stats, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { LOCKFILES, type LockIndex, type Locked, indexLockfile } from './lockfiles.js';

export type VersionSource = 'installed' | 'lockfile' | 'declared';

export interface FoundVersion {
  /** The versions the project may run, as a normalized semver range (one version for `installed` and `lockfile`). */
  range: string;
  source: VersionSource;
  /** The file it was read from. */
  file: string;
  /** As written there: the version, or the declared range (`~1.0.12`, `catalog:`). */
  written: string;
}

/** How long a folder's answer is trusted before the file system is looked at again. */
export const ANSWER_TTL_MS = 1000;
const MAX_CACHED = 1024;
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'devDependencies', 'optionalDependencies'] as const;
const SEMVER_OPTIONS = { loose: true, includePrerelease: true } as const;
/** For reading ranges: `1.x` stays `>=1.0.0 <2.0.0-0` (with includePrerelease it would admit 1.0.0 pre-releases). */
const RANGE_OPTIONS = { loose: true } as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface FileEntry {
  mtimeMs: number;
  size: number;
  value: unknown;
}

/** `<reader>\0<path>` → the file's parsed content, valid while its modification time and size are unchanged. */
const fileCache = new Map<string, FileEntry>();

/** A folder tree probes about ten paths per ancestor folder. */
const MAX_STATS = 20_000;
const statCache = new Map<string, { at: number; stats: Stats | undefined }>();

/**
 * `path`'s stats (undefined: missing). Files of sibling folders look up the same ancestors (`package.json`,
 * `node_modules/...`, lockfiles): within the answer TTL each path is asked once.
 */
function statRecent(path: string): Stats | undefined {
  const now = Date.now();
  const cached = statCache.get(path);
  if (cached && now - cached.at < ANSWER_TTL_MS) return cached.stats;
  const stats = statSync(path, { throwIfNoEntry: false });
  if (statCache.size >= MAX_STATS) statCache.clear();
  statCache.set(path, { at: now, stats });
  return stats;
}

/** The parsed content of `path`, or undefined when it is missing, unreadable or not in the expected format. */
function readCached<T>(tag: string, path: string, parse: (text: string) => T): T | undefined {
  const stats = statRecent(path);
  if (!stats?.isFile()) return undefined;
  const key = `${tag}\0${path}`;
  const cached = fileCache.get(key);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.value as T | undefined;
  let value: T | undefined;
  try {
    value = parse(readFileSync(path, 'utf8'));
  } catch {
    value = undefined; // A half-written or hand-broken file is treated as absent, never a crash.
  }
  if (fileCache.size >= MAX_CACHED) fileCache.clear();
  fileCache.set(key, { mtimeMs: stats.mtimeMs, size: stats.size, value });
  return value;
}

function readJson(path: string): Json | undefined {
  return readCached('json', path, (text) => {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  });
}

function readYaml(path: string): Json | undefined {
  return readCached('yaml', path, (text) => {
    const value: unknown = parseYaml(text);
    return isObject(value) ? value : undefined;
  });
}

function exactVersion(text: unknown): string | null {
  return typeof text === 'string' ? semver.valid(text, SEMVER_OPTIONS) : null;
}

function* ancestors(directory: string): Generator<string> {
  for (let current = directory; ;) {
    yield current;
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function installed(directory: string, name: string): FoundVersion | null {
  for (const dir of ancestors(directory)) {
    const file = join(dir, 'node_modules', ...name.split('/'), 'package.json');
    const manifest = readJson(file);
    const version = exactVersion(manifest?.version);
    if (version) return { range: version, source: 'installed', file, written: version };
  }
  return null;
}

interface Declaration {
  /** The folder of the package.json that declares the dependency (or the nearest package.json's, when none does). */
  dir: string;
  manifest: Json | null;
  /** The range as written; null when no package.json declares it. */
  written: string | null;
}

function declaration(directory: string, name: string): Declaration {
  let nearest: Declaration | null = null;
  for (const dir of ancestors(directory)) {
    const manifest = readJson(join(dir, 'package.json'));
    if (!manifest) continue;
    nearest ??= { dir, manifest, written: null };
    for (const field of DEPENDENCY_FIELDS) {
      const deps = manifest[field];
      const written = isObject(deps) ? deps[name] : undefined;
      if (typeof written === 'string') return { dir, manifest, written };
    }
  }
  return nearest ?? { dir: directory, manifest: null, written: null };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The version a lockfile entry stands for (a workspace link is the linked package's own version). */
function lockedVersion(lockDir: string, locked: Locked): string | null {
  if ('version' in locked) return exactVersion(locked.version);
  return exactVersion(readJson(join(lockDir, ...locked.link.split('/'), 'package.json'))?.version);
}

function fromLockfile(declared: Declaration, name: string, declaredRange: string | null): FoundVersion | null {
  for (const dir of ancestors(declared.dir)) {
    const found: { version: string; file: string }[] = [];
    for (const { file, kind } of LOCKFILES) {
      const path = join(dir, file);
      const index = readCached<LockIndex | null>(`lock:${name}`, path, (text) => indexLockfile(kind, text, name));
      if (!index) continue;
      const locked = index({
        packageDir: toPosix(relative(dir, declared.dir)),
        packageName: typeof declared.manifest?.name === 'string' ? declared.manifest.name : null,
        range: declared.written,
      });
      const version = locked ? lockedVersion(dir, locked) : null;
      if (version) found.push({ version, file: path });
    }
    if (found.length === 0) continue;
    const current = declaredRange
      ? found.filter((entry) => semver.satisfies(entry.version, declaredRange, SEMVER_OPTIONS))
      : found;
    // Every lockfile here is older than the package.json: the declared range is the better answer.
    if (current.length === 0) return null;
    current.sort((a, b) => semver.compare(a.version, b.version));
    const lowest = current[0]!;
    return { range: lowest.version, source: 'lockfile', file: lowest.file, written: lowest.version };
  }
  return null;
}

/** The workspace root's package globs: pnpm-workspace.yaml `packages`, or package.json `workspaces`. */
function workspaceRoot(
  directory: string,
): { dir: string; patterns: string[]; pnpm: Json | null; manifest: Json | null } | null {
  for (const dir of ancestors(directory)) {
    const pnpm = readYaml(join(dir, 'pnpm-workspace.yaml'));
    const manifest = readJson(join(dir, 'package.json')) ?? null;
    const workspaces = manifest?.workspaces;
    const fromManifest = Array.isArray(workspaces)
      ? workspaces
      : isObject(workspaces)
        ? workspaces.packages
        : undefined;
    const patterns = pnpm ? pnpm.packages : fromManifest;
    if (pnpm || Array.isArray(fromManifest)) {
      return {
        dir,
        patterns: Array.isArray(patterns) ? patterns.filter((item): item is string => typeof item === 'string') : [],
        pnpm: pnpm ?? null,
        manifest,
      };
    }
  }
  return null;
}

const MAX_WORKSPACE_FOLDERS = 2000;

/** The folders a workspace glob (`packages/*`, `apps/**`, `agents`) names; `node_modules` and dot folders skipped. */
function expandPattern(root: string, pattern: string, budget: { left: number }): string[] {
  const segments = pattern
    .replace(/^\.\//, '')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
  const results: string[] = [];
  const walk = (dir: string, index: number): void => {
    if (budget.left-- <= 0) return;
    if (index === segments.length) {
      results.push(dir);
      return;
    }
    const segment = segments[index]!;
    if (!segment.includes('*')) {
      walk(join(dir, segment), index + 1);
      return;
    }
    let children: string[];
    try {
      children = readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
        .map((entry) => entry.name);
    } catch {
      return;
    }
    if (segment === '**') {
      walk(dir, index + 1);
      for (const child of children) walk(join(dir, child), index);
      return;
    }
    const matcher = new RegExp(
      `^${segment
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')}$`,
    );
    for (const child of children) if (matcher.test(child)) walk(join(dir, child), index + 1);
  };
  walk(root, 0);
  return results;
}

/** `workspace:*`, `workspace:^`, `workspace:~`: the version of the workspace package of that name. */
function workspaceVersion(directory: string, name: string): string | null {
  const root = workspaceRoot(directory);
  if (!root) return null;
  const budget = { left: MAX_WORKSPACE_FOLDERS };
  for (const pattern of root.patterns) {
    if (pattern.startsWith('!')) continue;
    for (const dir of expandPattern(root.dir, pattern, budget)) {
      const manifest = readJson(join(dir, 'package.json'));
      if (manifest?.name === name) return exactVersion(manifest.version);
    }
  }
  return null;
}

/** `catalog:` / `catalog:default` / `catalog:<name>`: the range the workspace's catalog gives the dependency. */
function catalogRange(directory: string, catalog: string, name: string): string | null {
  const root = workspaceRoot(directory);
  if (!root) return null;
  const holders = [root.pnpm, root.manifest, isObject(root.manifest?.workspaces) ? root.manifest.workspaces : null];
  for (const holder of holders) {
    if (!holder) continue;
    const named = isObject(holder.catalogs) ? holder.catalogs[catalog] : undefined;
    const table = catalog === 'default' ? (isObject(holder.catalog) ? holder.catalog : named) : named;
    const range = isObject(table) ? table[name] : undefined;
    if (typeof range === 'string') return range;
  }
  return null;
}

/** The declared text as a semver range, with `npm:` aliases, `workspace:` and `catalog:` resolved; null if none. */
function declaredRangeOf(declared: Declaration, name: string): string | null {
  let text = declared.written;
  if (text === null) return null;
  text = text.trim();
  if (text.startsWith('catalog:')) {
    const resolved = catalogRange(declared.dir, text.slice('catalog:'.length).trim() || 'default', name);
    if (resolved === null) return null;
    text = resolved;
  }
  if (text.startsWith('npm:')) {
    const at = text.lastIndexOf('@');
    text = at > 'npm:'.length ? text.slice(at + 1) : '';
  }
  if (text.startsWith('workspace:')) {
    const rest = text.slice('workspace:'.length);
    if (rest === '*' || rest === '^' || rest === '~' || rest === '') return workspaceVersion(declared.dir, name);
    text = rest;
  }
  return semver.validRange(text, RANGE_OPTIONS);
}

function compute(directory: string, name: string): FoundVersion | null {
  const found = installed(directory, name);
  if (found) return found;
  const declared = declaration(directory, name);
  const range = declaredRangeOf(declared, name);
  const locked = fromLockfile(declared, name, range);
  if (locked) return locked;
  if (range === null || declared.written === null) return null;
  return { range, source: 'declared', file: join(declared.dir, 'package.json'), written: declared.written };
}

/** `<name>\0<folder>` → the answer and when it was computed. */
const answers = new Map<string, { at: number; value: FoundVersion | null }>();

/**
 * The version of `name` a project runs, seen from `directory` (an absolute folder), or null when nothing says.
 * The same answer object is returned while it stays valid, so callers can memo by identity.
 */
export function findPackageVersion(directory: string, name: string): FoundVersion | null {
  const key = `${name}\0${directory}`;
  const now = Date.now();
  const cached = answers.get(key);
  if (cached && now - cached.at < ANSWER_TTL_MS) return cached.value;
  const value = compute(directory, name);
  // Unchanged since last time: keep the old object (callers' memos stay warm).
  const same = cached && JSON.stringify(cached.value) === JSON.stringify(value) ? cached.value : value;
  if (answers.size >= MAX_CACHED) answers.clear();
  answers.set(key, { at: now, value: same });
  return same;
}
