#!/usr/bin/env node
/**
 * Runs the evidence suite (tests/evidence) against a given @livekit/agents version, so an SDK upgrade shows which
 * rule claims still hold:
 *
 *   npm run evidence -- --sdk 1.9.0        a published version
 *   npm run evidence -- --sdk latest       the newest published 1.x
 *   npm run evidence -- --sdk 1.4.7 --keep keep the temp folder (its path is printed)
 *
 * How: `npm install` puts @livekit/agents@<v> and @livekit/agents-plugin-silero@<v> (same version: the plugin pins its
 * core) in a fresh temp folder, with the peers npm picks for them (rtc-node, zod). Vitest then runs tests/evidence
 * with Vite aliases that send the test files' bare imports (`@livekit/agents`, `@livekit/agents-plugin-silero`,
 * `zod`) to that folder. Everything the SDK loads itself resolves from its own location by Node's ordinary rules, so
 * the plugin and the core share one copy and the repository's 1.9.0 is never loaded. EVIDENCE_SDK_DIR tells the
 * helper (tests/evidence/sdk.ts) where the folder is, for the child processes it starts (the SDK's job process, the
 * generated agent files), and to check that the aliased SDK is that copy. The repository's node_modules and
 * lockfile are not touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const CORE = '@livekit/agents';
const SILERO = '@livekit/agents-plugin-silero';
const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function fail(message) {
  console.error(`evidence: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      sdk: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(`${error.message}\nusage: npm run evidence -- --sdk <version|latest> [--keep]`);
}
if (values.help || !values.sdk) {
  console.log('usage: npm run evidence -- --sdk <version|latest> [--keep]');
  process.exit(values.help ? 0 : 2);
}

/** Asks the registry for the published versions that match `range` (an exact version, a range or a dist-tag). */
function published(name, range) {
  try {
    const out = execFileSync(npm, ['view', `${name}@${range}`, 'version', '--json'], { cwd: root, encoding: 'utf8' });
    if (!out.trim()) return [];
    const parsed = JSON.parse(out);
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch (error) {
    if (/E404|No match found/.test(String(error.stderr ?? error.message))) return [];
    fail(`could not ask the npm registry about ${name}@${range}: ${String(error.stderr ?? error.message).trim()}`);
  }
}

const wanted = values.sdk.trim();
if (wanted !== 'latest' && !/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(wanted)) {
  fail(`--sdk takes an exact version such as 1.9.0, or latest (newest 1.x); got "${wanted}"`);
}
// "latest" means the newest published 1.x: the plugin's peer range is ^1, and a 2.x would be another question.
const version = wanted === 'latest' ? published(CORE, '1').at(-1) : wanted;
if (!version || published(CORE, version).length === 0) fail(`${CORE}@${wanted} is not published`);
if (published(SILERO, version).length === 0) {
  fail(
    `${SILERO}@${version} is not published (the plugin is released with most, not all, core versions); pick another`,
  );
}

const dir = mkdtempSync(join(tmpdir(), `lk-evidence-sdk-${version}-`));
const cleanUp = () => {
  if (values.keep) console.log(`evidence: kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
};
writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n`);
// The repository's npm settings (onnxruntime-node-install=skip: no CUDA download) apply to the temp install too.
if (existsSync(join(root, '.npmrc'))) writeFileSync(join(dir, '.npmrc'), readFileSync(join(root, '.npmrc')));

console.log(`evidence: installing ${CORE}@${version} and ${SILERO}@${version} in ${dir}`);
try {
  execFileSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--loglevel=error', `${CORE}@${version}`, `${SILERO}@${version}`],
    {
      cwd: dir,
      stdio: 'inherit',
      // Older onnxruntime-node (silero's runtime) reads only the environment, and its CUDA download fails offline.
      env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip', ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip' },
    },
  );
} catch {
  cleanUp();
  fail(`npm install of ${CORE}@${version} failed (see above)`);
}

const installed = (name) => join(dir, 'node_modules', name);
const alias = [CORE, SILERO, 'zod']
  .filter((name) => existsSync(installed(name)))
  .map((name) => ({
    find: new RegExp(`^${name.replace(/[/\\^$*+?.()|[\]{}-]/g, '\\$&')}$`),
    replacement: installed(name),
  }));

process.env.EVIDENCE_SDK_DIR = dir;
console.log(`evidence: running tests/evidence against ${CORE}@${version}`);

const { startVitest } = await import('vitest/node');
let exitCode = 1;
try {
  const vitest = await startVitest(
    'test',
    ['tests/evidence/'],
    { run: true, watch: false, root },
    { resolve: { alias } },
  );
  const failed = vitest?.state.getCountOfFailedTests() ?? 1;
  const errors = vitest?.state.getUnhandledErrors().length ?? 0;
  exitCode = failed === 0 && errors === 0 && process.exitCode !== 1 ? 0 : 1;
  await vitest?.close();
} finally {
  cleanUp();
}
console.log(
  `evidence: @livekit/agents ${version}: ${exitCode === 0 ? 'every claim holds' : 'some claims do not hold (see above)'}`,
);
process.exit(exitCode);
