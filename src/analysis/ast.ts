/**
 * Language-level AST helpers. No LiveKit knowledge lives here.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

// The helpers below run for most nodes the rules look at. AST nodes come in hundreds of shapes, so each property
// read is a slow (megamorphic) load: they read `type` once into a local instead of once per comparison.

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  if (!node) return false;
  const type = node.type;
  return (
    type === AST_NODE_TYPES.ArrowFunctionExpression ||
    type === AST_NODE_TYPES.FunctionExpression ||
    type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** Removes TypeScript-only wrappers (`x as T`, `x!`, `x satisfies T`, `<T>x`) and parentheses-free chains. */
export function skipTSWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const type = current.type;
    if (
      type !== AST_NODE_TYPES.TSAsExpression &&
      type !== AST_NODE_TYPES.TSNonNullExpression &&
      type !== AST_NODE_TYPES.TSSatisfiesExpression &&
      type !== AST_NODE_TYPES.TSTypeAssertion &&
      type !== AST_NODE_TYPES.ChainExpression
    ) {
      return current;
    }
    current = current.expression;
  }
}

/**
 * The outermost expression around `node` that only wraps it (`x as T`, `x!`, `x satisfies T`, `<T>x`, an `a?.b`
 * chain): the node whose parent sees the value of `node`.
 */
export function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let parent = current.parent; parent; parent = current.parent) {
    const type = parent.type;
    if (
      (type === AST_NODE_TYPES.TSAsExpression ||
        type === AST_NODE_TYPES.TSNonNullExpression ||
        type === AST_NODE_TYPES.TSSatisfiesExpression ||
        type === AST_NODE_TYPES.TSTypeAssertion ||
        type === AST_NODE_TYPES.ChainExpression) &&
      parent.expression === current
    ) {
      current = parent;
    } else {
      return current;
    }
  }
  return current;
}

/** The name an import specifier takes from its module: `a` in `import { a as b }` and in `import { 'a' as b }`. */
export function importedName(specifier: TSESTree.ImportSpecifier): string {
  const imported = specifier.imported;
  return imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value;
}

/** The static name of a property key or member property: `a`, `'a'`, `[`a`]`; null when computed from a value. */
export function staticKeyName(key: TSESTree.Node, computed: boolean): string | null {
  const type = key.type;
  if (type === AST_NODE_TYPES.Identifier) return computed ? null : key.name;
  if (type === AST_NODE_TYPES.Literal) {
    const value = key.value;
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  }
  if (type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0)
    return key.quasis[0]?.value.cooked ?? null;
  return null;
}

export function propertyName(
  node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string | null {
  return staticKeyName(node.key, node.computed);
}

export function memberName(node: TSESTree.MemberExpression): string | null {
  return staticKeyName(node.property, node.computed);
}

/** A property of an object literal by static name (the last one wins, like at runtime). */
export function getProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  let found: TSESTree.Property | null = null;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyName(property) === name) found = property;
  }
  return found;
}

export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
}

/** Outside every function and class body: code that runs while the module is imported. */
export function isModuleScope(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.ClassBody) return false;
  }
  return true;
}

/** The innermost function that contains `node` (not `node` itself). */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return null;
}

/** True when `inner` is `outer` or lies inside it (by source range). */
export function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** `a.b.c` → ['a', 'b', 'c'], `this.x` → ['this', 'x']; null for anything computed from a value. */
export function memberPath(node: TSESTree.Node): string[] | null {
  const expression = skipTSWrappers(node);
  const type = expression.type;
  if (type === AST_NODE_TYPES.Identifier) return [expression.name];
  if (type === AST_NODE_TYPES.ThisExpression) return ['this'];
  if (type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberName(expression);
  if (name === null) return null;
  const path = memberPath(expression.object);
  // The array is this call's own (built by the call below): extend it in place.
  path?.push(name);
  return path;
}

/** The callee of a call as dotted text (`ctx.waitForParticipant`), or null. */
export function calleeText(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const path = memberPath(call.callee);
  return path ? path.join('.') : null;
}

/** The variable that `name`, written where `at` is, refers to: the nearest enclosing scope that declares it. */
export function lookupName(
  sourceCode: TSESLint.SourceCode,
  at: TSESTree.Node,
  name: string,
): TSESLint.Scope.Variable | null {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at);
  while (scope) {
    const variable = scope.set.get(name);
    if (variable) return variable;
    scope = scope.upper;
  }
  return null;
}

