/**
 * Where a value inside a function comes from, in terms of the function's own parameters, and what `this` means at a
 * point in the code. Language-level: no LiveKit knowledge.
 *
 *   constructor(options) { super({ ...options }) }                  `options`   → parameter 0
 *   constructor({ chatCtx, ...rest }) { super({ chatCtx, ...rest }) } `chatCtx`   → parameter 0, path ['chatCtx']
 *                                                                   `rest`      → parameter 0, minus 'chatCtx'
 *   constructor(opts) { const { name, ...agent } = opts; super(agent) } `agent`  → parameter 0, minus 'name'
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, findVariable, isWithin, memberName, skipTSWrappers, staticKeyName } from './ast.js';

export type ParameterOrigin =
  /** The value of parameter `index`, read at `path` (`[]`: the parameter itself); `omitted`: an object rest without these keys. */
  | { kind: 'parameter'; index: number; path: string[]; omitted: ReadonlySet<string> | null }
  /** Not a plain forward of a parameter: a literal, a call, an outer variable, a default value. */
  | { kind: 'other' }
  /** Cannot tell (reassigned variables, array patterns, computed keys). */
  | { kind: 'unknown' };

const OTHER: ParameterOrigin = { kind: 'other' };
const UNKNOWN: ParameterOrigin = { kind: 'unknown' };
const MAX_DEPTH = 4;

interface PatternPlace {
  path: string[];
  omitted: ReadonlySet<string> | null;
  /** A default value lies on the way (`{ chatCtx = empty }`): the value may not come from the argument. */
  hasDefault: boolean;
}

/** Finds where `identifier` is bound inside a binding pattern. */
function locate(
  pattern: TSESTree.Node,
  identifier: TSESTree.Identifier,
  path: string[],
): PatternPlace | null | 'unknown' {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern === identifier ? { path, omitted: null, hasDefault: false } : null;
    case AST_NODE_TYPES.AssignmentPattern: {
      const place = locate(pattern.left, identifier, path);
      // `options = {}` gives nothing the argument would not: what is read from it still comes from the argument.
      const emptyDefault =
        pattern.right.type === AST_NODE_TYPES.ObjectExpression && pattern.right.properties.length === 0;
      return place && place !== 'unknown' && !emptyDefault ? { ...place, hasDefault: true } : place;
    }
    case AST_NODE_TYPES.TSParameterProperty:
      return locate(pattern.parameter, identifier, path);
    case AST_NODE_TYPES.ObjectPattern: {
      const keys = new Set<string>();
      let restPlace: PatternPlace | null = null;
      for (const property of pattern.properties) {
        if (property.type === AST_NODE_TYPES.RestElement) {
          if (property.argument === identifier) restPlace = { path, omitted: keys, hasDefault: false };
          continue;
        }
        const key = staticKeyName(property.key, property.computed);
        if (key === null) {
          if (containsIdentifier(property.value, identifier)) return 'unknown';
          continue;
        }
        keys.add(key);
        const place = locate(property.value, identifier, [...path, key]);
        if (place) return place;
      }
      return restPlace;
    }
    default:
      return containsIdentifier(pattern, identifier) ? 'unknown' : null;
  }
}

function containsIdentifier(node: TSESTree.Node, identifier: TSESTree.Identifier): boolean {
  return isWithin(identifier, node);
}

/** The identifier that declares a variable inside `node` (a parameter or a declarator's pattern). */
function declaringIdentifier(variable: TSESLint.Scope.Variable, node: TSESTree.Node): TSESTree.Identifier | null {
  return (
    (variable.identifiers.find((identifier) => isWithin(identifier, node)) as TSESTree.Identifier | undefined) ?? null
  );
}

/**
 * Where `node`, an expression inside `fn`, gets its value from: one of `fn`'s parameters (through destructuring,
 * object rests, member reads and consts declared in `fn`), something else, or unknown.
 */
export function parameterOrigin(
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node,
  fn: FunctionNode,
  depth = 0,
): ParameterOrigin {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(expression);
    const object = parameterOrigin(sourceCode, expression.object, fn, depth + 1);
    if (object.kind !== 'parameter') return object;
    if (name === null || object.omitted) return UNKNOWN;
    return { kind: 'parameter', index: object.index, path: [...object.path, name], omitted: null };
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return OTHER;
  const variable = findVariable(sourceCode, expression);
  if (!variable) return OTHER;
  if (variable.defs.length !== 1) return UNKNOWN;
  const definition = variable.defs[0]!;
  if (definition.type === 'Parameter') {
    if (definition.node !== fn) return OTHER;
    for (const [index, parameter] of fn.params.entries()) {
      const identifier = declaringIdentifier(variable, parameter);
      if (!identifier) continue;
      const place = locate(parameter, identifier, []);
      if (!place || place === 'unknown') return UNKNOWN;
      if (place.hasDefault) return OTHER;
      return { kind: 'parameter', index, path: place.path, omitted: place.omitted };
    }
    return UNKNOWN;
  }
  if (definition.type !== 'Variable' || !isWithin(definition.node, fn)) return OTHER;
  const declarator = definition.node;
  if (declarator.parent.kind !== 'const' || !declarator.init) return UNKNOWN;
  const source = parameterOrigin(sourceCode, declarator.init, fn, depth + 1);
  if (source.kind !== 'parameter') return source;
  const identifier = declaringIdentifier(variable, declarator.id);
  const place = identifier ? locate(declarator.id, identifier, []) : null;
  if (!place || place === 'unknown') return UNKNOWN;
  if (place.hasDefault) return OTHER;
  if (source.omitted && (place.path.length > 0 || place.omitted)) return UNKNOWN;
  return {
    kind: 'parameter',
    index: source.index,
    path: [...source.path, ...place.path],
    omitted: place.omitted ?? source.omitted,
  };
}

export interface ThisContext {
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  /** The instance method, accessor, constructor or field whose `this` applies. */
  member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition;
}

/**
 * The class instance that `this` means at `node`: inside an instance method, accessor, constructor or field
 * initialiser (arrow functions are transparent). Null at module scope, in static members and in plain functions.
 */
export function thisContext(node: TSESTree.Node): ThisContext | null {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration: {
        const parent = current.parent;
        if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.value === current && !parent.static) {
          return { classNode: parent.parent.parent, member: parent };
        }
        return null;
      }
      case AST_NODE_TYPES.PropertyDefinition:
        if (current.value === child && !current.static) return { classNode: current.parent.parent, member: current };
        return null;
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.ClassBody:
      case AST_NODE_TYPES.Program:
        return null;
      default:
        break;
    }
    child = current;
    current = current.parent;
  }
  return null;
}

/** `undefined` or `void 0`. */
export function isUndefinedValue(node: TSESTree.Node): boolean {
  const expression = skipTSWrappers(node);
  return (
    (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined') ||
    (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void')
  );
}
