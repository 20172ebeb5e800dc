#!/usr/bin/env node
// Times `livekit-agents-audit` (the built dist/audit/cli.js, run as a process) on the reference agent and on a
// generated 200-file project, with and without the lint step. Prints the median wall (and CPU) time of each.
//   npm run build && node bench/audit/run.js [runs]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from './generate-project.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/audit/cli.js');
const runs = Number(process.argv[2] ?? 3);
const generated = join(tmpdir(), 'livekit-audit-bench-200');
const { files } = generateProject(generated, 200);

// GNU time reports the child's CPU time (user + system), which the machine's load does not inflate as much.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall and CPU seconds, and the number of files the audit read. */
function time(args) {
  const wall = [];
  const cpu = [];
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const command = [process.execPath, cli, ...args, '--format', 'json'];
    const start = performance.now();
    const run = gnuTime
      ? spawnSync(gnuTime, ['-f', 'cpu %U %S', ...command], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })
      : spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    wall.push((performance.now() - start) / 1000);
    if (run.status !== 0 && run.status !== 1) throw new Error(`audit failed (${run.status}): ${run.stderr}`);
    files = JSON.parse(run.stdout).project.files;
    const used = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
    if (used) cpu.push(Number(used[1]) + Number(used[2]));
  }
  const cpuText = cpu.length > 0 ? ` (CPU ${median(cpu).toFixed(2)} s)` : '';
  return { text: `${median(wall).toFixed(2)} s${cpuText}`, files };
}

console.log(`node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}; median of ${runs} runs`);
console.log('| project | files | audit (no lint) | audit with lint |');
console.log('|---|---|---|---|');
for (const [name, path] of [
  ['fixtures/reference-agent', 'fixtures/reference-agent'],
  [`generated, ${files} files (bench/audit/generate-project.js)`, generated],
]) {
  const bare = time([path, '--no-lint']);
  const linted = time([path]);
  console.log(`| ${name} | ${linted.files} | ${bare.text} | ${linted.text} |`);
}
