/**
 * oxlint: the built plugin loads through oxlint's JS plugin host (`jsPlugins` in `.oxlintrc.json`, by package name,
 * as a user configures it) and reports exactly what ESLint reports on the violations fixture: the same rule, line,
 * column and message for every problem. Every rule is syntax and scope only (no type information), which is what
 * oxlint's host offers. `oxlint --fix` applies the same autofixes as `eslint --fix`, and `settings['livekit-agents']`
 * reaches the rules under oxlint too.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NAMESPACE,
  PACKAGE_NAME,
  WRAPPER_MODULE,
  binPath,
  copyViolations,
  importsFromWrapper,
  linkPackages,
  loadBuiltPlugin,
  makeTempDir,
  markedProblems,
  removeDir,
  run,
  userConfig,
} from './helpers.js';
import type { LiveKitAgentsPlugin } from '../../src/index.js';

interface OxlintDiagnostic {
  message: string;
  code: string;
  severity: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

/** oxlint names a JS plugin's rule `livekit-agents(rule-id)`; ESLint says `livekit-agents/rule-id`. */
function eslintRuleId(code: string): string {
  const match = /^([\w@/-]+)\(([\w-]+)\)$/.exec(code);
  return match ? `${match[1]}/${match[2]}` : code;
}

describe('oxlint runs the plugin through jsPlugins with the same results as ESLint', () => {
  let workspace = '';
  let plugin: LiveKitAgentsPlugin;
  let files: string[] = [];

  async function oxlint(dir: string, settings?: Record<string, unknown>, flags: string[] = []): Promise<string[]> {
    const config = {
      // Only this plugin's rules, so that the comparison with ESLint is one to one.
      plugins: [],
      categories: { correctness: 'off' },
      jsPlugins: [PACKAGE_NAME],
      rules: plugin.configs.all.rules,
      ...(settings ? { settings } : {}),
    };
    writeFileSync(join(dir, '.oxlintrc.json'), JSON.stringify(config, null, 2));
    const result = await run(process.execPath, [binPath('oxlint', 'oxlint'), ...flags, '--format', 'json', 'agents'], {
      cwd: dir,
      timeoutMs: 120_000,
    });
    expect(result.signal, result.stderr).toBeNull();
    const report = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[]; number_of_rules?: number };
    // Every rule of the plugin is active (a rule that failed to load would be missing here).
    expect(report.number_of_rules).toBe(Object.keys(plugin.configs.all.rules ?? {}).length);
    return report.diagnostics
      .map((diagnostic) => {
        const label = diagnostic.labels[0]!.span;
        return `${diagnostic.filename.split('\\').join('/')}:${label.line}:${label.column} ${eslintRuleId(diagnostic.code)} ${diagnostic.message}`;
      })
      .sort();
  }

  async function eslint(dir: string): Promise<string[]> {
    const results = await new ESLint({ cwd: dir }).lintFiles(['agents']);
    return results
      .flatMap((result) =>
        result.messages.map(
          (message) =>
            `${relative(dir, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'fatal'} ${message.message}`,
        ),
      )
      .sort();
  }

  beforeAll(async () => {
    plugin = await loadBuiltPlugin();
    workspace = makeTempDir('oxlint');
    writeFileSync(
      join(workspace, 'package.json'),
      JSON.stringify({ name: 'oxlint-workspace', private: true, type: 'module' }),
    );
    linkPackages(workspace, ['eslint', '@typescript-eslint/parser', '@livekit/agents', PACKAGE_NAME]);
    writeFileSync(join(workspace, 'eslint.config.js'), userConfig('all'));
    files = copyViolations(workspace);
  });

  afterAll(() => removeDir(workspace));

  it('the same rule, line, column and message for every problem in the violations fixture', async () => {
    const [fromOxlint, fromEslint] = await Promise.all([oxlint(workspace), eslint(workspace)]);
    expect(fromOxlint).toEqual(fromEslint);

    // Not an empty comparison: every rule of the built plugin that the fixture marks fired under oxlint.
    const active = new Set(Object.keys(plugin.configs.all.rules ?? {}));
    const marked = new Set(
      files
        .flatMap((file) => markedProblems(readFileSync(join(workspace, file), 'utf8')).map((problem) => problem.ruleId))
        .filter((ruleId) => active.has(ruleId)),
    );
    expect(marked.size).toBeGreaterThan(0);
    const fired = new Set(
      fromOxlint.map((line) => line.split(' ')[1]!).filter((ruleId) => ruleId.startsWith(`${NAMESPACE}/`)),
    );
    expect([...fired].sort()).toEqual([...marked].sort());
  });

  it('oxlint --fix leaves every file exactly as eslint --fix does', async () => {
    const dir = join(workspace, 'fixed');
    mkdirSync(dir);
    linkPackages(dir, ['eslint', '@typescript-eslint/parser', '@livekit/agents', PACKAGE_NAME]);
    writeFileSync(join(dir, 'eslint.config.js'), userConfig('all'));
    const copied = copyViolations(dir);
    // ESLint's fixed text, computed without writing; then oxlint fixes the files in place.
    const eslintFixed = new Map(
      (await new ESLint({ cwd: dir, fix: true }).lintFiles(['agents'])).map((result) => [
        relative(dir, result.filePath),
        result.output ?? readFileSync(result.filePath, 'utf8'),
      ]),
    );
    await oxlint(dir, undefined, ['--fix']);
    for (const file of copied) expect(readFileSync(join(dir, file), 'utf8'), file).toBe(eslintFixed.get(file));
    // Not an empty comparison when the plugin has autofixes: at least one file changed.
    const fixable = [...eslintFixed].filter(([file, text]) => text !== readFileSync(join(workspace, file), 'utf8'));
    const hasAutofix = Object.values(plugin.rules).some((rule) => rule.meta?.fixable !== undefined);
    expect(fixable.length > 0).toBe(hasAutofix);
  });

  it("settings['livekit-agents'].importSources from .oxlintrc.json reach the rules", async () => {
    const dir = join(workspace, 'wrapped');
    mkdirSync(dir);
    linkPackages(dir, ['eslint', '@typescript-eslint/parser', '@livekit/agents', PACKAGE_NAME]);
    copyViolations(dir, 'agents', (text) => importsFromWrapper(text));
    const settings = { [NAMESPACE]: { importSources: [WRAPPER_MODULE] } };
    writeFileSync(join(dir, 'eslint.config.js'), userConfig('all', settings));
    const [wrapped, original] = await Promise.all([oxlint(dir, settings), oxlint(workspace)]);
    expect(wrapped.length).toBeGreaterThan(0);
    expect(wrapped).toEqual(original);
  });
});
