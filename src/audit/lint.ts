/**
 * Runs this plugin's `all` config on the project's files through ESLint's Node API, so that the checklist can
 * fold the rules' results in. The user's own ESLint config is not used: the audit judges every rule.
 */
import { relative, sep } from 'node:path';
import type { Location } from './model.js';

export interface LintMessage extends Location {
  ruleId: string;
  message: string;
}

export interface LintResult {
  ran: boolean;
  /** Why the lint did not run, when it did not. */
  reason: string | null;
  /** Rule ids (without the namespace) that exist in this build of the plugin. */
  availableRules: Set<string>;
  /** Messages of the plugin's rules, by rule id (without the namespace). */
  byRule: Map<string, LintMessage[]>;
  /** Files ESLint could not parse. */
  fatal: LintMessage[];
  fileCount: number;
}

interface PluginModule {
  default: { meta: { namespace: string }; rules: Record<string, unknown>; configs: { all: object } };
}

async function loadParser(): Promise<object | null> {
  try {
    return ((await import('@typescript-eslint/parser')) as { default?: object }).default ?? null;
  } catch {
    return null;
  }
}

export async function runLint(root: string, files: readonly string[]): Promise<LintResult> {
  const plugin = ((await import('../index.js')) as PluginModule).default;
  const namespace = plugin.meta.namespace;
  const result: LintResult = {
    ran: false,
    reason: null,
    availableRules: new Set(Object.keys(plugin.rules)),
    byRule: new Map(),
    fatal: [],
    fileCount: 0,
  };
  const parser = await loadParser();
  const inside = files.filter((file) => !relative(root, file).startsWith('..'));
  if (!parser && inside.some((file) => /\.[cm]?tsx?$/.test(file))) {
    result.reason = 'the TypeScript parser (@typescript-eslint/parser) is not installed';
    return result;
  }
  let ESLint: typeof import('eslint').ESLint;
  try {
    ({ ESLint } = await import('eslint'));
  } catch {
    result.reason = 'ESLint is not installed';
    return result;
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: parser ? { parser, ecmaVersion: 'latest', sourceType: 'module' } : { ecmaVersion: 'latest', sourceType: 'module' },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      plugin.configs.all,
    ] as import('eslint').Linter.Config[],
    errorOnUnmatchedPattern: false,
  });
  let results: import('eslint').ESLint.LintResult[];
  try {
    results = await eslint.lintFiles([...inside]);
  } catch (error) {
    // A rule that crashes must not take the whole audit down: its items become ⚠️ with the reason.
    result.reason = `ESLint failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    return result;
  }
  result.ran = true;
  result.fileCount = results.length;
  const prefix = `${namespace}/`;
  for (const file of results) {
    const path = relative(root, file.filePath).split(sep).join('/');
    for (const message of file.messages) {
      const entry = { file: path, line: message.line, ruleId: message.ruleId ?? '', message: message.message };
      if (message.fatal) result.fatal.push(entry);
      else if (message.ruleId?.startsWith(prefix)) {
        const id = message.ruleId.slice(prefix.length);
        const list = result.byRule.get(id);
        if (list) list.push({ ...entry, ruleId: id });
        else result.byRule.set(id, [{ ...entry, ruleId: id }]);
      }
    }
  }
  return result;
}