/** Finds the variable an identifier refers to, walking up from the identifier's scope. */
export function findVariable(
  sourceCode: TSESLint.SourceCode,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | null {
  return lookupName(sourceCode, identifier, identifier.name);
}

/** The property of an object literal that is a plain `key: value` (not a method, getter or computed key). */
export function isPlainProperty(node: TSESTree.Node): node is TSESTree.Property {
  return node.type === AST_NODE_TYPES.Property && node.kind === 'init' && !node.method;
}

/**
 * The initial value of a `const` (or a never-reassigned `let`) that an identifier names, in this file.
 * Returns null for parameters, imports, reassigned variables and anything else.
 */
export function constInitializer(
  sourceCode: TSESLint.SourceCode,
  identifier: TSESTree.Identifier,
): TSESTree.Expression | null {
  const variable = findVariable(sourceCode, identifier);
  if (!variable || variable.defs.length !== 1) return null;
  const definition = variable.defs[0]!;
  if (definition.type !== 'Variable') return null;
  const declarator = definition.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return null;
  if (
    declarator.parent.kind !== 'const' &&
    variable.references.some((ref) => ref.isWrite() && ref.identifier !== declarator.id)
  ) {
    return null;
  }
  return declarator.init;
}

/**
 * Follows a function-valued expression one step inside this file: an inline function, or an identifier naming a
 * function declaration or a const bound to a function.
 */
export function resolveFunction(
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node | null | undefined,
): FunctionNode | null {
  if (!node) return null;
  const expression = skipTSWrappers(node);
  if (isFunctionNode(expression)) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(sourceCode, expression);
  const definition = variable?.defs[0];
  if (!definition || variable.defs.length !== 1) return null;
  if (definition.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) {
    return definition.node;
  }
  const init = constInitializer(sourceCode, expression);
  if (init) {
    const value = skipTSWrappers(init);
    if (isFunctionNode(value)) return value;
  }
  return null;
}

/**
 * Follows an identifier to the expression a same-file const holds (one step), or returns the node itself.
 * Used to read `tools: myTools`, `instructions: PROMPT`, `parameters: schema`.
 */
export function followConst(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): TSESTree.Node {
  const expression = skipTSWrappers(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return expression;
  const init = constInitializer(sourceCode, expression);
  return init ? skipTSWrappers(init) : expression;
}

/** A node type `walkOwnBody` descends into by default: any node but a nested function. */
function isWalkable(type: unknown): boolean {
  return (
    typeof type === 'string' &&
    type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    type !== AST_NODE_TYPES.FunctionExpression &&
    type !== AST_NODE_TYPES.FunctionDeclaration
  );
}

/**
 * Visits `root` and every node under it that `enters` lets through with all its ancestors: by default, every node
 * but nested functions.
 */
export function walkOwnBody(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => void,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  enters: (type: unknown) => boolean = isWalkable,
): void {
  // Hot: no allocation per node (one stack for the walk), plain loops, cheap type checks first.
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const keys = visitorKeys[node.type];
    if (keys === undefined) continue;
    for (let k = 0; k < keys.length; k++) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index--) {
          const item = child[index] as TSESTree.Node | null;
          if (item && enters(item.type)) stack.push(item);
        }
      } else if (enters((child as TSESTree.Node).type)) {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/**
 * The first node under `root` (root included, nested functions too) for which `test` is true, or null. `test` may
 * also collect facts on the way, since it sees every node until it returns true.
 */
export function findNode(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  test: (node: TSESTree.Node) => boolean,
): TSESTree.Node | null {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (test(node)) return node;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index--) {
          const item = child[index] as TSESTree.Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return null;
}

/** The variable of a function's first parameter, when it is a plain identifier. */
export function firstParameterVariable(
  sourceCode: TSESLint.SourceCode,
  fn: FunctionNode,
): TSESLint.Scope.Variable | null {
  return parameterVariable(sourceCode, fn, 0);
}

/** The variable of a function's parameter at `index`, when it is a plain identifier (or one with a default). */
export function parameterVariable(
  sourceCode: TSESLint.SourceCode,
  fn: FunctionNode,
  index: number,
): TSESLint.Scope.Variable | null {
  const parameter = fn.params[index];
  const pattern = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  if (pattern?.type !== AST_NODE_TYPES.Identifier) return null;
  const variables = sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
  return (
    variables.find(
      (variable) =>
        variable.name === pattern.name && variable.defs.some((definition) => definition.type === 'Parameter'),
    ) ?? null
  );
}
