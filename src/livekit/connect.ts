/**
 * *Before connect* (docs/concepts.md#connecting-call-and-before-connect): the awaits and calls of entry, and of the functions of this file that entry
 * calls on the way, that can run on some path of the control flow that has passed no connecting call.
 *
 * Paths come from ESLint's code-path analysis: while ESLint walks the file, a recorder notes, segment by segment, the
 * awaits and calls of entry and of the functions it may call (the same-file call graph). At the end, a search from
 * entry's first segment follows every path until it passes a connecting call:
 *   - `ctx.connect(...)` (ctx = entry's JobContext, or a parameter that a same-file caller passes it to);
 *   - `<session>.start({ ..., room: ctx.room })` (the session connects the room itself since 1.0.3);
 *   - a call of a function of this file that connects on every path that returns (followed a few calls deep; when it
 *     connects on some path only, its own awaits before connecting are reported, with the chain of calls);
 *   - a call with an inline callback that connects (`await retry(() => ctx.connect())`);
 *   - a call we cannot see into that is handed `ctx` (or `ctx.room`) and whose promise entry keeps (awaits, returns, chains or
 *     leaves as a statement): it may connect, so we stay silent after it. Logger sinks, `JSON.stringify`, `String`
 *     and friends never connect, nor does a call whose value entry uses at once (`const meta = parse(ctx)`).
 * Entry that never connects in a way we can see reports nothing: it may connect through code we cannot read.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  firstParameterVariable,
  isFunctionNode,
  isWithin,
  memberName,
  memberPath,
  outermostWrapper,
  skipTSWrappers,
} from '../analysis/ast.js';
import type { CallGraph } from '../analysis/call-graph.js';
import { loggerSinkOf } from './loggers.js';
import type { LiveKitModel } from './program.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Segment = TSESLint.CodePathSegment;

/** How many calls deep the analysis follows functions of this file. */
export const FOLLOW_DEPTH = 4;

/**
 * Whether an unseen call handed only `ctx.room` (not `ctx`) counts as connecting. Measured on 16 public agent projects
 * (bench/realworld-verdicts.json records the judgements): counting it loses none of the labelled misses, and not counting it adds one false report,
 * LiveKit's own avatar example (`await avatar.start(session, ctx.room)` before `session.start`), where the call is
 * built to run before the room connects. So a call handed the room, whose promise entry keeps, may connect.
 */
const ROOM_ALONE_CONNECTS = true;

/** Calls that never connect, whatever they are handed (pure functions of the language and runtime). */
const NEVER_CONNECT = new Set([
  'JSON.stringify',
  'JSON.parse',
  'String',
  'Number',
  'Boolean',
  'Object.keys',
  'Object.values',
  'Object.entries',
  'Object.assign',
  'Object.freeze',
  'Array.from',
  'Array.isArray',
  'structuredClone',
  'util.inspect',
  'inspect',
]);

export interface BeforeConnect<N extends TSESTree.Node = TSESTree.AwaitExpression | TSESTree.ForOfStatement> {
  node: N;
  /** The functions between entry and the node: `[]` in entry itself, `[runJob]` in a function entry delegates to. */
  via: FunctionNode[];
}

export interface EntryConnect {
  entry: FunctionNode;
  /** Entry's block body; null for an expression body (`(ctx) => runJob(ctx)`). */
  body: TSESTree.BlockStatement | null;
  /** The entry's context parameter (`ctx`). */
  context: TSESLint.Scope.Variable;
  contextName: string;
  /** Awaits and `for await` loops that can run before connect, in source order. */
  awaits: BeforeConnect[];
  /** Calls that can run before connect, in source order. */
  calls: BeforeConnect<TSESTree.CallExpression>[];
  /** True when some path connects in a way we can see (or infer from a call handed ctx). */
  connects: boolean;
  /** True when a path connects only through a call we cannot see into (it may connect with its own options). */
  opaque: boolean;
  /** True when `node` is a reference to the JobContext (entry's parameter, or one a same-file caller passes it to). */
  isContext(node: TSESTree.Node): boolean;
}

/** A connecting call, one that may connect (unseen, handed ctx), a function of this file to follow, or none. */
type Classification = 'connect' | 'opaque' | FunctionNode | null;

