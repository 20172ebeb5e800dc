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
    .map((finding) => `${finding.severity} ${finding.locations.map((location) => `${location.file}:${location.line}`).join(' ')}`);
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

  it('exits 1 because ❌ items remain', () => {
    expect(code).toBe(1);
    expect(report.summary.fail).toBeGreaterThan(0);
  });

  it('reads the tsconfig and adds the test files it leaves out', () => {
    expect(report.project).toMatchObject({ root: project, tsconfig: 'tsconfig.json', testFiles: ['tests/support.test.ts'] });
  });

  it('builds the agent graph across files: barrel re-exports, a factory, a class in another file', () => {
    expect(report.graph.entries.map((entry) => `${entry.id} ${entry.file}:${entry.line}`)).toEqual(['entry_agent src/agent.ts:9']);
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
    expect(reception.tools.map((tool) => tool.name)).toEqual(['lookupCustomer', 'findOrder', 'transferToSales', 'transferToSupport']);
    expect(report.graph.unresolved).toEqual([]);
  });

  it('reports the handoff target whose constructor, in another file, drops chatCtx', () => {
    expect(findings(report, 'handoff-drops-chat-ctx')).toEqual(['error src/agents/reception.ts:39 src/agents/sales.ts:23']);
    // The factory in support.ts forwards its chatCtx: no finding for that handoff.
    const edge = report.graph.edges.find((candidate) => candidate.to === 'support')!;
    expect(edge.chatCtx).toBe('yes');
  });

  it('reports the unreachable agent, the specialist with no way back, and the tool clashes', () => {
    expect(findings(report, 'unreachable-agent')).toEqual(['error src/agents/legacy.ts:4']);
    expect(findings(report, 'no-way-back')).toEqual(['warning src/agents/sales.ts:21 src/agents/reception.ts:39']);
    expect(findings(report, 'duplicate-tool-name')).toEqual(['error src/agents/reception.ts:6 src/agents/sales.ts:5']);
    expect(findings(report, 'similar-tool-descriptions')).toEqual(['warning src/agents/reception.ts:17 src/agents/support.ts:5']);
  });

  it('reports what the tests do not cover', () => {
    expect(findings(report, 'untested-agent')).toEqual(['error src/agents/legacy.ts:4', 'error src/agents/sales.ts:21']);
    // One handoff is exercised (support → reception), so the other two are warnings, not errors.
    expect(findings(report, 'untested-handoff')).toEqual(['warning src/agents/reception.ts:39', 'warning src/agents/reception.ts:48']);
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

  it('reports the missing monitoring and the `as any` on userData', () => {
    expect(findings(report, 'missing-monitoring')).toEqual(['error src/agent.ts:9']);
    expect(findings(report, 'user-data-any')).toEqual(['error src/agents/reception.ts:12']);
  });

  it('marks the checklist items the findings contradict as ❌, with file:line evidence', () => {
    for (const id of ['intentional-handoffs', 'typed-context', 'tool-names', 'context-preserved', 'unit-tests', 'error-tests', 'context-tests', 'monitoring']) {
      expect(status(report, id), id).toBe('fail');
    }
    expect(status(report, 'handoff-tests')).toBe('warn');
    expect(status(report, 'models')).toBe('warn');
    const context = report.checklist.find((item) => item.id === 'context-preserved')!;
    expect(context.evidence[0]).toMatchObject({ file: 'src/agents/reception.ts', line: 39 });
  });

  it('folds the plugin lint results into the checklist', () => {
    expect(report.lint.ran).toBe(true);
    expect(report.lint.files).toBe(8);
    const tools = report.checklist.find((item) => item.id === 'tool-names')!;
    expect(tools.evidence).toContainEqual(expect.objectContaining({ file: 'src/agents/sales.ts', line: 14, note: expect.stringMatching(/^require-tool-description: /) }));
  });

  it('--fail-on tunes the exit code', () => {
    expect(audit([project, '--no-lint', '--fail-on', 'never']).code).toBe(0);
    expect(audit([project, '--no-lint', '--fail-on', 'warn']).code).toBe(1);
  });
});

describe('output formats on fixtures/audit/broken-project', () => {
  it('prints a readable terminal report by default', () => {
    const { stdout, code } = audit([project, '--no-lint']);
    expect(code).toBe(1);
    expect(stdout).toContain('LiveKit Agents audit: fixtures/audit/broken-project (tsconfig.json, 8 files, 1 test files)');
    expect(stdout).toContain('    → SalesAgent (via transferToSales) src/agents/reception.ts:39');
    expect(stdout).toMatch(/❌ Context preserved across handoffs: .*\n {8}src\/agents\/reception\.ts:39 {2}ReceptionAgent hands off to SalesAgent/);
    expect(stdout).toContain('lint not run: --no-lint');
  });

  it('prints Markdown for PR comments, with the Mermaid graph', () => {
    const { stdout } = audit([project, '--no-lint', '--format', 'markdown']);
    expect(stdout).toMatch(/^## LiveKit Agents audit\n/);
    expect(stdout).toContain('```mermaid\nflowchart LR\n');
    expect(stdout).toContain('| ❌ | Monitoring configured |');
    expect(stdout).toContain('| ❌ | `handoff-drops-chat-ctx` |');
  });

  it('prints SARIF 2.1.0 with the findings located relative to the project root', () => {
    const { stdout } = audit([project, '--no-lint', '--format', 'sarif']);
    const sarif = JSON.parse(stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('livekit-agents-audit');
    const dropped = run.results.find((result) => result.ruleId === 'audit/handoff-drops-chat-ctx')!;
    expect(dropped.level).toBe('error');
    expect(dropped.locations.map((location) => `${location.physicalLocation.artifactLocation.uri}:${location.physicalLocation.region.startLine}`)).toEqual([
      'src/agents/reception.ts:39',
      'src/agents/sales.ts:23',
    ]);
    expect(run.results.some((result) => result.ruleId === 'checklist/monitoring' && result.level === 'error')).toBe(true);
    for (const result of run.results) expect(run.tool.driver.rules.map((rule) => rule.id)).toContain(result.ruleId);
  });

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
});
