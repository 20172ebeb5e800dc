import { isDeepStrictEqual } from 'node:util';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { type LiveKitModel, getLiveKitModel } from './livekit/program.js';
import { DOCS_BASE_URL } from './urls.js';

export interface LiveKitRuleDocs {
  /** The config tier: `recommended` rules are errors in `recommended` and `strict`; `strict` rules warn in `strict`. */
  recommended: 'recommended' | 'strict';
  /** What the rule checks, in one line (shown in the README table). */
  description: string;
}

type RuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Parameters<
  typeof createNamedRule<Options, MessageIds>
>[0];

/** A rule module as the plugin registers it. */
export type LiveKitRuleModule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<
  MessageIds,
  Options,
  LiveKitRuleDocs
> & { name: string };

type RuleContext<Options extends readonly unknown[], MessageIds extends string> = Readonly<
  TSESLint.RuleContext<MessageIds, Options>
>;

const createNamedRule = ESLintUtils.RuleCreator<LiveKitRuleDocs>((name) => `${DOCS_BASE_URL}/rules/${name}.md`);

/**
 * typescript-eslint's RuleCreator with the default options merged once per configuration instead of once per file.
 *
 * RuleCreator merges `defaultOptions` into `context.options` (a structured clone and a deep merge) every time ESLint
 * calls `create`, which is once per rule per file: for 34 rules that was 5 % of the plugin's whole cost. ESLint hands
 * each file a new but equal options array, so the last merge is reused while the configured options stay equal.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: Omit<RuleDefinition<Options, MessageIds>, 'defaultOptions'>,
): LiveKitRuleModule<Options, MessageIds> {
  const rule = createNamedRule(definition);
  const defaults = (definition.meta.defaultOptions ?? []) as Options;
  let lastConfigured: readonly unknown[] | null = null;
  let lastMerged: Options = defaults;
  return {
    ...rule,
    create(context) {
      if (lastConfigured === null || !sameOptions(lastConfigured, context.options)) {
        lastMerged = ESLintUtils.applyDefault(defaults, context.options as Options) as Options;
        lastConfigured = context.options;
      }
      return definition.create(context, lastMerged);
    },
  };
}

/**
 * True when two configured option arrays are equal. ESLint slices a new array per file from the same configuration,
 * so its items are usually the very same objects: compared by identity first, deeply only when that fails.
 */
function sameOptions(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length === b.length && a.every((item, index) => item === b[index])) return true;
  return isDeepStrictEqual(a, b);
}

interface LiveKitRuleBase<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  /** `meta.defaultOptions` is the one place defaults live: `create` receives them merged with the configured ones. */
  meta: RuleDefinition<Options, MessageIds>['meta'];
}

/** A rule that reads only files that import LiveKit: `create` gets the file's model. */
export interface LiveKitModelRule<
  Options extends readonly unknown[],
  MessageIds extends string,
> extends LiveKitRuleBase<Options, MessageIds> {
  /**
   * `true` for quality rules (naming, descriptions, limits): test code calls the runtime to exercise it and is not
   * judged by them (`model.isTestCode`).
   */
  skipTestCode?: boolean;
  create(
    context: RuleContext<Options, MessageIds>,
    options: Readonly<Options>,
    model: LiveKitModel,
  ): TSESLint.RuleListener;
}

/** A rule that must check every file, with or without LiveKit imports (secrets leak from any helper). */
export interface EveryFileRule<Options extends readonly unknown[], MessageIds extends string> extends LiveKitRuleBase<
  Options,
  MessageIds
> {
  everyFile: true;
  create(context: RuleContext<Options, MessageIds>, options: Readonly<Options>): TSESLint.RuleListener;
}

/** The options as a user configures them: any key of an options object may be left out (the default applies). */
export type ConfiguredOptions<Options extends readonly unknown[]> = { [K in keyof Options]: Partial<Options[K]> };

/**
 * The rule kernel: every rule is made here. It looks up the file's LiveKit model (built once per file and shared
 * by all rules) and hands it to `create`; for a file with no LiveKit code the rule adds no listeners at all, so it
 * costs nothing there. A rule declared `everyFile` runs on every file and asks for the model itself if it needs it.
 * `Options` is what `create` receives: every key present, from `meta.defaultOptions` or the configuration.
 */
export function createLiveKitRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: LiveKitModelRule<Options, MessageIds>,
): LiveKitRuleModule<ConfiguredOptions<Options>, MessageIds>;
export function createLiveKitRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: EveryFileRule<Options, MessageIds>,
): LiveKitRuleModule<ConfiguredOptions<Options>, MessageIds>;
export function createLiveKitRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: LiveKitModelRule<Options, MessageIds> | EveryFileRule<Options, MessageIds>,
): LiveKitRuleModule<ConfiguredOptions<Options>, MessageIds> {
  const { name, meta } = definition;
  let rule: LiveKitRuleModule<Options, MessageIds>;
  if ('everyFile' in definition) {
    rule = createRule<Options, MessageIds>({ name, meta, create: definition.create });
  } else {
    const { skipTestCode = false, create } = definition;
    rule = createRule<Options, MessageIds>({
      name,
      meta,
      create(context, options) {
        const model = getLiveKitModel(context);
        if (!model || (skipTestCode && model.isTestCode)) return {};
        return create(context, options, model);
      },
    });
  }
  return rule as unknown as LiveKitRuleModule<ConfiguredOptions<Options>, MessageIds>;
}
