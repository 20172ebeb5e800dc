/**
 * eslint-plugin-livekit-agents: one plugin object whose configs point back to it.
 */
import { createRequire } from 'node:module';
import type { ESLint, Linter, Rule } from 'eslint';
import { buildConfigs } from './configs/index.js';
import { rules } from './rules/index.js';

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

export const namespace = 'livekit-agents';

export type ConfigName = 'recommended' | 'strict' | 'all';

/**
 * The plugin's public type, in ESLint's own types (eslint is a peer dependency), so that a user's typed
 * `eslint.config.ts` accepts it in `plugins`, `extends` and `defineConfig` (typescript-eslint's FlatConfig types
 * are not assignable to ESLint's `extends`).
 */
export interface LiveKitAgentsPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<keyof typeof rules, Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: LiveKitAgentsPlugin = {
  meta: { name, version, namespace },
  rules: rules as unknown as LiveKitAgentsPlugin['rules'],
  configs: {} as LiveKitAgentsPlugin['configs'],
};
plugin.configs = buildConfigs(plugin, rules, namespace) as unknown as LiveKitAgentsPlugin['configs'];

export const configs: LiveKitAgentsPlugin['configs'] = plugin.configs;
export { rules };
export default plugin;
