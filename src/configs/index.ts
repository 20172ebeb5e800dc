/**
 * The shareable configs, derived from each rule's `meta.docs.recommended` tier (never hand-listed):
 * `recommended`: tier 'recommended' rules as errors; `strict`: those plus tier 'strict' rules as warnings;
 * `all`: every rule as an error.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { LiveKitRuleDocs } from '../create-rule.js';

type Severity = 'error' | 'warn';
type RuleMap = Record<string, { meta?: { docs?: Partial<LiveKitRuleDocs> } }>;

export function ruleLevels(
  rules: RuleMap,
  config: 'recommended' | 'strict' | 'all',
  namespace: string,
): Record<string, Severity> {
  const levels: Record<string, Severity> = {};
  for (const [id, rule] of Object.entries(rules)) {
    const tier = rule.meta?.docs?.recommended;
    let level: Severity | null = null;
    if (config === 'all') level = 'error';
    else if (tier === 'recommended') level = 'error';
    else if (tier === 'strict' && config === 'strict') level = 'warn';
    if (level) levels[`${namespace}/${id}`] = level;
  }
  return levels;
}

export function buildConfigs<Plugin extends object>(
  plugin: Plugin,
  rules: RuleMap,
  namespace: string,
): Record<'recommended' | 'strict' | 'all', TSESLint.FlatConfig.Config> {
  const make = (config: 'recommended' | 'strict' | 'all'): TSESLint.FlatConfig.Config => ({
    name: `${namespace}/${config}`,
    plugins: { [namespace]: plugin as TSESLint.FlatConfig.Plugin },
    rules: ruleLevels(rules, config, namespace),
  });
  return { recommended: make('recommended'), strict: make('strict'), all: make('all') };
}
