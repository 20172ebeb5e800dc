/**
 * The production checklist of the best-practices guide, item by item (see docs/audit.md#the-checklist
 * and catalog.ts): each item is decided by the plugin's lint rules and the audit's cross-file checks, refers to the
 * findings that affect it (each finding is counted once, however many items it affects), and shows what holds.
 *
 * pass (✅): holds everywhere it applies, and everything that decides it ran. warn (⚠️): a warning-level finding
 * (heuristic or policy), an item that can only be shown, or one not fully judged (a rule off in the ESLint config
 * used, the lint not run). fail (❌): an error-level finding. na: nothing to check (no handoffs, no tools, ...).
 */
import type { CheckResult } from './checks.js';
import { ITEMS, type ItemDefinition, SAME_PROBLEM, type Section, type Selector } from './catalog.js';
import type { Finding } from './findings.js';
import type { AgentGraph } from './graph.js';
import type { LintResult } from './lint.js';
import type { Location } from './model.js';
import { count } from './plural.js';
import { nodeName } from './graph-queries.js';
import { type TestFacts, edgeKey } from './test-facts.js';

export type Status = 'pass' | 'warn' | 'fail' | 'na';

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
  /** Audit checks that decide the item. */
  checks: string[];
  /** Ids of the findings that affect it. */
  findings: number[];
  /** What holds, with locations. */
  evidence: Evidence[];
}

interface Context {
  graph: AgentGraph;
  checks: CheckResult;
  tests: TestFacts;
  lint: LintResult;
}

interface Shown {
  summary: string;
  evidence: Evidence[];
}

interface ItemBehaviour {
  /** What holds, with locations: shown whatever the status. */
  evidence?: (context: Context) => Shown;
  /** Why there is nothing to check, or null when the item applies. */
  notApplicable?: (context: Context) => string | null;
}

const MAX_EVIDENCE = 12;

function at(location: Location, note: string): Evidence {
  return { file: location.file, line: location.line, note };
}

function handoffsOf(graph: AgentGraph) {
  return graph.edges.filter((edge) => edge.kind === 'handoff' || edge.kind === 'update');
}

const noAgents = ({ graph }: Context): string | null => (graph.agents.length === 0 ? 'no agents found' : null);
const noHandoffs = ({ graph }: Context): string | null =>
  handoffsOf(graph).length === 0 ? 'no handoffs between agents' : null;
const noTools = ({ graph }: Context): string | null => (graph.tools.length === 0 ? 'no tools' : null);
const noEntries = ({ graph }: Context): string | null => (graph.entries.length === 0 ? 'no defineAgent entry' : null);

