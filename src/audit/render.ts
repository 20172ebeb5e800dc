/**
 * Renders an audit report: a readable terminal report, Markdown (PR comments), JSON, SARIF 2.1.0, a self-contained
 * HTML page (html.ts), and the agent graph alone as Mermaid, Graphviz DOT or JSON. Every renderer is a function of
 * the report alone, so that one audit can be shown in every format.
 */
import { pathToFileURL } from 'node:url';
import { REPOSITORY_URL } from '../urls.js';
import { CHECKS, SECTIONS } from './catalog.js';
import type { Status } from './checklist.js';
import type { Finding } from './findings.js';
import { count } from './plural.js';
import { nodeName, reachableFromEntries } from './graph-queries.js';
import type { AuditReport, GraphJson } from './report.js';

export type ReportFormat = 'text' | 'markdown' | 'json' | 'sarif' | 'html';
export type GraphFormat = 'mermaid' | 'dot' | 'json';

export const STATUS_MARK: Record<Status, string> = { pass: '✅', warn: '⚠️', fail: '❌', na: '➖' };
export const SEVERITY_MARK = { error: '❌', warning: '⚠️' } as const;
const TEXT_EVIDENCE = 5;
const NAMESPACE = 'livekit-agents';

export function where(location: { file: string; line: number }): string {
  return `${location.file}:${location.line}`;
}

/** How an edge is labelled in every drawing: the handoff tool, else what kind of edge it is. */
export function edgeLabel(edge: GraphJson['edges'][number]): string {
  return edge.kind === 'start'
    ? 'start'
    : edge.kind === 'update'
      ? 'updateAgent'
      : edge.kind === 'task'
        ? 'task'
        : (edge.via ?? 'handoff');
}

export function unreachableAgents(graph: GraphJson): Set<string> {
  if (graph.entries.length === 0) return new Set();
  const reached = reachableFromEntries(graph.edges);
  return new Set(graph.agents.filter((agent) => !reached.has(agent.id)).map((agent) => agent.id));
}

function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, (char) => (char === '<' ? '#lt;' : '#gt;'));
}

