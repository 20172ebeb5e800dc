/**
 * The connect point of an entry function, and what runs before it (RULES.md, "connect point").
 *
 * The connect point is entry's first statement that
 *   - calls `ctx.connect(...)` (ctx = entry's first parameter),
 *   - calls `X.start({ ..., room: ctx.room })` (the session connects the room itself since 1.0.3),
 *   - or passes `ctx` or `ctx.room` to a call (as an argument, as a property value of an object literal argument, or
 *     through a const alias such as `const { room } = ctx`): we cannot see inside that call, so we stop looking there.
 * Nested functions are not looked into, with two narrow exceptions that only make the point earlier (and so the
 * rules quieter): a call to a function declared inside entry whose own body has a connect point, and a call given
 * an inline callback that itself calls `ctx.connect(...)` or starts a session with `room: ctx.room`
 * (`await retry(() => ctx.connect())`).
 *
 * Computed once per entry function and shared by `no-await-before-connect` and
 * `no-participant-wait-before-connect`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  followConst,
  getProperty,
  isFunctionNode,
  isWithin,
  memberName,
  resolveFunction,
  skipTSWrappers,
  walkOwnBody,
} from '../analysis/ast.js';

export type ConnectKind = 'connect' | 'session-start' | 'passes-context' | 'connecting-function';

export interface ConnectPoint {
  /** The call that connects, or that is handed `ctx` / `ctx.room`. */
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  kind: ConnectKind;
  /** The statement of entry's body that holds the call. */
  statement: TSESTree.Statement;
  /**
   * What runs before the call, in source order: entry's statements before `statement`, then, going down the blocks
   * that lead to the call, the earlier statements of each block (and the test of an `if` on the way).
   * Nested functions inside these nodes do not run before the call; callers skip them (see `walkBefore`).
   */
  before: TSESTree.Node[];
}

export interface EntryConnect {
  entry: FunctionNode;
  body: TSESTree.BlockStatement;
  /** The entry's context parameter (`ctx`). */
  context: TSESLint.Scope.Variable;
  contextName: string;
  /** Null when entry has no connect point we can see (it may connect in a way we cannot follow). */
  point: ConnectPoint | null;
  /** True when `node` is a reference to the context parameter. */
  isContext(node: TSESTree.Node): boolean;
  /** True when `node` is `ctx.room` or a const bound to it (`const room = ctx.room`, `const { room } = ctx`). */
  isContextRoom(node: TSESTree.Node): boolean;
  /** True when `node` is a `ctx.connect(...)` call. */
  isConnectCall(node: TSESTree.Node): boolean;
}

const cache = new WeakMap<FunctionNode, EntryConnect | null>();

/** The entry's context parameter, its connect point and what runs before it; null when entry takes no `ctx`. */
export function getEntryConnect(sourceCode: TSESLint.SourceCode, entry: FunctionNode): EntryConnect | null {
  const cached = cache.get(entry);
  if (cached !== undefined) return cached;
  const result = computeEntryConnect(sourceCode, entry);
  cache.set(entry, result);
  return result;
}

/** The variable of a function's first parameter, when it is a plain identifier. */
export function firstParameterVariable(
  sourceCode: TSESLint.SourceCode,
  fn: FunctionNode,
): TSESLint.Scope.Variable | null {
  const first = fn.params[0];
  const pattern = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  if (pattern?.type !== AST_NODE_TYPES.Identifier) return null;
  const variables = sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
  return (
    variables.find(
      (variable) => variable.name === pattern.name && variable.defs.some((definition) => definition.type === 'Parameter'),
    ) ?? null
  );
}

