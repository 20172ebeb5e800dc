/**
 * The production checklist of the best-practices guide, item by item (see the project's CHECKLIST.md): each
 * item is decided by the plugin's lint rules and the audit's cross-file checks, and shows its evidence.
 *
 * pass (✅): holds everywhere it applies. warn (⚠️): holds partly, only heuristically, can only be shown, or
 * could not be judged (a rule missing from this build, the lint not run). fail (❌): a finding contradicts it.
 */
import type { CheckResult, Finding } from './checks.js';
import type { AgentGraph } from './graph.js';
import type { LintMessage, LintResult } from './lint.js';
import type { Location } from './model.js';
import { nodeName } from './report.js';
import { type TestFacts, edgeKey } from './test-facts.js';

export type Status = 'pass' | 'warn' | 'fail';
export type Section = 'Architecture' | 'Implementation' | 'Testing' | 'Performance' | 'Production';

export interface Evidence extends Location {
  note: string;
}

export interface ChecklistItem {
  id: string;
  section: Section;
  title: string;
  status: Status;
  /** One line: why the item has its status. */
  summary: string;
  /** Rules of the plugin that decide the item (ids without namespace). */
  rules: string[];
  findings: Finding[];
  lint: LintMessage[];
  evidence: Evidence[];
}

interface Context {
  graph: AgentGraph;
  checks: CheckResult;
  tests: TestFacts;
  lint: LintResult;
}

interface ItemDefinition {
  id: string;
  section: Section;
  title: string;
  rules: string[];
  /** Audit check ids whose findings count against the item. */
  checks: string[];
  /** Items the audit can show but not judge: at best ⚠️. */
  shownOnly?: boolean;
  /** What holds, with locations: shown whatever the status. */
  evidence?: (context: Context) => { summary: string; evidence: Evidence[] };
}

const MAX_EVIDENCE = 12;

function at(location: Location, note: string): Evidence {
  return { file: location.file, line: location.line, note };
}


