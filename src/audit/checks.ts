/**
 * The cross-file checks: facts no single-file lint rule can establish, each reported as a finding with evidence.
 */
import { Node, type SourceFile, SyntaxKind } from 'ts-morph';
import { splitWords } from '../analysis/words.js';
import { CHECKS, type Severity } from './catalog.js';
import type { AgentGraph, EntryFact, GraphBuilder, ToolFact } from './graph.js';
import { type Location, isWithin, propertyValue, unwrap } from './model.js';
import { nodeName, reachableFromEntries } from './graph-queries.js';
import { type TestFacts, edgeKey } from './test-facts.js';

export interface AuditFinding {
  /** Check id: 'handoff-drops-chat-ctx', 'unreachable-agent', ... (catalog.ts). */
  check: string;
  severity: Severity;
  message: string;
  locations: Location[];
  /** Where a lint rule reporting the same problem would point (sessions of an entry, ...). */
  related: Location[];
  /** Checklist items the finding affects besides those of its check. */
  also: string[];
}

/** Facts gathered outside the graph that several checklist items show. */
export interface ProjectFacts {
  /** Per entry: where its metrics listener or usage summary is, if anywhere. */
  monitoring: Map<string, { location: Location; note: string }[]>;
  /** Sessions and agents whose shared state (`userData`) carries a named type. */
  typedContexts: Location[];
  /** Sessions that hold `userData` with no named type. */
  untypedContexts: Location[];
  /** `as any` (or an `any` type argument) on shared state. */
  anyContexts: Location[];
  /** LLMs as configured on sessions and agents. */
  models: { owner: string; model: string; location: Location }[];
  /** Names that suggest caching (`cache`, `memo`) and values kept in `proc.userData` by prewarm. */
  caches: { name: string; location: Location }[];
  /** Static resources loaded from a plugin (`silero.VAD.load()`, ...), and whether each is a VAD. */
  resourceLoads: { location: Location; vad: boolean; inPrewarm: boolean }[];
  /** Per entry: the sessions constructed in its scope (`new voice.AgentSession(...)`). */
  sessionsByEntry: Map<string, Location[]>;
}

export interface CheckResult {
  findings: AuditFinding[];
  facts: ProjectFacts;
}

const NAME_FILLER = new Set(['agent', 'task', 'create', 'make', 'build', 'new', 'get', 'the', 'of']);
const DESCRIPTION_FILLER = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'for',
  'and',
  'or',
  'is',
  'it',
  'this',
  'that',
  'in',
  'on',
  'with',
  'by',
]);
/** Word-set similarity above which two instructions or descriptions count as near-identical. */
const SIMILAR = 0.8;
const PERSONA = /\b(?:[Yy]ou are|[Yy]our name is) (?!(?:The|A|An)\b)([A-Z][a-z]+)\b/;
const CONTEXT_TYPES = /(?:^|\.)(?:AgentSession|Agent|AgentTask|RunContext|ToolOptions)$/;

function wordSet(text: string, filler: ReadonlySet<string>): Set<string> {
  return new Set(
    splitWords(text)
      .filter((word) => !filler.has(word))
      .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word)),
  );
}

/** Jaccard similarity of two word sets. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The set of an agent's tool names, as a comparable key. */
function toolSetKey(tools: readonly ToolFact[]): string {
  return [...new Set(tools.map((tool) => tool.name ?? '?'))].sort().join('\n');
}

