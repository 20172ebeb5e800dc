/**
 * The same-file call graph: which functions of the file call which, read from the scope manager's references (no
 * walk of the tree). A function is in the graph when a name binds it: a function declaration, or a `const` (or a
 * `let` never written again) holding an arrow or function expression. A call is an edge when its callee is such a
 * name; the caller is the innermost function around the call (null at module scope).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, enclosingFunction, isFunctionNode, skipTSWrappers } from './ast.js';
import { declaringScopes } from './node-modules.js';

export interface CallEdge {
  call: TSESTree.CallExpression;
  caller: FunctionNode | null;
  callee: FunctionNode;
}

/** The function a variable binds for good, if any. */
function boundFunction(variable: TSESLint.Scope.Variable): FunctionNode | null {
  if (variable.defs.length !== 1) return null;
  const definition = variable.defs[0]!;
  if (definition.type === 'FunctionName') {
    return definition.node.type === AST_NODE_TYPES.FunctionDeclaration ? definition.node : null;
  }
  if (definition.type !== 'Variable') return null;
  const declarator = definition.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return null;
  const value = skipTSWrappers(declarator.init);
  if (!isFunctionNode(value)) return null;
  if (
    declarator.parent.kind !== 'const' &&
    variable.references.some((ref) => ref.isWrite() && ref.identifier !== declarator.id)
  ) {
    return null;
  }
  return value;
}

export class CallGraph {
  private readonly calleeByCall = new Map<TSESTree.CallExpression, FunctionNode>();
  private readonly callersByFunction = new Map<FunctionNode, CallEdge[]>();
  private readonly callsByFunction = new Map<FunctionNode | null, CallEdge[]>();
  private readonly names = new Map<FunctionNode, string>();

  constructor(sourceCode: TSESLint.SourceCode) {
    // Not a module's global scope: its hundreds of library names bind no function of the file.
    for (const scope of declaringScopes(sourceCode)) {
      for (const variable of scope.variables) {
        const fn = boundFunction(variable);
        if (!fn) continue;
        this.names.set(fn, variable.name);
        for (const reference of variable.references) {
          const identifier = reference.identifier;
          const call = identifier.parent;
          if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
          const edge: CallEdge = { call, caller: enclosingFunction(call), callee: fn };
          this.calleeByCall.set(call, fn);
          push(this.callersByFunction, fn, edge);
          push(this.callsByFunction, edge.caller, edge);
        }
      }
    }
  }

  /** The function of this file a call runs, when its callee names one. */
  calleeOf(call: TSESTree.CallExpression): FunctionNode | null {
    return this.calleeByCall.get(call) ?? null;
  }

  /** The calls of `fn` from this file. */
  callersOf(fn: FunctionNode): readonly CallEdge[] {
    return this.callersByFunction.get(fn) ?? NONE;
  }

  /** The calls made directly inside `fn` (not in its nested functions) to functions of this file. */
  callsIn(fn: FunctionNode): readonly CallEdge[] {
    return this.callsByFunction.get(fn) ?? NONE;
  }

  /** The name that binds `fn` (`runJob`), else the name of its method or property, else 'a function'. */
  nameOf(fn: FunctionNode): string {
    const bound = this.names.get(fn);
    if (bound) return bound;
    const parent = fn.parent;
    if (
      (parent?.type === AST_NODE_TYPES.Property ||
        parent?.type === AST_NODE_TYPES.MethodDefinition ||
        parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
      !parent.computed &&
      parent.key.type === AST_NODE_TYPES.Identifier
    ) {
      return parent.key.name;
    }
    return 'a function';
  }

  /**
   * The functions `roots` reach through calls made directly in their bodies (callbacks they define are left out: those
   * run later), at most `depth` calls away, with the first chain found to each (the roots themselves map to `[]`).
   */
  reachableFrom(roots: Iterable<FunctionNode>, depth: number): Map<FunctionNode, FunctionNode[]> {
    const reached = new Map<FunctionNode, FunctionNode[]>();
    let frontier: FunctionNode[] = [];
    for (const root of roots) {
      if (reached.has(root)) continue;
      reached.set(root, []);
      frontier.push(root);
    }
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: FunctionNode[] = [];
      for (const fn of frontier) {
        for (const edge of this.callsIn(fn)) {
          if (reached.has(edge.callee)) continue;
          reached.set(edge.callee, [...reached.get(fn)!, edge.callee]);
          next.push(edge.callee);
        }
      }
      frontier = next;
    }
    return reached;
  }
}

const NONE: readonly CallEdge[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
