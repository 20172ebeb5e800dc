/**
 * Runs the built `livekit-agents-audit` command as a separate process, as users and CI run it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AuditReport } from '../../src/audit/report.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = join(root, 'dist/audit/cli.js');

export interface AuditRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function audit(args: readonly string[], cwd = root): AuditRun {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` before these tests`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs the audit with `--format json` and parses the report. */
export function auditJson(args: readonly string[], cwd = root): AuditRun & { report: AuditReport } {
  const run = audit([...args, '--format', 'json'], cwd);
  let report: AuditReport;
  try {
    report = JSON.parse(run.stdout) as AuditReport;
  } catch {
    throw new Error(`the audit printed no JSON report (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { ...run, report };
}

/** A temporary project folder holding `files` (path → text). */
export function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'livekit-audit-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `from -kind/via-> to` for each edge of a report, sorted: a compact way to assert the whole graph. */
export function edgeList(report: AuditReport): string[] {
  return report.graph.edges
    .map((edge) => `${edge.from} -${edge.kind}${edge.via ? `:${edge.via}` : ''}-> ${edge.to}`)
    .sort();
}

/** Where the exact expected outputs live (one file per project and format). */
export const expectedDir = join(root, 'tests/audit/expected');

/**
 * The two parts of an output that depend on the machine or the release, not on the audit: the project folder's
 * absolute URL (SARIF's originalUriBaseIds) and the package version.
 */
export function normalise(text: string, absoluteRoot: string, version: string): string {
  const url = pathToFileURL(absoluteRoot).href;
  return text
    .split(url)
    .join('file:///PROJECT')
    .split(`"version": "${version}"`)
    .join('"version": "VERSION"')
    .split(`livekit-agents-audit ${version}`)
    .join('livekit-agents-audit VERSION');
}
