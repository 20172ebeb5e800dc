/**
 * Shared pieces of the end-to-end tests: temporary workspaces that look like a user's project, the violations
 * fixture and its `// expect:` markers, and child processes with bounded run time.
 *
 * A workspace is a temporary directory with an `eslint.config.js` and a `node_modules/` of symlinks into this
 * repository (eslint, the parser, this package itself, ...), so that every tool resolves `eslint-plugin-livekit-agents`
 * by its package name and loads the built `dist/`, exactly as in a user's project.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LiveKitAgentsPlugin } from '../../src/index.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const violationsDir = join(root, 'fixtures/violations');
export const PACKAGE_NAME = 'eslint-plugin-livekit-agents';
export const NAMESPACE = 'livekit-agents';
/** Every extension the fixtures may use; the configs below lint all of them with the TypeScript parser. */
export const LINTED_FILES = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** The violations fixture files, relative to fixtures/violations, sorted. */
export function violationFiles(): string[] {
  return (
    readdirSync(violationsDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.[cm]?[jt]sx?$/.test(file))
      .map((file) => file.split(sep).join('/'))
      // Written for an older SDK (tests/helpers/lint.ts lints them with its version); these workspaces run the installed one.
      .filter((file) => !file.startsWith('sdk-1.0/'))
      .sort()
  );
}

export interface MarkedProblem {
  line: number;
  ruleId: string;
}

/** The `// expect: rule-a, rule-b` markers of a fixture text, as fully qualified rule ids per line. */
export function markedProblems(text: string): MarkedProblem[] {
  const problems: MarkedProblem[] = [];
  text.split('\n').forEach((line, index) => {
    const marker = /\/\/ expect: ([\w\-, ]+)$/.exec(line);
    if (!marker) return;
    for (const id of marker[1]!.split(',')) problems.push({ line: index + 1, ruleId: `${NAMESPACE}/${id.trim()}` });
  });
  return problems;
}

/** A fresh directory under the OS temp dir; remove it with `removeDir` in an `afterAll`/`finally`. */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `lk-e2e-${prefix}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** The directory of a package installed in this repository (npm installs every dev dependency at the top level). */
export function packageDir(name: string): string {
  const dir = join(root, 'node_modules', name);
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`${name} is not installed in ${root}/node_modules`);
  return dir;
}

/** The version of a package as this repository installs it. */
export function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Makes `dir` look like a user's project: `node_modules/<name>` symlinks to this repository's copies of `packages`,
 * and `node_modules/eslint-plugin-livekit-agents` to this repository (so its `exports` point at the built dist).
 */
export function linkPackages(dir: string, packages: readonly string[]): void {
  for (const name of packages) {
    const target = name === PACKAGE_NAME ? root : packageDir(name);
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, 'dir');
  }
}

/** Copies the violations fixture into `dir/<subdir>`; returns the copied paths relative to `dir`. */
export function copyViolations(dir: string, subdir = 'agents', transform?: (text: string) => string): string[] {
  return violationFiles().map((file) => {
    const target = join(dir, subdir, file);
    mkdirSync(dirname(target), { recursive: true });
    if (transform === undefined) copyFileSync(join(violationsDir, file), target);
    else writeFileSync(target, transform(readFileSync(join(violationsDir, file), 'utf8')));
    return relative(dir, target).split(sep).join('/');
  });
}

/**
 * A flat config as a user writes it: the TypeScript parser for every script, and one of the plugin's configs
 * through `extends`.
 */
export function userConfig(config: 'recommended' | 'strict' | 'all', settings?: Record<string, unknown>): string {
  const lines = [
    "import { defineConfig } from 'eslint/config';",
    "import tsParser from '@typescript-eslint/parser';",
    `import livekitAgents from '${PACKAGE_NAME}';`,
    '',
    'export default defineConfig({',
    `  files: ['${LINTED_FILES}'],`,
    '  languageOptions: { parser: tsParser },',
    `  extends: [livekitAgents.configs.${config}],`,
  ];
  if (settings) lines.push(`  settings: ${JSON.stringify(settings)},`);
  lines.push('});', '');
  return lines.join('\n');
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The environment for a child npm: without the `npm_*` variables of an enclosing `npm run` (they would point
 * npm at this repository instead of the temporary project), but keeping the cache and registry settings. */
export function childEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || keep.has(key.toLowerCase())),
  );
}

/**
 * Runs a command to completion with a hard time limit: on timeout the whole process group is killed (npm and
 * the processes it starts) and the result says so through `signal`.
 */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(killGroup, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Anything the command left running in its group goes with it.
      killGroup();
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms: Date.now() - started,
      });
    });
  });
}

/** `node <bin of an installed package>`: runs a CLI of this repository's node_modules with the current Node. */
export function binPath(packageName: string, bin: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir(packageName), 'package.json'), 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const relativeBin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin];
  if (!relativeBin) throw new Error(`${packageName} has no bin ${bin}`);
  return join(packageDir(packageName), relativeBin);
}

/** `file:line:column rule` strings, sorted: the shape every end-to-end comparison uses. */
export function problemKeys(
  problems: readonly { file: string; line: number; column: number; ruleId: string | null }[],
): string[] {
  return problems
    .map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.ruleId ?? 'fatal'}`)
    .sort();
}

/**
 * The built plugin (dist/), the one every tool in these tests loads: expectations about rule ids, tiers and docs
 * URLs come from it, so that they match what the tools see even while src/ is ahead of the last build.
 */
export async function loadBuiltPlugin(): Promise<LiveKitAgentsPlugin> {
  const module = (await import(pathToFileURL(join(root, 'dist/index.js')).href)) as { default: LiveKitAgentsPlugin };
  return module.default;
}

/** The meta of one of the plugin's rules, by its qualified id (`livekit-agents/<id>`). */
export function ruleMeta(plugin: LiveKitAgentsPlugin, ruleId: string) {
  if (!ruleId.startsWith(`${NAMESPACE}/`)) return undefined;
  return (plugin.rules as Record<string, LiveKitAgentsPlugin['rules'][keyof LiveKitAgentsPlugin['rules']] | undefined>)[
    ruleId.slice(NAMESPACE.length + 1)
  ]?.meta;
}

/** A project's own module that re-exports LiveKit, as `settings['livekit-agents'].importSources` names it. */
export const WRAPPER_MODULE = '@acme/voice-kit';

/** Points every import/require of `@livekit/agents` itself at the wrapper (plugins such as silero stay). */
export function importsFromWrapper(text: string, wrapper = WRAPPER_MODULE): string {
  return text.replace(/(['"])@livekit\/agents\1/g, `$1${wrapper}$1`);
}

/** The control: every `@livekit/...` module specifier points elsewhere, so the file has no LiveKit import at all. */
export function withoutLiveKitImports(text: string, wrapper = WRAPPER_MODULE): string {
  return importsFromWrapper(text, wrapper).replace(/(['"])@livekit\/([^'"\n]+)\1/g, `$1${wrapper}-$2$1`);
}
