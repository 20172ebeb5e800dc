/**
 * The audit on the reference agent (fixtures/reference-agent): no ❌ item, the items that can only be shown are ⚠️,
 * and the graph shows the desk's agents and its handoffs both ways.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { auditJson, edgeList } from './helpers.js';

const project = 'fixtures/reference-agent';

describe('audit of fixtures/reference-agent', () => {
  let report: AuditReport;
  let code: number | null;

  beforeAll(() => {
    ({ report, code } = auditJson([project]));
  });

  it('exits 0 with no ❌ item and no finding that is an error', () => {
    expect(code).toBe(0);
    expect(
      report.checklist.filter((item) => item.status === 'fail').map((item) => `${item.title}: ${item.summary}`),
    ).toEqual([]);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(report.checklist).toHaveLength(23);
  });

  it('marks the items that can only be shown as ⚠️, with what it found', () => {
    const shown = report.checklist.filter((item) => item.id === 'models' || item.id === 'caching');
    expect(shown.map((item) => item.status)).toEqual(['warn', 'warn']);
    expect(shown[0]!.evidence.map((evidence) => evidence.note)).toContain('AgentSession llm: openai/gpt-4.1-mini');
  });

  it('ran the plugin rules on every file, tests included, with the config ESLint uses for them', () => {
    // The repository's eslint.config.js gives the reference agent the plugin's `all` config.
    expect(report.lint).toMatchObject({
      ran: true,
      parseErrors: [],
      config: { kind: 'project', file: '../../eslint.config.js' },
    });
    expect(report.findings).toEqual([]);
    expect(report.lint.files).toBe(report.project.files);
    expect(report.project.testFiles.length).toBeGreaterThan(0);
  });

  it('shows the agents and the handoffs both ways', () => {
    expect(report.graph.agents.map((agent) => agent.name).sort()).toEqual([
      'BillingAgent',
      'TechnicalSupportAgent',
      'TriageAgent',
    ]);
    expect(edgeList(report)).toEqual([
      'BillingAgent -handoff:transferBackToTriage-> TriageAgent',
      'TechnicalSupportAgent -handoff:transferBackToTriage-> TriageAgent',
      'TriageAgent -handoff:transferToBilling-> BillingAgent',
      'TriageAgent -handoff:transferToTechnicalSupport-> TechnicalSupportAgent',
      'entry_agent -start-> TriageAgent',
    ]);
    expect(report.graph.edges.filter((edge) => edge.kind === 'handoff').every((edge) => edge.chatCtx === 'yes')).toBe(
      true,
    );
  });

  it('finds every agent and every handoff exercised by the tests', () => {
    const item = (id: string) => report.checklist.find((candidate) => candidate.id === id)!;
    expect(item('unit-tests').status).toBe('pass');
    expect(item('handoff-tests').summary).toMatch(/^4 of 4 handoffs exercised by a test/);
    expect(item('context-tests').status).toBe('pass');
    expect(item('error-tests').status).toBe('pass');
  });

  it('without lint, the items the rules decide are not judged; no finding, so even --fail-on warning passes', () => {
    const run = auditJson([project, '--no-lint', '--fail-on', 'warning']);
    expect(run.code).toBe(0);
    const item = run.report.checklist.find((candidate) => candidate.id === 'connect-early')!;
    expect(item.status).toBe('warn');
    expect(item.summary).toContain(
      'not checked: no-await-before-connect, no-participant-wait-before-connect (lint not run: --no-lint)',
    );
  });
});