function computeEntryConnect(sourceCode: TSESLint.SourceCode, entry: FunctionNode): EntryConnect | null {
  if (entry.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const context = firstParameterVariable(sourceCode, entry);
  if (!context) return null;
  const contextReferences = new Set<TSESTree.Node>();
  for (const reference of context.references) contextReferences.add(reference.identifier);

  // `const room = ctx.room` and `const { room } = ctx`: references of these stand for ctx.room.
  const roomReferences = new Set<TSESTree.Node>();
  for (const identifier of contextReferences) {
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
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === identifier && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
      declarator = parent;
      for (const property of parent.id.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'room') {
          target = property.value;
        }
      }
    }
    if (!declarator || declarator.parent.kind !== 'const' || target?.type !== AST_NODE_TYPES.Identifier) continue;
    for (const variable of sourceCode.scopeManager!.getDeclaredVariables(declarator)) {
      if (variable.name !== target.name) continue;
      for (const reference of variable.references) {
        if (reference.identifier !== target) roomReferences.add(reference.identifier);
      }
    }
  }

  const isContext = (node: TSESTree.Node): boolean => contextReferences.has(skipTSWrappers(node));
  const isContextRoom = (node: TSESTree.Node): boolean => {
    const expression = skipTSWrappers(node);
    if (roomReferences.has(expression)) return true;
    return expression.type === AST_NODE_TYPES.MemberExpression && memberName(expression) === 'room' && isContext(expression.object);
  };
  const isConnectCall = (node: TSESTree.Node): boolean => {
    const expression = skipTSWrappers(node);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTSWrappers(expression.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'connect' && isContext(callee.object);
  };

  const info: EntryConnect = {
    entry,
    body: entry.body,
    context,
    contextName: context.name,
    point: null,
    isContext,
    isContextRoom,
    isConnectCall,
  };
  const finder = new ConnectFinder(sourceCode, info);
  let mentions: number[] | null = null;
  for (const [index, statement] of entry.body.body.entries()) {
    // Every kind of connect point names ctx, a room alias or a function declared in entry: past the first statement
    // (where most entries connect), skip the statements that name none of them.
    if (index > 0) {
      mentions ??= mentionPositions(sourceCode, entry, contextReferences, roomReferences);
      if (!containsPosition(mentions, statement)) continue;
    }
    const found = finder.firstIn(statement);
    if (found) {
      info.point = {
        call: found.call,
        kind: found.kind,
        statement,
        before: [...entry.body.body.slice(0, index), ...innerBefore(statement, found.call)],
      };
      break;
    }
  }
  return info;
}

/**
 * Sorted start offsets of the identifiers a connecting call must contain: references of ctx and of its room aliases,
 * of the functions declared inside entry (a call to one of them may connect), and of entry's consts whose value
 * mentions ctx (`const options = { room: ctx.room }; await session.start(options)`).
 */
function mentionPositions(
  sourceCode: TSESLint.SourceCode,
  entry: FunctionNode,
  contextReferences: ReadonlySet<TSESTree.Node>,
  roomReferences: ReadonlySet<TSESTree.Node>,
): number[] {
  const contextPositions: number[] = [];
  for (const identifier of contextReferences) contextPositions.push(identifier.range[0]);
  for (const identifier of roomReferences) contextPositions.push(identifier.range[0]);
  contextPositions.sort((a, b) => a - b);
  const positions = [...contextPositions];
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    if (!isWithin(scope.block, entry)) continue;
    for (const variable of scope.variables) {
      const definition = variable.defs[0];
      let mentioned: boolean;
      if (definition?.type === 'FunctionName') mentioned = definition.node.type === AST_NODE_TYPES.FunctionDeclaration;
      else if (definition?.type === 'Variable' && definition.node.init) {
        const init = definition.node.init;
        mentioned = isFunctionNode(skipTSWrappers(init)) || containsPosition(contextPositions, init);
      } else mentioned = false;
      if (!mentioned) continue;
      for (const reference of variable.references) positions.push(reference.identifier.range[0]);
    }
  }
  return positions.sort((a, b) => a - b);
}

/** True when one of the sorted `positions` lies inside `node`. */
function containsPosition(positions: readonly number[], node: TSESTree.Node): boolean {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < node.range[0]) low = middle + 1;
    else high = middle;
  }
  return low < positions.length && positions[low]! < node.range[1];
}

