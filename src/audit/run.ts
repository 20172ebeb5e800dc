/**
 * One audit, from a project path to the rendered report and the exit code. Loaded lazily by main.ts, so that
 * `--help`, usage errors and a missing path answer without loading ts-morph.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { runChecks } from './checks.js';
import { buildChecklist } from './checklist.js';
import { GraphBuilder } from './graph.js';
import { type LintResult, runLint } from './lint.js';
import { loadProject } from './project.js';
import { type GraphFormat, type ReportFormat, renderGraph, renderReport } from './render.js';
import { type AuditReport, checklistJson, graphJson, lintJson, summarize } from './report.js';
import { scanTests } from './test-facts.js';

export type FailOn = 'fail' | 'warn' | 'never';

export interface AuditOptions {
  target: string;
  format: ReportFormat;
  graph: GraphFormat | null;
  failOn: FailOn;
  lint: boolean;
  tool: { name: string; version: string };
}

export interface AuditOutcome {
  text: string;
  failed: boolean;
}

export async function runAudit(options: AuditOptions): Promise<AuditOutcome> {
  const started = performance.now();
  const loaded = loadProject(options.target);
  const builder = new GraphBuilder(loaded.root, loaded.sourceFiles);
  const graph = builder.build();
  const fromCwd = relative(process.cwd(), loaded.root);
  const project = {
    root: fromCwd.startsWith('..') || isAbsolute(fromCwd) ? loaded.root : fromCwd.split(sep).join('/') || '.',
    tsconfig: loaded.tsconfig ? relative(loaded.root, loaded.tsconfig).split(sep).join('/') : null,
    files: loaded.sourceFiles.length + loaded.testFiles.length,
    testFiles: loaded.testFiles.map((file) => builder.relativePath(file)),
  };
  if (options.graph) {
    return { text: renderGraph(graphJson(graph), options.graph), failed: false };
  }

  const tests = scanTests(builder, graph, loaded.testFiles);
  const checks = runChecks(builder, graph, tests, loaded.sourceFiles);
  const files = [...loaded.sourceFiles, ...loaded.testFiles].map((file) => file.getFilePath());
  const lint: LintResult = options.lint
    ? await runLint(loaded.root, files)
    : { ran: false, reason: '--no-lint', availableRules: new Set(), byRule: new Map(), fatal: [], fileCount: 0 };
  const checklist = buildChecklist({ graph, checks, tests, lint });
  const notes = [...loaded.notes];
  for (const fatal of lint.fatal) notes.push(`ESLint could not parse ${fatal.file}:${fatal.line}: ${fatal.message}`);
  const report: AuditReport = {
    tool: options.tool,
    project,
    graph: graphJson(graph),
    findings: checks.findings,
    checklist: checklistJson(checklist),
    lint: lintJson(lint),
    summary: summarize(checklist),
    notes,
    durationMs: Math.round(performance.now() - started),
  };
  const { fail, warn } = report.summary;
  const failed = options.failOn === 'never' ? false : options.failOn === 'warn' ? fail + warn > 0 : fail > 0;
  return { text: renderReport(report, options.format, loaded.root), failed };
}
