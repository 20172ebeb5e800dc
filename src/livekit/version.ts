/**
 * The `@livekit/agents` version a linted file is written against, so that rules never suggest an API the project's
 * SDK does not have yet.
 *
 * First found wins: `settings['livekit-agents'].version` (a version or a range); then, from the file's folder, the
 * installed package, the lockfile and the declared range (`analysis/package-version.ts` says how each is read and
 * cached); else unknown. A range answers "does it have X?" with `maybe` when it admits versions on both sides.
 */
import { dirname, isAbsolute } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import semver from 'semver';
import { type FoundVersion, findPackageVersion } from '../analysis/package-version.js';
import { CORE_MODULE } from './imports.js';
import { getSettings } from './settings.js';

export interface SdkVersion {
  /** The versions the project may run, as a normalized semver range (`1.0.12` for one version); null when unknown. */
  range: string | null;
  /** Where it was found. */
  source: 'setting' | FoundVersion['source'] | 'unknown';
  /** As written where it was found (`~1.0.12`, `catalog:`, `1.9.0`); null when unknown. */
  written: string | null;
}

/** Whether the project's SDK has something added in some version: in every version it may run, in some, or none. */
export type Support = 'yes' | 'maybe' | 'no';

const SEMVER_OPTIONS = { loose: true, includePrerelease: true } as const;
/** For reading ranges: `1.x` stays `>=1.0.0 <2.0.0-0` (with includePrerelease it would admit 1.0.0 pre-releases). */
const RANGE_OPTIONS = { loose: true } as const;

export const UNKNOWN_VERSION: SdkVersion = { range: null, source: 'unknown', written: null };

const MAX_MEMO = 256;
/** `<range>\0<since>` → the answer (ranges and minimums are few; semver's range parsing is not free). */
const supportMemo = new Map<string, Support>();

/** Does a project on `version` have what `since` added? Unknown versions answer `maybe`. */
export function supports(version: SdkVersion, since: string): Support {
  if (version.range === null) return 'maybe';
  const key = `${version.range}\0${since}`;
  let answer = supportMemo.get(key);
  if (answer === undefined) {
    const wanted = `>=${since}`;
    answer = semver.subset(version.range, wanted, SEMVER_OPTIONS)
      ? 'yes'
      : semver.intersects(version.range, wanted, SEMVER_OPTIONS)
        ? 'maybe'
        : 'no';
    if (supportMemo.size >= MAX_MEMO) supportMemo.clear();
    supportMemo.set(key, answer);
  }
  return answer;
}

/** The setting's text as a version: interned, so every file of a run gets the same object. */
const settingMemo = new Map<string, SdkVersion>();

function fromSetting(text: string): SdkVersion {
  let version = settingMemo.get(text);
  if (!version) {
    const range = semver.validRange(text.trim(), RANGE_OPTIONS);
    // A setting that is no version or range (a typo) is treated as unknown: suggestions only, never a wrong fix.
    version = range === null ? UNKNOWN_VERSION : { range, source: 'setting', written: text };
    if (settingMemo.size >= MAX_MEMO) settingMemo.clear();
    settingMemo.set(text, version);
  }
  return version;
}

/** The answers found on disk, as SdkVersion objects that stay the same while the answer does. */
const foundMemo = new WeakMap<FoundVersion, SdkVersion>();

/** The `@livekit/agents` version seen from `directory` (installed, lockfile, declared), or unknown. */
export function detectVersion(directory: string): SdkVersion {
  const found = findPackageVersion(directory, CORE_MODULE);
  if (!found) return UNKNOWN_VERSION;
  let version = foundMemo.get(found);
  if (!version) {
    version = { range: found.range, source: found.source, written: found.written };
    foundMemo.set(found, version);
  }
  return version;
}

/** The `@livekit/agents` version the linted file targets. */
export function projectVersion(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): SdkVersion {
  const configured = getSettings(context).version;
  if (configured !== null) return fromSetting(configured);
  const filename = context.filename;
  if (!filename || !isAbsolute(filename)) return UNKNOWN_VERSION;
  return detectVersion(dirname(filename));
}

/** Why a version is in doubt, for messages (`the range '~1.0.12' in package.json also admits older versions`). */
export function describeVersion(version: SdkVersion): string {
  switch (version.source) {
    case 'setting':
      return `the version setting '${version.written}' also admits older versions`;
    case 'declared':
      return `the range '${version.written}' in package.json also admits older versions`;
    case 'installed':
    case 'lockfile':
      return `the project runs ${version.written}`;
    case 'unknown':
      return "no installed package, lockfile or package.json tells which version this project runs (set settings['livekit-agents'].version)";
  }
}
