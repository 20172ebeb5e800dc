/**
 * The deprecated LiveKit Agents APIs, as data: what is deprecated, what replaces it, the SDK version that deprecated
 * it and the version from which the replacement exists (a rule reports an entry only when the project's version has
 * the replacement, so a fix never breaks an older project). Checked against the `livekit/agents-js` sources at each
 * release tag and the installed 1.9.0 `.d.ts` files.
 */
import { type SdkVersion, supports } from './version.js';

/** Where a deprecated option is written. */
export type OptionOwner = 'AgentSession' | 'Agent';

interface DeprecationBase {
  /** Stable id, used in messages and tests. */
  id: string;
  /** The SDK version whose `@deprecated` tag or warning first marked it. */
  deprecatedIn: string;
  /** The first `@livekit/agents` version that has the replacement. */
  replacementSince: string;
  /** What to use instead, as shown in the message. */
  replacement: string;
}

/** A deprecated export that is the very same object as its replacement: renaming cannot change behaviour. */
export interface AliasDeprecation extends DeprecationBase {
  kind: 'alias';
  /** The exported name that is deprecated (`WorkerOptions`). */
  name: string;
  /** The exported name of the same object (`ServerOptions`). */
  target: string;
}

/** A deprecated API with a different replacement (canonical path as `imports.ts` resolves it). */
export interface ApiDeprecation extends DeprecationBase {
  kind: 'api';
  /** Canonical paths as `imports.ts` resolves them (`metrics.UsageCollector`, `livekit:turnDetector.EnglishModel`). */
  paths: readonly string[];
}

/** A deprecated constructor option. */
export interface OptionDeprecation extends DeprecationBase {
  kind: 'option';
  owner: OptionOwner;
  option: string;
  /** Where the value goes inside `turnHandling` (`['interruption', 'enabled']`); null when it cannot be moved as is. */
  turnHandlingPath: readonly string[] | null;
}

export type Deprecation = AliasDeprecation | ApiDeprecation | OptionDeprecation;

export const DEPRECATIONS: readonly Deprecation[] = [
  {
    kind: 'alias',
    id: 'WorkerOptions',
    name: 'WorkerOptions',
    target: 'ServerOptions',
    deprecatedIn: '1.0.16',
    replacementSince: '1.0.16',
    replacement: 'ServerOptions',
  },
  {
    kind: 'alias',
    id: 'Worker',
    name: 'Worker',
    target: 'AgentServer',
    deprecatedIn: '1.0.16',
    replacementSince: '1.0.16',
    replacement: 'AgentServer',
  },
  {
    kind: 'api',
    id: 'metrics.UsageCollector',
    paths: ['metrics.UsageCollector'],
    deprecatedIn: '1.2.0',
    replacementSince: '1.2.0',
    replacement: 'metrics.ModelUsageCollector (per model and provider; read it with flatten())',
  },
  {
    kind: 'api',
    id: 'livekit turn detector',
    // The text turn detector of `@livekit/agents-plugin-livekit` (deprecated in that plugin's 1.4.7).
    paths: [
      'livekit:turnDetector.MultilingualModel',
      'livekit:turnDetector.EnglishModel',
      'livekit:turnDetector.EOUModel',
    ],
    deprecatedIn: '1.4.7',
    replacementSince: '1.4.7',
    replacement: 'inference.TurnDetector from @livekit/agents (or omit it: AgentSession provisions one by default)',
  },
  {
    kind: 'option',
    id: 'AgentSession.turnDetection',
    owner: 'AgentSession',
    option: 'turnDetection',
    turnHandlingPath: ['turnDetection'],
    deprecatedIn: '1.2.0',
    replacementSince: '1.2.0',
    replacement: 'turnHandling.turnDetection',
  },
  {
    kind: 'option',
    id: 'AgentSession.voiceOptions',
    owner: 'AgentSession',
    option: 'voiceOptions',
    turnHandlingPath: null,
    deprecatedIn: '1.2.0',
    replacementSince: '1.2.0',
    replacement: 'top-level session options and turnHandling',
  },
  {
    kind: 'option',
    id: 'AgentSession.preemptiveGeneration',
    owner: 'AgentSession',
    option: 'preemptiveGeneration',
    turnHandlingPath: ['preemptiveGeneration', 'enabled'],
    deprecatedIn: '1.2.8',
    replacementSince: '1.2.8',
    replacement: 'turnHandling.preemptiveGeneration.enabled',
  },
  {
    kind: 'option',
    id: 'Agent.turnDetection',
    owner: 'Agent',
    option: 'turnDetection',
    turnHandlingPath: ['turnDetection'],
    deprecatedIn: '1.2.0',
    replacementSince: '1.2.0',
    replacement: 'turnHandling.turnDetection',
  },
  {
    kind: 'option',
    id: 'Agent.allowInterruptions',
    owner: 'Agent',
    option: 'allowInterruptions',
    turnHandlingPath: ['interruption', 'enabled'],
    deprecatedIn: '1.2.0',
    replacementSince: '1.2.0',
    replacement: 'turnHandling.interruption.enabled',
  },
];

