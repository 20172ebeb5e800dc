/**
 * Runs the LiveKit model on a snippet inside a real ESLint run (so that scopes and parents are ESLint's own).
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { type LiveKitModel, getLiveKitModel } from '../../src/livekit/program.js';

export function withModel<T>(
  code: string,
  inspect: (model: LiveKitModel | null, sourceCode: TSESLint.SourceCode) => T,
  options: { settings?: Record<string, unknown>; sourceType?: 'module' | 'script' } = {},
): T {
  let result: T | undefined;
  let ran = false;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, {
    languageOptions: { parser: tsParser as Linter.Parser, sourceType: options.sourceType ?? 'module' },
    settings: options.settings ?? {},
    plugins: {
      probe: {
        rules: {
          model: {
            create(context) {
              return {
                'Program:exit'() {
                  const ruleContext = context as unknown as TSESLint.RuleContext<string, []>;
                  result = inspect(getLiveKitModel(ruleContext), ruleContext.sourceCode);
                  ran = true;
                },
              };
            },
          },
        },
      },
    },
    rules: { 'probe/model': 'error' },
  });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!ran) throw new Error('the probe rule did not run');
  return result as T;
}
