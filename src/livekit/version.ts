/**
 * The `@livekit/agents` version a linted file is written against, so that rules never suggest an API the project's
 * SDK does not have yet.
 *
 * In order: `settings['livekit-agents'].version`; the version of the `@livekit/agents` package that Node would
 * resolve from the file's directory (its `package.json`); the lowest version allowed by the nearest `package.json`
 * that declares `@livekit/agents` (a dependency or the peer dependency) when nothing is installed; else unknown,
 * which callers treat as the latest.
 *
 * Lookups go through the file system once per directory. The cache is a plain memo of the file system (the same
 * answer in every thread and process) and is bounded: it is cleared when it holds `MAX_CACHED_DIRECTORIES` entries.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { CORE_MODULE } from './imports.js';
import { getSettings } from './settings.js';

/** A version as [major, minor, patch]. */
export type Version = readonly [number, number, number];

const MAX_CACHED_DIRECTORIES = 512;

/** Directory → the version found from it (null: none found from there up to the root). */
const directoryCache = new Map<string, Version | null>();
/** Directory → the version declared by the nearest `package.json` (when nothing is installed). */
const declaredCache = new Map<string, Version | null>();

/**
 * Reads `1.2.3`, `v1.2.3`, `1.2.3-beta.1`, and the lower bound of a simple range (`^1.2.3`, `~1.2`, `>=1.2.3`).
 * Returns null for anything else (`latest`, `*`, `workspace:*`, unions).
 */
export function parseVersion(text: string): Version | null {
  let rest = text.trim();
  for (const prefix of ['>=', '^', '~', '=', 'v']) {
    if (rest.startsWith(prefix)) rest = rest.slice(prefix.length).trimStart();
  }
  if (rest.startsWith('v')) rest = rest.slice(1);
  const end = [...rest].findIndex((char) => char !== '.' && (char < '0' || char > '9'));
  const core = end === -1 ? rest : rest.slice(0, end);
  const tail = end === -1 ? '' : rest.slice(end);
  // A pre-release or build suffix is fine; a second range (`|| 2`, ` - 2`, ` <3`) is not a single lower bound.
  if (tail !== '' && !tail.startsWith('-') && !tail.startsWith('+')) return null;
  const parts = core.split('.');
  if (parts.length < 1 || parts.length > 3 || parts.some((part) => part === '')) return null;
  const numbers = parts.map(Number);
  return [numbers[0]!, numbers[1] ?? 0, numbers[2] ?? 0];
}

/** Minimums are constants of the rules: each is parsed once. */
const parsedMinimums = new Map<string, Version | null>();

/** True when `version` is at least `minimum` (both in `x.y.z` form). */
export function isAtLeast(version: Version, minimum: string): boolean {
  let wanted = parsedMinimums.get(minimum);
  if (wanted === undefined) {
    wanted = parseVersion(minimum);
    if (parsedMinimums.size < MAX_CACHED_DIRECTORIES) parsedMinimums.set(minimum, wanted);
  }
  if (!wanted) return true;
  for (let index = 0; index < 3; index++) {
    if (version[index]! !== wanted[index]!) return version[index]! > wanted[index]!;
  }
  return true;
}

export function formatVersion(version: Version): string {
  return version.join('.');
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The installed package's version in `directory/node_modules`, or the range a `package.json` there declares. */
function versionIn(directory: string): Version | null | undefined {
  const installed = readJson(join(directory, 'node_modules', ...CORE_MODULE.split('/'), 'package.json'));
  if (installed && typeof installed.version === 'string') return parseVersion(installed.version);
  return undefined;
}

function installedVersionFrom(directory: string): Version | null {
  const cached = directoryCache.get(directory);
  if (cached !== undefined) return cached;
  const visited: string[] = [];
  let current = directory;
  let found: Version | null = null;
  for (;;) {
    const known = directoryCache.get(current);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(current);
    const here = versionIn(current);
    if (here !== undefined) {
      found = here;
      break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (directoryCache.size + visited.length > MAX_CACHED_DIRECTORIES) directoryCache.clear();
  for (const entry of visited) directoryCache.set(entry, found);
  return found;
}

/** The lowest version the nearest `package.json` that names `@livekit/agents` allows. */
function declaredVersionFrom(directory: string): Version | null {
  let current = directory;
  for (;;) {
    const manifest = readJson(join(current, 'package.json'));
    if (manifest) {
      for (const field of ['dependencies', 'peerDependencies', 'devDependencies']) {
        const deps = manifest[field];
        const range = deps && typeof deps === 'object' ? (deps as Record<string, unknown>)[CORE_MODULE] : undefined;
        if (typeof range === 'string') return parseVersion(range);
      }
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/**
 * The version of `@livekit/agents` found for files in `directory` (installed, else declared), or null.
 * Exported for tests; rules call `projectVersion`.
 */
export function detectVersion(directory: string): Version | null {
  const installed = installedVersionFrom(directory);
  if (installed) return installed;
  const cached = declaredCache.get(directory);
  if (cached !== undefined) return cached;
  const declared = declaredVersionFrom(directory);
  if (declaredCache.size >= MAX_CACHED_DIRECTORIES) declaredCache.clear();
  declaredCache.set(directory, declared);
  return declared;
}

let lastConfigured: string | null = null;
let lastConfiguredVersion: Version | null = null;

/**
 * The `@livekit/agents` version the linted file targets, or null when unknown (treat as the latest).
 */
export function projectVersion(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): Version | null {
  const configured = getSettings(context).version;
  if (configured !== null) {
    // The same setting for every file: parsed once, and the same Version object each time (rules cache by it).
    if (configured !== lastConfigured) {
      lastConfigured = configured;
      lastConfiguredVersion = parseVersion(configured);
    }
    return lastConfiguredVersion;
  }
  const filename = context.filename;
  if (!filename || !isAbsolute(filename)) return null;
  return detectVersion(dirname(filename));
}
