/**
 * The real-code mode of the bench: `npm run bench -- --corpus DIR [--rounds N]`.
 *
 * Lints every source file under DIR (a folder of fetched public code, never committed) with the TypeScript parser
 * alone and with this plugin's `all` config, batch by batch in alternating order, and prints the median of the paired
 * CPU-time ratios for the files that import LiveKit and for the others, plus each rule's share of parse time
 * (ESLint `stats`): the whole plugin as configured, the shared model alone, and each rule's own cost once the model is
 * built (bench/model-probe.js); and, for the other files, the share of the rules that run on every file. CPU time
 * (process.cpuUsage) is used because a shared machine disturbs it less than wall time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { PROBE_RULE, loadModelProbe, probeConfig } from './model-probe.js';

const SOURCE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;
const SKIP = /(?:^|\/)(?:node_modules|dist|build|\.next)(?:\/|$)/;
const BATCH = 25;
const TARGETS = { all: 1.05, plain: 1.01, rulePercent: 0.5 };
/** ESLint `stats` runs behind the per-rule shares. */
const STATS_RUNS = 5;

function listSources(dir) {
  const files = [];
  const walk = (current) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (SKIP.test(path)) continue;
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function runRealCode({ dir, rounds, plugin }) {
  const namespace = plugin.meta?.namespace ?? 'livekit-agents';
  const files = listSources(dir);
  if (files.length === 0) throw new Error(`bench: no source files under ${dir}`);
  const livekit = files.filter((file) => readFileSync(file, 'utf8').includes('@livekit/'));
  const plain = files.filter((file) => !livekit.includes(file));
  const base = {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  };
  const noop = {
    meta: { name: 'bench-noop' },
    rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({}) } },
  };
  const make = (kind, { stats = false, probe = null } = {}) =>
    new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        base,
        ...(probe ? [probeConfig(probe)] : []),
        kind === 'parser'
          ? { plugins: { 'bench-noop': noop }, rules: { 'bench-noop/noop': 'error' } }
          : plugin.configs.all,
      ],
      stats,
      cache: false,
    });
  const engines = { parser: make('parser'), all: make('all') };
  const cpuOf = async (engine, batch) => {
    // Each batch starts from a collected heap (with --expose-gc, as npm run bench runs): otherwise one side pays for
    // the garbage the other left, which moved single runs by ±10 %.
    globalThis.gc?.();
    const start = process.cpuUsage();
    const results = await engine.lintFiles(batch);
    const used = process.cpuUsage(start);
    if (results.some((result) => result.fatalErrorCount > 0)) throw new Error('bench: a file failed to parse');
    return (used.user + used.system) / 1000;
  };
  const pairedRatio = async (group) => {
    const ratios = [];
    for (let round = 0; round < rounds; round++) {
      for (let offset = 0; offset < group.length; offset += BATCH) {
        const batch = group.slice(offset, offset + BATCH);
        const order = (round + offset / BATCH) % 2 === 0 ? ['parser', 'all'] : ['all', 'parser'];
        const times = {};
        for (const name of order) times[name] = await cpuOf(engines[name], batch);
        ratios.push(times.all / times.parser);
      }
      process.stderr.write(`  real code round ${round + 1}/${rounds}\n`);
    }
    return median(ratios);
  };
  // Warm-up: load the parser and the rules, let the JIT settle.
  for (const engine of Object.values(engines)) await engine.lintFiles(files);
  const ratioLiveKit = livekit.length ? await pairedRatio(livekit) : null;
  const ratioPlain = plain.length ? await pairedRatio(plain) : null;

  // Stats twice: as configured (the first rule to ask for a part of the shared model pays for it), and with the
  // model probe listed first, which builds the whole model, so that each rule's line is the rule's own cost.
  // Each file's time (parse, and each rule) is the median of its runs, summed over the files: a garbage-collection
  // pause is charged to whichever listener is running when it starts, and in a plain sum over the files that moved a
  // rule's share by up to ±0.1 % between runs.
  const probe = await loadModelProbe();
  const shares = async (engine, group) => {
    const perFile = new Map();
    for (let run = 0; run < STATS_RUNS; run++) {
      for (const result of await engine.lintFiles(group)) {
        let file = perFile.get(result.filePath);
        if (!file) perFile.set(result.filePath, (file = { parse: [], rules: {} }));
        let parse = 0;
        const rules = {};
        for (const pass of result.stats?.times?.passes ?? []) {
          parse += pass.parse?.total ?? 0;
          for (const [id, time] of Object.entries(pass.rules ?? {})) rules[id] = (rules[id] ?? 0) + time.total;
        }
        file.parse.push(parse);
        for (const [id, time] of Object.entries(rules)) (file.rules[id] ??= []).push(time);
      }
    }
    let parse = 0;
    const rules = {};
    for (const file of perFile.values()) {
      parse += median(file.parse);
      // A rule with no listener for a file has no entry in that run: it counts as 0 there.
      for (const [id, times] of Object.entries(file.rules)) {
        rules[id] = (rules[id] ?? 0) + median([...times, ...Array(STATS_RUNS - times.length).fill(0)]);
      }
    }
    return Object.entries(rules)
      .filter(([id]) => id.startsWith(`${namespace}/`) || id === PROBE_RULE)
      .map(([id, time]) => ({ id, percent: (time / parse) * 100 }))
      .sort((a, b) => b.percent - a.percent);
  };
  const measured = livekit.length ? livekit : files;
  const withStats = make('all', { stats: true });
  const asConfigured = await shares(withStats, measured);
  const probed = probe ? await shares(make('all', { stats: true, probe }), measured) : null;
  // A rule that runs on every file (no-sensitive-logging) is alone there: it pays for every node it reads first.
  const plainShares = plain.length && livekit.length ? await shares(withStats, plain) : [];
  const total = asConfigured.reduce((sum, rule) => sum + rule.percent, 0);
  const ruleShares = (probed ?? asConfigured).filter((rule) => rule.id !== PROBE_RULE);
  const model = probed?.find((rule) => rule.id === PROBE_RULE) ?? null;

  const fmt = (ratio) => (ratio === null ? 'n/a' : `${ratio.toFixed(3)}×`);
  const verdict = (ok) => (ok ? 'pass' : 'MISS');
  const top = ruleShares[0] ?? { id: '(none)', percent: 0 };
  console.log(
    `real code: ${files.length} files under ${dir} (${livekit.length} import LiveKit, ${plain.length} do not), ${rounds} rounds, batches of ${BATCH}`,
  );
  console.log(
    `  all / parser only, CPU time, LiveKit files: ${fmt(ratioLiveKit)} (target ≤ ${TARGETS.all}×, ${verdict(ratioLiveKit === null || ratioLiveKit <= TARGETS.all)})`,
  );
  console.log(
    `  all / parser only, CPU time, other files:   ${fmt(ratioPlain)} (target ≤ ${TARGETS.plain}×, ${verdict(ratioPlain === null || ratioPlain <= TARGETS.plain)})`,
  );
  console.log(
    `  rules, % of parse time (stats, LiveKit files): all rules with the model ${total.toFixed(2)} %` +
      (model ? `; the shared model alone ${model.percent.toFixed(2)} %` : ''),
  );
  console.log(
    `  slowest rule${model ? ' on a built model' : ''}: ${top.id} ${top.percent.toFixed(2)} % (target ≤ ${TARGETS.rulePercent} %, ${verdict(top.percent <= TARGETS.rulePercent)})`,
  );
  for (const rule of ruleShares.slice(0, 8)) console.log(`    ${rule.id.padEnd(52)} ${rule.percent.toFixed(3)} %`);
  const plainTop = plainShares[0];
  if (plainTop) {
    console.log(
      `  slowest rule on the other files: ${plainTop.id} ${plainTop.percent.toFixed(2)} % (target ≤ ${TARGETS.rulePercent} %, ${verdict(plainTop.percent <= TARGETS.rulePercent)})`,
    );
  }
}
