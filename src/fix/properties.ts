/** Adding and renaming properties of object literals, in the layout the object already has. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Inserts `text` (`key: value`) as the first or last property of an object literal. An object written on one line
 * gets `, key: value`; one property per line gets a line of its own with the same indentation; an existing trailing
 * comma stays trailing.
 */
export function insertProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  object: TSESTree.ObjectExpression,
  text: string,
  position: 'first' | 'last' = 'last',
): TSESLint.RuleFix {
  const first = object.properties[0];
  const last = object.properties.at(-1);
  if (!first || !last) {
    const close = sourceCode.getLastToken(object)!;
    // `{}` becomes `{ key: value }`; an object holding only comments keeps them before the new property.
    return sourceCode.getCommentsInside(object).length === 0
      ? fixer.replaceText(object, `{ ${text} }`)
      : fixer.insertTextBefore(close, `${text} `);
  }
  const open = sourceCode.getFirstToken(object)!;
  const oneLine = first.loc.start.line === open.loc.end.line;
  if (position === 'first') {
    return fixer.insertTextBefore(first, oneLine ? `${text}, ` : `${text},\n${indentOf(sourceCode, first)}`);
  }
  const after = sourceCode.getTokenAfter(last);
  const comma = after?.value === ',' ? after : null;
  const separator = oneLine ? ' ' : `\n${indentOf(sourceCode, last)}`;
  return comma
    ? fixer.insertTextAfter(comma, `${separator}${text},`)
    : fixer.insertTextAfter(last, `,${separator}${text}`);
}

/**
 * Gives a property a new key and keeps its value: `{ old: x }` → `{ key: x }`, and a shorthand `{ old }` →
 * `{ key: old }` (the value is still the variable named `old`).
 */
export function renameKey(fixer: TSESLint.RuleFixer, property: TSESTree.Property, key: string): TSESLint.RuleFix {
  if (property.shorthand) return fixer.replaceText(property, `${key}: ${(property.key as TSESTree.Identifier).name}`);
  return fixer.replaceText(property.key, key);
}

/** Wraps `inner` in nested object literals: (['a', 'b'], 'x') → `{ a: { b: x } }`; ([], 'x') → `x`. */
export function nestedObjectText(keys: readonly string[], inner: string): string {
  return keys.reduceRight((text, key) => `{ ${key}: ${text} }`, inner);
}

/** The whitespace before `node` on its line, or '' when code stands before it. */
function indentOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const before = line.slice(0, node.loc.start.column);
  return before.trim() === '' ? before : '';
}
