/**
 * The performance benchmark (`npm run bench`; run it with `node --expose-gc` for the memory section).
 *
 * Lints a seeded corpus (bench/generate.js) in one process with ESLint's Node API under
 *   (a) parser only: the same setup with the TypeScript parser and one no-op rule,
 *   (b) this plugin's `recommended` config,
 *   (c) this plugin's `all` config,
 * in alternating rounds, and reports median wall-time ratios (b)/(a) and (c)/(a), per-rule times from ESLint's
 * `stats`, the ratio on non-LiveKit files, the scaling from 1× to 4× the corpus, heap growth per file, and the
 * same corpus under oxlint with the plugin. Writes bench/RESULTS.md and prints one summary line.
 *
 * Options: --rounds N (≥5, default 7), --seed S, --files N (1× corpus size, default 500), --quick (fewer rounds,
 * for trying the script), --no-oxlint, --no-generate (reuse bench/corpus as it is), --corpus DIR (real-code mode:
 * lint a folder of fetched public code instead; see bench/real-code.js).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { parseArgs } from './args.js';
import { analyzeProfile, profileAsync } from './cpu-profile.js';
import { corpusDir, generateCorpus } from './generate.js';
import { PROBE_RULE, loadModelProbe, probeConfig } from './model-probe.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGETS = { all: 1.1, plain: 1.02, rulePercent: 1, scaling: 4.4, heapPerFile: 1024, retained: 1 };

const args = parseArgs(process.argv.slice(2));
const quick = Boolean(args.quick);
const rounds = Math.max(quick ? 3 : 5, Number(args.rounds ?? (quick ? 3 : 7)));
const seed = Number(args.seed ?? 1);
const perPart = Number(args.files ?? 500);

warnIfStale();
const { default: plugin } = await import('../dist/index.js');
if (typeof args.corpus === 'string') {
  // Real-code mode: a folder of fetched public code instead of the generated corpus (see bench/real-code.js).
  const { runRealCode } = await import('./real-code.js');
  await runRealCode({ dir: args.corpus, rounds: Math.max(3, Number(args.rounds ?? 5)), plugin });
  process.exit(0);
}
const ruleIds = Object.keys(plugin.rules);
const namespace = plugin.meta?.namespace ?? 'livekit-agents';

// ---------------------------------------------------------------------------------------------------------- setup

const noopPlugin = {
  meta: { name: 'bench-noop' },
  rules: {
    noop: { meta: { type: 'problem', schema: [] }, create: () => ({}) },
  },
};

const baseConfig = {
  files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
  languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};

function createESLint(kind, { stats = false, probe = null } = {}) {
  const configs = [baseConfig];
  if (probe) configs.push(probeConfig(probe));
  if (kind === 'parser') configs.push({ plugins: { 'bench-noop': noopPlugin }, rules: { 'bench-noop/noop': 'error' } });
  else configs.push(plugin.configs[kind]);
  return new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: configs, stats, cache: false });
}

async function timeRun(eslint, files) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const results = await eslint.lintFiles(files);
  const ms = performance.now() - start;
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1000;
  let messages = 0;
  let fatal = 0;
  for (const result of results) {
    messages += result.messages.length;
    fatal += result.fatalErrorCount;
  }
  return { ms, cpu, messages, fatal, results };
}

/**
 * Runs each named job once per round, rotating the order every round; returns the wall times per job (and, on
 * `.cpu`, the process CPU times, which a busy machine disturbs less).
 */
async function alternate(jobs, count, label) {
  const times = Object.fromEntries(Object.keys(jobs).map((name) => [name, []]));
  const cpu = Object.fromEntries(Object.keys(jobs).map((name) => [name, []]));
  Object.defineProperty(times, 'cpu', { value: cpu, enumerable: false });
  const names = Object.keys(jobs);
  for (let round = 0; round < count; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const run = await jobs[name]();
      if (run.fatal > 0) throw new Error(`bench: ${run.fatal} files failed to parse in ${name}`);
      times[name].push(run.ms);
      cpu[name].push(run.cpu);
    }
    process.stderr.write(
      `  ${label} round ${round + 1}/${count}: ${names.map((n) => `${n} ${fmtMs(times[n].at(-1))}`).join(', ')}\n`,
    );
  }
  return times;
}

