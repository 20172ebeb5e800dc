/**
 * The package as a team adopts it, proven from a fresh checkout:
 * - the working tree's files (no dist/, no build) are copied to a temporary checkout; `npm pack` there must build
 *   dist/ itself (the `prepare` script) and give a tarball that publint and Are the Types Wrong accept;
 * - the newest ESLint 10 project: eslint@^10, @typescript-eslint/parser@^8 and TypeScript are installed first,
 *   then the tarball; what the tarball adds to node_modules must stay under 5 MB (no ts-morph, no second
 *   toolchain). The README's config, a config that names `livekit-agents/strict`, and a typed `eslint.config.ts`
 *   must work there, and the audit command must ask for ts-morph (exit 2) rather than crash;
 * - the floor project: every lowest version package.json declares (ESLint 9, @typescript-eslint/utils and
 *   parser, ts-morph), read from package.json so that the test follows the declared ranges: the README's config
 *   must lint the fixture the same, and the audit must give the same report as this repository's own build;
 * - the release flow: a changeset and `npm run version-packages` in the checkout bump package.json, the lock file
 *   and CHANGELOG.md, and the plugin's `meta.version` and the audit's `--version` follow without a code change.
 *
 * The npm registry is needed (installs use the cache when they can); the two projects install in parallel.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  type RunResult,
} from './helpers.js';
import { copyCheckout } from '../helpers/checkout.js';
import type { LiveKitAgentsPlugin } from '../../src/index.js';

interface Manifest {
  version: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}
interface EslintJsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

/** The lowest version of a declared range (the test fails, rather than guesses, when the range changes shape). */
function floorOf(range: string | undefined, pattern: RegExp, what: string): string {
  const floor = range === undefined ? undefined : pattern.exec(range)?.[1];
  if (!floor) throw new Error(`package.json: cannot read the lowest ${what} from ${JSON.stringify(range)}`);
  return floor;
}

const FLOOR = {
  eslint: floorOf(manifest.peerDependencies.eslint, /\^(9\.\d+\.\d+)/, 'ESLint 9 (peerDependencies.eslint)'),
  utils: floorOf(manifest.dependencies['@typescript-eslint/utils'], /^\^(\d+\.\d+\.\d+)$/, '@typescript-eslint/utils'),
  parser: floorOf(
    manifest.peerDependencies['@typescript-eslint/parser'],
    /^\^(\d+\.\d+\.\d+)$/,
    '@typescript-eslint/parser',
  ),
  tsMorph: floorOf(manifest.peerDependencies['ts-morph'], /^>=(\d+\.\d+\.\d+)/, 'ts-morph'),
};
/** The newest TypeScript that typescript-eslint 8.0.0 (the floor above) supports: its range is >=4.7.4 <5.6.0. */
const FLOOR_TYPESCRIPT = '5.5.4';
/** What installing the plugin may add to a project that already has eslint, the parser and TypeScript. */
const MAX_ADDED_BYTES = 5_000_000;

/** The README's flat config (the first `js` block under "## Configure"), and the extensions its `files` lints. */
function readmeConfig(): { text: string; extensions: string[] } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Configure'));
  const text = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  const extensions = text && /files: \['\*\*\/\*\.\{([\w,]+)\}'\]/.exec(text)?.[1]?.split(',');
  if (!text || !extensions) throw new Error('README.md: no config with files: [**/*.{...}] under "## Configure"');
  return { text, extensions };
}

/** Bytes of every file under `dir` (apparent size, symlinks not followed). */
function treeBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = lstatSync(join(dir, entry));
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

function npmInstall(
  project: string,
  specs: readonly string[],
  options: { preferOffline: boolean },
): Promise<RunResult> {
  const args = [
    'install',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    ...(options.preferOffline ? ['--prefer-offline'] : []),
    ...specs,
  ];
  return run('npm', args, { cwd: project, timeoutMs: 300_000, env: childEnv() });
}

function newProject(dir: string, name: string): string {
  const project = join(dir, name);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }, null, 2));
  return project;
}

