/**
 * The installed package, proven as a user gets it: `npm pack` the working tree (after `npm run build`), check the
 * tarball with publint and Are the Types Wrong, install it with npm into an empty project next to only `eslint`
 * and `@typescript-eslint/parser` (the versions this repository uses), and lint the violations fixture there with
 * a flat config that `extends` the plugin's configs. A typed `eslint.config.ts` must type-check against the
 * installed types (and a misspelt config name must not).
 *
 * The install uses the npm registry with `--prefer-offline`: after `npm ci` every package it needs is in the cache.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LINTED_FILES,
  PACKAGE_NAME,
  binPath,
  childEnv,
  copyViolations,
  installedVersion,
  loadBuiltPlugin,
  makeTempDir,
  markedProblems,
  removeDir,
  root,
  run,
  userConfig,
} from './helpers.js';
import type { LiveKitAgentsPlugin } from '../../src/index.js';

interface PackedFile {
  path: string;
}
interface EslintJsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

describe('packaging: npm pack, publint, attw, install next to eslint, lint', () => {
  let dir = '';
  let tarball = '';
  let packedFiles: string[] = [];
  let project = '';
  let install: Awaited<ReturnType<typeof run>> | undefined;
  let plugin: LiveKitAgentsPlugin;

  beforeAll(async () => {
    plugin = await loadBuiltPlugin();
    dir = makeTempDir('package');
    const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: root,
      timeoutMs: 60_000,
      env: childEnv(),
    });
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const [manifest] = JSON.parse(packed.stdout) as { filename: string; files: PackedFile[] }[];
    tarball = join(dir, manifest!.filename);
    packedFiles = manifest!.files.map((file) => file.path).sort();

    project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }, null, 2));
    install = await run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--loglevel=error',
        `eslint@${installedVersion('eslint')}`,
        `@typescript-eslint/parser@${installedVersion('@typescript-eslint/parser')}`,
        tarball,
      ],
      { cwd: project, timeoutMs: 240_000, env: childEnv() },
    );
  });

  afterAll(() => removeDir(dir));

  it('the tarball holds the built plugin, its docs and README, and no sources or tests', () => {
    expect(packedFiles).toContain('package.json');
    expect(packedFiles).toContain('README.md');
    expect(packedFiles).toContain('dist/index.js');
    expect(packedFiles).toContain('dist/index.d.ts');
    for (const id of Object.keys(plugin.rules)) {
      expect(packedFiles).toContain(`dist/rules/${id}.js`);
      expect(packedFiles).toContain(`docs/rules/${id}.md`);
    }
    expect(packedFiles.filter((file) => !/^(?:dist\/|docs\/|README\.md$|LICENSE$|package\.json$)/.test(file))).toEqual([]);
    expect(packedFiles.filter((file) => /\.test\.|\.e2e\./.test(file))).toEqual([]);
  });

  it('publint reports nothing (no error, warning or suggestion)', async () => {
    const data = readFileSync(tarball);
    const result = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer },
      level: 'suggestion',
    });
    expect(result.messages.map((message) => `${message.type}: ${formatMessage(message, result.pkg, { color: false })}`)).toEqual([]);
  });

  it('Are the Types Wrong (esm-only profile) finds no problem, and the types resolve for node16 and bundlers', async () => {
    const attw = await run(
      process.execPath,
      [binPath('@arethetypeswrong/cli', 'attw'), tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json'],
      { cwd: dir, timeoutMs: 60_000 },
    );
    const report = JSON.parse(attw.stdout) as {
      problems: Record<string, unknown>;
      analysis: {
        types: { kind: string };
        entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
      };
    };
    expect(attw.code, `attw problems: ${JSON.stringify(report.problems)}`).toBe(0);
    expect(report.analysis.types.kind).toBe('included');
    const main = report.analysis.entrypoints['.']!.resolutions;
    expect(main['node16-esm']?.resolution?.fileName).toMatch(/\/dist\/index\.d\.ts$/);
    expect(main.bundler?.resolution?.fileName).toMatch(/\/dist\/index\.d\.ts$/);
  });

  it('npm installs the tarball next to eslint and the parser (peer dependencies satisfied)', () => {
    expect(install?.code, install?.stderr).toBe(0);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(plugin.meta.version);
  });

  describe('linting with the installed package', () => {
    let files: string[] = [];
    const eslintBin = () => join(project, 'node_modules/eslint/bin/eslint.js');

    beforeAll(() => {
      files = copyViolations(project);
    });

    /** What the violations fixture marks for one config (the rules the config turns on), as `file:line rule`. */
    function expectedFor(config: 'recommended' | 'strict'): string[] {
      const enabled = new Set(Object.keys(plugin.configs[config].rules ?? {}));
      return files
        .flatMap((file) =>
          markedProblems(readFileSync(join(project, file), 'utf8'))
            .filter((problem) => enabled.has(problem.ruleId))
            .map((problem) => `${file}:${problem.line} ${problem.ruleId}`),
        )
        .sort();
    }

    async function lintWith(configFile: string, configText: string): Promise<string[]> {
      writeFileSync(join(project, configFile), configText);
      const result = await run(process.execPath, [eslintBin(), '--config', configFile, '--format', 'json', 'agents'], {
        cwd: project,
        timeoutMs: 120_000,
      });
      // Exit code 1: lint errors found (2 would be a crash or a config error).
      expect(result.code, result.stderr).toBe(1);
      const results = JSON.parse(result.stdout) as EslintJsonResult[];
      return results
        .flatMap((entry) =>
          entry.messages.map((message) => `${relative(project, entry.filePath)}:${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`),
        )
        .sort();
    }

    it('extends: [livekitAgents.configs.recommended] reports the recommended rules the fixture marks', async () => {
      expect(install?.code).toBe(0);
      const expected = expectedFor('recommended');
      expect(expected.length).toBeGreaterThan(0);
      expect(await lintWith('eslint.config.js', userConfig('recommended'))).toEqual(expected);
    });

    it("extends: ['livekit-agents/strict'] by name (plugin registered under its namespace) reports the strict set", async () => {
      expect(install?.code).toBe(0);
      const config = [
        "import { defineConfig } from 'eslint/config';",
        "import tsParser from '@typescript-eslint/parser';",
        `import livekitAgents from '${PACKAGE_NAME}';`,
        '',
        'export default defineConfig({',
        `  files: ['${LINTED_FILES}'],`,
        '  languageOptions: { parser: tsParser },',
        "  plugins: { 'livekit-agents': livekitAgents },",
        "  extends: ['livekit-agents/strict'],",
        '});',
        '',
      ].join('\n');
      const expected = expectedFor('strict');
      expect(expected.length).toBeGreaterThan(0);
      expect(await lintWith('eslint.by-name.config.js', config)).toEqual(expected);
    });
  });

  describe('eslint.config.ts with types', () => {
    const typedConfig = (configName: string) =>
      [
        "import { defineConfig } from 'eslint/config';",
        "import type { ESLint, Linter } from 'eslint';",
        "import tsParser from '@typescript-eslint/parser';",
        `import livekitAgents from '${PACKAGE_NAME}';`,
        '',
        'const asPlugin: ESLint.Plugin = livekitAgents;',
        `const asConfig: Linter.Config = livekitAgents.configs.${configName};`,
        '',
        'export default defineConfig(',
        '  {',
        "    files: ['**/*.ts'],",
        '    languageOptions: { parser: tsParser },',
        `    extends: [livekitAgents.configs.${configName}],`,
        "    settings: { 'livekit-agents': { importSources: ['@acme/voice'] } },",
        '  },',
        "  { files: ['**/*.ts'], plugins: { 'livekit-agents': asPlugin }, extends: ['livekit-agents/strict'] },",
        "  { files: ['legacy/**'], ...asConfig },",
        ');',
        '',
      ].join('\n');

    let output = '';
    let code: number | null = null;

    beforeAll(async () => {
      // One tsc run over two configs: the one users write, and the same with a misspelt config name (a control:
      // if the package's types were missing or \`any\`, it would type-check too).
      writeFileSync(join(project, 'eslint.config.ts'), typedConfig('recommended'));
      writeFileSync(join(project, 'typo.config.ts'), typedConfig('recomended'));
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
          files: ['eslint.config.ts', 'typo.config.ts'],
        }),
      );
      const result = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], {
        cwd: project,
        timeoutMs: 120_000,
      });
      output = result.stdout + result.stderr;
      code = result.code;
    });

    it('a typed eslint.config.ts using the installed package type-checks (defineConfig, extends, plugins)', () => {
      expect(install?.code).toBe(0);
      expect(output.split('\n').filter((line) => line.startsWith('eslint.config.ts'))).toEqual([]);
    });

    it('and the types are real: a misspelt config name is a type error', () => {
      expect(code).not.toBe(0);
      const errors = output.split('\n').filter((line) => line.includes('error TS'));
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect(error).toMatch(/^typo\.config\.ts\(\d+,\d+\): error TS\d+: Property 'recomended' does not exist/);
    });
  });
});
