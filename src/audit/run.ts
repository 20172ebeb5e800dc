/**
 * One audit, from a project path to the report. Loaded lazily by main.ts, so that `--help`, usage errors and a
 * missing path answer without loading ts-morph.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { Selector, type Selection } from './catalog.js';
import { runChecks } from './checks.js';
import { buildChecklist } from './checklist.js';
import { unifyFindings } from './findings.js';
import { GraphBuilder } from './graph.js';
import { type LintConfigChoice, type LintResult, type PluginInfo, notRun, prepareLint } from './lint.js';
import { listProject, openProject } from './project.js';
import { type AuditReport, type FailOn, graphJson, lintJson, summarize } from './report.js';
import { scanTests } from './test-facts.js';

export interface AuditOptions {
  target: string;
  /** Print only the graph: no lint, no checks. */
  graphOnly: boolean;
  failOn: FailOn;
  lint: boolean;
  lintConfig: LintConfigChoice;
  selection: Selection;
  plugin: PluginInfo;
  tool: { name: string; version: string };
}

export interface AuditOutcome {
  report: AuditReport;
  /** The project root, absolute. */
  root: string;
}

export async function runAudit(options: AuditOptions): Promise<AuditOutcome> {
  const listing = listProject(options.target);
  const selector = new Selector(options.selection);
  // The ESLint config is read even without lint: its `importSources` tell which modules are LiveKit.
  const prepared = await prepareLint({
    root: listing.root,
    files: listing.fileNames,
    plugin: options.plugin,
    choice: options.lintConfig,
    selected: (rule) => selector.runs(rule),
  });
  const importSources = 'missing' in prepared ? [] : prepared.importSources;
  const loaded = openProject(listing, options.target, importSources);
  const builder = new GraphBuilder(loaded.root, loaded.sourceFiles, importSources);
  const graph = builder.build();
  const fromCwd = relative(process.cwd(), loaded.root);
  const project = {
    root: fromCwd.startsWith('..') || isAbsolute(fromCwd) ? loaded.root : fromCwd.split(sep).join('/') || '.',
    tsconfig: loaded.tsconfig ? relative(loaded.root, loaded.tsconfig).split(sep).join('/') : null,
    files: loaded.sourceFiles.length + loaded.testFiles.length,
    testFiles: loaded.testFiles.map((file) => builder.relativePath(file)),
  };

  const tests = scanTests(builder, graph, loaded.testFiles);
  const checks = options.graphOnly
    ? { findings: [], facts: null }
    : runChecks(builder, graph, tests, loaded.sourceFiles);
  let lint: LintResult;
  if ('missing' in prepared) lint = notRun(prepared.missing);
  else if (!options.lint || options.graphOnly) lint = { ...notRun('--no-lint'), config: prepared.config };
  else lint = await prepared.run();

  const notes = [...loaded.notes, ...('missing' in prepared ? [] : prepared.notes)];
  for (const fatal of lint.fatal) notes.push(`ESLint could not parse ${fatal.file}:${fatal.line}: ${fatal.message}`);
  const findings = checks.facts ? unifyFindings(checks.findings, lint.messages, selector) : [];
  const checklist = checks.facts
    ? buildChecklist(
        { graph, checks: { findings: checks.findings, facts: checks.facts }, tests, lint },
        findings,
        selector,
      )
    : [];
  const report: AuditReport = {
    tool: options.tool,
    project,
    lint: lintJson(lint),
    selection: selector.active ? { only: options.selection.only, skip: options.selection.skip } : null,
    graph: graphJson(graph),
    findings,
    checklist,
    summary: summarize(findings, checklist, options.failOn),
    notes,
  };
  return { report, root: loaded.root };
}