/**
 * Where each key of the deprecated `voiceOptions` object now lives: a top-level session option, or a path inside
 * `turnHandling` (as the SDK's own migration maps it).
 */
export const VOICE_OPTION_MOVES: Readonly<Record<string, { topLevel: string } | { turnHandling: readonly string[] }>> =
  {
    maxToolSteps: { topLevel: 'maxToolSteps' },
    userAwayTimeout: { topLevel: 'userAwayTimeout' },
    preemptiveGeneration: { turnHandling: ['preemptiveGeneration', 'enabled'] },
    allowInterruptions: { turnHandling: ['interruption', 'enabled'] },
    discardAudioIfUninterruptible: { turnHandling: ['interruption', 'discardAudioIfUninterruptible'] },
    minInterruptionDuration: { turnHandling: ['interruption', 'minDuration'] },
    minInterruptionWords: { turnHandling: ['interruption', 'minWords'] },
    minEndpointingDelay: { turnHandling: ['endpointing', 'minDelay'] },
    maxEndpointingDelay: { turnHandling: ['endpointing', 'maxDelay'] },
  };

/** `voiceOptions.preemptiveGeneration` moved into `turnHandling` only from this version (a top-level option before). */
export const PREEMPTIVE_GENERATION_IN_TURN_HANDLING_SINCE = '1.2.8';

/** Every deprecation, sorted for the checks: what a file is searched for before its SDK version is known. */
export interface DeprecationIndex {
  aliases: readonly AliasDeprecation[];
  apis: readonly ApiDeprecation[];
  /** Options by owner, then by option name (one entry per name and owner). */
  sessionOptions: ReadonlyMap<string, OptionDeprecation>;
  agentOptions: ReadonlyMap<string, OptionDeprecation>;
}

export const DEPRECATION_INDEX: DeprecationIndex = {
  aliases: DEPRECATIONS.filter((entry) => entry.kind === 'alias'),
  apis: DEPRECATIONS.filter((entry) => entry.kind === 'api'),
  sessionOptions: optionsOf('AgentSession'),
  agentOptions: optionsOf('Agent'),
};

function optionsOf(owner: OptionOwner): Map<string, OptionDeprecation> {
  const options = new Map<string, OptionDeprecation>();
  for (const entry of DEPRECATIONS)
    if (entry.kind === 'option' && entry.owner === owner) options.set(entry.option, entry);
  return options;
}

/** The deprecations that apply to one SDK version: those whose replacement it may have. */
export interface ActiveDeprecations {
  entries: ReadonlySet<Deprecation>;
  /**
   * Entries whose replacement only some of the project's possible versions have (a range, or an unknown version):
   * reported with the version the replacement needs, and never autofixed.
   */
  unverified: ReadonlySet<Deprecation>;
}

/** Computed once per version (a project has one or a few), not once per file: it depends on nothing else. */
const activeByVersion = new WeakMap<SdkVersion, ActiveDeprecations | null>();

export function activeDeprecations(version: SdkVersion): ActiveDeprecations | null {
  let active = activeByVersion.get(version);
  if (active === undefined) {
    const entries = new Set<Deprecation>();
    const unverified = new Set<Deprecation>();
    for (const entry of DEPRECATIONS) {
      const support = supports(version, entry.replacementSince);
      if (support === 'no') continue;
      entries.add(entry);
      if (support === 'maybe') unverified.add(entry);
    }
    active = entries.size > 0 ? { entries, unverified } : null;
    activeByVersion.set(version, active);
  }
  return active;
}