type FlowEvent = TSESTree.AwaitExpression | TSESTree.ForOfStatement | TSESTree.CallExpression;

/** What the recorder noted for one function: its code path and, per segment, its awaits and calls in order. */
interface FunctionFlow {
  codePath: TSESLint.CodePath;
  events: Map<Segment, FlowEvent[]>;
}

interface Frame {
  flow: FunctionFlow | null;
  segments: Set<Segment>;
}

interface Summary {
  awaits: BeforeConnect[];
  calls: BeforeConnect<TSESTree.CallExpression>[];
  connects: boolean;
  /** Some path returns without having connected. */
  returnsUnconnected: boolean;
  opaque: boolean;
}

/** True when a promise at `node` is kept: awaited, returned, chained, gathered, left as a statement or `void`-ed. */
function keepsPromise(node: TSESTree.Node): boolean {
  const holder = outermostWrapper(node);
  const parent = holder.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'void';
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(parent);
      return parent.object === holder && (name === 'then' || name === 'catch' || name === 'finally');
    }
    default:
      return false;
  }
}

export class ConnectFlow {
  private readonly sourceCode: TSESLint.SourceCode;
  private readonly contextReferences = new Set<TSESTree.Node>();
  private readonly roomReferences = new Set<TSESTree.Node>();
  /** `ctx.connect(...)` calls and session starts with `room: ctx.room`. */
  private readonly connectingCalls = new Set<TSESTree.CallExpression>();
  /** Entry functions and the functions of this file they may call: the ones the recorder notes. */
  private readonly followed: Map<FunctionNode, FunctionNode[]>;
  private readonly flows = new Map<FunctionNode, FunctionFlow>();
  private readonly summaries = new Map<FunctionNode, Summary | null>();
  private readonly continuedSummaries = new Map<FunctionNode, Summary | null>();
  private readonly anywhere = new Map<FunctionNode, boolean>();
  private readonly kinds = new Map<TSESTree.CallExpression, Classification>();
  private readonly entries = new Map<FunctionNode, EntryConnect | null>();
  private recorderTaken = false;

  private readonly entryFunctions: readonly FunctionNode[];
  private readonly callGraph: CallGraph;
  /** The JobContext under all its names (the model's `jobContextVariables`). */
  private readonly contextVariables: ReadonlySet<TSESLint.Scope.Variable>;

  constructor(
    private readonly context: Context,
    private readonly model: LiveKitModel,
  ) {
    this.sourceCode = context.sourceCode;
    this.entryFunctions = model.entryFunctions;
    this.callGraph = model.callGraph;
    this.contextVariables = model.jobContextVariables;
    this.followed = this.callGraph.reachableFrom(this.entryFunctions, FOLLOW_DEPTH);
    this.collectContexts();
    this.collectConnectingCalls();
  }

  /**
   * Listeners that record the flow while ESLint walks the file. Only the first rule that asks gets them (every rule
   * that uses the flow reads it in `Program:exit`, after all functions have been walked); the others get none.
   */
  recorder(): TSESLint.RuleListener {
    if (this.recorderTaken || this.entryFunctions.length === 0) return {};
    this.recorderTaken = true;
    const frames: Frame[] = [];
    let top: Frame | null = null;
    const note = (node: FlowEvent): void => {
      if (!top?.flow) return;
      for (const segment of top.segments) {
        const list = top.flow.events.get(segment);
        if (list) list.push(node);
        else top.flow.events.set(segment, [node]);
      }
    };
    const listeners = {
      onCodePathStart: (codePath: TSESLint.CodePath, node: TSESTree.Node) => {
        const flow = isFunctionNode(node) && this.followed.has(node) ? { codePath, events: new Map() } : null;
        if (flow) this.flows.set(node as FunctionNode, flow);
        top = { flow, segments: new Set() };
        frames.push(top);
      },
      onCodePathEnd: () => {
        frames.pop();
        top = frames.at(-1) ?? null;
      },
      onCodePathSegmentStart: (segment: Segment) => {
        if (top?.flow) top.segments.add(segment);
      },
      onCodePathSegmentEnd: (segment: Segment) => {
        if (top?.flow) top.segments.delete(segment);
      },
      'AwaitExpression:exit': note,
      'CallExpression:exit': note,
      ForOfStatement: (node: TSESTree.ForOfStatement) => {
        if (node.await) note(node);
      },
    };
    return listeners as unknown as TSESLint.RuleListener;
  }