export function runChecks(
  builder: GraphBuilder,
  graph: AgentGraph,
  tests: TestFacts,
  sourceFiles: readonly SourceFile[],
): CheckResult {
  const findings: AuditFinding[] = [];
  const add = (
    check: string,
    severity: Severity | null,
    message: string,
    locations: Location[],
    related: Location[] = [],
  ): AuditFinding => {
    const finding = {
      check,
      severity: severity ?? CHECKS[check]!.severity,
      message,
      locations,
      related,
      also: [] as string[],
    };
    findings.push(finding);
    return finding;
  };
  const agentById = new Map(graph.agents.map((agent) => [agent.id, agent]));
  const name = (id: string): string => nodeName(graph, id);
  const handoffs = graph.edges.filter((edge) => edge.kind === 'handoff' || edge.kind === 'update');
  const handoffKeys = new Set(handoffs.map((edge) => edgeKey(edge.from, edge.to)));

  // Context kept across handoffs: a target built in another file whose constructor or factory drops chatCtx.
  for (const edge of handoffs) {
    if (edge.chatCtx !== 'no' || !edge.dropAt || edge.dropAt.file === edge.location.file) continue;
    add(
      'handoff-drops-chat-ctx',
      null,
      `${name(edge.from)} hands off to ${name(edge.to)}, but ${edge.dropAt.file} builds ${name(edge.to)} without a chatCtx: the new agent starts with an empty conversation. Forward a chatCtx to super(...) or the agent's options.`,
      [edge.location, edge.dropAt],
    );
  }

  // Reachability from the entries.
  const reached = reachableFromEntries(graph.edges);
  if (graph.entries.length === 0) {
    add('no-entry', null, 'No defineAgent(...) entry found: reachability of agents cannot be judged.', []);
  } else {
    const unsure = graph.unresolved.length > 0;
    for (const agent of graph.agents) {
      if (reached.has(agent.id)) continue;
      add(
        'unreachable-agent',
        unsure ? 'warning' : null,
        `${agent.name} is not started by any entry and no handoff reaches it${unsure ? ` (${graph.unresolved.length} handoff target(s) could not be resolved)` : ''}: remove it or wire it in.`,
        [agent.location],
      );
    }
  }

  // Specialists with no way back, when the project uses the bidirectional pattern elsewhere.
  const pairs = handoffs.filter((edge) => edge.from !== edge.to && handoffKeys.has(edgeKey(edge.to, edge.from)));
  if (pairs.length > 0) {
    const example = pairs[0]!;
    const handoffNext = new Map<string, string[]>();
    for (const edge of handoffs) handoffNext.set(edge.from, [...(handoffNext.get(edge.from) ?? []), edge.to]);
    const canReach = (from: string, to: string): boolean => {
      const seen = new Set<string>();
      const stack = [from];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (id === to) return true;
        if (seen.has(id)) continue;
        seen.add(id);
        stack.push(...(handoffNext.get(id) ?? []));
      }
      return false;
    };
    const reported = new Set<string>();
    for (const edge of handoffs) {
      if (edge.from === edge.to || reported.has(edge.to) || !agentById.has(edge.from)) continue;
      if (agentById.get(edge.to)?.base === 'voice.AgentTask') continue;
      const unresolvedOut = graph.unresolved.some((handoff) => handoff.from === edge.to);
      if (unresolvedOut || canReach(edge.to, edge.from)) continue;
      reported.add(edge.to);
      add(
        'no-way-back',
        null,
        `${name(edge.to)} has no handoff back to ${name(edge.from)}, while ${name(example.from)} and ${name(example.to)} hand off both ways: give it a tool that returns the caller once its task is done.`,
        [agentById.get(edge.to)!.location, edge.location],
      );
    }
  }

  // Tools of agents that hand off to each other: duplicate names, near-identical descriptions.
  const comparedPairs = new Set<string>();
  for (const edge of handoffs) {
    const a = agentById.get(edge.from);
    const b = agentById.get(edge.to);
    if (!a || !b || a === b) continue;
    const key = [a.id, b.id].sort().join('|');
    if (comparedPairs.has(key)) continue;
    comparedPairs.add(key);
    for (const left of a.tools) {
      for (const right of b.tools) {
        if (left === right) continue;
        if (left.name !== null && left.name === right.name) {
          add(
            'duplicate-tool-name',
            null,
            `${a.name} and ${b.name} are joined by a handoff and each defines a different tool named '${left.name}': after the handoff the LLM sees calls to one in the history and may call the other. Give each a distinct name.`,
            [left.location, right.location],
          );
        } else if (left.description?.complete && right.description?.complete) {
          const score = similarity(
            wordSet(left.description.text, DESCRIPTION_FILLER),
            wordSet(right.description.text, DESCRIPTION_FILLER),
          );
          if (score >= SIMILAR) {
            add(
              'similar-tool-descriptions',
              null,
              `${a.name}'s '${left.name ?? '?'}' and ${b.name}'s '${right.name ?? '?'}' have near-identical descriptions (${Math.round(score * 100)}% of words shared): say what sets each apart.`,
              [left.location, right.location],
            );
          }
        }
      }
    }
  }

  // Distinct roles: near-duplicate instructions with the same tools (agents are compared within a tool set).
  const byToolSet = new Map<string, { agent: (typeof graph.agents)[number]; words: Set<string> }[]>();
  for (const agent of graph.agents) {
    if (!agent.instructions) continue;
    const key = toolSetKey(agent.tools);
    const group = byToolSet.get(key) ?? [];
    group.push({ agent, words: wordSet(agent.instructions.text, DESCRIPTION_FILLER) });
    byToolSet.set(key, group);
  }
  // Agents that different entries start are separate systems (a folder of examples): their roles are not compared.
  const entriesOf = new Map<string, Set<string>>();
  for (const entry of graph.entries) {
    for (const id of reachableFromEntries(
      graph.edges.filter((edge) => edge.kind !== 'start' || edge.from === entry.id),
    )) {
      entriesOf.set(id, (entriesOf.get(id) ?? new Set()).add(entry.id));
    }
  }
  const separate = (a: string, b: string): boolean => {
    const [ea, eb] = [entriesOf.get(a), entriesOf.get(b)];
    return ea !== undefined && eb !== undefined && ![...ea].some((entry) => eb.has(entry));
  };
  for (const group of byToolSet.values()) {
    group.forEach(({ agent: a, words: aWords }, i) => {
      for (const { agent: b, words: bWords } of group.slice(i + 1)) {
        if (separate(a.id, b.id)) continue;
        const score = similarity(aWords, bWords);
        if (score < SIMILAR) continue;
        add(
          'duplicate-agent-role',
          null,
          `${a.name} and ${b.name} have near-identical instructions (${Math.round(score * 100)}% of words shared) and the same tools: merge them or make their roles distinct.`,
          [a.instructionsLocation ?? a.location, b.instructionsLocation ?? b.location],
        );
      }
    });
  }

  // Handoffs the source's instructions never motivate.
  for (const edge of handoffs) {
    const source = agentById.get(edge.from);
    const target = agentById.get(edge.to);
    if (!source?.instructions || !target || source === target) continue;
    const said = wordSet(source.instructions.text, DESCRIPTION_FILLER);
    const targetWords = [...wordSet(target.name, NAME_FILLER)].filter((word) => word.length >= 3);
    // The target may also be named by its persona: "You are Sam, ..." → "transfer them so Sam can route them".
    const persona = target.instructions ? PERSONA.exec(target.instructions.text)?.[1]?.toLowerCase() : undefined;
    if (targetWords.length === 0 || targetWords.some((word) => said.has(word)) || (persona && said.has(persona)))
      continue;
    add(
      'unmotivated-handoff',
      null,
      `${source.name} can hand off to ${target.name}, but its instructions never mention ${targetWords.join(' ')}: say when to transfer.`,
      [edge.location, source.instructionsLocation ?? source.location],
    );
  }

  // Tests. No test file at all is one problem, not one per agent, handoff and tool.
  const toolsInUse = graph.agents.flatMap((agent) => agent.tools);
  if (tests.files.length === 0) {
    if (graph.agents.length > 0) {
      add(
        'no-tests',
        null,
        `No test file (*.test.*, *.spec.*, tests/): no agent, handoff or tool call is exercised. Start with a test that runs a turn of ${graph.agents[0]!.name}.`,
        [],
      );
    }
  } else {
    testFindings(graph, tests, handoffs, toolsInUse, add, name);
  }

  const facts = collectFacts(builder, graph, sourceFiles);
  for (const entry of graph.entries) {
    if ((facts.monitoring.get(entry.id) ?? []).length > 0) continue;
    const sessions = facts.sessionsByEntry.get(entry.id) ?? [];
    add(
      'missing-monitoring',
      null,
      `${entry.name} registers no metrics listener (MetricsCollected) and reads no usage summary (session.usage): production runs go unobserved.`,
      [entry.location],
      sessions,
    );
  }
  for (const location of facts.anyContexts) {
    add(
      'user-data-any',
      null,
      'Shared state is cast to any: type it (voice.AgentSession<UserData>, llm.ToolOptions<UserData>).',
      [location],
    );
  }
  for (const location of facts.untypedContexts) {
    add(
      'untyped-user-data',
      null,
      'This session holds userData with no named type: declare an interface and use voice.AgentSession<UserData>.',
      [location],
    );
  }
  return { findings, facts };
}

