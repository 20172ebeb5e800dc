/**
 * eslint-plugin-livekit-agents: one plugin object whose configs point back to it.
 */
import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { buildConfigs } from './configs/index.js';
import { rules } from './rules/index.js';

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

export const namespace = 'livekit-agents';

const plugin = {
  meta: { name, version, namespace },
  rules,
  configs: {} as Record<'recommended' | 'strict' | 'all', TSESLint.FlatConfig.Config>,
};
plugin.configs = buildConfigs(plugin, rules, namespace);

export const configs = plugin.configs;
export { rules };
export default plugin;
