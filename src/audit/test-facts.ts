/**
 * What the project's test files exercise: which agents they start (`session.start({ agent })`,
 * `session.updateAgent(agent)`), which handoffs they assert (`isAgentHandoff` / `containsAgentHandoff`, or the
 * target started after a run), which tool calls and error outputs they check, and whether they read `userData`
 * or `chatCtx` after a handoff. Events are grouped per test (`it(...)` / `test(...)` callback; the file otherwise)
 * and ordered by position.
 */
import { type CallExpression, Node, type SourceFile, SyntaxKind } from 'ts-morph';
import type { AgentGraph, GraphBuilder } from './graph.js';
import { type FunctionLike, type Location, isFunctionLike, propertyValue, staticText } from './model.js';

type TestEvent =
  | { kind: 'start'; agents: string[]; position: number; location: Location }
  | { kind: 'run'; position: number; location: Location }
  | { kind: 'handoff'; target: string | null; position: number; location: Location }
  | { kind: 'context'; position: number; location: Location };

export interface TestFacts {
  files: string[];
  /** Agent id → where a test starts it or asserts a handoff to it. */
  exercised: Map<string, Location[]>;
  /** Edge key (`from->to`) → where a test exercises it. */
  exercisedEdges: Map<string, Location>;
  /** Tool name → where a test asserts a call to it. */
  verifiedTools: Map<string, Location[]>;
  /** Function-call assertions that name no tool. */
  anonymousToolAsserts: Location[];
  /** `isError: true` assertions on function-call outputs. */
  errorAsserts: Location[];
  /** Reads of `userData` / `chatCtx` after a handoff in the same test. */
  contextReads: Location[];
  runs: Location[];
}

const HANDOFF_ASSERTS = new Set(['isAgentHandoff', 'containsAgentHandoff']);
const CALL_ASSERTS = new Set(['isFunctionCall', 'containsFunctionCall']);
const OUTPUT_ASSERTS = new Set(['isFunctionCallOutput', 'containsFunctionCallOutput']);
const CONTEXT_MEMBERS = new Set(['userData', 'chatCtx']);
const TEST_FUNCTIONS = new Set(['it', 'test']);

