/**
 * Small text edits for fixes and suggestions: remove an item from a comma-separated list, add a property to an
 * object literal, check that a name would resolve to the intended variable. No LiveKit knowledge lives here.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Removes `node` from the comma-separated list it belongs to (object properties, import specifiers, pattern
 * properties, arguments), with its comma, keeping the layout of the items around it.
 */
export function removeListItem(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node,
): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(node);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    // `{ a, b }` → `{ b }`; a trailing comma before the closing bracket goes with the item.
    const end = next && next.value !== '}' && next.value !== ']' && next.value !== ')' ? next.range[0] : after.range[1];
    return fixer.removeRange([node.range[0], end]);
  }
  const before = sourceCode.getTokenBefore(node);
  if (before?.value === ',') return fixer.removeRange([before.range[0], node.range[1]]);
  return fixer.remove(node);
}

/** Adds `text` (`key: value`) as the last property of an object literal. */
export function appendProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.RuleFix {
  const last = object.properties[object.properties.length - 1];
  if (!last) return fixer.replaceText(object, `{ ${text} }`);
  const after = sourceCode.getTokenAfter(last);
  if (after?.value === ',') return fixer.insertTextAfter(after, ` ${text},`);
  return fixer.insertTextAfter(last, `, ${text}`);
}

/**
 * True when the identifier `name`, written where `at` is, would refer to `expected` (a variable), or, when
 * `expected` is null, to nothing declared in the file and to no global the file already uses.
 */
export function nameResolvesTo(
  sourceCode: TSESLint.SourceCode,
  at: TSESTree.Node,
  name: string,
  expected: TSESLint.Scope.Variable | null,
): boolean {
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at);
  while (scope) {
    const variable = scope.set.get(name);
    if (variable)
      return (
        variable === expected || (expected === null && variable.defs.length === 0 && variable.references.length === 0)
      );
    scope = scope.upper;
  }
  if (expected !== null) return false;
  const globalScope = sourceCode.scopeManager?.globalScope;
  return !globalScope?.through.some((reference) => reference.identifier.name === name);
}

/** Wraps `inner` in nested object literals: (['a', 'b'], 'x') → `{ a: { b: x } }`; ([], 'x') → `x`. */
export function nestedObjectText(keys: readonly string[], inner: string): string {
  return keys.reduceRight((text, key) => `{ ${key}: ${text} }`, inner);
}

/** The property of an object literal that is a plain `key: value` (not a method, getter or computed key). */
export function isPlainProperty(node: TSESTree.Node): node is TSESTree.Property {
  return node.type === AST_NODE_TYPES.Property && node.kind === 'init' && !node.method;
}