/** The agent graph as a Mermaid flowchart: entries, agents with their tools, start/handoff/task edges. */
export function renderMermaid(graph: GraphJson): string {
  const lines = ['flowchart LR'];
  for (const entry of graph.entries) {
    lines.push(`  ${entry.id}(["${mermaidText(`defineAgent · ${entry.file}`)}"])`);
  }
  for (const agent of graph.agents) {
    const tools = agent.tools.map((tool) => tool.name ?? '?');
    const label =
      mermaidText(agent.name) + (tools.length > 0 ? `<br/><small>${mermaidText(tools.join(', '))}</small>` : '');
    lines.push(`  ${agent.id}["${label}"]`);
  }
  for (const edge of graph.edges) {
    const arrow = edge.kind === 'task' ? '-.->' : edge.kind === 'start' ? '==>' : '-->';
    lines.push(`  ${edge.from} ${arrow}|"${mermaidText(edgeLabel(edge))}"| ${edge.to}`);
  }
  const unreachable = [...unreachableAgents(graph)];
  if (unreachable.length > 0) {
    lines.push('  classDef unreachable stroke-dasharray: 5 5,opacity:0.6');
    lines.push(`  class ${unreachable.join(',')} unreachable`);
  }
  return `${lines.join('\n')}\n`;
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Text for Graphviz's HTML-like labels and for HTML pages. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

const MAX_NODE_TOOLS = 6;

/**
 * The agent graph in Graphviz DOT. Nodes and edges carry `id`s (`agent-X`, `edge-N`), a link to their `file:line`
 * (`URL`, relative to the project root: open the HTML report from the project folder) and a tooltip.
 */
export function renderDot(graph: GraphJson): string {
  const lines = [
    'digraph agents {',
    '  graph [rankdir=LR, bgcolor="transparent", fontname="Helvetica,Arial,sans-serif", nodesep=0.4, ranksep=0.7];',
    '  node [shape=box, style="rounded,filled", fillcolor="#eef4ff", color="#3b5bdb", fontname="Helvetica,Arial,sans-serif", fontsize=12, margin="0.3,0.12"];',
    '  edge [color="#495057", fontname="Helvetica,Arial,sans-serif", fontsize=10, fontcolor="#212529"];',
  ];
  const link = (location: { file: string; line: number }) =>
    `URL=${dotString(`${location.file}#L${location.line}`)}, target="_blank"`;
  for (const entry of graph.entries) {
    lines.push(
      `  ${dotString(entry.id)} [id=${dotString(`entry-${entry.id}`)}, label=${dotString(`defineAgent\n${entry.file}`)}, shape=oval, fillcolor="#e6fcf5", color="#099268", ${link(entry)}, tooltip=${dotString(where(entry))}];`,
    );
  }
  const unreachable = unreachableAgents(graph);
  for (const agent of graph.agents) {
    const tools = agent.tools.map((tool) => tool.name ?? '?');
    const shownTools =
      tools.length > MAX_NODE_TOOLS
        ? [...tools.slice(0, MAX_NODE_TOOLS - 1), `+ ${tools.length - MAX_NODE_TOOLS + 1} more`]
        : tools;
    const toolLines = shownTools
      .map((tool) => `<br/><font point-size="9" color="#495057">${escapeHtml(tool)}</font>`)
      .join('');
    const label = `<<b>${escapeHtml(agent.name)}</b>${toolLines}>`;
    const style = unreachable.has(agent.id) ? ', style="rounded,dashed", fillcolor="#f8f9fa", color="#868e96"' : '';
    const tooltip = `${agent.name} (${where(agent)})${tools.length > 0 ? `\ntools: ${tools.join(', ')}` : ''}${unreachable.has(agent.id) ? '\nunreachable' : ''}`;
    lines.push(
      `  ${dotString(agent.id)} [id=${dotString(`agent-${agent.id}`)}, label=${label}${style}, ${link(agent)}, tooltip=${dotString(tooltip)}];`,
    );
  }
  graph.edges.forEach((edge, index) => {
    const style = edge.kind === 'start' ? ', penwidth=2' : edge.kind === 'task' ? ', style=dashed' : '';
    const label = edgeLabel(edge);
    lines.push(
      `  ${dotString(edge.from)} -> ${dotString(edge.to)} [id=${dotString(`edge-${index + 1}`)}, label=${dotString(label)}${style}, ${link(edge)}, tooltip=${dotString(`${label} (${where(edge)})`)}];`,
    );
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export async function renderGraph(graph: GraphJson, format: GraphFormat): Promise<string> {
  if (format === 'mermaid') return renderMermaid(graph);
  if (format === 'dot') return renderDot(graph);
  return `${JSON.stringify(graph, null, 2)}\n`;
}

function header(report: AuditReport): string {
  const { project } = report;
  const source = project.tsconfig ? `${project.tsconfig}, ` : '';
  return `${project.root} (${source}${count(project.files, 'file')}, ${count(project.testFiles.length, 'test file')})`;
}

/** Which ESLint config the rules ran with, or why they did not run. */
export function lintLine(report: AuditReport): string {
  const { lint } = report;
  const config = lint.config ? lint.config.description : 'none';
  if (!lint.ran) return `ESLint config: ${config}; lint not run: ${lint.reason}`;
  const ignored = lint.ignoredFiles > 0 ? `, ${count(lint.ignoredFiles, 'file')} ignored by the config` : '';
  return `ESLint config: ${config}; ${count(lint.rulesEnabled, 'rule')} of the plugin on, ${count(lint.files, 'file')} linted${ignored}`;
}

export function selectionLine(report: AuditReport): string | null {
  if (!report.selection) return null;
  const parts = [
    report.selection.only.length > 0 ? `only ${report.selection.only.join(', ')}` : '',
    report.selection.skip.length > 0 ? `skipping ${report.selection.skip.join(', ')}` : '',
  ].filter(Boolean);
  return `Selection: ${parts.join('; ')}`;
}

export function findingsTitle(report: AuditReport): string {
  const { errors, warnings } = report.summary;
  return `Findings: ${report.findings.length} (${count(errors, 'error')}, ${count(warnings, 'warning')})`;
}

export function totals(report: AuditReport): string {
  const { summary } = report;
  const items = (['pass', 'warn', 'fail', 'na'] as const)
    .map((status) => `${summary.items[status]} ${STATUS_MARK[status]}`)
    .join('  ');
  const verdict = summary.failed ? 'fails' : 'passes';
  return `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}; checklist ${items}; ${verdict} --fail-on ${summary.failOn}`;
}

export function itemTitles(report: AuditReport, finding: Finding): string[] {
  return finding.items.map((id) => report.checklist.find((item) => item.id === id)?.title ?? id);
}

/** `audit/unreachable-agent`, `livekit-agents/require-tool-description`. */
export function qualifiedCheck(finding: Pick<Finding, 'source' | 'check'>): string {
  return finding.source === 'audit' ? `audit/${finding.check}` : `${NAMESPACE}/${finding.check}`;
}

export function renderText(report: AuditReport): string {
  const out: string[] = [`LiveKit Agents audit: ${header(report)}`, lintLine(report)];
  const selection = selectionLine(report);
  if (selection) out.push(selection);
  out.push('');
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
      const how =
        edge.kind === 'handoff'
          ? edge.via
            ? `via ${edge.via}`
            : 'handoff'
          : edge.kind === 'update'
            ? 'updateAgent'
            : 'task';
      out.push(`    → ${nodeName(graph, edge.to)} (${how}) ${where(edge)}`);
    }
  }
  if (graph.agents.length === 0) out.push('  (no agents found)');
  for (const handoff of graph.unresolved) {
    out.push(
      `  ? ${handoff.from ? nodeName(graph, handoff.from) : '(unknown agent)'} hands off to ${handoff.target} ${where(handoff)} (not followed)`,
    );
  }
  out.push('', findingsTitle(report));
  if (report.findings.length === 0) out.push('  none');
  for (const finding of report.findings) {
    const locations = finding.locations.length > 0 ? `  ${finding.locations.map(where).join(', ')}` : '';
    out.push(`  #${finding.id} ${SEVERITY_MARK[finding.severity]} ${qualifiedCheck(finding)}${locations}`);
    out.push(`      ${finding.message}`);
    if (finding.items.length > 0) out.push(`      affects: ${itemTitles(report, finding).join('; ')}`);
  }
  out.push('', 'Production checklist');
  for (const section of SECTIONS) {
    const items = report.checklist.filter((candidate) => candidate.section === section);
    if (items.length === 0) continue;
    out.push(`  ${section}`);
    for (const item of items) {
      out.push(`    ${STATUS_MARK[item.status]} ${item.title}: ${item.summary}`);
      if (item.findings.length > 0) out.push(`        findings ${item.findings.map((id) => `#${id}`).join(', ')}`);
      for (const evidence of item.evidence.slice(0, TEXT_EVIDENCE))
        out.push(`        ${where(evidence)}  ${evidence.note}`);
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
  const out: string[] = [`## LiveKit Agents audit`, '', `\`${header(report)}\``, '', lintLine(report), ''];
  const selection = selectionLine(report);
  if (selection) out.push(selection, '');
  out.push(`**${totals(report)}**`, '');
  out.push('### Agent graph', '', '```mermaid', renderMermaid(report.graph).trimEnd(), '```', '');
  out.push(`### ${findingsTitle(report)}`, '');
  if (report.findings.length === 0) out.push('None.', '');
  else {
    out.push('| # | | check | finding | where | affects |', '|---|---|---|---|---|---|');
    for (const finding of report.findings) {
      out.push(
        `| ${finding.id} | ${SEVERITY_MARK[finding.severity]} | \`${qualifiedCheck(finding)}\` | ${cell(finding.message)} | ${finding.locations.map((location) => `\`${where(location)}\``).join('<br>')} | ${cell(itemTitles(report, finding).join('; '))} |`,
      );
    }
    out.push('');
  }
  out.push('### Production checklist', '');
  for (const section of SECTIONS) {
    const items = report.checklist.filter((candidate) => candidate.section === section);
    if (items.length === 0) continue;
    out.push(`#### ${section}`, '', '| | item | status | findings | evidence |', '|---|---|---|---|---|');
    for (const item of items) {
      const evidence = item.evidence.map((entry) => `\`${where(entry)}\` ${cell(entry.note)}`).join('<br>');
      out.push(
        `| ${STATUS_MARK[item.status]} | ${item.title} | ${cell(item.summary)} | ${item.findings.map((id) => `#${id}`).join(', ')} | ${evidence} |`,
      );
    }
    out.push('');
  }
  for (const note of report.notes) out.push(`> ${cell(note)}`);
  return `${out.join('\n').trimEnd()}\n`;
}

/** SARIF 2.1.0: one result per finding (as counted in the report), with the checklist items it affects. */
export function renderSarif(report: AuditReport, absoluteRoot: string): string {
  const rules = new Map<string, object>();
  const location = (entry: { file: string; line: number }) => ({
    physicalLocation: {
      artifactLocation: { uri: entry.file, uriBaseId: 'PROJECTROOT' },
      region: { startLine: entry.line },
    },
  });
  const results = report.findings.map((finding) => {
    const ruleId = qualifiedCheck(finding);
    if (!rules.has(ruleId)) {
      rules.set(
        ruleId,
        finding.source === 'audit'
          ? {
              id: ruleId,
              shortDescription: { text: CHECKS[finding.check]?.summary ?? finding.check },
              helpUri: `${REPOSITORY_URL}/blob/main/docs/audit.md#cross-file-checks`,
            }
          : {
              id: ruleId,
              shortDescription: { text: finding.check },
              helpUri: `${REPOSITORY_URL}/blob/main/docs/rules/${finding.check}.md`,
            },
      );
    }
    return {
      ruleId,
      level: finding.severity,
      message: { text: finding.message },
      locations: finding.locations.map(location),
      properties: { checklistItems: finding.items },
    };
  });
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
            rules: [...rules.values()],
          },
        },
        originalUriBaseIds: { PROJECTROOT: { uri: `${pathToFileURL(absoluteRoot).href}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

export async function renderReport(report: AuditReport, format: ReportFormat, absoluteRoot: string): Promise<string> {
  switch (format) {
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif':
      return renderSarif(report, absoluteRoot);
    case 'html':
      return (await import('./html.js')).renderHtml(report);
    default:
      return renderText(report);
  }
}