/** Going down from `statement` to `call` through blocks: the earlier statements of each block, and `if` tests. */
function innerBefore(statement: TSESTree.Statement, call: TSESTree.Node): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  let current: TSESTree.Node = statement;
  for (;;) {
    if (current.type === AST_NODE_TYPES.BlockStatement) {
      const index = current.body.findIndex((child) => isWithin(call, child));
      if (index === -1) break;
      result.push(...current.body.slice(0, index));
      current = current.body[index]!;
    } else if (current.type === AST_NODE_TYPES.TryStatement && isWithin(call, current.block)) {
      current = current.block;
    } else if (current.type === AST_NODE_TYPES.IfStatement && !isWithin(call, current.test)) {
      result.push(current.test);
      if (isWithin(call, current.consequent)) current = current.consequent;
      else if (current.alternate && isWithin(call, current.alternate)) current = current.alternate;
      else break;
    } else if (current.type === AST_NODE_TYPES.LabeledStatement) {
      current = current.body;
    } else {
      break;
    }
  }
  return result;
}

interface Found {
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  kind: ConnectKind;
}

class ConnectFinder {
  /** Functions declared in entry, and whether their own body connects (computed on demand, guarded against cycles). */
  private readonly connecting = new Map<FunctionNode, boolean>();

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly info: EntryConnect,
  ) {}

  /** The first connecting call under `root` in source order, not looking into nested functions. */
  firstIn(root: TSESTree.Node, full = true): Found | null {
    let found: Found | null = null;
    if (isFunctionNode(root)) return null;
    walkOwnBody(
      root,
      (node) => {
        if (found && found.call.range[0] <= node.range[0]) return;
        if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
          const kind = this.kindOf(node, full);
          if (kind) found = { call: node, kind };
        }
      },
      this.sourceCode.visitorKeys,
    );
    return found as Found | null;
  }

  private kindOf(call: TSESTree.CallExpression | TSESTree.NewExpression, full: boolean): ConnectKind | null {
    const { info } = this;
    if (info.isConnectCall(call)) return 'connect';
    if (call.type === AST_NODE_TYPES.CallExpression && this.isSessionStart(call)) return 'session-start';
    if (!full) return null;
    for (const argument of call.arguments) {
      const value = skipTSWrappers(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument);
      if (info.isContext(value) || info.isContextRoom(value)) return 'passes-context';
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of value.properties) {
          const inner = property.type === AST_NODE_TYPES.Property ? property.value : property.argument;
          if (info.isContext(inner) || info.isContextRoom(inner)) return 'passes-context';
        }
      }
      // `await retry(() => ctx.connect())`: an inline callback that connects.
      if (isFunctionNode(value) && this.firstIn(value.body, false)) return 'connecting-function';
    }
    // A call to a function declared inside entry whose own body connects.
    const callee = skipTSWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const fn = resolveFunction(this.sourceCode, callee);
      if (fn && fn !== info.entry && isWithin(fn, info.entry) && this.functionConnects(fn)) return 'connecting-function';
    }
    return null;
  }

  private isSessionStart(call: TSESTree.CallExpression): boolean {
    const callee = skipTSWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'start') return false;
    const first = call.arguments[0];
    if (!first) return false;
    const options = followConst(this.sourceCode, first);
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const room = getProperty(options, 'room');
    return room !== null && this.info.isContextRoom(room.value);
  }

  private functionConnects(fn: FunctionNode): boolean {
    const known = this.connecting.get(fn);
    if (known !== undefined) return known;
    this.connecting.set(fn, false);
    const result = this.firstIn(fn.body) !== null;
    this.connecting.set(fn, result);
    return result;
  }
}

/**
 * Visits every node of `before` (a connect point's earlier nodes) that runs before the connect point:
 * nested functions and class bodies are skipped, since declaring them runs none of their code.
 */
export function walkBefore(
  point: ConnectPoint,
  visit: (node: TSESTree.Node) => void,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): void {
  for (const node of point.before) {
    if (isFunctionNode(node)) continue;
    walkOwnBody(node, visit, visitorKeys);
  }
}