const BEHAVIOUR: Record<string, ItemBehaviour> = {
  'distinct-roles': {
    notApplicable: ({ graph }) =>
      graph.agents.length === 0
        ? 'no agents found'
        : graph.agents.length === 1
          ? 'a single agent, no roles to compare'
          : null,
    evidence: ({ graph }) => ({
      summary: `${count(graph.agents.length, 'agent')} compared for near-identical instructions and tools`,
      evidence: graph.agents.map((agent) =>
        at(agent.instructionsLocation ?? agent.location, `${agent.name}: ${count(agent.tools.length, 'tool')}`),
      ),
    }),
  },
  'intentional-handoffs': {
    notApplicable: noHandoffs,
    evidence: ({ graph }) => {
      const handoffs = handoffsOf(graph);
      return {
        summary: `${count(handoffs.length, 'handoff')} between ${count(graph.agents.length, 'agent')}`,
        evidence: handoffs.map((edge) =>
          at(
            edge.location,
            `${nodeName(graph, edge.from)} → ${nodeName(graph, edge.to)}${edge.via ? ` (${edge.via})` : ''}`,
          ),
        ),
      };
    },
  },
  'typed-context': {
    notApplicable: ({ checks }) => {
      const { typedContexts, untypedContexts, anyContexts } = checks.facts;
      return typedContexts.length + untypedContexts.length + anyContexts.length === 0
        ? 'no session holds shared userData'
        : null;
    },
    evidence: ({ checks }) => ({
      summary: `userData typed at ${count(checks.facts.typedContexts.length, 'session')}`,
      evidence: checks.facts.typedContexts.map((location) => at(location, 'typed AgentSession')),
    }),
  },
  prewarm: {
    notApplicable: ({ graph, checks }) =>
      checks.facts.resourceLoads.length === 0 && graph.entries.every((entry) => !entry.prewarm)
        ? 'no static resource loaded (no plugin .load() call)'
        : null,
    evidence: ({ graph, checks }) => prewarmEvidence(graph, checks.facts.resourceLoads),
  },
  'clear-instructions': {
    notApplicable: noAgents,
    evidence: ({ graph }) => ({
      summary: `instructions of ${count(graph.agents.length, 'agent')}`,
      evidence: graph.agents
        .filter((agent) => agent.instructionsLocation)
        .map((agent) => at(agent.instructionsLocation!, agent.name)),
    }),
  },
  'tool-names': {
    notApplicable: noTools,
    evidence: ({ graph }) => ({
      summary: count(graph.tools.length, 'tool'),
      evidence: graph.tools.map((tool) => at(tool.location, tool.name ?? '(unnamed)')),
    }),
  },
  'actionable-errors': { notApplicable: noTools, evidence: ({ graph }) => toolErrorEvidence(graph) },
  'context-preserved': {
    notApplicable: noHandoffs,
    evidence: ({ graph }) => {
      const handoffs = handoffsOf(graph);
      const kept = handoffs.filter((edge) => edge.chatCtx === 'yes');
      return {
        summary: `${kept.length} of ${count(handoffs.length, 'handoff')} visibly pass a chatCtx`,
        evidence: kept.map((edge) =>
          at(edge.location, `${nodeName(graph, edge.from)} → ${nodeName(graph, edge.to)} keeps chatCtx`),
        ),
      };
    },
  },
  'unit-tests': {
    notApplicable: noAgents,
    evidence: ({ graph, tests }) => ({
      summary: `${graph.agents.filter((agent) => tests.exercised.has(agent.id)).length} of ${count(graph.agents.length, 'agent')} started or run by a test`,
      evidence: graph.agents.flatMap((agent) =>
        (tests.exercised.get(agent.id) ?? []).slice(0, 1).map((location) => at(location, agent.name)),
      ),
    }),
  },
  'handoff-tests': {
    notApplicable: noHandoffs,
    evidence: ({ graph, tests }) => {
      const handoffs = handoffsOf(graph);
      const covered = handoffs.filter((edge) => tests.exercisedEdges.has(edgeKey(edge.from, edge.to)));
      return {
        summary: `${covered.length} of ${count(handoffs.length, 'handoff')} exercised by a test`,
        evidence: covered.map((edge) =>
          at(
            tests.exercisedEdges.get(edgeKey(edge.from, edge.to))!,
            `${nodeName(graph, edge.from)} → ${nodeName(graph, edge.to)}`,
          ),
        ),
      };
    },
  },
  'error-tests': {
    notApplicable: noTools,
    evidence: ({ tests }) => ({
      summary: `${count(tests.errorAsserts.length, 'assertion')} on failing tool calls (isError: true)`,
      evidence: tests.errorAsserts.map((location) => at(location, 'isError: true')),
    }),
  },
  'tool-call-tests': {
    notApplicable: ({ graph, tests }) =>
      graph.tools.length === 0 && tests.runs.length === 0 ? 'no tools and no test runs' : null,
    evidence: ({ graph, tests }) => ({
      summary:
        graph.tools.length === 0
          ? `no tools; ${count(tests.runs.length, 'test run')} checked`
          : `${count(tests.verifiedTools.size, 'tool')} verified by name in tests`,
      evidence: [...tests.verifiedTools].map(([name, locations]) => at(locations[0]!, name)),
    }),
  },
  'context-tests': {
    notApplicable: noHandoffs,
    evidence: ({ tests }) => ({
      summary: `${count(tests.contextReads.length, 'read')} of userData/chatCtx after a handoff in tests`,
      evidence: tests.contextReads.map((location) => at(location, 'read after handoff')),
    }),
  },
  'vad-prewarm': {
    notApplicable: ({ checks }) => (checks.facts.resourceLoads.some((load) => load.vad) ? null : 'no VAD.load() call'),
    evidence: ({ graph, checks }) =>
      prewarmEvidence(
        graph,
        checks.facts.resourceLoads.filter((load) => load.vad),
      ),
  },
  'connect-early': {
    notApplicable: noEntries,
    evidence: ({ graph }) => ({
      summary: `${count(graph.entries.length, 'entry')} checked`,
      evidence: graph.entries.filter((entry) => entry.entry).map((entry) => at(entry.location, entry.name)),
    }),
  },
  models: {
    evidence: ({ checks }) => ({
      summary:
        checks.facts.models.length > 0
          ? `models: ${[...new Set(checks.facts.models.map((model) => model.model))].join(', ')} (shown, not judged)`
          : 'no LLM configured in the code (shown, not judged)',
      evidence: checks.facts.models.map((model) => at(model.location, `${model.owner}: ${model.model}`)),
    }),
  },
  caching: {
    evidence: ({ checks }) => ({
      summary: `${count(checks.facts.caches.length, 'cache')} found (shown, not judged)`,
      evidence: checks.facts.caches.map((cache) => at(cache.location, cache.name)),
    }),
  },
  metrics: { notApplicable: noEntries, evidence: ({ checks }) => monitoringEvidence(checks) },
  'graceful-errors': { notApplicable: noTools, evidence: ({ graph }) => toolErrorEvidence(graph) },
  monitoring: { notApplicable: noEntries, evidence: ({ checks }) => monitoringEvidence(checks) },
};