  /** What runs before connect in `entry`; null when entry takes no context parameter. Read it in `Program:exit`. */
  entryConnect(entry: FunctionNode): EntryConnect | null {
    if (this.entries.has(entry)) return this.entries.get(entry)!;
    const context = firstParameterVariable(this.sourceCode, entry);
    let result: EntryConnect | null = null;
    if (context) {
      const summary = this.summarize(entry, [], new Set());
      const connects = summary?.connects ?? false;
      result = {
        entry,
        body: entry.body.type === AST_NODE_TYPES.BlockStatement ? entry.body : null,
        context,
        contextName: context.name,
        awaits: connects ? summary!.awaits : [],
        calls: connects ? summary!.calls : [],
        connects,
        opaque: summary?.opaque ?? false,
        isContext: (node) => this.isContext(node),
      };
    }
    this.entries.set(entry, result);
    return result;
  }

  /** True when `node` is a reference to the JobContext, under any of its names. */
  isContext(node: TSESTree.Node): boolean {
    return this.contextReferences.has(skipTSWrappers(node));
  }

  /** True when `node` is `ctx.room` or a const bound to it (`const room = ctx.room`, `const { room } = ctx`). */
  isContextRoom(node: TSESTree.Node): boolean {
    const expression = skipTSWrappers(node);
    if (this.roomReferences.has(expression)) return true;
    return (
      expression.type === AST_NODE_TYPES.MemberExpression &&
      memberName(expression) === 'room' &&
      this.isContext(expression.object)
    );
  }

  /** `ctx.connect(...)` calls on any name of the JobContext. */
  connectCalls(): TSESTree.CallExpression[] {
    const calls: TSESTree.CallExpression[] = [];
    for (const identifier of this.contextReferences) {
      const member = identifier.parent;
      if (
        member?.type !== AST_NODE_TYPES.MemberExpression ||
        member.object !== identifier ||
        memberName(member) !== 'connect'
      )
        continue;
      const call = member.parent;
      if (call.type === AST_NODE_TYPES.CallExpression && call.callee === member) calls.push(call);
    }
    return calls.sort((a, b) => a.range[0] - b.range[0]);
  }