type Add = (
  check: string,
  severity: Severity | null,
  message: string,
  locations: Location[],
  related?: Location[],
) => AuditFinding;

function testFindings(
  graph: AgentGraph,
  tests: TestFacts,
  handoffs: readonly AgentGraph['edges'][number][],
  toolsInUse: readonly ToolFact[],
  add: Add,
  name: (id: string) => string,
): void {
  // An untested agent and the untested handoffs into it are one problem: a test of the handoff covers both.
  const untestedEdges = handoffs.filter((edge) => !tests.exercisedEdges.has(edgeKey(edge.from, edge.to)));
  for (const agent of graph.agents) {
    if (tests.exercised.has(agent.id)) continue;
    const into = untestedEdges.filter((edge) => edge.to === agent.id);
    const how =
      into.length === 0
        ? 'add a test that calls session.start({ agent }) with it and runs a turn.'
        : `nor exercises the ${into.length === 1 ? 'handoff' : 'handoffs'} into it: assert isAgentHandoff({ newAgentType }) after a run that should reach it.`;
    const finding = add(
      'untested-agent',
      null,
      `No test starts or runs ${agent.name}${into.length === 0 ? ': ' : ', '}${how}`,
      [agent.location, ...into.map((edge) => edge.location)],
    );
    if (into.length > 0) finding.also.push('handoff-tests');
  }
  for (const edge of untestedEdges) {
    if (!tests.exercised.has(edge.to)) continue;
    add(
      'untested-handoff',
      null,
      `No test exercises the handoff ${name(edge.from)} → ${name(edge.to)}: assert it with isAgentHandoff({ newAgentType }) after a run.`,
      [edge.location],
    );
  }
  if (toolsInUse.length > 0 && tests.errorAsserts.length === 0) {
    const failing = toolsInUse.filter((tool) => tool.toolErrors.length > 0);
    const paths =
      failing.length > 0
        ? `: ${plural(failing.length, 'tool throws', 'tools throw')} llm.ToolError and none of those paths is checked`
        : '';
    add(
      'no-error-tests',
      null,
      `No test asserts a failing tool call (isFunctionCallOutput({ isError: true }))${paths}.`,
      failing.flatMap((tool) => tool.toolErrors.slice(0, 1)),
    );
  }
  if (toolsInUse.length > 0) {
    const named = [...new Set(toolsInUse)].filter((tool) => tool.name !== null);
    const unverified = named.filter((tool) => !tests.verifiedTools.has(tool.name!));
    if (tests.verifiedTools.size === 0 && tests.anonymousToolAsserts.length === 0) {
      add('unverified-tools', null, 'No test verifies a tool call (isFunctionCall / containsFunctionCall).', []);
    } else {
      for (const tool of unverified) {
        add(
          'unverified-tool',
          null,
          `No test asserts a call to '${tool.name}' (isFunctionCall({ name: '${tool.name}' })).`,
          [tool.location],
        );
      }
    }
  }
  if (handoffs.length > 0 && tests.contextReads.length === 0) {
    add(
      'no-context-tests',
      null,
      'No test reads userData or chatCtx after a handoff: nothing shows the context survives the transfer.',
      [],
    );
  }
}

