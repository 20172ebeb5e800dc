/**
 * Runs this plugin's rules on the project through ESLint's Node API, with the configuration ESLint itself would use
 * for each file, so that the audit and `eslint` agree (settings such as `importSources`, rule options, ignores):
 *
 * - the project's ESLint config (found the way ESLint finds it, from the project folder) when it enables rules of
 *   this plugin: used as it is;
 * - a project config that does not enable the plugin: used for its parser, settings and ignores, with the plugin's
 *   `recommended` rules added;
 * - no config file (or one that cannot be loaded, or `--lint-config <preset>`): the plugin's preset alone, with
 *   `@typescript-eslint/parser` for TypeScript files.
 *
 * Only this plugin's rules run (ESLint's `ruleFilter`): the project's other rules are not the audit's business.
 */
import { relative, sep } from 'node:path';
import type { ESLint, Linter } from 'eslint';
import type { Location } from './model.js';

export type Preset = 'recommended' | 'strict' | 'all';
export type LintConfigChoice = 'project' | Preset;
export type Severity = 'error' | 'warning';

export interface LintMessage extends Location {
  /** Rule id without the namespace. */
  ruleId: string;
  message: string;
  severity: Severity;
}

/** Which configuration the lint used, for the report's header. */
export interface LintConfig {
  /** 'project': the project's config as it is; 'project+preset': with the preset's rules added; 'preset': the preset alone. */
  kind: 'project' | 'project+preset' | 'preset';
  /** The config file, relative to the project root (`eslint.config.js`, `../../eslint.config.js`), when one is used. */
  file: string | null;
  preset: Preset | null;
  /** One line: which config was used and why. */
  description: string;
}

/** Rule metadata of this plugin, as the audit needs it. */
export interface PluginInfo {
  name: string;
  namespace: string;
  /** Rule id (without namespace) → its tier ('recommended' | 'strict'). */
  tiers: Map<string, string>;
  configs: Record<Preset, Linter.Config>;
}

export interface PreparedLint {
  config: LintConfig;
  /** `settings['livekit-agents'].importSources` of the linted files (their union). */
  importSources: string[];
  /** Notes for the report (a config that could not be loaded, ...). */
  notes: string[];
  run(): Promise<LintResult>;
}

export interface LintResult {
  ran: boolean;
  /** Why the lint did not run, when it did not. */
  reason: string | null;
  config: LintConfig | null;
  /** Rules of this plugin (ids without namespace) that were on for at least one linted file. */
  enabledRules: Set<string>;
  /** Messages of the plugin's rules. */
  messages: LintMessage[];
  /** Files ESLint could not parse. */
  fatal: LintMessage[];
  fileCount: number;
  /** Files the config ignores. */
  ignoredCount: number;
}

interface PluginModule {
  default: {
    meta: { name: string; namespace: string };
    rules: Record<string, { meta?: { docs?: { recommended?: string } } }>;
    configs: Record<Preset, Linter.Config>;
  };
}

const SETTINGS_KEY = 'livekit-agents';
const CODE_FILES = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';
const TS_FILES = ['**/*.{ts,mts,cts,tsx}'];

export async function loadPlugin(): Promise<PluginInfo> {
  const plugin = ((await import('../index.js')) as PluginModule).default;
  const tiers = new Map<string, string>();
  for (const [id, rule] of Object.entries(plugin.rules)) tiers.set(id, rule.meta?.docs?.recommended ?? 'none');
  return { name: plugin.meta.name, namespace: plugin.meta.namespace, tiers, configs: plugin.configs };
}

async function loadParser(): Promise<Linter.Parser | null> {
  try {
    return ((await import('@typescript-eslint/parser')) as { default?: Linter.Parser }).default ?? null;
  } catch {
    return null;
  }
}

/** The lint part of a report when ESLint did not run, and why. */
export function notRun(reason: string): LintResult {
  return {
    ran: false,
    reason,
    config: null,
    enabledRules: new Set(),
    messages: [],
    fatal: [],
    fileCount: 0,
    ignoredCount: 0,
  };
}

