/**
 * The audit on fixtures/audit/broken-project: a shop desk spread over several files (a barrel, a factory, a class
 * in another file) with cross-file problems planted on purpose. The command runs as a process.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { audit, auditJson, edgeList } from './helpers.js';

const project = 'fixtures/audit/broken-project';

function findings(report: AuditReport, check: string): string[] {
  return report.findings
    .filter((finding) => finding.check === check)
    .map(
      (finding) =>
        `${finding.severity} ${finding.locations.map((location) => `${location.file}:${location.line}`).join(' ')}`,
    );
}

function status(report: AuditReport, id: string): string | undefined {
  return report.checklist.find((item) => item.id === id)?.status;
}

describe('audit of fixtures/audit/broken-project', () => {
  let report: AuditReport;
  let code: number | null;

  beforeAll(() => {
    ({ report, code } = auditJson([project]));
  });

  it('exits 1 because some findings are errors', () => {
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ errors: 5, warnings: 15, failOn: 'error', failed: true });
  });

  it('reads the tsconfig and adds the test files it leaves out', () => {
    expect(report.project).toMatchObject({
      root: project,
      tsconfig: 'tsconfig.json',
      testFiles: ['tests/support.test.ts'],
    });
  });

  it('builds the agent graph across files: barrel re-exports, a factory, a class in another file', () => {
    expect(report.graph.entries.map((entry) => `${entry.id} ${entry.file}:${entry.line}`)).toEqual([
      'entry_agent src/agent.ts:9',
    ]);
    expect(report.graph.agents.map((agent) => `${agent.id} ${agent.kind} ${agent.file}`).sort()).toEqual([
      'ReceptionAgent class src/agents/reception.ts',
      'SalesAgent class src/agents/sales.ts',
      'legacy_desk create src/agents/legacy.ts',
      'support create src/agents/support.ts',
    ]);
    expect(edgeList(report)).toEqual([
      'ReceptionAgent -handoff:transferToSales-> SalesAgent',
      'ReceptionAgent -handoff:transferToSupport-> support',
      'entry_agent -start-> ReceptionAgent',
      'support -handoff:backToReception-> ReceptionAgent',
    ]);
    const reception = report.graph.agents.find((agent) => agent.id === 'ReceptionAgent')!;
    expect(reception.tools.map((tool) => tool.name)).toEqual([
      'lookupCustomer',
      'findOrder',
      'transferToSales',
      'transferToSupport',
    ]);
    expect(report.graph.unresolved).toEqual([]);
  });

  it('reports the handoff target whose constructor, in another file, drops chatCtx', () => {
    expect(findings(report, 'handoff-drops-chat-ctx')).toEqual([
      'error src/agents/reception.ts:39 src/agents/sales.ts:23',
    ]);
    // The factory in support.ts forwards its chatCtx: no finding for that handoff.
    const edge = report.graph.edges.find((candidate) => candidate.to === 'support')!;
    expect(edge.chatCtx).toBe('yes');
  });

  it('reports the unreachable agent, the specialist with no way back, and the tool clashes', () => {
    expect(findings(report, 'unreachable-agent')).toEqual(['error src/agents/legacy.ts:4']);
    expect(findings(report, 'no-way-back')).toEqual(['warning src/agents/sales.ts:21 src/agents/reception.ts:39']);
    expect(findings(report, 'duplicate-tool-name')).toEqual(['error src/agents/reception.ts:6 src/agents/sales.ts:5']);
    expect(findings(report, 'similar-tool-descriptions')).toEqual([
      'warning src/agents/reception.ts:17 src/agents/support.ts:5',
    ]);
  });

  it('reports what the tests do not cover, an untested agent and the handoff into it as one finding', () => {
    expect(findings(report, 'untested-agent')).toEqual([
      'warning src/agents/legacy.ts:4',
      'warning src/agents/sales.ts:21 src/agents/reception.ts:39',
    ]);
    const sales = report.findings.find(
      (finding) => finding.check === 'untested-agent' && finding.locations.length === 2,
    )!;
    expect(sales.items).toEqual(['unit-tests', 'handoff-tests']);
    expect(findings(report, 'untested-handoff')).toEqual(['warning src/agents/reception.ts:48']);
    expect(findings(report, 'no-error-tests')).toHaveLength(1);
    expect(findings(report, 'no-context-tests')).toHaveLength(1);
    // The test asserts a call to backToReception (support.ts:12): every other tool is unverified.
    expect(findings(report, 'unverified-tool')).toEqual([
      'warning src/agents/reception.ts:6',
      'warning src/agents/reception.ts:17',
      'warning src/agents/reception.ts:35',
      'warning src/agents/reception.ts:44',
      'warning src/agents/sales.ts:5',
      'warning src/agents/sales.ts:12',
      'warning src/agents/support.ts:5',
    ]);
  });

  it('reports the missing monitoring once, against both items it affects, and the `as any` on userData', () => {
    expect(findings(report, 'missing-monitoring')).toEqual(['warning src/agent.ts:9']);
    expect(report.findings.find((finding) => finding.check === 'missing-monitoring')!.items).toEqual([
      'metrics',
      'monitoring',
    ]);
    expect(findings(report, 'user-data-any')).toEqual(['error src/agents/reception.ts:12']);
  });

  it('counts every finding once: the items refer to them by id', () => {
    const ids = report.findings.map((finding) => finding.id);
    expect(ids).toEqual(ids.map((_, index) => index + 1));
    for (const item of report.checklist) {
      for (const id of item.findings) expect(report.findings[id - 1]!.items, `${item.id} → #${id}`).toContain(item.id);
    }
    for (const finding of report.findings) {
      for (const id of finding.items)
        expect(report.checklist.find((item) => item.id === id)!.findings).toContain(finding.id);
    }
  });

  it('marks an item ❌ for an error, ⚠️ for warnings only', () => {
    for (const id of ['intentional-handoffs', 'typed-context', 'tool-names', 'context-preserved'])
      expect(status(report, id), id).toBe('fail');
    for (const id of ['unit-tests', 'handoff-tests', 'error-tests', 'context-tests', 'monitoring', 'metrics', 'models'])
      expect(status(report, id), id).toBe('warn');
  });

  it('lints with the config ESLint uses for these files, adding the plugin when that config does not enable it', () => {
    expect(report.lint).toMatchObject({
      ran: true,
      files: 8,
      config: { kind: 'project+preset', file: '../../../eslint.config.js', preset: 'recommended' },
    });
    const tools = report.findings.filter((finding) => finding.source === 'lint');
    expect(
      tools.map(
        (finding) =>
          `${finding.check} ${finding.severity} ${finding.locations[0]!.file}:${finding.locations[0]!.line} ${finding.items.join(',')}`,
      ),
    ).toEqual(['require-tool-description error src/agents/sales.ts:14 tool-names']);
    // Strict rules are off in recommended: the items they decide say so instead of claiming ✅.
    const logging = report.checklist.find((item) => item.id === 'structured-logging')!;
    expect(logging).toMatchObject({
      status: 'warn',
      summary: 'not checked: prefer-structured-logging (off in the ESLint config used)',
    });
  });

  it('--fail-on never exits 0; --only keeps the chosen checks, whose warnings fail only --fail-on warning', () => {
    expect(audit([project, '--no-lint', '--fail-on', 'never']).code).toBe(0);
    const only = auditJson([project, '--no-lint', '--only', 'no-way-back,unverified-tool']);
    expect(only.code).toBe(0);
    expect([...new Set(only.report.findings.map((finding) => finding.check))]).toEqual([
      'unverified-tool',
      'no-way-back',
    ]);
    expect(only.report.checklist.map((item) => item.id)).toEqual(['intentional-handoffs', 'tool-call-tests']);
    expect(audit([project, '--no-lint', '--only', 'no-way-back', '--fail-on', 'warning']).code).toBe(1);
  });

  it('--skip leaves out a check, a rule or a whole item', () => {
    const { report: skipped } = auditJson([
      project,
      '--skip',
      'unverified-tool',
      '--skip',
      'livekit-agents/require-tool-description,monitoring',
    ]);
    const checks = new Set(skipped.findings.map((finding) => finding.check));
    for (const check of ['unverified-tool', 'require-tool-description']) expect(checks.has(check), check).toBe(false);
    // An item stands for everything that decides it: "Metrics collected", decided by the same rule and check, goes too.
    expect(skipped.checklist.filter((item) => item.id === 'monitoring' || item.id === 'metrics')).toEqual([]);
    expect(checks.has('missing-monitoring')).toBe(false);
    expect(skipped.checklist).toHaveLength(21);
    expect(skipped.summary.errors).toBe(4);
    expect(skipped.selection).toEqual({
      only: [],
      skip: ['unverified-tool', 'require-tool-description', 'monitoring'],
    });
  });
});

describe('the graph alone, on fixtures/audit/broken-project', () => {
  it('prints the graph alone as Mermaid, marking the unreachable agent, and exits 0', () => {
    const { stdout, code } = audit([project, '--graph', 'mermaid']);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'flowchart LR',
        '  entry_agent ==>|"start"| ReceptionAgent',
        '  ReceptionAgent -->|"transferToSales"| SalesAgent',
        '  ReceptionAgent -->|"transferToSupport"| support',
        '  support -->|"backToReception"| ReceptionAgent',
        '  class legacy_desk unreachable',
      ]),
    );
  });

  it('prints the graph alone as JSON', () => {
    const { stdout, code } = audit([project, '--graph', 'json']);
    expect(code).toBe(0);
    const graph = JSON.parse(stdout) as AuditReport['graph'];
    expect(graph.agents).toHaveLength(4);
    expect(graph.edges).toHaveLength(4);
  });

  it('prints the graph alone as Graphviz DOT, each node and edge linked to its file:line', () => {
    const { stdout, code } = audit([project, '--graph', 'dot']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^digraph agents \{\n/);
    expect(stdout).toContain(
      '"ReceptionAgent" -> "SalesAgent" [id="edge-2", label="transferToSales", URL="src/agents/reception.ts#L39"',
    );
    expect(stdout).toMatch(
      /"legacy_desk" \[id="agent-legacy_desk", label=<<b>legacy-desk<\/b>>, style="rounded,dashed"/,
    );
  });
});
