/**
 * Where a variable's value flows along static member paths, through const aliases and destructuring:
 * `proc.userData.vad`, `const { userData } = proc; userData.vad`, `const { proc: { userData } } = ctx`.
 * No LiveKit knowledge lives here.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, staticKeyName } from './ast.js';

export interface PathUse {
  /**
   * The node standing for the value at `path`: a reference to the variable or to a const alias ('reference'), a
   * member expression ('member'), or a property of a destructuring pattern ('property').
   */
  node: TSESTree.Node;
  kind: 'reference' | 'member' | 'property';
  path: readonly string[];
}

const MAX_DEPTH = 4;

function isTSWrapper(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

/**
 * The outermost node that still stands for `node`'s value: climbs TypeScript wrappers (`x!`, `x as T`).
 * Callers look at its parent to see how the value is used.
 */
export function outerValue(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTSWrapper(current.parent)) current = current.parent;
  return current;
}

/**
 * Calls `visit` for every use of `variable` (whose value is at `basePath`) and of every static member path below
 * it, following const aliases and destructuring patterns a few steps deep.
 */
export function forEachPathUse(
  sourceCode: TSESLint.SourceCode,
  variable: TSESLint.Scope.Variable,
  basePath: readonly string[],
  visit: (use: PathUse) => void,
): void {
  followVariable(sourceCode, variable, basePath, visit, 0);
}

function followVariable(
  sourceCode: TSESLint.SourceCode,
  variable: TSESLint.Scope.Variable,
  basePath: readonly string[],
  visit: (use: PathUse) => void,
  depth: number,
): void {
  for (const reference of variable.references) {
    if (reference.init) continue;
    followChain(sourceCode, reference.identifier, basePath, visit, depth);
  }
}

function followChain(
  sourceCode: TSESLint.SourceCode,
  start: TSESTree.Node,
  basePath: readonly string[],
  visit: (use: PathUse) => void,
  depth: number,
): void {
  let node = start;
  let path = basePath;
  visit({ node, kind: 'reference', path });
  for (;;) {
    const value = outerValue(node);
    const parent = value.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
      const name = memberName(parent);
      if (name === null) return;
      path = [...path, name];
      node = parent;
      visit({ node, kind: 'member', path });
      continue;
    }
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === value &&
      parent.parent.kind === 'const' &&
      depth < MAX_DEPTH
    ) {
      followPattern(sourceCode, parent.id, parent, path, visit, depth + 1);
    }
    return;
  }
}

/** A binding pattern that receives the value at `path`: `x`, `{ a, b: { c } }`. */
export function followPattern(
  sourceCode: TSESLint.SourceCode,
  pattern: TSESTree.Node,
  declaring: TSESTree.Node,
  path: readonly string[],
  visit: (use: PathUse) => void,
  depth: number,
): void {
  const target = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
  if (target.type === AST_NODE_TYPES.Identifier) {
    const variable = sourceCode.scopeManager?.getDeclaredVariables(declaring).find((item) => item.name === target.name);
    if (variable) followVariable(sourceCode, variable, path, visit, depth);
  } else if (target.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of target.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = staticKeyName(property.key, property.computed);
      if (key === null) continue;
      const propertyPath = [...path, key];
      visit({ node: property, kind: 'property', path: propertyPath });
      if (depth < MAX_DEPTH) followPattern(sourceCode, property.value, declaring, propertyPath, visit, depth + 1);
    }
  }
}
