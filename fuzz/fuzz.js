/**
 * `npm run fuzz -- --count N --seed S [--start I] [--slow-ms MS]`
 *
 * Lints N random programs with LiveKit snippets (fuzz/harness.js) with every rule of the built plugin (dist/).
 * Prints one line per failure with the seed and index to reproduce it, the minimized program, and a summary; writes
 * each failing program and its minimized form to fuzz/out/. Exits 1 when anything failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../bench/args.js';
import { formatFailure, runFuzz } from './harness.js';

const args = parseArgs(process.argv.slice(2));
const count = Number(args.count ?? 1000);
const seed = Number(args.seed ?? Math.floor(Math.random() * 2 ** 31));
const start = Number(args.start ?? 0);
const slowMs = Number(args['slow-ms'] ?? 5000);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !Number.isInteger(start)) {
  console.error('usage: npm run fuzz -- --count N --seed S [--start I] [--slow-ms MS]');
  process.exit(2);
}

const { default: plugin } = await import('../dist/index.js');
const rules = Object.keys(plugin.rules);
console.error(`fuzz: ${count} programs from seed ${seed} (start ${start}), ${rules.length} rules`);

const began = performance.now();
const totals = runFuzz({
  plugin,
  count,
  seed,
  start,
  slowMs,
  onProgress: (done, t) =>
    console.error(
      `  ${done}/${count}: ${t.linted} linted, ${t.reports} reports, ${t.fixes} fixes, ${t.suggestions} suggestions, ${t.failures.length} failures (${((performance.now() - began) / 1000).toFixed(0)} s)`,
    ),
});

if (totals.failures.length > 0) {
  const outDir = fileURLToPath(new URL('./out/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, '.gitignore'), '*\n');
  for (const failure of totals.failures) {
    console.error(`\n${formatFailure(failure)}`);
    const base = join(outDir, `seed-${failure.seed}-${failure.index}`);
    writeFileSync(`${base}.ts`, failure.program);
    if (failure.minimized) writeFileSync(`${base}.min.ts`, failure.minimized);
  }
}

const rulesSeen = Object.keys(totals.programsByRule).filter((id) => id !== 'null');
console.error(
  `\nreports by rule (programs): ${
    rulesSeen
      .sort()
      .map((id) => `${id.replace(/^livekit-agents\//, '')} ${totals.programsByRule[id]}`)
      .join(', ') || 'none'
  }`,
);
console.error(
  `rules that never reported: ${rules.filter((id) => !rulesSeen.includes(`livekit-agents/${id}`)).join(', ') || 'none'}`,
);
console.log(
  `fuzz: seed ${seed}, ${totals.programs} programs (${totals.linted} linted, ${totals.rejected} rejected by the parser, ` +
    `${totals.unbuildable} unbuildable), ${totals.withReports} with reports, ${totals.reports} reports, ${totals.fixes} fixes and ` +
    `${totals.suggestions} suggestions checked, slowest ${totals.slowest.ms.toFixed(0)} ms (#${totals.slowest.index}), ` +
    `${totals.failures.length} failures, ${(totals.elapsedMs / 1000).toFixed(0)} s`,
);
process.exit(totals.failures.length > 0 ? 1 : 0);