function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const ITEMS: ItemDefinition[] = [
  {
    id: 'distinct-roles',
    section: 'Architecture',
    title: 'Agents have clear, distinct roles',
    rules: ['no-vague-instructions'],
    checks: ['duplicate-agent-role'],
    evidence: ({ graph }) => ({
      summary: `${count(graph.agents.length, 'agent')} compared for near-identical instructions and tools`,
      evidence: graph.agents.map((agent) => at(agent.instructionsLocation ?? agent.location, `${agent.name}: ${count(agent.tools.length, 'tool')}`)),
    }),
  },
  {
    id: 'intentional-handoffs',
    section: 'Architecture',
    title: 'Handoffs are intentional and well-motivated',
    rules: ['require-handoff-conditions', 'require-llm-handoff'],
    checks: ['unmotivated-handoff', 'no-way-back', 'unreachable-agent', 'no-entry'],
    evidence: ({ graph }) => {
      const handoffs = graph.edges.filter((edge) => edge.kind === 'handoff' || edge.kind === 'update');
      return {
        summary: `${count(handoffs.length, 'handoff')} between ${count(graph.agents.length, 'agent')}`,
        evidence: handoffs.map((edge) => at(edge.location, `${nodeName(graph, edge.from)} → ${nodeName(graph, edge.to)}${edge.via ? ` (${edge.via})` : ''}`)),
      };
    },
  },
  {
    id: 'typed-context',
    section: 'Architecture',
    title: 'Shared context is properly typed',
    rules: [],
    checks: ['user-data-any', 'untyped-user-data'],
    evidence: ({ checks }) => ({
      summary:
        checks.facts.typedContexts.length > 0
          ? `userData typed at ${count(checks.facts.typedContexts.length, 'session')}, no \`as any\``
          : 'no session holds shared userData',
      evidence: checks.facts.typedContexts.map((location) => at(location, 'typed AgentSession')),
    }),
  },
  {
    id: 'prewarm',
    section: 'Architecture',
    title: 'Static resources prewarmed',
    rules: ['no-vad-load-outside-prewarm', 'no-unprewarmed-proc-userdata', 'no-user-data-in-prewarm'],
    checks: [],
    evidence: ({ graph }) => prewarmEvidence(graph),
  },
  {
    id: 'clear-instructions',
    section: 'Implementation',
    title: 'Instructions are clear and specific',
    rules: ['no-vague-instructions'],
    checks: [],
    evidence: ({ graph }) => ({
      summary: `instructions of ${count(graph.agents.length, 'agent')} checked`,
      evidence: graph.agents.filter((agent) => agent.instructionsLocation).map((agent) => at(agent.instructionsLocation!, agent.name)),
    }),
  },
  {
    id: 'tool-names',
    section: 'Implementation',
    title: 'Tools have descriptive names and docstrings',
    rules: ['no-vague-tool-names', 'require-tool-description', 'require-tool-parameter-descriptions'],
    checks: ['duplicate-tool-name', 'similar-tool-descriptions'],
    evidence: ({ graph }) => ({
      summary: `${count(graph.tools.length, 'tool')}`,
      evidence: graph.tools.map((tool) => at(tool.location, tool.name ?? '(unnamed)')),
    }),
  },
  {
    id: 'actionable-errors',
    section: 'Implementation',
    title: 'Errors provide actionable guidance',
    rules: ['prefer-tool-error', 'require-actionable-tool-errors'],
    checks: [],
    evidence: ({ graph }) => toolErrorEvidence(graph),
  },
  {
    id: 'context-preserved',
    section: 'Implementation',
    title: 'Context preserved across handoffs',
    rules: ['require-handoff-chat-ctx'],
    checks: ['handoff-drops-chat-ctx'],
    evidence: ({ graph }) => {
      const handoffs = graph.edges.filter((edge) => edge.kind === 'handoff' || edge.kind === 'update');
      const kept = handoffs.filter((edge) => edge.chatCtx === 'yes');
      return {
        summary: `${kept.length} of ${count(handoffs.length, 'handoff')} visibly pass a chatCtx`,
        evidence: kept.map((edge) => at(edge.location, `${nodeName(graph, edge.from)} → ${nodeName(graph, edge.to)} keeps chatCtx`)),
      };
    },
  },
  {
    id: 'async',
    section: 'Implementation',
    title: 'Async operations throughout',
    rules: ['no-sync-sleep', 'no-blocking-calls', 'no-floating-lifecycle'],
    checks: [],
  },
  {
    id: 'unit-tests',
    section: 'Testing',
    title: 'Unit tests for each agent',
    rules: [],
    checks: ['untested-agent'],
    evidence: ({ graph, tests }) => ({
      summary: `${graph.agents.filter((agent) => tests.exercised.has(agent.id)).length} of ${count(graph.agents.length, 'agent')} started or run by a test`,
      evidence: graph.agents.flatMap((agent) => (tests.exercised.get(agent.id) ?? []).slice(0, 1).map((location) => at(location, agent.name))),
    }),
  },
  {
    id: 'handoff-tests',
    section: 'Testing',
    title: 'Integration tests for handoffs',
    rules: [],
    checks: ['untested-handoff'],
    evidence: ({ graph, tests }) => {
      const handoffs = graph.edges.filter((edge) => edge.kind === 'handoff' || edge.kind === 'update');
      const covered = handoffs.filter((edge) => tests.exercisedEdges.has(edgeKey(edge.from, edge.to)));
      return {
        summary: `${covered.length} of ${count(handoffs.length, 'handoff')} exercised by a test`,
        evidence: covered.map((edge) => at(tests.exercisedEdges.get(edgeKey(edge.from, edge.to))!, `${nodeName(graph, edge.from)} → ${nodeName(graph, edge.to)}`)),
      };
    },
  },
  {
    id: 'error-tests',
    section: 'Testing',
    title: 'Error scenarios covered',
    rules: [],
    checks: ['no-error-tests'],
    evidence: ({ tests }) => ({
      summary: `${count(tests.errorAsserts.length, 'assertion')} on failing tool calls (isError: true)`,
      evidence: tests.errorAsserts.map((location) => at(location, 'isError: true')),
    }),
  },
  {
    id: 'tool-call-tests',
    section: 'Testing',
    title: 'Tool calls verified',
    rules: ['require-run-result-wait'],
    checks: ['unverified-tools', 'unverified-tool'],
    evidence: ({ tests }) => ({
      summary: `${count(tests.verifiedTools.size, 'tool')} verified by name in tests`,
      evidence: [...tests.verifiedTools].map(([name, locations]) => at(locations[0]!, name)),
    }),
  },
  {
    id: 'context-tests',
    section: 'Testing',
    title: 'Context persistence tested',
    rules: [],
    checks: ['no-context-tests'],
    evidence: ({ tests }) => ({
      summary: `${count(tests.contextReads.length, 'read')} of userData/chatCtx after a handoff in tests`,
      evidence: tests.contextReads.map((location) => at(location, 'read after handoff')),
    }),
  },
  {
    id: 'vad-prewarm',
    section: 'Performance',
    title: 'VAD loaded in prewarm()',
    rules: ['no-vad-load-outside-prewarm'],
    checks: [],
    evidence: ({ graph }) => prewarmEvidence(graph),
  },
  {
    id: 'connect-early',
    section: 'Performance',
    title: 'Connect() called early',
    rules: ['no-await-before-connect', 'no-participant-wait-before-connect'],
    checks: [],
    evidence: ({ graph }) => ({
      summary: `${count(graph.entries.length, 'entry')} checked`,
      evidence: graph.entries.filter((entry) => entry.entry).map((entry) => at(entry.location, entry.name)),
    }),
  },
  {
    id: 'models',
    section: 'Performance',
    title: 'Appropriate models selected',
    rules: [],
    checks: [],
    shownOnly: true,
    evidence: ({ checks }) => ({
      summary:
        checks.facts.models.length > 0
          ? `models: ${[...new Set(checks.facts.models.map((model) => model.model))].join(', ')} (shown, not judged)`
          : 'no LLM configured in the code (shown, not judged)',
      evidence: checks.facts.models.map((model) => at(model.location, `${model.owner}: ${model.model}`)),
    }),
  },
  {
    id: 'caching',
    section: 'Performance',
    title: 'Caching where beneficial',
    rules: [],
    checks: [],
    shownOnly: true,
    evidence: ({ checks }) => ({
      summary: `${count(checks.facts.caches.length, 'cache')} found (shown, not judged)`,
      evidence: checks.facts.caches.map((cache) => at(cache.location, cache.name)),
    }),
  },
  {
    id: 'structured-logging',
    section: 'Production',
    title: 'Logging structured and informative',
    rules: ['prefer-structured-logging'],
    checks: [],
  },
  {
    id: 'metrics',
    section: 'Production',
    title: 'Metrics collected',
    rules: ['require-session-metrics'],
    checks: [],
    evidence: ({ checks }) => monitoringEvidence(checks),
  },
  {
    id: 'graceful-errors',
    section: 'Production',
    title: 'Errors handled gracefully',
    rules: ['prefer-tool-error', 'require-actionable-tool-errors'],
    checks: [],
    evidence: ({ graph }) => toolErrorEvidence(graph),
  },
  {
    id: 'sensitive-data',
    section: 'Production',
    title: 'Sensitive data protected',
    rules: ['no-sensitive-logging', 'no-sensitive-tool-output', 'require-tool-input-validation', 'require-permission-check'],
    checks: [],
  },
  {
    id: 'monitoring',
    section: 'Production',
    title: 'Monitoring configured',
    rules: [],
    checks: ['missing-monitoring'],
    evidence: ({ checks }) => monitoringEvidence(checks),
  },
];