/** `1 tool throws` / `2 tools throw`. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function isMetricsEvent(node: Node | undefined, builder: GraphBuilder): boolean {
  if (!node) return false;
  const value = unwrap(node);
  if (Node.isStringLiteral(value)) return value.getLiteralValue() === 'metrics_collected';
  const path = builder.resolver.liveKitApi(value)?.path;
  return path === 'voice.AgentSessionEventTypes.MetricsCollected';
}

function collectFacts(builder: GraphBuilder, graph: AgentGraph, sourceFiles: readonly SourceFile[]): ProjectFacts {
  const facts: ProjectFacts = {
    monitoring: new Map(),
    typedContexts: [],
    untypedContexts: [],
    anyContexts: [],
    models: [],
    caches: [],
    resourceLoads: [],
    sessionsByEntry: new Map(),
  };
  const sessions: Node[] = [];
  const prewarms = graph.entries.flatMap((entry) => (entry.prewarm ? [entry.prewarm] : []));
  const monitoringSites: { node: Node; location: Location; note: string }[] = [];
  const site = (node: Node, note: string): void => {
    monitoringSites.push({ node, location: builder.location(node), note });
  };
  for (const file of sourceFiles) {
    const { calls, news } = builder.collectedOf(file);
    for (const node of calls) {
      const callee = node.getExpression();
      if (
        Node.isPropertyAccessExpression(callee) &&
        callee.getName() === 'on' &&
        isMetricsEvent(node.getArguments()[0], builder)
      ) {
        site(node, 'MetricsCollected listener');
      } else {
        const path = builder.resolver.calleePath(node);
        if (path === 'metrics.logMetrics') site(node, 'metrics.logMetrics');
        // A plugin's `X.load()` (silero's VAD, a turn detector's model): a static resource worth prewarming.
        else if (path?.includes(':') && path.endsWith('.load')) {
          facts.resourceLoads.push({
            location: builder.location(node),
            vad: /(?:^|[:.])VAD\.load$/.test(path),
            inPrewarm: prewarms.some((fn) => isWithin(node, fn)),
          });
        }
      }
    }
    for (const node of news) {
      const path = builder.resolver.calleePath(node);
      if (path === 'metrics.ModelUsageCollector' || path === 'metrics.UsageCollector') site(node, path);
      else if (path === 'voice.AgentSession') {
        sessions.push(node);
        sessionFacts(node, builder, facts);
      }
    }
    // The rest is rare: a cheap look at the text first, so that most files wrap no further nodes.
    const text = file.getFullText();
    if (!text.includes('@livekit/')) continue;
    if (text.includes('.usage')) {
      for (const node of file.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
        if (node.getName() === 'usage') site(node, 'usage summary');
      }
    }
    if (/\bany\b/.test(text)) {
      for (const node of file.getDescendantsOfKind(SyntaxKind.AsExpression)) {
        if (node.getTypeNode()?.getKind() === SyntaxKind.AnyKeyword && isUserDataExpression(node))
          facts.anyContexts.push(builder.location(node));
      }
      for (const node of file.getDescendantsOfKind(SyntaxKind.TypeReference)) {
        const args = node.getTypeArguments();
        if (CONTEXT_TYPES.test(node.getTypeName().getText()) && args[0]?.getKind() === SyntaxKind.AnyKeyword)
          facts.anyContexts.push(builder.location(node));
      }
    }
    if (/cache|memo/i.test(text)) {
      for (const kind of [
        SyntaxKind.VariableDeclaration,
        SyntaxKind.PropertyDeclaration,
        SyntaxKind.ClassDeclaration,
      ] as const) {
        for (const node of file.getDescendantsOfKind(kind)) {
          const name = node.getName();
          if (name && /cache|memo/i.test(name)) facts.caches.push({ name, location: builder.location(node) });
        }
      }
    }
  }
  for (const entry of graph.entries) {
    const sites = monitoringSites.filter((candidate) => entry.scopes.some((scope) => isWithin(candidate.node, scope)));
    facts.monitoring.set(
      entry.id,
      sites.map(({ location, note }) => ({ location, note })),
    );
    facts.sessionsByEntry.set(
      entry.id,
      sessions
        .filter((node) => entry.scopes.some((scope) => isWithin(node, scope)))
        .map((node) => builder.location(node)),
    );
    prewarmCaches(entry, builder, facts);
  }
  for (const agent of graph.agents) {
    if (agent.llm) facts.models.push({ owner: agent.name, model: agent.llm, location: agent.location });
  }
  return facts;
}

/** `userData as any`, `(ctx.userData as any).x`, `userData: {} as any`. */
function isUserDataExpression(node: import('ts-morph').AsExpression): boolean {
  const inner = unwrap(node.getExpression());
  if (Node.isPropertyAccessExpression(inner) && inner.getName() === 'userData') return true;
  const parent = node.getParent();
  if (parent && Node.isPropertyAssignment(parent) && parent.getName() === 'userData') return true;
  let outer: Node | undefined = parent;
  while (outer && Node.isParenthesizedExpression(outer)) outer = outer.getParent();
  return outer !== undefined && Node.isPropertyAccessExpression(outer) && outer.getName() === 'userData';
}

