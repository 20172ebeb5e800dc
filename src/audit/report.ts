/**
 * The audit's result as plain data (what `--format json` prints), assembled from the graph, the checks, the tests
 * and the lint results. Paths are relative to the project root; the root is relative to the working directory.
 */
import type { ChecklistItem, Status } from './checklist.js';
import type { Finding } from './findings.js';
import type { AgentGraph, EdgeKind, ChatCtxStatus } from './graph.js';
import type { LintConfig, LintResult } from './lint.js';

export type FailOn = 'error' | 'warning' | 'never';

export interface GraphJson {
  entries: { id: string; name: string; file: string; line: number; prewarm: boolean }[];
  agents: {
    id: string;
    name: string;
    kind: 'class' | 'new' | 'create';
    base: string;
    file: string;
    line: number;
    llm: string | null;
    tools: { name: string | null; description: string | null; file: string; line: number }[];
  }[];
  edges: {
    from: string;
    to: string;
    kind: EdgeKind;
    via: string | null;
    file: string;
    line: number;
    chatCtx: ChatCtxStatus;
  }[];
  /** Handoffs whose target the audit could not follow (a parameter, `this.x`, a value computed at runtime). */
  unresolved: { from: string | null; file: string; line: number; target: string }[];
}

export interface LintJson {
  ran: boolean;
  reason: string | null;
  /** Which ESLint configuration the rules ran with (lint.ts). */
  config: LintConfig | null;
  files: number;
  ignoredFiles: number;
  /** Rules of the plugin that were on for some file. */
  rulesEnabled: number;
  parseErrors: { file: string; line: number; message: string }[];
}

export interface AuditReport {
  tool: { name: string; version: string };
  project: { root: string; tsconfig: string | null; files: number; testFiles: string[] };
  lint: LintJson;
  /** `--only` / `--skip`, when given. */
  selection: { only: string[]; skip: string[] } | null;
  graph: GraphJson;
  findings: Finding[];
  checklist: ChecklistItem[];
  summary: { errors: number; warnings: number; items: Record<Status, number>; failOn: FailOn; failed: boolean };
  notes: string[];
}

export function graphJson(graph: AgentGraph): GraphJson {
  return {
    entries: graph.entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      ...entry.location,
      prewarm: entry.prewarm !== null,
    })),
    agents: graph.agents.map((agent) => ({
      id: agent.id,
      name: agent.name,
      kind: agent.kind,
      base: agent.base,
      ...agent.location,
      llm: agent.llm,
      tools: agent.tools.map((tool) => ({
        name: tool.name,
        description: tool.description?.text ?? null,
        ...tool.location,
      })),
    })),
    edges: graph.edges.map((edge) => ({
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      via: edge.via,
      ...edge.location,
      chatCtx: edge.chatCtx,
    })),
    unresolved: graph.unresolved.map((handoff) => ({ from: handoff.from, ...handoff.location, target: handoff.text })),
  };
}

export function lintJson(lint: LintResult): LintJson {
  return {
    ran: lint.ran,
    reason: lint.reason,
    config: lint.config,
    files: lint.fileCount,
    ignoredFiles: lint.ignoredCount,
    rulesEnabled: lint.enabledRules.size,
    parseErrors: lint.fatal.map((message) => ({ file: message.file, line: message.line, message: message.message })),
  };
}

export function summarize(
  findings: readonly Finding[],
  items: readonly { status: Status }[],
  failOn: FailOn,
): AuditReport['summary'] {
  const counts: Record<Status, number> = { pass: 0, warn: 0, fail: 0, na: 0 };
  for (const item of items) counts[item.status]++;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const failed = failOn === 'error' ? errors > 0 : failOn === 'warning' ? findings.length > 0 : false;
  return { errors, warnings, items: counts, failOn, failed };
}