function prewarmEvidence(graph: AgentGraph): { summary: string; evidence: Evidence[] } {
  const withPrewarm = graph.entries.filter((entry) => entry.prewarm);
  return {
    summary: `${withPrewarm.length} of ${count(graph.entries.length, 'entry')} define prewarm()`,
    evidence: withPrewarm.map((entry) => at({ file: entry.location.file, line: entry.prewarm!.getStartLineNumber() }, 'prewarm')),
  };
}

function toolErrorEvidence(graph: AgentGraph): { summary: string; evidence: Evidence[] } {
  const errors = graph.tools.flatMap((tool) => tool.toolErrors.map((location) => at(location, `${tool.name ?? 'tool'} throws llm.ToolError`)));
  return { summary: `${count(errors.length, 'llm.ToolError')} thrown by tools`, evidence: errors };
}

function monitoringEvidence(checks: CheckResult): { summary: string; evidence: Evidence[] } {
  const entries = [...checks.facts.monitoring.values()];
  const sites = entries.flat();
  return {
    summary: `${entries.filter((list) => list.length > 0).length} of ${count(entries.length, 'entry')} collect metrics or usage`,
    evidence: sites.map((site) => at(site.location, site.note)),
  };
}

export function buildChecklist(context: Context): ChecklistItem[] {
  const { checks, lint } = context;
  return ITEMS.map((definition) => {
    const findings = checks.findings.filter((finding) => definition.checks.includes(finding.check));
    const lintMessages = definition.rules.flatMap((rule) => lint.byRule.get(rule) ?? []);
    const missing = definition.rules.filter((rule) => !lint.availableRules.has(rule));
    const shown = definition.evidence?.(context) ?? { summary: '', evidence: [] };
    const errors = findings.filter((finding) => finding.severity === 'error');
    const warnings = findings.filter((finding) => finding.severity === 'warning');
    let status: Status = 'pass';
    const reasons: string[] = [];
    if (errors.length > 0 || lintMessages.length > 0) {
      status = 'fail';
      if (errors.length > 0) reasons.push(count(errors.length, 'finding'));
      if (warnings.length > 0) reasons.push(count(warnings.length, 'warning'));
      if (lintMessages.length > 0) reasons.push(`${count(lintMessages.length, 'lint problem')} (${[...new Set(lintMessages.map((message) => message.ruleId))].join(', ')})`);
    } else if (warnings.length > 0) {
      status = 'warn';
      reasons.push(count(warnings.length, 'warning'));
    }
    if (definition.rules.length > 0 && !lint.ran && status !== 'fail') {
      status = 'warn';
      reasons.push(`lint not run: ${lint.reason ?? 'skipped'}`);
    } else if (missing.length > 0 && status !== 'fail') {
      status = 'warn';
      reasons.push(`not in this plugin build: ${missing.join(', ')}`);
    }
    if (definition.shownOnly && status === 'pass') status = 'warn';
    if (status === 'pass' && definition.rules.length > 0) {
      reasons.push(`no problems from ${definition.rules.join(', ')} in ${count(lint.fileCount, 'file')}`);
    }
    const summary = [shown.summary, ...reasons].filter(Boolean).join('; ');
    const evidence: Evidence[] = [
      ...findings.flatMap((finding) =>
        finding.locations.map((location, index) => at(location, index === 0 ? finding.message : `(${finding.check}, see above)`)),
      ),
      ...lintMessages.map((message) => at(message, `${message.ruleId}: ${message.message}`)),
      ...shown.evidence,
    ].slice(0, MAX_EVIDENCE);
    return {
      id: definition.id,
      section: definition.section,
      title: definition.title,
      status,
      summary,
      rules: definition.rules,
      findings,
      lint: lintMessages,
      evidence,
    };
  });
}
