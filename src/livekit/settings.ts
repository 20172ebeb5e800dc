/**
 * Shared settings, read from `settings['livekit-agents']` in the flat config.
 */
import type { TSESLint } from '@typescript-eslint/utils';

export interface LiveKitSettings {
  /** Modules that re-export `@livekit/agents` (a project's own wrapper). */
  importSources: readonly string[];
  /** Extra logger sinks: callee texts such as `audit.record` or receiver names such as `telemetry`. */
  loggers: readonly string[];
  /** Extra identifier words treated as sensitive. */
  sensitiveNames: readonly string[];
  /** The `@livekit/agents` version the project uses, when set explicitly. */
  version: string | null;
  /** Globs (relative to the working directory) of test code, where the quality rules stay silent. */
  testFiles: readonly string[];
}

/** Where test code lives by default (docs/concepts.md#test-code); `settings['livekit-agents'].testFiles` replaces it. */
export const DEFAULT_TEST_FILES: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/*_test.*', // the Go/Python spelling, used for manual test agents (`comprehensive_test.ts`)
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/e2e/**',
  '**/fixtures/**',
];

export const SETTINGS_KEY = 'livekit-agents';

const cache = new WeakMap<object, LiveKitSettings>();
const EMPTY: LiveKitSettings = {
  importSources: [],
  loggers: [],
  sensitiveNames: [],
  version: null,
  testFiles: DEFAULT_TEST_FILES,
};

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function getSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): LiveKitSettings {
  const raw = (context.settings as Record<string, unknown> | undefined)?.[SETTINGS_KEY];
  if (!raw || typeof raw !== 'object') return EMPTY;
  let settings = cache.get(raw);
  if (!settings) {
    const record = raw as Record<string, unknown>;
    settings = {
      importSources: stringList(record.importSources),
      loggers: stringList(record.loggers),
      sensitiveNames: stringList(record.sensitiveNames),
      version: typeof record.version === 'string' ? record.version : null,
      testFiles: Array.isArray(record.testFiles) ? stringList(record.testFiles) : DEFAULT_TEST_FILES,
    };
    cache.set(raw, settings);
  }
  return settings;
}
