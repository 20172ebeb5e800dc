/**
 * Lints files or text with the plugin (from source) through ESLint's Node API, as users run it.
 */
import { ESLint, type Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index.js';

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
    result.messages.map((message) => ({ file: result.filePath, line: message.line, ruleId: message.ruleId, message: message.message })),
  );
}
