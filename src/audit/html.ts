/**
 * `--format html`: one self-contained page (inline CSS, no script, nothing fetched when opened) with the agent graph
 * drawn as SVG, the findings and the checklist with evidence.
 *
 * The graph is laid out by Graphviz compiled to WebAssembly (`@viz-js/viz`) here, when the report is written, and
 * the SVG is inlined: the page draws without running any code. Nodes and edges link to their `file:line` (paths
 * relative to the project root, so the links open when the page is saved in the project folder).
 */
import { SECTIONS } from './catalog.js';
import { AuditInputError } from './errors.js';
import { count } from './plural.js';
import {
  escapeHtml,
  findingsTitle,
  itemTitles,
  lintLine,
  qualifiedCheck,
  renderDot,
  selectionLine,
  where,
} from './render.js';
import type { AuditReport } from './report.js';

interface Viz {
  renderString(source: string, options: { format: string }): string;
}

async function loadViz(): Promise<Viz> {
  try {
    const { instance } = (await import('@viz-js/viz')) as { instance: () => Promise<Viz> };
    return await instance();
  } catch (error) {
    throw new AuditInputError(
      `--format html needs @viz-js/viz (Graphviz), an optional peer of this package: npm i -D @viz-js/viz (it could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
  }
}

/** The graph as an inline SVG element: Graphviz's output without its XML prolog, doctype and comments. */
export async function graphSvg(report: AuditReport): Promise<string> {
  const viz = await loadViz();
  const svg = viz.renderString(renderDot(report.graph), { format: 'svg' });
  return svg
    .slice(svg.indexOf('<svg'))
    .replace(/<!--[\s\S]*?-->\n?/g, '')
    .replace(
      /^<svg width="([\d.]+)pt" height="([\d.]+)pt"/,
      '<svg role="img" aria-label="Agent graph" class="graph" width="$1pt" height="$2pt"',
    )
    .trimEnd();
}

const STYLE = `
:root { color-scheme: light; --fg: #212529; --muted: #6c757d; --line: #dee2e6; --bg: #f8f9fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); margin: 0; padding: 24px 32px; max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 14px; margin: 16px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
td code { white-space: nowrap; }
code, .where { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.meta { color: var(--muted); margin: 2px 0; }
.totals { margin: 12px 0; padding: 8px 12px; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; font-weight: 600; }
.totals.failed { border-color: #e03131; }
figure { margin: 0; padding: 12px; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; background: #fff; }
svg.graph { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
td.mark { width: 64px; text-align: center; }
td.id { width: 36px; }
ul.evidence { margin: 4px 0 0; padding-left: 18px; color: var(--muted); }
.status-na { color: var(--muted); }
.summary { color: #343a40; }
.refs a { margin-right: 4px; }
.notes { color: var(--muted); }
.badge { display: inline-block; min-width: 44px; padding: 1px 6px; border-radius: 10px; font-size: 11px; font-weight: 700; text-align: center; color: #fff; }
.badge.pass { background: #2f9e44; } .badge.warn, .badge.warning { background: #e8590c; } .badge.fail, .badge.error { background: #e03131; } .badge.na { background: #adb5bd; }
.counts .badge { margin: 0 2px 0 10px; }
`;

/** Status words instead of emoji: the page must not depend on an emoji font. */
const BADGE: Record<string, string> = {
  pass: 'pass',
  warn: 'warn',
  fail: 'fail',
  na: 'n/a',
  error: 'error',
  warning: 'warning',
};

function badge(kind: string): string {
  return `<span class="badge ${kind}">${BADGE[kind]}</span>`;
}

function anchor(id: number): string {
  return `<a href="#finding-${id}">#${id}</a>`;
}

export async function renderHtml(report: AuditReport): Promise<string> {
  const svg = await graphSvg(report);
  const { project, graph } = report;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: no script at all, styles and images inline only.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>LiveKit Agents audit: ${escapeHtml(project.root)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>LiveKit Agents audit: <code>${escapeHtml(project.root)}</code></h1>`,
    `<p class="meta">${escapeHtml([project.tsconfig, count(project.files, 'file'), count(project.testFiles.length, 'test file')].filter(Boolean).join(', '))}</p>`,
    `<p class="meta" id="eslint-config">${escapeHtml(lintLine(report))}</p>`,
  ];
  const selection = selectionLine(report);
  if (selection) out.push(`<p class="meta">${escapeHtml(selection)}</p>`);
  const { summary } = report;
  const counts = (['pass', 'warn', 'fail', 'na'] as const)
    .map((status) => `${badge(status)} ${summary.items[status]}`)
    .join(' ');
  out.push(
    `<p class="totals${summary.failed ? ' failed' : ''}">${escapeHtml(`${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}`)}; checklist <span class="counts">${counts}</span>; ${summary.failed ? 'fails' : 'passes'} --fail-on ${summary.failOn}</p>`,
    '</header>',
  );

  out.push('<section id="graph">', '<h2>Agent graph</h2>');
  out.push(
    `<p class="meta">${escapeHtml(`${count(graph.entries.length, 'entry')}, ${count(graph.agents.length, 'agent')}, ${count(graph.edges.length, 'edge')}`)}; click a node or an edge to open its file.</p>`,
  );
  out.push(`<figure>${svg}</figure>`);
  if (graph.unresolved.length > 0) {
    out.push(
      '<p class="meta">Handoffs not followed (their target is computed at runtime):</p>',
      '<ul class="evidence">',
    );
    for (const handoff of graph.unresolved)
      out.push(
        `<li><code>${escapeHtml(handoff.target)}</code> <span class="where">${escapeHtml(where(handoff))}</span></li>`,
      );
    out.push('</ul>');
  }
  out.push('</section>');

  out.push('<section id="findings">', `<h2>${escapeHtml(findingsTitle(report))}</h2>`);
  if (report.findings.length === 0) out.push('<p>None.</p>');
  else {
    out.push(
      '<table>',
      '<thead><tr><th>#</th><th></th><th>check</th><th>finding</th><th>where</th><th>affects</th></tr></thead>',
      '<tbody>',
    );
    for (const finding of report.findings) {
      const locations = finding.locations
        .map(
          (location) =>
            `<a class="where" href="${escapeHtml(`${location.file}#L${location.line}`)}">${escapeHtml(where(location))}</a>`,
        )
        .join('<br>');
      out.push(
        `<tr id="finding-${finding.id}" class="finding ${finding.severity}"><td class="id">${finding.id}</td><td class="mark">${badge(finding.severity)}</td><td><code>${escapeHtml(qualifiedCheck(finding))}</code></td><td>${escapeHtml(finding.message)}</td><td>${locations}</td><td>${escapeHtml(itemTitles(report, finding).join('; '))}</td></tr>`,
      );
    }
    out.push('</tbody>', '</table>');
  }
  out.push('</section>');

  out.push('<section id="checklist">', '<h2>Production checklist</h2>');
  for (const section of SECTIONS) {
    const items = report.checklist.filter((item) => item.section === section);
    if (items.length === 0) continue;
    out.push(`<h3>${section}</h3>`, '<table>', '<tbody>');
    for (const item of items) {
      const evidence =
        item.evidence.length > 0
          ? `<ul class="evidence">${item.evidence.map((entry) => `<li><span class="where">${escapeHtml(where(entry))}</span> ${escapeHtml(entry.note)}</li>`).join('')}</ul>`
          : '';
      const refs =
        item.findings.length > 0 ? `<div class="refs">findings: ${item.findings.map(anchor).join(' ')}</div>` : '';
      out.push(
        `<tr id="item-${item.id}" class="item status-${item.status}"><td class="mark">${badge(item.status)}</td><td><strong>${escapeHtml(item.title)}</strong><div class="summary">${escapeHtml(item.summary)}</div>${refs}${evidence}</td></tr>`,
      );
    }
    out.push('</tbody>', '</table>');
  }
  out.push('</section>');
  if (report.notes.length > 0) {
    out.push(
      '<section class="notes">',
      '<h2>Notes</h2>',
      '<ul>',
      ...report.notes.map((note) => `<li>${escapeHtml(note)}</li>`),
      '</ul>',
      '</section>',
    );
  }
  out.push(
    `<footer class="meta"><p>${escapeHtml(`${report.tool.name} ${report.tool.version}`)}</p></footer>`,
    '</body>',
    '</html>',
  );
  return `${out.join('\n')}\n`;
}
