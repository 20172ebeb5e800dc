/**
 * The audit's HTML report in a real browser: headless Chromium (Debian's package, installed when missing) opens the
 * exact expected reports of tests/audit/expected/ (which tests/audit/expected-outputs.test.ts proves the command
 * prints) and checks that every entry, agent and edge of the graph is drawn, with its link to file:line and the
 * edge's label; that the page runs no script, fetches nothing but itself and logs no error. Screenshots are kept in
 * tmp/e2e/audit-html/ (the reference agent's is the one in the README).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { Browser, ensureChromium } from './browser.js';
import { root } from './helpers.js';

const expectedDir = join(root, 'tests/audit/expected');
const outDir = join(root, 'tmp/e2e/audit-html');
const PROJECTS = ['reference-agent', 'broken-project', 'starter-project'] as const;

interface Drawn {
  id: string;
  text: string;
  href: string | null;
  width: number;
  height: number;
}

const DRAWN = `[...document.querySelectorAll('svg.graph g.node, svg.graph g.edge')].map((g) => {
  const box = g.getBoundingClientRect();
  const link = g.querySelector('a');
  return {
    id: link?.id || g.id,
    text: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '),
    href: link ? link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href') : null,
    width: box.width,
    height: box.height,
  };
})`;

function edgeLabel(edge: AuditReport['graph']['edges'][number]): string {
  return edge.kind === 'start'
    ? 'start'
    : edge.kind === 'update'
      ? 'updateAgent'
      : edge.kind === 'task'
        ? 'task'
        : (edge.via ?? 'handoff');
}

let browser: Browser;

beforeAll(() => {
  ensureChromium();
  mkdirSync(outDir, { recursive: true });
  browser = Browser.launch();
}, 900_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(PROJECTS)('the HTML report of %s in Chromium', (name) => {
  const report = JSON.parse(readFileSync(join(expectedDir, `${name}.json`), 'utf8')) as AuditReport;

  it('draws every entry, agent and edge with its link and label, runs no script, fetches nothing and logs no error', async () => {
    const file = join(outDir, `${name}.html`);
    copyFileSync(join(expectedDir, `${name}.html`), file);
    const url = pathToFileURL(file).href;
    const page = await browser.open(url);
    const drawn = new Map(
      (await page.evaluate<Drawn[]>(DRAWN)).map((element) => [element.id.replace(/^a_/, ''), element]),
    );
    writeFileSync(join(outDir, `${name}.png`), await page.screenshot());

    const expected = [
      ...report.graph.entries.map((entry) => ({
        id: `entry-${entry.id}`,
        text: 'defineAgent',
        href: `${entry.file}#L${entry.line}`,
      })),
      ...report.graph.agents.map((agent) => ({
        id: `agent-${agent.id}`,
        text: agent.name,
        href: `${agent.file}#L${agent.line}`,
      })),
      ...report.graph.edges.map((edge, index) => ({
        id: `edge-${index + 1}`,
        text: edgeLabel(edge),
        href: `${edge.file}#L${edge.line}`,
      })),
    ];
    expect(expected.length).toBeGreaterThan(1);
    for (const { id, text, href } of expected) {
      const element = drawn.get(id);
      expect(element, `${id} is drawn`).toBeDefined();
      expect(element!.text, id).toContain(text);
      expect(element!.href, id).toBe(href);
      expect(element!.width * element!.height, `${id} has a size on screen`).toBeGreaterThan(0);
    }
    expect(drawn.size).toBe(expected.length);

    expect(await page.evaluate<number>('document.scripts.length')).toBe(0);
    expect(await page.evaluate<number>('document.querySelectorAll("#findings tr.finding").length')).toBe(
      report.findings.length,
    );
    expect(await page.evaluate<number>('document.querySelectorAll("#checklist tr.item").length')).toBe(
      report.checklist.length,
    );
    expect(page.events.requests).toEqual([url]);
    expect(page.events.errors).toEqual([]);
  });
});

describe('the reference agent', () => {
  it('has its whole graph in view: 1 entry, 3 agents, 5 edges', async () => {
    const page = await browser.open(pathToFileURL(join(expectedDir, 'reference-agent.html')).href, 1200, 700);
    const drawn = await page.evaluate<Drawn[]>(DRAWN);
    const names = drawn.map((element) => element.text.split(' ')[0]);
    expect(
      names.filter((text) => ['TriageAgent', 'BillingAgent', 'TechnicalSupportAgent'].includes(text!)).sort(),
    ).toEqual(['BillingAgent', 'TechnicalSupportAgent', 'TriageAgent']);
    expect(
      drawn
        .filter((element) => element.id.startsWith('edge-'))
        .map((element) => element.text)
        .sort(),
    ).toEqual([
      'start',
      'transferBackToTriage',
      'transferBackToTriage',
      'transferToBilling',
      'transferToTechnicalSupport',
    ]);
    // The README's screenshot: the header, the totals and the graph.
    writeFileSync(join(outDir, 'reference-agent-top.png'), await page.screenshot(520));
  });
});