function prewarmEvidence(graph: AgentGraph, loads: CheckResult['facts']['resourceLoads']): Shown {
  const withPrewarm = graph.entries.filter((entry) => entry.prewarm);
  const inPrewarm = loads.filter((load) => load.inPrewarm).length;
  return {
    summary: `prewarm() in ${withPrewarm.length} of ${count(graph.entries.length, 'entry')}; ${inPrewarm} of ${count(loads.length, 'resource load')} in prewarm()`,
    evidence: [
      ...withPrewarm.map((entry) =>
        at({ file: entry.location.file, line: entry.prewarm!.getStartLineNumber() }, 'prewarm'),
      ),
      ...loads.filter((load) => load.inPrewarm).map((load) => at(load.location, 'loaded in prewarm()')),
    ],
  };
}

function toolErrorEvidence(graph: AgentGraph): Shown {
  const errors = graph.tools.flatMap((tool) =>
    tool.toolErrors.map((location) => at(location, `${tool.name ?? 'tool'} throws llm.ToolError`)),
  );
  return { summary: `${count(errors.length, 'llm.ToolError')} thrown by tools`, evidence: errors };
}

function monitoringEvidence(checks: CheckResult): Shown {
  const entries = [...checks.facts.monitoring.values()];
  return {
    summary: `metrics or usage collected in ${entries.filter((list) => list.length > 0).length} of ${count(entries.length, 'entry')}`,
    evidence: entries.flat().map((site) => at(site.location, site.note)),
  };
}

/** Why some of an item's rules did not judge it (off in the config used, lint not run), or null. */
function unjudged(
  definition: ItemDefinition,
  rules: readonly string[],
  checks: readonly string[],
  lint: LintResult,
): string | null {
  // A rule whose problem an audit check of the item also finds is covered by that check.
  const covered = (rule: string) => SAME_PROBLEM.some((pair) => pair.rule === rule && checks.includes(pair.check));
  const needed = rules.filter((rule) => !covered(rule));
  if (needed.length === 0) return null;
  if (!lint.ran) return `not checked: ${needed.join(', ')} (lint not run: ${lint.reason ?? 'skipped'})`;
  const off = needed.filter((rule) => !lint.enabledRules.has(rule));
  if (off.length === 0) return null;
  return `not checked: ${off.join(', ')} (off in the ESLint config used)`;
}

export function buildChecklist(context: Context, findings: readonly Finding[], selector: Selector): ChecklistItem[] {
  const { lint } = context;
  return ITEMS.filter((definition) => selector.reports(definition)).map((definition) => {
    const behaviour = BEHAVIOUR[definition.id] ?? {};
    const rules = definition.rules.filter((rule) => selector.runs(rule));
    const checks = definition.checks.filter((check) => selector.runs(check));
    const mine = findings.filter((finding) => finding.items.includes(definition.id));
    const shown = behaviour.evidence?.(context) ?? { summary: '', evidence: [] };
    const errors = mine.filter((finding) => finding.severity === 'error').length;
    const warnings = mine.length - errors;
    const reasons: string[] = [];
    let status: Status;
    const notApplicable = mine.length === 0 ? (behaviour.notApplicable?.(context) ?? null) : null;
    const missing = unjudged(definition, rules, checks, lint);
    if (errors > 0 || warnings > 0) {
      status = errors > 0 ? 'fail' : 'warn';
      const parts = [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : ''].filter(
        Boolean,
      );
      reasons.push(parts.join(', '));
      if (missing) reasons.push(missing);
    } else if (notApplicable) {
      status = 'na';
      return {
        id: definition.id,
        section: definition.section,
        title: definition.title,
        status,
        summary: `not applicable: ${notApplicable}`,
        rules,
        checks,
        findings: [],
        evidence: [],
      };
    } else if (missing) {
      status = 'warn';
      reasons.push(missing);
    } else if (definition.shownOnly) {
      status = 'warn';
    } else {
      status = 'pass';
      if (rules.length > 0) reasons.push(`no problems from ${rules.join(', ')} in ${count(lint.fileCount, 'file')}`);
    }
    const skipped = [...definition.rules, ...definition.checks].filter((id) => !selector.runs(id));
    if (skipped.length > 0) reasons.push(`skipped: ${skipped.join(', ')}`);
    return {
      id: definition.id,
      section: definition.section,
      title: definition.title,
      status,
      summary: [shown.summary, ...reasons].filter(Boolean).join('; '),
      rules,
      checks,
      findings: mine.map((finding) => finding.id),
      evidence: shown.evidence.slice(0, MAX_EVIDENCE),
    };
  });
}
