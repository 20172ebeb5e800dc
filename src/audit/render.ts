/**
 * Renders an audit report: a readable terminal report, Markdown (PR comments), JSON, SARIF 2.1.0, and the agent
 * graph alone as Mermaid or JSON.
 */
import { pathToFileURL } from 'node:url';
import { REPOSITORY_URL } from '../create-rule.js';
import type { Status } from './checklist.js';
import { type AuditReport, type GraphJson, nodeName, reachableFromEntries } from './report.js';

export type ReportFormat = 'text' | 'markdown' | 'json' | 'sarif';
export type GraphFormat = 'mermaid' | 'json';

export const STATUS_MARK: Record<Status, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
const SEVERITY_MARK = { error: '❌', warning: '⚠️' } as const;
const SECTIONS = ['Architecture', 'Implementation', 'Testing', 'Performance', 'Production'] as const;
const TEXT_EVIDENCE = 5;

function where(location: { file: string; line: number }): string {
  return `${location.file}:${location.line}`;
}

function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, (char) => (char === '<' ? '#lt;' : '#gt;'));
}

/** The agent graph as a Mermaid flowchart: entries, agents with their tools, start/handoff/task edges. */
export function renderMermaid(graph: GraphJson): string {
  const lines = ['flowchart LR'];
  const reached = reachableFromEntries(graph.edges);
  for (const entry of graph.entries) {
    lines.push(`  ${entry.id}(["${mermaidText(`defineAgent · ${entry.file}`)}"])`);
  }
  for (const agent of graph.agents) {
    const tools = agent.tools.map((tool) => tool.name ?? '?');
    const label = mermaidText(agent.name) + (tools.length > 0 ? `<br/><small>${mermaidText(tools.join(', '))}</small>` : '');
    lines.push(`  ${agent.id}["${label}"]`);
  }
  for (const edge of graph.edges) {
    const label = edge.kind === 'start' ? 'start' : edge.kind === 'update' ? 'updateAgent' : edge.kind === 'task' ? 'task' : (edge.via ?? 'handoff');
    const arrow = edge.kind === 'task' ? '-.->' : edge.kind === 'start' ? '==>' : '-->';
    lines.push(`  ${edge.from} ${arrow}|"${mermaidText(label)}"| ${edge.to}`);
  }
  const unreachable = graph.entries.length > 0 ? graph.agents.filter((agent) => !reached.has(agent.id)) : [];
  if (unreachable.length > 0) {
    lines.push('  classDef unreachable stroke-dasharray: 5 5,opacity:0.6');
    lines.push(`  class ${unreachable.map((agent) => agent.id).join(',')} unreachable`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderGraph(graph: GraphJson, format: GraphFormat): string {
  return format === 'mermaid' ? renderMermaid(graph) : `${JSON.stringify(graph, null, 2)}\n`;
}

function header(report: AuditReport): string {
  const { project } = report;
  const source = project.tsconfig ? `${project.tsconfig}, ` : '';
  return `${project.root} (${source}${project.files} files, ${project.testFiles.length} test files)`;
}

function totals(report: AuditReport): string {
  const { summary, lint } = report;
  const lintText = lint.ran ? `lint: ${lint.files} files, ${lint.problems} problems from ${lint.rulesAvailable} rules` : `lint not run: ${lint.reason}`;
  return `${summary.pass} ✅  ${summary.warn} ⚠️  ${summary.fail} ❌   (${lintText}; ${(report.durationMs / 1000).toFixed(1)} s)`;
}


export function renderText(report: AuditReport): string {
  const out: string[] = [`LiveKit Agents audit: ${header(report)}`, ''];
  const { graph } = report;
  out.push('Agent graph');
  for (const entry of graph.entries) {
    const starts = graph.edges.filter((edge) => edge.from === entry.id).map((edge) => nodeName(graph, edge.to));
    out.push(`  defineAgent ${where(entry)}${starts.length > 0 ? ` starts ${starts.join(', ')}` : ''}`);
  }
  for (const agent of graph.agents) {
    const tools = agent.tools.map((tool) => tool.name ?? '?');
    out.push(`  ${agent.name} ${where(agent)}${tools.length > 0 ? `  tools: ${tools.join(', ')}` : ''}`);
    for (const edge of graph.edges.filter((candidate) => candidate.from === agent.id)) {
      const how = edge.kind === 'handoff' ? (edge.via ? `via ${edge.via}` : 'handoff') : edge.kind === 'update' ? 'updateAgent' : 'task';
      out.push(`    → ${nodeName(graph, edge.to)} (${how}) ${where(edge)}`);
    }
  }
  if (graph.agents.length === 0) out.push('  (no agents found)');
  for (const handoff of graph.unresolved) {
    out.push(`  ? ${handoff.from ? nodeName(graph, handoff.from) : '(unknown agent)'} hands off to ${handoff.target} ${where(handoff)} (not followed)`);
  }
  out.push('', `Cross-file findings (${report.findings.length})`);
  if (report.findings.length === 0) out.push('  none');
  for (const finding of report.findings) {
    out.push(`  ${SEVERITY_MARK[finding.severity]} ${finding.check}: ${finding.message}`);
    if (finding.locations.length > 0) out.push(`      ${finding.locations.map(where).join(', ')}`);
  }
  out.push('', 'Production checklist');
  for (const section of SECTIONS) {
    out.push(`  ${section}`);
    for (const item of report.checklist.filter((candidate) => candidate.section === section)) {
      out.push(`    ${STATUS_MARK[item.status]} ${item.title}: ${item.summary}`);
      for (const evidence of item.evidence.slice(0, TEXT_EVIDENCE)) out.push(`        ${where(evidence)}  ${evidence.note}`);
      if (item.evidence.length > TEXT_EVIDENCE) out.push(`        … ${item.evidence.length - TEXT_EVIDENCE} more`);
    }
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  out.push('', totals(report));
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(report: AuditReport): string {
  const out: string[] = [`## LiveKit Agents audit`, '', `\`${header(report)}\``, '', `**${totals(report)}**`, ''];
  out.push('### Agent graph', '', '```mermaid', renderMermaid(report.graph).trimEnd(), '```', '');
  out.push(`### Cross-file findings (${report.findings.length})`, '');
  if (report.findings.length === 0) out.push('None.', '');
  else {
    out.push('| | check | finding | where |', '|---|---|---|---|');
    for (const finding of report.findings) {
      out.push(`| ${SEVERITY_MARK[finding.severity]} | \`${finding.check}\` | ${cell(finding.message)} | ${finding.locations.map((location) => `\`${where(location)}\``).join('<br>')} |`);
    }
    out.push('');
  }
  out.push('### Production checklist', '');
  for (const section of SECTIONS) {
    out.push(`#### ${section}`, '', '| | item | status | evidence |', '|---|---|---|---|');
    for (const item of report.checklist.filter((candidate) => candidate.section === section)) {
      const evidence = item.evidence.map((entry) => `\`${where(entry)}\` ${cell(entry.note)}`).join('<br>');
      out.push(`| ${STATUS_MARK[item.status]} | ${item.title} | ${cell(item.summary)} | ${evidence} |`);
    }
    out.push('');
  }
  for (const note of report.notes) out.push(`> ${cell(note)}`);
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderSarif(report: AuditReport, absoluteRoot: string): string {
  const rules = new Map<string, string>();
  const results: object[] = [];
  const location = (entry: { file: string; line: number }) => ({
    physicalLocation: { artifactLocation: { uri: entry.file, uriBaseId: 'PROJECTROOT' }, region: { startLine: entry.line } },
  });
  for (const finding of report.findings) {
    const ruleId = `audit/${finding.check}`;
    rules.set(ruleId, finding.check.replace(/-/g, ' '));
    results.push({ ruleId, level: finding.severity, message: { text: finding.message }, locations: finding.locations.map(location) });
  }
  for (const item of report.checklist) {
    if (item.status === 'pass') continue;
    const ruleId = `checklist/${item.id}`;
    rules.set(ruleId, item.title);
    results.push({
      ruleId,
      level: item.status === 'fail' ? 'error' : 'warning',
      message: { text: `${item.title}: ${item.summary}` },
      locations: item.evidence.slice(0, 1).map(location),
    });
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: `${REPOSITORY_URL}#project-audit`,
            rules: [...rules].map(([id, text]) => ({ id, shortDescription: { text } })),
          },
        },
        originalUriBaseIds: { PROJECTROOT: { uri: `${pathToFileURL(absoluteRoot).href}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

export function renderReport(report: AuditReport, format: ReportFormat, absoluteRoot: string): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif':
      return renderSarif(report, absoluteRoot);
    default:
      return renderText(report);
  }
}