/**
 * Alternates the engines batch by batch: every round walks the files in batches of BATCH, and each batch is linted
 * by every engine in turn (the order rotating), so the runs being compared are a second apart and share the same
 * background load. Returns, per engine, the time of each round (sum of its batches) and of each batch (wall and
 * CPU), the batches paired across engines.
 */
const BATCH = 50;
async function alternateBatches(names, files, count, label) {
  const batches = [];
  for (let offset = 0; offset < files.length; offset += BATCH) batches.push(files.slice(offset, offset + BATCH));
  const result = { rounds: {}, batches: {}, cpu: {} };
  for (const name of names) {
    result.rounds[name] = [];
    result.batches[name] = [];
    result.cpu[name] = [];
  }
  for (let round = 0; round < count; round++) {
    const totals = Object.fromEntries(names.map((name) => [name, 0]));
    for (const [index, batch] of batches.entries()) {
      const shift = round + index;
      for (const name of names.map((_, i) => names[(i + shift) % names.length])) {
        const run = await timeRun(engines[name], batch);
        if (run.fatal > 0) throw new Error(`bench: ${run.fatal} files failed to parse in ${name}`);
        result.batches[name].push(run.ms);
        result.cpu[name].push(run.cpu);
        totals[name] += run.ms;
      }
    }
    for (const name of names) result.rounds[name].push(totals[name]);
    process.stderr.write(
      `  ${label} round ${round + 1}/${count}: ${names.map((n) => `${n} ${fmtMs(totals[n])}`).join(', ')}\n`,
    );
  }
  return result;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** Median of the per-round ratios (each round's runs are close in time, so drift cancels). */
const pairedRatio = (numerator, denominator) => median(numerator.map((value, i) => value / denominator[i]));
const fmtMs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const fmtRatio = (ratio) => `${ratio.toFixed(3)}×`;
const pass = (ok) => (ok ? 'pass' : '**MISS**');

// ------------------------------------------------------------------------------------------------------- measure

const loadBefore = loadavg();
const startedAt = new Date();
if (!args['no-generate'] || !existsSync(join(corpusDir, 'corpus.json'))) {
  generateCorpus({ seed, files: perPart, plain: Math.round(perPart / 2), parts: 4 });
}
const corpus = JSON.parse(readFileSync(join(corpusDir, 'corpus.json'), 'utf8'));
const listDir = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => join(dir, name));
const parts = Array.from({ length: corpus.parts }, (_, k) => listDir(join(corpusDir, 'agents', `part-${k}`)));
const agents1x = parts[0];
const agents4x = parts.flat();
const plainFiles = listDir(join(corpusDir, 'plain'));
const sizeOf = (files) => files.reduce((sum, file) => sum + statSync(file).size, 0);
console.error(
  `bench: ${agents1x.length} agent files (${(sizeOf(agents1x) / 1e6).toFixed(1)} MB) ×4, ${plainFiles.length} plain files; ${ruleIds.length} rules; ${rounds} rounds`,
);

const engines = { parser: createESLint('parser'), recommended: createESLint('recommended'), all: createESLint('all') };
const job = (name, files) => () => timeRun(engines[name], files);

// Warm-up: load parsers and rules, let the JIT settle, and count reports per rule.
const warm = {};
for (const name of Object.keys(engines)) warm[name] = await timeRun(engines[name], agents1x);
await timeRun(engines.all, plainFiles);
await timeRun(engines.parser, plainFiles);
const reportsByRule = countByRule(warm.all.results);

console.error(`bench: agent corpus, alternating parser / recommended / all every ${BATCH} files`);
const mainRuns = await alternateBatches(['parser', 'recommended', 'all'], agents1x, rounds, 'agents');
const main = mainRuns.rounds;
main.cpu = mainRuns.cpu;
const ratioRecommended = pairedRatio(mainRuns.batches.recommended, mainRuns.batches.parser);
const ratioAll = pairedRatio(mainRuns.batches.all, mainRuns.batches.parser);

console.error(`bench: non-LiveKit files, alternating parser / all every ${BATCH} files`);
const plainRuns = await alternateBatches(['parser', 'all'], plainFiles, rounds, 'plain');
const plain = plainRuns.rounds;
plain.cpu = plainRuns.cpu;
const ratioPlain = pairedRatio(plainRuns.batches.all, plainRuns.batches.parser);
const plainReports = countByRule((await timeRun(engines.all, plainFiles)).results);

console.error('bench: per-rule times (ESLint stats)');
const probe = await loadModelProbe();
const statsEngines = {
  plain: createESLint('all', { stats: true }),
  probe: probe ? createESLint('all', { stats: true, probe }) : null,
};
const statsRuns = { plain: [], probe: [] };
for (let run = 0; run < 3; run++) {
  for (const name of ['plain', 'probe']) {
    if (!statsEngines[name]) continue;
    statsRuns[name].push(collectStats((await timeRun(statsEngines[name], agents1x)).results));
  }
}
const ruleStats = summarizeStats(statsRuns.plain);
const probeStats = statsRuns.probe.length ? summarizeStats(statsRuns.probe) : null;
const maxRule = ruleStats.rules[0] ?? { id: '(none)', percent: 0 };

console.error('bench: CPU profile of `all`');
const profiled = analyzeProfile((await profileAsync(() => timeRun(engines.all, agents1x))).profile);
const profileRules = [...profiled.rules].map(([id, ms]) => ({
  id: `${namespace}/${id}`,
  ms,
  percent: (ms / profiled.parse) * 100,
}));
const profileRuleTotal = profileRules.reduce((sum, rule) => sum + rule.ms, 0);
const ownerShare = (test) =>
  ([...profiled.owners].filter(([owner]) => test(owner)).reduce((sum, [, ms]) => sum + ms, 0) / profiled.total) * 100;
const profileOwners = {
  parser: ownerShare((owner) =>
    /^(?:@typescript-eslint\/(?:typescript-estree|scope-manager|parser|visitor-keys)|typescript|ts-api-utils)$/.test(
      owner,
    ),
  ),
  eslint: ownerShare((owner) => owner === 'eslint' || owner.startsWith('@eslint')),
  plugin: ownerShare((owner) => owner.startsWith('plugin ') || owner === '@typescript-eslint/utils'),
  gc: ownerShare((owner) => owner === 'garbage collector'),
};

console.error('bench: scaling 1× → 4×');
const scalingRounds = 3;
const scaling = await alternate(
  {
    all1x: job('all', agents1x),
    all4x: job('all', agents4x),
    parser1x: job('parser', agents1x),
    parser4x: job('parser', agents4x),
  },
  scalingRounds,
  'scaling',
);
const scalingAll = median(scaling.all4x) / median(scaling.all1x);
const scalingParser = median(scaling.parser4x) / median(scaling.parser1x);

console.error('bench: memory per file');
const memory =
  typeof global.gc === 'function' ? { parser: await heapGrowth('parser'), all: await heapGrowth('all') } : null;
const heapDelta = memory ? memory.all.slope - memory.parser.slope : null;

let oxlint = null;
if (!args['no-oxlint']) {
  console.error('bench: oxlint');
  oxlint = runOxlint();
}

// -------------------------------------------------------------------------------------------------------- report

const loadAfter = loadavg();
const checks = {
  all: ratioAll <= TARGETS.all,
  plain: ratioPlain <= TARGETS.plain,
  rule: maxRule.percent <= TARGETS.rulePercent,
  scaling: scalingAll <= TARGETS.scaling,
  memory: heapDelta === null ? null : heapDelta <= TARGETS.heapPerFile && memory.all.retained <= TARGETS.retained,
};
const failed = Object.entries(checks)
  .filter(([, ok]) => ok === false)
  .map(([name]) => name);

const lines = [];
lines.push('# Benchmark results');
lines.push('');
lines.push(`Generated by \`npm run bench\` (bench/run.js) on ${startedAt.toISOString()}; do not edit by hand.`);
lines.push('');
lines.push(
  `Machine: ${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'cpu'}, Node ${process.version}, ESLint ${ESLint.version}. ` +
    `Load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after (the machine is shared: ratios come from ` +
    `alternating runs in one process, medians of paired per-batch ratios).`,
);
lines.push(
  `Corpus: seed ${corpus.seed}, ${agents1x.length} LiveKit agent files (${(sizeOf(agents1x) / 1e6).toFixed(2)} MB; 4× = ${agents4x.length} files), ` +
    `${plainFiles.length} non-LiveKit TypeScript files (${(sizeOf(plainFiles) / 1e6).toFixed(2)} MB). Plugin: ${ruleIds.length} rules ` +
    `(${Object.keys(plugin.configs.recommended.rules ?? {}).length} in recommended). Rounds: ${rounds}.`,
);
lines.push('');
lines.push('## Targets');
lines.push('');
lines.push('| measure | result | target | |');
lines.push('|---|---|---|---|');
lines.push(`| \`all\` / parser only, agent corpus | ${fmtRatio(ratioAll)} | ≤ ${TARGETS.all}× | ${pass(checks.all)} |`);
lines.push(`| \`recommended\` / parser only, agent corpus | ${fmtRatio(ratioRecommended)} | (≤ \`all\`) | |`);
lines.push(
  `| \`all\` / parser only, non-LiveKit files | ${fmtRatio(ratioPlain)} | ≤ ${TARGETS.plain}× | ${pass(checks.plain)} |`,
);
lines.push(
  `| slowest rule, % of parse time | ${maxRule.id}: ${maxRule.percent.toFixed(2)} % | ≤ ${TARGETS.rulePercent} % | ${pass(checks.rule)} |`,
);
lines.push(
  `| time for 4× the corpus (\`all\`) | ${fmtRatio(scalingAll)} | ≤ ${TARGETS.scaling}× | ${pass(checks.scaling)} |`,
);
lines.push(
  memory
    ? `| heap growth per file, \`all\` minus parser only; ASTs still reachable after ${memory.all.files} files | ${heapDelta.toFixed(0)} B/file; ${memory.all.retained} | ≤ ${TARGETS.heapPerFile} B/file (flat); ≤ ${TARGETS.retained} (the linter's last) | ${pass(checks.memory)} |`
    : '| heap growth per file | not measured (run with `node --expose-gc`) | flat | |',
);
lines.push('');
lines.push('## Wall time (medians of rounds)');
lines.push('');
lines.push('| files | parser only | recommended | all |');
lines.push('|---|---|---|---|');
lines.push(
  `| ${agents1x.length} agent files | ${fmtMs(median(main.parser))} | ${fmtMs(median(main.recommended))} | ${fmtMs(median(main.all))} |`,
);
lines.push(
  `| ${plainFiles.length} non-LiveKit files | ${fmtMs(median(plain.parser))} | | ${fmtMs(median(plain.all))} |`,
);
lines.push(
  `| ${agents1x.length} agent files (scaling rounds) | ${fmtMs(median(scaling.parser1x))} | | ${fmtMs(median(scaling.all1x))} |`,
);
lines.push(
  `| ${agents4x.length} agent files (4×) | ${fmtMs(median(scaling.parser4x))} | | ${fmtMs(median(scaling.all4x))} |`,
);
lines.push('');
lines.push(`Scaling 1× → 4×: \`all\` ${fmtRatio(scalingAll)}, parser only ${fmtRatio(scalingParser)}.`);
lines.push(
  `CPU-time ratios (process.cpuUsage, same runs; less disturbed by other load): \`all\` ${fmtRatio(pairedRatio(main.cpu.all, main.cpu.parser))}, ` +
    `\`recommended\` ${fmtRatio(pairedRatio(main.cpu.recommended, main.cpu.parser))}, non-LiveKit ${fmtRatio(pairedRatio(plain.cpu.all, plain.cpu.parser))} (per batch), ` +
    `4× corpus ${fmtRatio(median(scaling.cpu.all4x) / median(scaling.cpu.all1x))}.`,
);
lines.push(
  `The target ratios are medians over ${mainRuns.batches.all.length} (agent) and ${plainRuns.batches.all.length} (non-LiveKit) batch pairs: each ` +
    `batch of ${BATCH} files is linted by every config back to back, the order rotating, so both sides of a ratio share the ` +
    `machine's load. Whole-round ratios, \`all\` / parser: ${main.all.map((v, i) => (v / main.parser[i]).toFixed(3)).join(', ')}; ` +
    `non-LiveKit: ${plain.all.map((v, i) => (v / plain.parser[i]).toFixed(3)).join(', ')}.`,
);
lines.push('');
lines.push('## Per-rule time (ESLint `stats`, `all` on the 1× agent corpus, median of 3 runs)');
lines.push('');
lines.push(
  `Parse (including scope analysis): ${fmtMs(ruleStats.parse)} in total. The shared LiveKit model is computed lazily, so the first rule ` +
    'to ask for it in a file pays for it; the second column repeats the run with a probe rule, listed first, that builds the whole ' +
    "model, so it shows each rule's own cost.",
);
lines.push('');
lines.push(
  `The last column is a CPU profile of one \`all\` run (in-process sampling profiler, bench/cpu-profile.js): every sample whose stack passes ` +
    "through the rule's file, over the samples under the parser's `parseForESLint`; it has no per-listener timing overhead. " +
    `All rules together: ${((profileRuleTotal / profiled.parse) * 100).toFixed(1)} % of parse in the profile, ` +
    `${((ruleStats.rules.filter((rule) => rule.id.startsWith(`${namespace}/`)).reduce((sum, rule) => sum + rule.ms, 0) / ruleStats.parse) * 100).toFixed(1)} % in \`stats\`.`,
);
lines.push('');
lines.push(
  `Where an \`all\` run's CPU goes (profile self time): parser and scope analysis ${profileOwners.parser.toFixed(1)} %, ESLint ` +
    `${profileOwners.eslint.toFixed(1)} %, this plugin (with @typescript-eslint/utils) ${profileOwners.plugin.toFixed(1)} %, garbage collector ` +
    `${profileOwners.gc.toFixed(1)} %, the rest (file system, Node) ${(100 - profileOwners.parser - profileOwners.eslint - profileOwners.plugin - profileOwners.gc).toFixed(1)} %.`,
);
lines.push('');
lines.push(
  '| rule | stats ms | % of parse | own cost, ms (model prebuilt) | % of parse | reports | profile, % of parse |',
);
lines.push('|---|---|---|---|---|---|---|');
for (const rule of ruleStats.rules) {
  const own = probeStats?.rules.find((entry) => entry.id === rule.id);
  const sampled = profileRules.find((entry) => entry.id === rule.id);
  lines.push(
    `| ${rule.id} | ${rule.ms.toFixed(1)} | ${rule.percent.toFixed(2)} % | ${own ? own.ms.toFixed(1) : ''} | ${own ? `${own.percent.toFixed(2)} %` : ''} | ${reportsByRule[rule.id] ?? 0} | ${sampled ? `${sampled.percent.toFixed(2)} %` : '0'} |`,
  );
}
const probeRow = probeStats?.rules.find((entry) => entry.id === PROBE_RULE);
if (probeRow) {
  lines.push(`| *(LiveKit model, all parts)* | | | ${probeRow.ms.toFixed(1)} | ${probeRow.percent.toFixed(2)} % | | |`);
}
lines.push('');
lines.push(
  `Reports on the non-LiveKit files: ${
    Object.keys(plainReports).length === 0
      ? 'none'
      : Object.entries(plainReports)
          .map(([id, n]) => `${id} ${n}`)
          .join(', ')
  }.`,
);
lines.push('');
lines.push('## Memory');
lines.push('');
if (memory) {
  lines.push(
    `One long-lived \`Linter\` per config lints the 4× corpus in batches of ${memory.all.batch} files; after each batch, two full GCs, then ` +
      '`heapUsed`. Slope by least squares over the batches after the first 1× (which warms the JIT and caches up). "Reachable ASTs": WeakRefs to every file\'s SourceCode ' +
      'still alive after the last GC (a per-file cache would keep them).',
  );
  lines.push('');
  lines.push('| config | heap after 1× | heap after 4× | slope | reachable ASTs |');
  lines.push('|---|---|---|---|---|');
  for (const name of ['parser', 'all']) {
    const m = memory[name];
    lines.push(
      `| ${name} | ${(m.after1x / 1e6).toFixed(1)} MB | ${(m.after4x / 1e6).toFixed(1)} MB | ${m.slope.toFixed(0)} B/file | ${m.retained} of ${m.files} |`,
    );
  }
} else {
  lines.push('Not measured: run `node --expose-gc bench/run.js`.');
}
lines.push('');
lines.push('## oxlint');
lines.push('');
if (oxlint?.error) {
  lines.push(`oxlint could not run: ${oxlint.error}`);
} else if (oxlint) {
  lines.push(
    `oxlint ${oxlint.version}, \`--threads=1\`, the 1× agent corpus; its native rules off. Medians of ${oxlint.rounds} alternating runs ` +
      '(wall time of the whole process, start-up included).',
  );
  lines.push('');
  lines.push('| run | wall time |');
  lines.push('|---|---|');
  lines.push(`| oxlint, no rules | ${fmtMs(oxlint.base)} |`);
  lines.push(`| oxlint + this plugin (\`all\`, JS plugin) | ${fmtMs(oxlint.plugin)} |`);
  lines.push(`| ESLint, \`all\` (from above) | ${fmtMs(median(main.all))} |`);
  lines.push('');
  lines.push(
    `Reports per rule, oxlint vs ESLint: ${oxlint.agreement.map(({ id, oxlint: o, eslint: e }) => `${id} ${o}/${e}${o === e ? '' : ' (differs)'}`).join(', ') || 'none'}.`,
  );
} else {
  lines.push('Skipped (--no-oxlint).');
}
lines.push('');
writeFileSync(join(root, 'bench', 'RESULTS.md'), lines.join('\n'));

const summary =
  `bench: all ${fmtRatio(ratioAll)} parser (≤${TARGETS.all}) · recommended ${fmtRatio(ratioRecommended)} · ` +
  `non-LiveKit ${fmtRatio(ratioPlain)} (≤${TARGETS.plain}) · slowest rule ${maxRule.id} ${maxRule.percent.toFixed(2)}% of parse (≤${TARGETS.rulePercent}%) · ` +
  `4× corpus ${fmtRatio(scalingAll)} (≤${TARGETS.scaling}) · heap ${heapDelta === null ? 'n/a' : `${heapDelta.toFixed(0)} B/file`} · ` +
  `oxlint ${oxlint && !oxlint.error ? `${fmtMs(oxlint.plugin)} vs ${fmtMs(oxlint.base)} bare` : 'n/a'} · ${failed.length ? `MISSED: ${failed.join(', ')}` : 'all targets met'}`;
console.log(summary);

// ------------------------------------------------------------------------------------------------------- helpers

function countByRule(results) {
  const counts = {};
  for (const result of results) {
    for (const message of result.messages) {
      const id = message.ruleId ?? '(none)';
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  return counts;
}

/** Sums ESLint's per-file stats: parse time and time per rule (every fix pass included). */
function collectStats(results) {
  const rules = {};
  let parse = 0;
  for (const result of results) {
    for (const pass of result.stats?.times?.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      for (const [id, time] of Object.entries(pass.rules ?? {})) rules[id] = (rules[id] ?? 0) + time.total;
    }
  }
  return { parse, rules };
}

function summarizeStats(runs) {
  const parse = median(runs.map((run) => run.parse));
  const ids = new Set(runs.flatMap((run) => Object.keys(run.rules)));
  const rules = [...ids]
    .map((id) => {
      const ms = median(runs.map((run) => run.rules[id] ?? 0));
      return { id, ms, percent: (ms / parse) * 100 };
    })
    .filter((rule) => rule.id.startsWith(`${namespace}/`) || rule.id.startsWith('bench-probe/'))
    .sort((a, b) => b.ms - a.ms);
  return {
    parse,
    rules: rules
      .filter((rule) => rule.id.startsWith(`${namespace}/`))
      .concat(rules.filter((rule) => !rule.id.startsWith(`${namespace}/`))),
  };
}

/**
 * Lints the 4× corpus with one long-lived Linter (as an editor process does) and records the heap after full GCs
 * every batch; also holds a WeakRef to each file's SourceCode to count how many ASTs are still reachable at the end
 * (a cache that keeps files alive shows up there exactly, whatever the heap noise).
 */
async function heapGrowth(kind) {
  const linter = new Linter();
  const configs = [
    baseConfig,
    kind === 'parser'
      ? { plugins: { 'bench-noop': noopPlugin }, rules: { 'bench-noop/noop': 'error' } }
      : plugin.configs[kind],
  ];
  const batch = Math.max(25, Math.round(agents1x.length / 4));
  const points = [];
  const refs = [];
  const gc = () => {
    global.gc();
    global.gc();
  };
  gc();
  let after1x = 0;
  for (let offset = 0; offset < agents4x.length; offset += batch) {
    for (const file of agents4x.slice(offset, offset + batch)) {
      linter.verify(readFileSync(file, 'utf8'), configs, { filename: file });
      refs.push(new WeakRef(linter.getSourceCode()));
    }
    const linted = Math.min(agents4x.length, offset + batch);
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const heap = process.memoryUsage().heapUsed;
    points.push([linted, heap]);
    if (linted === agents1x.length) after1x = heap;
  }
  // The first 1× of files warms the JIT and ESLint's caches up; the slope is fitted over the rest.
  const afterWarmUp = points.filter(([x]) => x > agents1x.length);
  const fit = afterWarmUp.length >= 3 ? afterWarmUp : points.slice(1);
  const meanX = fit.reduce((sum, [x]) => sum + x, 0) / fit.length;
  const meanY = fit.reduce((sum, [, y]) => sum + y, 0) / fit.length;
  const slope =
    fit.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0) /
    fit.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  // The linter keeps its last SourceCode on purpose (getSourceCode()); every other one should be gone.
  const retained = refs.filter((ref) => ref.deref() !== undefined).length;
  return { batch, slope, after1x, after4x: points.at(-1)[1], retained, files: refs.length };
}

function runOxlint() {
  const binary = join(root, 'node_modules', '.bin', 'oxlint');
  if (!existsSync(binary)) return { error: 'node_modules/.bin/oxlint not found' };
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  // bench/corpus is git-ignored and oxlint honours .gitignore when it walks directories, so pass the files.
  const pluginConfig = join(corpusDir, 'oxlint-plugin.json');
  const baseConfigFile = join(corpusDir, 'oxlint-base.json');
  writeFileSync(
    pluginConfig,
    JSON.stringify(
      {
        jsPlugins: [join(root, 'dist', 'index.js')],
        categories: { correctness: 'off' },
        rules: plugin.configs.all.rules,
      },
      null,
      2,
    ),
  );
  writeFileSync(baseConfigFile, JSON.stringify({ categories: { correctness: 'off' }, rules: {} }, null, 2));
  const run = (config, format) => {
    const start = performance.now();
    const result = spawnSync(binary, ['-c', config, '--threads=1', '-f', format, ...agents1x], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = performance.now() - start;
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`oxlint exited ${result.status}: ${result.stderr.slice(0, 500)}`);
    return { ms, stdout: result.stdout };
  };
  try {
    const first = run(pluginConfig, 'json');
    const diagnostics = JSON.parse(first.stdout).diagnostics ?? [];
    const oxCounts = {};
    for (const diagnostic of diagnostics) {
      // oxlint spells a JS-plugin rule `livekit-agents(rule-id)`.
      const match = /^([^(]+)\(([^)]+)\)$/.exec(diagnostic.code ?? '');
      const id = match ? `${match[1]}/${match[2]}` : (diagnostic.code ?? '(none)');
      oxCounts[id] = (oxCounts[id] ?? 0) + 1;
    }
    const ids = [...new Set([...Object.keys(oxCounts), ...Object.keys(reportsByRule)])].sort();
    const agreement = ids.map((id) => ({ id, oxlint: oxCounts[id] ?? 0, eslint: reportsByRule[id] ?? 0 }));
    const oxRounds = Math.max(5, Math.min(rounds, 7));
    const times = { base: [], plugin: [] };
    for (let round = 0; round < oxRounds; round++) {
      const order = round % 2 ? ['plugin', 'base'] : ['base', 'plugin'];
      for (const name of order) times[name].push(run(name === 'plugin' ? pluginConfig : baseConfigFile, 'default').ms);
    }
    return { version, rounds: oxRounds, base: median(times.base), plugin: median(times.plugin), agreement };
  } catch (error) {
    return { error: error.message.split('\n')[0] };
  }
}

function warnIfStale() {
  const dist = join(root, 'dist', 'index.js');
  if (!existsSync(dist)) {
    console.error('bench: dist/ is missing; run `npm run build` first');
    process.exit(2);
  }
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const path = join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  if (newest(join(root, 'src')) > statSync(dist).mtimeMs) {
    console.error('bench: warning: src/ is newer than dist/; run `npm run build` for current numbers');
  }
}
