/**
 * CPU profile of the plugin on the bench corpus:
 *   node bench/profile.js [--config all|recommended|parser] [--files N] [--dir agents/part-0] [--rule <rule-id>]
 * (after `npm run build` and a bench run or `node bench/generate.js`).
 *
 * Re-runs itself under `node --cpu-prof`, lints the corpus twice (the first run warms up), and prints self time
 * grouped by owner (parser, ESLint, this plugin by file and function) and per rule (see bench/cpu-profile.js), so a
 * slow rule or model part shows up by name; `--rule` breaks one rule down by function.
 * The raw profile stays in bench/corpus/profiles/ for Chrome DevTools.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { analyzeProfile, ruleBreakdown } from './cpu-profile.js';
import { corpusDir } from './generate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};
const profileDir = join(corpusDir, 'profiles');

if (!argv.includes('--child')) {
  mkdirSync(profileDir, { recursive: true });
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, fileURLToPath(import.meta.url), '--child', ...argv],
    {
      stdio: 'inherit',
    },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
  const newest = readdirSync(profileDir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(profileDir, name))
    .filter((path) => statSync(path).mtimeMs >= started)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  summarize(JSON.parse(readFileSync(newest, 'utf8')), newest);
} else {
  const { default: plugin } = await import('../dist/index.js');
  const config = option('config', 'all');
  const dir = join(corpusDir, option('dir', 'agents/part-0'));
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .slice(0, Number(option('files', 500)))
    .map((name) => join(dir, name));
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } },
      config === 'parser' ? {} : plugin.configs[config],
    ],
  });
  await eslint.lintFiles(files);
  const start = performance.now();
  await eslint.lintFiles(files);
  console.log(
    `profiled: ${files.length} files under \`${config}\`, second run ${((performance.now() - start) / 1000).toFixed(2)} s`,
  );
}

function summarize(profile, path) {
  const { total, parse, owners, functions, rules } = analyzeProfile(profile);
  const pct = (ms, of = total) => `${((ms / of) * 100).toFixed(1)} %`.padStart(7);
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  console.log(`\nself time by owner (${(total / 1000).toFixed(2)} s sampled, both runs):`);
  for (const [owner, ms] of sorted(owners).slice(0, 14)) console.log(`${pct(ms)}  ${owner}`);
  const pluginTotal = sorted(owners)
    .filter(([owner]) => owner.startsWith('plugin '))
    .reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`${pct(pluginTotal)}  (this plugin, all files together)`);
  console.log('\nplugin functions by self time:');
  for (const [key, ms] of sorted(functions).slice(0, 25))
    console.log(`${pct(ms)}  ${ms.toFixed(0).padStart(6)} ms  ${key}`);
  const ruleTotal = [...rules.values()].reduce((a, b) => a + b, 0);
  console.log(`\nrules by inclusive time, % of parse (${(parse / 1000).toFixed(2)} s under parseForESLint):`);
  console.log(`${pct(ruleTotal, parse)}  all rules together`);
  for (const [rule, ms] of sorted(rules)) console.log(`${pct(ms, parse)}  ${ms.toFixed(0).padStart(6)} ms  ${rule}`);
  const rule = option('rule', null);
  if (rule) {
    const breakdown = ruleBreakdown(profile, rule);
    console.log(`\n${rule}: ${breakdown.total.toFixed(0)} ms; inclusive time of the plugin functions on its stacks:`);
    for (const [key, ms] of breakdown.functions.slice(0, 25)) console.log(`${pct(ms, breakdown.total)}  ${key}`);
  }
  console.log(`\nprofile: ${path}`);
}
