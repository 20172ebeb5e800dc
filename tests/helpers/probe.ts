/**
 * Runs a function inside a real rule context (TypeScript parser, scope manager, settings) so that helpers which
 * need `context` or `context.sourceCode` can be unit-tested on a snippet of code.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

export type ProbeContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ProbeOptions {
  settings?: Record<string, unknown>;
  sourceType?: 'module' | 'script';
}

/**
 * Calls `visit` for every node matching `selector` (an ESLint selector) and returns what it returned, in source
 * order. Throws when the code does not parse.
 */
export function probe<T>(
  code: string,
  selector: string,
  visit: (node: TSESTree.Node, context: ProbeContext) => T,
  options: ProbeOptions = {},
): T[] {
  const results: T[] = [];
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: ProbeContext) {
      return {
        [selector](node: TSESTree.Node) {
          results.push(visit(node, context));
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    {
      files: ['**/*.ts'],
      plugins: { probe: { rules: { probe: rule } } } as unknown as Linter.Config['plugins'],
      languageOptions: {
        parser: tsParser as Linter.Parser,
        sourceType: options.sourceType ?? 'module',
        ecmaVersion: 'latest',
      },
      settings: options.settings ?? {},
      rules: { 'probe/probe': 'error' },
    } as Linter.Config,
    'probe.ts',
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`probe: ${fatal.message}`);
  return results;
}
