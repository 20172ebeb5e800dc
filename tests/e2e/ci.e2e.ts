/**
 * The CI gate, proven with the ESLint CLI as a CI job runs it, in a temporary project with the violations fixture:
 * - `eslint -f @microsoft/eslint-formatter-sarif` writes SARIF 2.1.0 whose results are exactly ESLint's own
 *   messages (rule id, region, text, level) and whose rules carry our docs pages as help URIs;
 * - `eslint --max-warnings 0` fails the job on the fixture, also when the plugin only warns, and passes on the
 *   reference agent (code that follows every rule).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LINTED_FILES,
  PACKAGE_NAME,
  binPath,
  copyViolations,
  linkPackages,
  loadBuiltPlugin,
  makeTempDir,
  markedProblems,
  removeDir,
  root,
  ruleMeta,
  run,
  userConfig,
} from './helpers.js';
import type { LiveKitAgentsPlugin } from '../../src/index.js';

interface EslintJsonResult {
  filePath: string;
  messages: {
    ruleId: string | null;
    severity: 1 | 2;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    message: string;
  }[];
}
interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
        };
      }[];
    }[];
  }[];
}

describe('CI: the ESLint CLI over the violations fixture', () => {
  let workspace = '';
  let files: string[] = [];
  let plugin: LiveKitAgentsPlugin;
  const eslint = (args: string[]) =>
    run(process.execPath, [binPath('eslint', 'eslint'), ...args], { cwd: workspace, timeoutMs: 120_000 });

  beforeAll(async () => {
    plugin = await loadBuiltPlugin();
    workspace = makeTempDir('ci');
    writeFileSync(
      join(workspace, 'package.json'),
      JSON.stringify({ name: 'ci-workspace', private: true, type: 'module' }),
    );
    linkPackages(workspace, [
      'eslint',
      '@typescript-eslint/parser',
      '@livekit/agents',
      '@microsoft/eslint-formatter-sarif',
      PACKAGE_NAME,
    ]);
    writeFileSync(join(workspace, 'eslint.config.js'), userConfig('all'));
    files = copyViolations(workspace);
  });

  afterAll(() => removeDir(workspace));

  describe('SARIF', () => {
    let json: EslintJsonResult[] = [];
    let sarif: SarifLog | undefined;
    let sarifCode: number | null = null;

    beforeAll(async () => {
      const [plain, report] = await Promise.all([
        eslint(['--format', 'json', 'agents']),
        eslint(['--format', '@microsoft/eslint-formatter-sarif', '--output-file', 'eslint.sarif', 'agents']),
      ]);
      expect(plain.code, plain.stderr).toBe(1);
      json = JSON.parse(plain.stdout) as EslintJsonResult[];
      sarifCode = report.code;
      if (report.code !== 2) sarif = JSON.parse(readFileSync(join(workspace, 'eslint.sarif'), 'utf8')) as SarifLog;
    });

    it('is SARIF 2.1.0 from ESLint, and the run fails (exit code 1) because there are errors', () => {
      expect(sarifCode).toBe(1);
      expect(sarif?.version).toBe('2.1.0');
      expect(sarif?.$schema).toMatch(/sarif-2\.1\.0/);
      expect(sarif?.runs).toHaveLength(1);
      expect(sarif?.runs[0]!.tool.driver.name).toBe('ESLint');
    });

    it("its results are exactly ESLint's messages: rule id, file, region, text and level", () => {
      const fromSarif = sarif!.runs[0]!.results.map((result) => {
        const location = result.locations[0]!.physicalLocation;
        return [
          relative(workspace, fileURLToPath(location.artifactLocation.uri)),
          location.region.startLine,
          location.region.startColumn,
          location.region.endLine,
          location.region.endColumn,
          result.ruleId,
          result.level,
          result.message.text,
        ].join(' | ');
      });
      const fromJson = json.flatMap((result) =>
        result.messages.map((message) =>
          [
            relative(workspace, result.filePath),
            message.line,
            message.column,
            message.endLine,
            message.endColumn,
            message.ruleId,
            message.severity === 2 ? 'error' : 'warning',
            message.message,
          ].join(' | '),
        ),
      );
      expect(fromSarif.sort()).toEqual(fromJson.sort());
    });

    it("each rule in the SARIF log points at its docs page (helpUri) with the rule's description", () => {
      const driverRules = sarif!.runs[0]!.tool.driver.rules;
      for (const result of sarif!.runs[0]!.results) expect(driverRules[result.ruleIndex]?.id).toBe(result.ruleId);
      const ours = driverRules.filter((rule) => rule.id.startsWith('livekit-agents/'));
      expect(ours.length).toBeGreaterThan(0);
      for (const rule of ours) {
        expect(rule.helpUri, rule.id).toBe(ruleMeta(plugin, rule.id)?.docs?.url);
        expect(rule.helpUri, rule.id).toMatch(new RegExp(`/docs/rules/${rule.id.split('/')[1]}\\.md$`));
        expect(rule.shortDescription?.text, rule.id).toBe(ruleMeta(plugin, rule.id)?.docs?.description);
      }
    });

    it('carries every rule of the plugin that the violations fixture marks (so the comparisons above are not empty)', () => {
      const active = new Set(Object.keys(plugin.configs.all.rules ?? {}));
      const marked = new Set(
        files
          .flatMap((file) =>
            markedProblems(readFileSync(join(workspace, file), 'utf8')).map((problem) => problem.ruleId),
          )
          .filter((ruleId) => active.has(ruleId)),
      );
      expect(marked.size).toBeGreaterThan(0);
      expect([...new Set(sarif!.runs[0]!.results.map((result) => result.ruleId))].sort()).toEqual([...marked].sort());
    });
  });

  describe('the gate: eslint --max-warnings 0', () => {
    it('fails on the fixture with the recommended config, naming our rules', async () => {
      writeFileSync(join(workspace, 'eslint.recommended.config.js'), userConfig('recommended'));
      const result = await eslint(['--config', 'eslint.recommended.config.js', '--max-warnings', '0', 'agents']);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toMatch(/livekit-agents\/[a-z-]+/);
    });

    it('fails when the plugin only warns (the point of --max-warnings 0), and passes without the flag', async () => {
      const asWarnings = Object.fromEntries(
        Object.keys(plugin.configs.all.rules ?? {}).map((ruleId) => [ruleId, 'warn']),
      );
      writeFileSync(
        join(workspace, 'eslint.warn.config.js'),
        [
          "import tsParser from '@typescript-eslint/parser';",
          `import livekitAgents from '${PACKAGE_NAME}';`,
          'export default [',
          `  { files: ['${LINTED_FILES}'], languageOptions: { parser: tsParser } },`,
          `  { plugins: { 'livekit-agents': livekitAgents }, rules: ${JSON.stringify(asWarnings)} },`,
          '];',
          '',
        ].join('\n'),
      );
      const [gated, lenient] = await Promise.all([
        eslint(['--config', 'eslint.warn.config.js', '--max-warnings', '0', 'agents']),
        eslint(['--config', 'eslint.warn.config.js', 'agents']),
      ]);
      expect(gated.code, gated.stderr).toBe(1);
      expect(gated.stdout + gated.stderr).toMatch(/ESLint found too many warnings \(maximum: 0\)/);
      expect(lenient.code, lenient.stderr).toBe(0);
      expect(lenient.stdout).toMatch(/warning/);
    });

    it('passes on the reference agent, which follows every rule (all config)', async () => {
      cpSync(join(root, 'fixtures/reference-agent/src'), join(workspace, 'reference-agent'), { recursive: true });
      const result = await eslint(['--max-warnings', '0', '--format', 'json', 'reference-agent']);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const results = JSON.parse(result.stdout) as EslintJsonResult[];
      expect(results.length).toBeGreaterThan(0);
      expect(results.flatMap((entry) => entry.messages)).toEqual([]);
    });
  });
});