  private collectContexts(): void {
    for (const variable of this.contextVariables) {
      for (const reference of variable.references) this.contextReferences.add(reference.identifier);
    }
    // `const room = ctx.room` and `const { room } = ctx`: references of these stand for ctx.room.
    for (const identifier of this.contextReferences) {
      const parent = identifier.parent;
      let declarator: TSESTree.VariableDeclarator | null = null;
      let target: TSESTree.Node | null = null;
      if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === identifier &&
        memberName(parent) === 'room' &&
        parent.parent.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.parent.init === parent
      ) {
        declarator = parent.parent;
        target = declarator.id;
      } else if (
        parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.init === identifier &&
        parent.id.type === AST_NODE_TYPES.ObjectPattern
      ) {
        declarator = parent;
        for (const property of parent.id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            property.key.name === 'room'
          ) {
            target = property.value;
          }
        }
      }
      if (!declarator || declarator.parent.kind !== 'const' || target?.type !== AST_NODE_TYPES.Identifier) continue;
      for (const variable of this.sourceCode.scopeManager!.getDeclaredVariables(declarator)) {
        if (variable.name !== target.name) continue;
        for (const reference of variable.references) {
          if (reference.identifier !== target) this.roomReferences.add(reference.identifier);
        }
      }
    }
  }

  private collectConnectingCalls(): void {
    for (const call of this.connectCalls()) this.connectingCalls.add(call);
    // `x.start({ room: ctx.room })`, also through a const holding the options.
    const rooms: TSESTree.Node[] = [...this.roomReferences];
    for (const identifier of this.contextReferences) {
      const member = identifier.parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === identifier &&
        memberName(member) === 'room'
      )
        rooms.push(member);
    }
    for (const room of rooms) {
      const property = outermostWrapper(room).parent;
      if (property?.type !== AST_NODE_TYPES.Property || property.value !== outermostWrapper(room)) continue;
      const options = property.parent;
      if (options.type !== AST_NODE_TYPES.ObjectExpression) continue;
      this.addStart(options);
      const declarator = outermostWrapper(options).parent;
      if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === outermostWrapper(options)) {
        for (const variable of this.sourceCode.scopeManager!.getDeclaredVariables(declarator)) {
          for (const reference of variable.references)
            if (reference.identifier !== declarator.id) this.addStart(reference.identifier);
        }
      }
    }
  }

  /** Records `x.start(options)` when `options` is its first argument. */
  private addStart(options: TSESTree.Node): void {
    const call = outermostWrapper(options).parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== outermostWrapper(options)) return;
    const callee = skipTSWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'start')
      this.connectingCalls.add(call);
  }

  /** How a call counts on the way to connecting (asked several times per call by the searches: remembered). */
  private classify(call: TSESTree.CallExpression): Classification {
    let kind = this.kinds.get(call);
    if (kind === undefined) this.kinds.set(call, (kind = this.computeKind(call)));
    return kind;
  }

  private computeKind(call: TSESTree.CallExpression): Classification {
    if (this.connectingCalls.has(call)) return 'connect';
    const target = this.callGraph.calleeOf(call);
    if (target) return this.flows.has(target) ? target : null;
    let handedContext = false;
    for (const argument of call.arguments) {
      const value = skipTSWrappers(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument);
      // `await retry(() => ctx.connect())`: an inline callback that connects.
      if (isFunctionNode(value)) {
        for (const connecting of this.connectingCalls) if (isWithin(connecting, value)) return 'connect';
        continue;
      }
      if (this.handsContext(value)) handedContext = true;
      else if (value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of value.properties) {
          const inner = property.type === AST_NODE_TYPES.Property ? property.value : property.argument;
          if (this.handsContext(inner)) handedContext = true;
        }
      }
    }
    if (!handedContext || !keepsPromise(call)) return null;
    const path = memberPath(skipTSWrappers(call.callee));
    if (path && NEVER_CONNECT.has(path.join('.'))) return null;
    if (loggerSinkOf(call, this.context, this.model)) return null;
    return 'opaque';
  }

  private handsContext(node: TSESTree.Node): boolean {
    return this.isContext(node) || (ROOM_ALONE_CONNECTS && this.isContextRoom(node));
  }

  /** True when some call in `fn` (or in a function of this file it calls) connects, on any path. */
  private connectsAnywhere(fn: FunctionNode, active = new Set<FunctionNode>()): boolean {
    const known = this.anywhere.get(fn);
    if (known !== undefined) return known;
    const flow = this.flows.get(fn);
    if (!flow || active.has(fn)) return false;
    active.add(fn);
    let result = false;
    for (const events of flow.events.values()) {
      for (const node of events) {
        if (node.type === AST_NODE_TYPES.CallExpression && this.isConnectAhead(node, active)) result = true;
        if (result) break;
      }
      if (result) break;
    }
    active.delete(fn);
    this.anywhere.set(fn, result);
    return result;
  }

  /** True when `call` connects, or calls a function of this file that connects on some path. */
  private isConnectAhead(call: TSESTree.CallExpression, active?: Set<FunctionNode>): boolean {
    const kind = this.classify(call);
    if (kind === 'connect' || kind === 'opaque') return true;
    return kind !== null && this.connectsAnywhere(kind, active);
  }

  /**
   * The segments of `fn` from whose start some path reaches a connecting call (or, when `continues`, the end of `fn`,
   * after which the caller connects).
   */
  private segmentsLeadingToConnect(flow: FunctionFlow, continues: boolean): Set<Segment> {
    const leading = new Set<Segment>();
    const pending: Segment[] = [];
    const seed = (segment: Segment) => {
      if (!leading.has(segment)) {
        leading.add(segment);
        pending.push(segment);
      }
    };
    for (const [segment, events] of flow.events) {
      if (events.some((node) => node.type === AST_NODE_TYPES.CallExpression && this.isConnectAhead(node)))
        seed(segment);
    }
    if (continues) for (const segment of flow.codePath.returnedSegments) seed(segment);
    while (pending.length > 0) for (const previous of pending.pop()!.prevSegments) seed(previous);
    return leading;
  }

  /**
   * Searches `fn`'s code path from its start, stopping on each path at the first connecting call. An await counts
   * when some path from it still reaches a connecting call: work on a path that never joins the room (a `catch` that
   * logs and rethrows, a `finally` after a failed connect) keeps no one waiting. `continues` says that the caller
   * connects after `fn` returns; `via` is the chain of calls from entry; `active` guards against recursion.
   */
  private summarize(
    fn: FunctionNode,
    via: FunctionNode[],
    active: Set<FunctionNode>,
    continues = false,
  ): Summary | null {
    const cache = continues ? this.continuedSummaries : this.summaries;
    if (cache.has(fn)) return cache.get(fn)!;
    const flow = this.flows.get(fn);
    if (!flow || active.has(fn)) return null;
    active.add(fn);
    const summary: Summary = { awaits: [], calls: [], connects: false, returnsUnconnected: false, opaque: false };
    const leading = this.segmentsLeadingToConnect(flow, continues);
    const returned = new Set(flow.codePath.returnedSegments);
    const seenNodes = new Set<TSESTree.Node>();
    const delegated = new Set<TSESTree.Node>();
    const visited = new Set<Segment>();
    const passedThrough = new Set<Segment>();
    const queue: Segment[] = [flow.codePath.initialSegment];
    while (queue.length > 0) {
      const segment = queue.pop()!;
      if (visited.has(segment)) continue;
      visited.add(segment);
      const events = flow.events.get(segment) ?? [];
      // Whether a path from the end of this segment (or from a later point in it) still reaches a connect.
      const leadsOnward =
        (continues && returned.has(segment)) || segment.nextSegments.some((next) => leading.has(next));
      let lastConnect = -1;
      if (!leadsOnward) {
        for (let index = events.length - 1; index >= 0 && lastConnect < 0; index--) {
          const node = events[index]!;
          if (node.type === AST_NODE_TYPES.CallExpression && this.isConnectAhead(node)) lastConnect = index;
        }
      }
      const connectAfter = (index: number): boolean => leadsOnward || index < lastConnect;
      let blocked = false;
      for (const [index, node] of events.entries()) {
        if (node.type !== AST_NODE_TYPES.CallExpression) {
          const argument = node.type === AST_NODE_TYPES.AwaitExpression ? skipTSWrappers(node.argument) : null;
          // `await runJob(ctx)`: the awaits inside the delegate are what the caller waits for; they are reported there.
          if (argument && delegated.has(argument)) continue;
          if (!seenNodes.has(node) && connectAfter(index)) summary.awaits.push({ node, via });
          seenNodes.add(node);
          continue;
        }
        if (!seenNodes.has(node)) summary.calls.push({ node, via });
        seenNodes.add(node);
        const kind = this.classify(node);
        if (kind === 'connect' || kind === 'opaque') {
          summary.connects = true;
          if (kind === 'opaque') summary.opaque = true;
          blocked = true;
          break;
        }
        if (kind && via.length < FOLLOW_DEPTH && this.connectsAnywhere(kind)) {
          const inner = this.summarize(kind, [...via, kind], active, connectAfter(index));
          if (inner?.connects) {
            delegated.add(node);
            summary.connects = true;
            summary.opaque ||= inner.opaque;
            summary.awaits.push(...inner.awaits);
            summary.calls.push(...inner.calls);
            if (!inner.returnsUnconnected) {
              blocked = true;
              break;
            }
          }
        }
      }
      if (blocked) continue;
      passedThrough.add(segment);
      for (const next of segment.nextSegments) if (next.reachable) queue.push(next);
    }
    summary.returnsUnconnected = flow.codePath.returnedSegments.some((segment) => passedThrough.has(segment));
    const order = (a: { node: TSESTree.Node }, b: { node: TSESTree.Node }) => a.node.range[0] - b.node.range[0];
    summary.awaits.sort(order);
    summary.calls.sort(order);
    active.delete(fn);
    // The first chain that reaches a function names it in reports.
    cache.set(fn, summary);
    return summary;
  }
}