function sessionFacts(node: import('ts-morph').NewExpression, builder: GraphBuilder, facts: ProjectFacts): void {
  const argument = node.getArguments()[0];
  const options = argument ? builder.resolver.followValue(argument) : null;
  if (!options || !Node.isObjectLiteralExpression(options)) return;
  for (const kind of ['llm', 'stt', 'tts']) {
    const model = propertyValue(options, kind);
    if (model)
      facts.models.push({
        owner: `AgentSession ${kind}`,
        model: builder.describeModel(model),
        location: builder.location(model),
      });
  }
  const userData = propertyValue(options, 'userData');
  if (!userData) return;
  const typeArgument = node.getTypeArguments()[0];
  if (typeArgument) {
    if (typeArgument.getKind() !== SyntaxKind.AnyKeyword) facts.typedContexts.push(builder.location(node));
    return;
  }
  const value = unwrap(userData);
  const declared = builder.resolver.declarationOf(value);
  const typed =
    Node.isAsExpression(userData) ||
    Node.isSatisfiesExpression(userData) ||
    Node.isNewExpression(value) ||
    (declared !== null && Node.isVariableDeclaration(declared) && declared.getTypeNode() !== undefined);
  if (Node.isAsExpression(userData) && userData.getTypeNode()?.getKind() === SyntaxKind.AnyKeyword) return; // reported as any
  (typed ? facts.typedContexts : facts.untypedContexts).push(builder.location(node));
}

/** Values prewarm keeps in `proc.userData`: loaded once per process, shared by every job. */
function prewarmCaches(entry: EntryFact, builder: GraphBuilder, facts: ProjectFacts): void {
  entry.prewarm?.forEachDescendant((node) => {
    if (!Node.isBinaryExpression(node) || node.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return;
    const left = node.getLeft();
    if (
      Node.isPropertyAccessExpression(left) &&
      Node.isPropertyAccessExpression(left.getExpression()) &&
      left.getExpression().getText().endsWith('userData')
    ) {
      facts.caches.push({ name: `proc.userData.${left.getName()} (prewarm)`, location: builder.location(node) });
    }
  });
}
