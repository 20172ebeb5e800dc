/** Removing one item from a comma-separated list without breaking the layout of the items around it. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Removes `node` from the comma-separated list it belongs to (object properties, import specifiers, pattern
 * properties, arguments), with its comma.
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

/** Appends `text` as the last argument of a call written with parentheses; null for a call without them. */
export function insertArgument(
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.NewExpression | TSESTree.CallExpression,
  text: string,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  const closing = sourceCode.getLastToken(call);
  if (closing?.value !== ')') return null;
  const last = call.arguments.at(-1);
  return last ? (fixer) => fixer.insertTextAfter(last, `, ${text}`) : (fixer) => fixer.insertTextBefore(closing, text);
}
