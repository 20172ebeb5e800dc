/**
 * Lints files or text with the plugin (from source) through ESLint's Node API, as users run it.
 */
import { ESLint, type Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index.js';
import { DEFAULT_TEST_FILES } from '../../src/livekit/settings.js';

/**
 * The plugin's fixtures are examples of production agent code: linted as such, not as test code (the default test
 * globs include `fixtures/`). Their own `*.test.ts` files stay test code.
 */
export const FIXTURE_SETTINGS: Linter.Config[] = [
  { settings: { 'livekit-agents': { testFiles: DEFAULT_TEST_FILES.filter((glob) => glob !== '**/fixtures/**') } } },
  // Fixtures that show a problem of an older SDK (their header says so): linted with that version.
  { files: ['**/fixtures/violations/sdk-1.0/**'], settings: { 'livekit-agents': { version: '1.0.12' } } },
];

export type ConfigName = 'recommended' | 'strict' | 'all';

export function createESLint(config: ConfigName = 'all', extra: Linter.Config[] = []): ESLint {
  return new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
        languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
      },
      plugin.configs[config] as Linter.Config,
      ...FIXTURE_SETTINGS,
      ...extra,
    ],
  });
}

export interface Reported {
  file: string;
  line: number;
  ruleId: string | null;
  message: string;
}

export async function lintFiles(patterns: string[], config: ConfigName = 'all'): Promise<Reported[]> {
  const results = await createESLint(config).lintFiles(patterns);
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: result.filePath,
      line: message.line,
      ruleId: message.ruleId,
      message: message.message,
    })),
  );
}
