import { isDeepStrictEqual } from 'node:util';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

/**
 * The repository's web address: the one place every link to this project's docs is built from (rule pages, the
 * audit's SARIF). package.json's `repository` and `homepage` must name the same address (tests/meta.test.ts).
 */
export const REPOSITORY_URL = 'https://github.com/livekit-agents-lint/eslint-plugin-livekit-agents';

/** Where the docs/ folder is browsable; each rule's page (also shown by editors next to a diagnostic) is under it. */
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs`;

export interface LiveKitRuleDocs {
  /** The config tier: `recommended` rules are errors in `recommended` and `strict`; `strict` rules warn in `strict`. */
  recommended: 'recommended' | 'strict';
  /** What the rule checks, in one line (shown in the README table). */
  description: string;
}

type RuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Parameters<
  typeof createNamedRule<Options, MessageIds>
>[0];

const createNamedRule = ESLintUtils.RuleCreator<LiveKitRuleDocs>(
  (name) => `${DOCS_BASE_URL}/rules/${name}.md`,
);

/**
 * typescript-eslint's RuleCreator with the default options merged once per configuration instead of once per file.
 *
 * RuleCreator merges `defaultOptions` into `context.options` (a structured clone and a deep merge) every time ESLint
 * calls `create`, which is once per rule per file: for 34 rules that was 5 % of the plugin's whole cost. ESLint hands
 * each file a new but equal options array, so the last merge is reused while the configured options stay equal.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: RuleDefinition<Options, MessageIds>,
): TSESLint.RuleModule<MessageIds, Options, LiveKitRuleDocs> & { name: string } {
  const rule = createNamedRule(definition);
  const defaults = (definition.meta.defaultOptions ?? definition.defaultOptions ?? []) as Options;
  let lastConfigured: readonly unknown[] | null = null;
  let lastMerged: Options = defaults;
  return {
    ...rule,
    create(context) {
      if (lastConfigured === null || !isDeepStrictEqual(lastConfigured, context.options)) {
        lastMerged = ESLintUtils.applyDefault(defaults, context.options as Options) as Options;
        lastConfigured = context.options;
      }
      return definition.create(context, lastMerged);
    },
  };
}