function posix(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function isOn(level: unknown): boolean {
  const value = Array.isArray(level) ? level[0] : level;
  return value === 2 || value === 1 || value === 'error' || value === 'warn';
}

/** The namespaces under which a computed config holds this plugin (normally 'livekit-agents'). */
function pluginNamespaces(config: Linter.Config, plugin: PluginInfo): string[] {
  return Object.entries(config.plugins ?? {})
    .filter(
      ([key, value]) => key === plugin.namespace || (value as { meta?: { name?: string } }).meta?.name === plugin.name,
    )
    .map(([key]) => key);
}

/** The plugin's rules a computed config turns on, without namespace. */
function enabledIn(config: Linter.Config, namespaces: readonly string[]): string[] {
  const result: string[] = [];
  for (const [id, level] of Object.entries(config.rules ?? {})) {
    const slash = id.indexOf('/');
    if (slash > 0 && namespaces.includes(id.slice(0, slash)) && isOn(level)) result.push(id.slice(slash + 1));
  }
  return result;
}

function importSourcesOf(config: Linter.Config): string[] {
  const raw = (config.settings as Record<string, unknown> | undefined)?.[SETTINGS_KEY];
  const list = raw && typeof raw === 'object' ? (raw as { importSources?: unknown }).importSources : undefined;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

export interface LintOptions {
  root: string;
  files: readonly string[];
  plugin: PluginInfo;
  /** 'project' (default): the project's config; a preset: that preset alone. */
  choice: LintConfigChoice;
  /** Rules (without namespace) to run; null for all. */
  selected: ((ruleId: string) => boolean) | null;
}

/**
 * Finds the configuration (and its settings) before the project is read, so that the agent graph recognises
 * the same `importSources` as the rules. Returns `{ missing }` when ESLint (or the TypeScript parser a preset needs)
 * is not installed.
 */
export async function prepareLint(options: LintOptions): Promise<PreparedLint | { missing: string }> {
  const { root, plugin } = options;
  let ESLintClass: typeof ESLint;
  try {
    ({ ESLint: ESLintClass } = await import('eslint'));
  } catch {
    return { missing: 'ESLint is not installed' };
  }
  const parser = await loadParser();
  const inside = options.files.filter((file) => !relative(root, file).startsWith('..'));
  const notes: string[] = [];
  const tsFile = inside.find((file) => /\.[cm]?tsx?$/.test(file));

  let kind: LintConfig['kind'] = 'preset';
  let configFile: string | null = null;
  let preset: Preset | null = options.choice === 'project' ? 'recommended' : options.choice;
  /** Per file: its computed config (undefined when ignored). */
  const computed = new Map<string, Linter.Config | undefined>();

  if (options.choice === 'project') {
    const probe = new ESLintClass({ cwd: root });
    configFile = (await probe.findConfigFile()) ?? null;
    if (configFile) {
      try {
        for (const file of inside)
          computed.set(file, (await probe.calculateConfigForFile(file)) as Linter.Config | undefined);
        const enabled = [...computed.values()].some(
          (config) => config && enabledIn(config, pluginNamespaces(config, plugin)).length > 0,
        );
        kind = enabled ? 'project' : 'project+preset';
        if (enabled) preset = null;
      } catch (error) {
        notes.push(
          `ESLint could not load ${posix(root, configFile)}: ${firstLine(error)}; the audit used the plugin's recommended config instead`,
        );
        configFile = null;
        computed.clear();
      }
    }
  }

  const typescript = parser ? [{ files: TS_FILES, languageOptions: { parser } }] : [];
  const presetConfig = preset ? [plugin.configs[preset]] : [];
  let overrideConfig: Linter.Config[] = [];
  if (kind === 'preset') {
    overrideConfig = [
      {
        files: [CODE_FILES],
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      ...typescript,
      ...presetConfig,
    ];
  } else if (kind === 'project+preset') {
    // Keep the project's parser when it reads TypeScript; else TypeScript files would not parse at all.
    const tsParser = tsFile
      ? (computed.get(tsFile)?.languageOptions?.parser as { parseForESLint?: unknown } | undefined)
      : undefined;
    overrideConfig = [...(tsFile && typeof tsParser?.parseForESLint !== 'function' ? typescript : []), ...presetConfig];
  }
  if (kind === 'preset' && !parser && tsFile) {
    return { missing: 'the TypeScript parser (@typescript-eslint/parser) is not installed' };
  }

  const relativeConfig = configFile ? posix(root, configFile) : null;
  const config: LintConfig = {
    kind,
    file: relativeConfig,
    preset,
    description:
      kind === 'project'
        ? `${relativeConfig} (the project's ESLint config)`
        : kind === 'project+preset'
          ? `${relativeConfig} (the project's ESLint config, which does not enable ${plugin.namespace}) + ${plugin.namespace} ${preset}`
          : options.choice === 'project'
            ? `${plugin.namespace} ${preset} (no ESLint config file found)`
            : `${plugin.namespace} ${preset} (--lint-config ${preset})`,
  };
  if (notes.length > 0 && kind === 'preset')
    config.description = `${plugin.namespace} ${preset} (the project's config could not be loaded)`;

  const namespaceOf = (ruleId: string): [string, string] | null => {
    const slash = ruleId.indexOf('/');
    return slash > 0 ? [ruleId.slice(0, slash), ruleId.slice(slash + 1)] : null;
  };
  const ourNamespaces = new Set([plugin.namespace]);
  for (const value of computed.values())
    if (value) for (const ns of pluginNamespaces(value, plugin)) ourNamespaces.add(ns);
  const selected = (id: string): boolean => options.selected?.(id) ?? true;

  // Settings, ignores and enabled rules as ESLint computes them for each file (a preset adds no settings or ignores).
  const importSources = new Set<string>();
  const lintable: string[] = [];
  const enabledRules = new Set<string>();
  for (const file of inside) {
    const fileConfig = kind === 'preset' ? {} : computed.get(file);
    if (!fileConfig) continue;
    lintable.push(file);
    for (const source of importSourcesOf(fileConfig)) importSources.add(source);
    if (kind === 'project')
      for (const id of enabledIn(fileConfig, [...ourNamespaces])) if (selected(id)) enabledRules.add(id);
  }
  if (preset)
    for (const id of enabledIn(plugin.configs[preset], [plugin.namespace])) if (selected(id)) enabledRules.add(id);
  const ignoredCount = inside.length - lintable.length;

  return {
    config,
    importSources: [...importSources].sort(),
    notes,
    async run(): Promise<LintResult> {
      if (lintable.length === 0) {
        return { ...notRun(`the ESLint config ignores all ${inside.length} files`), config, ignoredCount };
      }
      let results: ESLint.LintResult[];
      try {
        const eslint = new ESLintClass({
          cwd: root,
          ...(kind === 'preset' ? { overrideConfigFile: true } : {}),
          ...(overrideConfig.length > 0 ? { overrideConfig } : {}),
          errorOnUnmatchedPattern: false,
          // Only this plugin's rules: the project's other rules are not the audit's business, and cost time.
          ruleFilter: ({ ruleId }: { ruleId: string }) => {
            const parts = namespaceOf(ruleId);
            return parts !== null && ourNamespaces.has(parts[0]) && selected(parts[1]);
          },
        });
        results = await eslint.lintFiles(lintable);
      } catch (error) {
        // A rule that crashes must not take the whole audit down: its items are not judged, with the reason.
        return { ...notRun(`ESLint failed: ${firstLine(error)}`), config };
      }
      const result: LintResult = {
        ran: true,
        reason: null,
        config,
        enabledRules,
        messages: [],
        fatal: [],
        fileCount: results.length,
        ignoredCount,
      };
      for (const file of results) {
        const path = posix(root, file.filePath);
        for (const message of file.messages) {
          const severity: Severity = message.severity === 2 ? 'error' : 'warning';
          if (message.fatal) {
            result.fatal.push({ file: path, line: message.line, ruleId: '', message: message.message, severity });
            continue;
          }
          const parts = message.ruleId ? namespaceOf(message.ruleId) : null;
          if (!parts || !ourNamespaces.has(parts[0])) continue;
          result.messages.push({
            file: path,
            line: message.line,
            ruleId: parts[1],
            message: message.message,
            severity,
          });
        }
      }
      return result;
    },
  };
}