export function edgeKey(from: string, to: string): string {
  return `${from}->${to}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The test callback a node belongs to (`it('...', async () => { ... })`), else its file. */
function unitOf(node: Node): Node {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (!isFunctionLike(current)) continue;
    const call = current.getParent();
    if (!call || !Node.isCallExpression(call)) continue;
    let callee: Node = call.getExpression();
    while (Node.isPropertyAccessExpression(callee) || Node.isCallExpression(callee)) callee = callee.getExpression();
    if (Node.isIdentifier(callee) && TEST_FUNCTIONS.has(callee.getText())) return current;
  }
  return node.getSourceFile();
}

/** The index of the parameter a function starts a session with (`session.start({ agent: param })`), if any. */
function startedParameter(fn: FunctionLike): number | null {
  const names = fn.getParameters().map((parameter) => parameter.getName());
  let found: number | null = null;
  fn.forEachDescendant((node, traversal) => {
    if (found !== null) return traversal.stop();
    if (!Node.isCallExpression(node)) return;
    const callee = node.getExpression();
    const options = node.getArguments()[0];
    if (
      !Node.isPropertyAccessExpression(callee) ||
      callee.getName() !== 'start' ||
      !options ||
      !Node.isObjectLiteralExpression(options)
    )
      return;
    const agent = propertyValue(options, 'agent');
    const index = agent && Node.isIdentifier(agent) ? names.indexOf(agent.getText()) : -1;
    if (index >= 0) found = index;
  });
  return found;
}

export function scanTests(builder: GraphBuilder, graph: AgentGraph, testFiles: readonly SourceFile[]): TestFacts {
  const facts: TestFacts = {
    files: testFiles.map((file) => builder.relativePath(file)),
    exercised: new Map(),
    exercisedEdges: new Map(),
    verifiedTools: new Map(),
    anonymousToolAsserts: [],
    errorAsserts: [],
    contextReads: [],
    runs: [],
  };
  const edges = new Set(graph.edges.filter((edge) => edge.kind !== 'start').map((edge) => edgeKey(edge.from, edge.to)));
  const outEdges = (from: string): string[] => [...edges].filter((key) => key.startsWith(`${from}->`));
  const units = new Map<Node, TestEvent[]>();
  const helperCache = new Map<Node, number | null>();
  const record = (node: Node, event: TestEvent): void => {
    const unit = unitOf(node);
    const list = units.get(unit);
    if (list) list.push(event);
    else units.set(unit, [event]);
  };

  for (const file of testFiles) {
    const text = file.getFullText();
    if (text.includes('userData') || text.includes('chatCtx')) {
      for (const node of file.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
        if (CONTEXT_MEMBERS.has(node.getName()))
          record(node, { kind: 'context', position: node.getStart(), location: builder.location(node) });
      }
    }
    for (const node of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = node.getExpression();
      if (Node.isPropertyAccessExpression(callee)) visitCall(node, callee.getName());
      else visitHelperCall(node);
    }
  }

  /** `startDesk(new TriageAgent(), ...)` where the helper passes that parameter to `session.start({ agent })`. */
  function visitHelperCall(call: CallExpression): void {
    const fn = builder.resolver.functionOf(call.getExpression());
    if (!fn) return;
    let index = helperCache.get(fn);
    if (index === undefined) helperCache.set(fn, (index = startedParameter(fn)));
    const argument = index === null ? undefined : call.getArguments()[index];
    if (!argument) return;
    const agents = builder.targetsOf(argument).targets.map((resolved) => resolved.agent.id);
    if (agents.length > 0)
      record(call, { kind: 'start', agents, position: call.getStart(), location: builder.location(call) });
  }

  function optionsOf(call: CallExpression) {
    const first = call.getArguments()[0];
    return first && Node.isObjectLiteralExpression(first) ? first : null;
  }

  function visitCall(call: CallExpression, method: string): void {
    const location = builder.location(call);
    const position = call.getStart();
    const options = optionsOf(call);
    if (method === 'start' || method === 'updateAgent') {
      const target = method === 'start' ? (options ? propertyValue(options, 'agent') : null) : call.getArguments()[0];
      if (!target) return;
      const agents = builder.targetsOf(target).targets.map((resolved) => resolved.agent.id);
      if (agents.length > 0) record(call, { kind: 'start', agents, position, location });
    } else if (method === 'run' && options && propertyValue(options, 'userInput')) {
      facts.runs.push(location);
      record(call, { kind: 'run', position, location });
    } else if (HANDOFF_ASSERTS.has(method)) {
      const type = options ? propertyValue(options, 'newAgentType') : null;
      const target = type ? builder.agentOfClass(type) : null;
      record(call, { kind: 'handoff', target: target?.id ?? null, position, location });
    } else if (CALL_ASSERTS.has(method)) {
      const name = options ? staticText(propertyValue(options, 'name') ?? undefined, builder.resolver) : null;
      if (name?.complete) push(facts.verifiedTools, name.text, location);
      else facts.anonymousToolAsserts.push(location);
    } else if (OUTPUT_ASSERTS.has(method)) {
      const isError = options ? propertyValue(options, 'isError') : null;
      if (isError && isError.getText() === 'true') facts.errorAsserts.push(location);
    }
  }

  for (const events of units.values()) {
    events.sort((a, b) => a.position - b.position);
    const active = new Set<string>();
    let ranSinceStart = false;
    let handedOff = false;
    const exercise = (from: string, to: string, location: Location): void => {
      const key = edgeKey(from, to);
      if (edges.has(key) && !facts.exercisedEdges.has(key)) facts.exercisedEdges.set(key, location);
    };
    for (const event of events) {
      if (event.kind === 'start') {
        for (const agent of event.agents) {
          push(facts.exercised, agent, event.location);
          // The target started after a run: the test drives the conversation into it by hand.
          if (ranSinceStart) {
            for (const from of active) exercise(from, agent, event.location);
            handedOff = true;
          }
        }
        active.clear();
        for (const agent of event.agents) active.add(agent);
        ranSinceStart = false;
      } else if (event.kind === 'run') {
        ranSinceStart = true;
      } else if (event.kind === 'handoff') {
        handedOff = true;
        if (event.target) {
          push(facts.exercised, event.target, event.location);
          for (const from of active) exercise(from, event.target, event.location);
          active.add(event.target);
        } else {
          // An untyped assertion proves the handoff of an agent that has exactly one way out.
          for (const from of [...active]) {
            const out = outEdges(from);
            if (out.length === 1) {
              const to = out[0]!.slice(from.length + 2);
              exercise(from, to, event.location);
              active.add(to);
            }
          }
        }
      } else if (event.kind === 'context' && handedOff) {
        facts.contextReads.push(event.location);
      }
    }
  }
  return facts;
}