function versionIn(project: string, name: string): string {
  return (JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;
}

describe('packaging: a fresh checkout packs, installs light, and works at both ends of the declared ranges', () => {
  let dir = '';
  let checkout = '';
  let checkoutHadDist = true;
  let pack: RunResult | undefined;
  let tarball = '';
  let packedFiles: string[] = [];
  let newest = '';
  let floor = '';
  const installs: Record<'baseline' | 'plugin' | 'floor', RunResult | undefined> = {
    baseline: undefined,
    plugin: undefined,
    floor: undefined,
  };
  let addedBytes = Number.NaN;
  let plugin: LiveKitAgentsPlugin;

  beforeAll(async () => {
    plugin = await loadBuiltPlugin();
    dir = makeTempDir('package');
    checkout = join(dir, 'checkout');
    // The checkout borrows this repository's dev dependencies instead of a second `npm ci`.
    copyCheckout(checkout, { linkNodeModules: true });
    checkoutHadDist = existsSync(join(checkout, 'dist'));

    newest = newProject(dir, 'newest');
    floor = newProject(dir, 'floor');
    const baseline = npmInstall(
      newest,
      ['eslint@^10', '@typescript-eslint/parser@^8', `typescript@${installedVersion('typescript')}`],
      { preferOffline: false },
    );
    pack = await run('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: checkout,
      timeoutMs: 240_000,
      env: childEnv(),
    });
    if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
    // Lifecycle output (the build) goes to stderr; stdout is the JSON manifest.
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(dir, packed!.filename);
    packedFiles = packed!.files.map((file) => file.path).sort();

    const floorInstall = npmInstall(
      floor,
      [
        `eslint@${FLOOR.eslint}`,
        `@typescript-eslint/parser@${FLOOR.parser}`,
        `@typescript-eslint/utils@${FLOOR.utils}`,
        `typescript@${FLOOR_TYPESCRIPT}`,
        `ts-morph@${FLOOR.tsMorph}`,
        tarball,
      ],
      { preferOffline: true },
    );
    installs.baseline = await baseline;
    if (installs.baseline.code === 0) {
      const before = treeBytes(join(newest, 'node_modules'));
      installs.plugin = await npmInstall(newest, [tarball], { preferOffline: true });
      addedBytes = treeBytes(join(newest, 'node_modules')) - before;
      console.log(
        `install size: eslint + parser + typescript ${(before / 1e6).toFixed(1)} MB; the plugin adds ${(addedBytes / 1e6).toFixed(2)} MB`,
      );
    }
    installs.floor = await floorInstall;
  }, 600_000);

  afterAll(() => removeDir(dir));

  describe('npm pack on a fresh checkout', () => {
    it('the checkout has no dist/; npm pack builds it (prepare) and the tarball holds the built plugin', () => {
      expect(checkoutHadDist).toBe(false);
      expect(pack?.stderr).toContain('tsc -p tsconfig.build.json');
      expect(packedFiles).toContain('dist/index.js');
      expect(packedFiles).toContain('dist/audit/cli.js');
    });

    it('the tarball holds the built plugin, its docs and README, and no sources or tests', () => {
      expect(packedFiles).toContain('package.json');
      expect(packedFiles).toContain('README.md');
      expect(packedFiles).toContain('dist/index.d.ts');
      for (const id of Object.keys(plugin.rules)) {
        expect(packedFiles).toContain(`dist/rules/${id}.js`);
        expect(packedFiles).toContain(`docs/rules/${id}.md`);
      }
      expect(
        packedFiles.filter((file) => !/^(?:dist\/|docs\/|README\.md$|LICENSE$|package\.json$)/.test(file)),
      ).toEqual([]);
      expect(packedFiles.filter((file) => /\.test\.|\.e2e\./.test(file))).toEqual([]);
    });

    it('publint reports nothing (no error, warning or suggestion)', async () => {
      const data = readFileSync(tarball);
      const result = await publint({
        pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer },
        level: 'suggestion',
      });
      expect(
        result.messages.map((message) => `${message.type}: ${formatMessage(message, result.pkg, { color: false })}`),
      ).toEqual([]);
    });

    it('Are the Types Wrong (esm-only profile) finds no problem, and the types resolve for node16 and bundlers', async () => {
      const attw = await run(
        process.execPath,
        [
          binPath('@arethetypeswrong/cli', 'attw'),
          tarball,
          '--profile',
          'esm-only',
          '--no-definitely-typed',
          '--format',
          'json',
        ],
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
  });

  /** What the violations fixture marks for one config, as `file:line rule`, over the files the config lints. */
  function expectedFor(
    project: string,
    files: readonly string[],
    config: 'recommended' | 'strict',
    extensions?: readonly string[],
  ): string[] {
    const enabled = new Set(Object.keys(plugin.configs[config].rules ?? {}));
    return files
      .filter((file) => extensions === undefined || extensions.some((extension) => file.endsWith(`.${extension}`)))
      .flatMap((file) =>
        markedProblems(readFileSync(join(project, file), 'utf8'))
          .filter((problem) => enabled.has(problem.ruleId))
          .map((problem) => `${file}:${problem.line} ${problem.ruleId}`),
      )
      .sort();
  }

  async function lintWith(project: string, configFile: string, configText: string): Promise<string[]> {
    writeFileSync(join(project, configFile), configText);
    const result = await run(
      process.execPath,
      [join(project, 'node_modules/eslint/bin/eslint.js'), '--config', configFile, '--format', 'json', 'agents'],
      {
        cwd: project,
        timeoutMs: 120_000,
      },
    );
    // Exit code 1: lint errors found (2 would be a crash or a config error); nothing on stderr (no warnings either).
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout) as EslintJsonResult[];
    return results
      .flatMap((entry) =>
        entry.messages.map(
          (message) =>
            `${relative(project, entry.filePath)}:${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`,
        ),
      )
      .sort();
  }

  describe('the newest ESLint 10 project', () => {
    let files: string[] = [];

    beforeAll(() => {
      if (installs.plugin?.code === 0) files = copyViolations(newest);
    });

    it('npm installs eslint 10, the parser and TypeScript, then the tarball (peer dependencies satisfied)', () => {
      expect(installs.baseline?.code, installs.baseline?.stderr).toBe(0);
      expect(installs.plugin?.code, installs.plugin?.stderr).toBe(0);
      expect(versionIn(newest, 'eslint')).toMatch(/^10\./);
      expect(versionIn(newest, PACKAGE_NAME)).toBe(plugin.meta.version);
    });

    it(`the plugin adds at most ${MAX_ADDED_BYTES / 1e6} MB, and no ts-morph or second TypeScript`, () => {
      expect(installs.plugin?.code).toBe(0);
      expect(addedBytes).toBeGreaterThan(0);
      expect(addedBytes).toBeLessThanOrEqual(MAX_ADDED_BYTES);
      expect(existsSync(join(newest, 'node_modules/ts-morph'))).toBe(false);
      expect(existsSync(join(newest, 'node_modules', PACKAGE_NAME, 'node_modules'))).toBe(false);
    });

    it("the README's config reports the recommended rules the fixture marks", async () => {
      expect(installs.plugin?.code).toBe(0);
      const { text, extensions } = readmeConfig();
      const expected = expectedFor(newest, files, 'recommended', extensions);
      expect(expected.length).toBeGreaterThan(0);
      expect(await lintWith(newest, 'eslint.config.js', text)).toEqual(expected);
    });

    it("extends: ['livekit-agents/strict'] by name (plugin registered under its namespace) reports the strict set", async () => {
      expect(installs.plugin?.code).toBe(0);
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
      const expected = expectedFor(newest, files, 'strict');
      expect(expected.length).toBeGreaterThan(0);
      expect(await lintWith(newest, 'eslint.by-name.config.js', config)).toEqual(expected);
    });

    it('the audit command asks for ts-morph (its optional peer) with exit code 2 instead of crashing', async () => {
      expect(installs.plugin?.code).toBe(0);
      const audit = await run(join(newest, 'node_modules/.bin/livekit-agents-audit'), ['agents'], {
        cwd: newest,
        timeoutMs: 60_000,
      });
      expect(audit.code).toBe(2);
      expect(audit.stderr).toBe('livekit-agents-audit: the audit needs ts-morph: npm i -D ts-morph\n');
      const help = await run(join(newest, 'node_modules/.bin/livekit-agents-audit'), ['--version'], {
        cwd: newest,
        timeoutMs: 60_000,
      });
      expect(help.stdout.trim()).toBe(plugin.meta.version);
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
        writeFileSync(join(newest, 'eslint.config.ts'), typedConfig('recommended'));
        writeFileSync(join(newest, 'typo.config.ts'), typedConfig('recomended'));
        writeFileSync(
          join(newest, 'tsconfig.json'),
          JSON.stringify({
            compilerOptions: {
              target: 'ES2022',
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              strict: true,
              noEmit: true,
              skipLibCheck: true,
              types: [],
            },
            files: ['eslint.config.ts', 'typo.config.ts'],
          }),
        );
        const result = await run(
          process.execPath,
          [join(newest, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'],
          {
            cwd: newest,
            timeoutMs: 120_000,
          },
        );
        output = result.stdout + result.stderr;
        code = result.code;
      });

      it('a typed eslint.config.ts using the installed package type-checks (defineConfig, extends, plugins)', () => {
        expect(installs.plugin?.code).toBe(0);
        expect(output.split('\n').filter((line) => line.startsWith('eslint.config.ts'))).toEqual([]);
      });

      it('and the types are real: a misspelt config name is a type error', () => {
        expect(code).not.toBe(0);
        const errors = output.split('\n').filter((line) => line.includes('error TS'));
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors)
          expect(error).toMatch(/^typo\.config\.ts\(\d+,\d+\): error TS\d+: Property 'recomended' does not exist/);
      });
    });
  });

  describe(`the floor project: ESLint ${FLOOR.eslint}, typescript-eslint ${FLOOR.utils}, ts-morph ${FLOOR.tsMorph}`, () => {
    let files: string[] = [];

    beforeAll(() => {
      if (installs.floor?.code === 0) files = copyViolations(floor);
    });

    it('npm installs the lowest declared versions next to the tarball, and the plugin uses them (no second copy)', () => {
      expect(installs.floor?.code, installs.floor?.stderr).toBe(0);
      expect(versionIn(floor, 'eslint')).toBe(FLOOR.eslint);
      expect(versionIn(floor, '@typescript-eslint/utils')).toBe(FLOOR.utils);
      expect(versionIn(floor, 'ts-morph')).toBe(FLOOR.tsMorph);
      expect(existsSync(join(floor, 'node_modules', PACKAGE_NAME, 'node_modules'))).toBe(false);
    });

    it("the README's config (defineConfig from eslint/config) reports the recommended rules the fixture marks", async () => {
      expect(installs.floor?.code).toBe(0);
      const { text, extensions } = readmeConfig();
      const expected = expectedFor(floor, files, 'recommended', extensions);
      expect(expected.length).toBeGreaterThan(0);
      expect(await lintWith(floor, 'eslint.config.js', text)).toEqual(expected);
    });

    it("the audit with ts-morph at its floor gives the same report as this repository's build", async () => {
      expect(installs.floor?.code).toBe(0);
      const report = async (command: string, args: string[]) => {
        const result = await run(command, [...args, 'agents', '--format', 'json'], { cwd: floor, timeoutMs: 120_000 });
        // Exit code 1: the fixture fails checklist items (2 or 3 would be bad input or a crash).
        expect(result.code, result.stderr).toBe(1);
        const json = JSON.parse(result.stdout) as Record<string, unknown>;
        delete json.durationMs;
        return json;
      };
      const bin = join(floor, 'node_modules/.bin/livekit-agents-audit');
      // The project model (ts-morph) at its floor gives this repository's answer. Without the lint step: this
      // repository's ESLint 10 cannot run the floor project's parser 8.0.0, which only ESLint 9 pairs with.
      const installed = await report(bin, ['--no-lint']);
      expect(installed).toEqual(await report(process.execPath, [join(root, 'dist/audit/cli.js'), '--no-lint']));
      // And the lint step runs at the floor: ESLint 9.22 with parser 8.0.0.
      const linted = JSON.stringify(await report(bin, []));
      expect(linted).not.toContain('lint not run');
      expect(linted).toContain('prefer-tool-error');
    });
  });

  describe('the release flow (changesets) in the checkout', () => {
    let release: RunResult | undefined;
    let next = '';

    beforeAll(async () => {
      const [major, minor] = manifest.version.split('.').map(Number);
      next = `${major}.${minor! + 1}.0`;
      writeFileSync(
        join(checkout, '.changeset/e2e-release.md'),
        `---\n'${PACKAGE_NAME}': minor\n---\n\nA change made by the release test.\n`,
      );
      release = await run('npm', ['run', 'version-packages'], { cwd: checkout, timeoutMs: 120_000, env: childEnv() });
    });

    it('npm run version-packages bumps package.json and the lock file, writes CHANGELOG.md and uses up the changeset', () => {
      expect(release?.code, release?.stderr).toBe(0);
      const read = (file: string) => readFileSync(join(checkout, file), 'utf8');
      expect((JSON.parse(read('package.json')) as Manifest).version).toBe(next);
      const lock = JSON.parse(read('package-lock.json')) as {
        version: string;
        packages: Record<string, { version: string }>;
      };
      expect([lock.version, lock.packages['']!.version]).toEqual([next, next]);
      expect(read('CHANGELOG.md')).toMatch(
        new RegExp(
          `## ${next.replaceAll('.', '\\.')}\\n\\n### Minor Changes\\n\\n- A change made by the release test\\.`,
        ),
      );
      expect(read('CHANGELOG.md')).toContain(`## ${manifest.version}\n`);
      expect(existsSync(join(checkout, '.changeset/e2e-release.md'))).toBe(false);
    });

    it("the plugin's meta.version and the audit's --version follow package.json without a rebuild", async () => {
      expect(release?.code).toBe(0);
      const built = (await import(pathToFileURL(join(checkout, 'dist/index.js')).href)) as {
        default: LiveKitAgentsPlugin;
      };
      expect(built.default.meta.version).toBe(next);
      const version = await run(process.execPath, [join(checkout, 'dist/audit/cli.js'), '--version'], {
        cwd: checkout,
        timeoutMs: 60_000,
      });
      expect(version.stdout.trim()).toBe(next);
    });
  });
});
