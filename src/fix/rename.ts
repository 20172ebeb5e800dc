/** Renaming a variable at its references, and checking first that the new name would mean the same thing. */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { lookupName } from '../analysis/ast.js';
import { globalReads } from '../analysis/node-modules.js';

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
  const variable = lookupName(sourceCode, at, name);
  if (variable) {
    return (
      variable === expected || (expected === null && variable.defs.length === 0 && variable.references.length === 0)
    );
  }
  if (expected !== null) return false;
  // Declared nowhere, not even as a configured global: taken only if the file never reads it either.
  return (globalReads(sourceCode, name)?.size ?? 0) === 0;
}

/**
 * Points every reference at `newName`. Object keys and exported names that spelled the old name stay as they were:
 * `{ old }` → `{ old: newName }`, `export { old }` → `export { newName as old }`.
 * Check `nameResolvesTo` at each reference first.
 */
export function renameReferences(
  fixer: TSESLint.RuleFixer,
  references: readonly TSESLint.Scope.Reference[],
  oldName: string,
  newName: string,
): TSESLint.RuleFix[] {
  return references.map(({ identifier }) => {
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === identifier) {
      return fixer.replaceText(parent, `${oldName}: ${newName}`);
    }
    if (
      parent?.type === AST_NODE_TYPES.ExportSpecifier &&
      parent.local === identifier &&
      parent.exported.range[0] === identifier.range[0]
    ) {
      return fixer.replaceText(parent, `${newName} as ${oldName}`);
    }
    return fixer.replaceText(identifier, newName);
  });
}
