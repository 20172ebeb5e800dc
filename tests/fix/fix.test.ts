/**
 * The shared edits of src/fix/, applied through ESLint to small programs: each case is the text before and after.
 */
import { Linter } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { insertArgument, removeListItem } from '../../dist/fix/lists.js';
import { insertProperty, renameKey } from '../../dist/fix/properties.js';
import { nameResolvesTo, renameReferences } from '../../dist/fix/rename.js';

type Edit = (
  fixer: TSESLint.RuleFixer,
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node,
) => TSESLint.RuleFix | TSESLint.RuleFix[] | null;

/** Applies `edit` once to the first node of type `selector` in `text` and returns the fixed text. */
function apply(text: string, selector: string, edit: Edit): string {
  const linter = new Linter({ configType: 'flat' });
  const rule = {
    meta: { type: 'problem', fixable: 'code', schema: [], messages: { edit: 'edit' } },
    create(context: TSESLint.RuleContext<'edit', []>) {
      let done = false;
      return {
        [selector](node: TSESTree.Node) {
          if (done) return;
          done = true;
          context.report({ node, messageId: 'edit', fix: (fixer) => edit(fixer, context.sourceCode, node) });
        },
      };
    },
  };
  const config = { plugins: { test: { rules: { edit: rule } } }, rules: { 'test/edit': 'error' } };
  // One pass: verifyAndFix would apply an insertion again and again.
  const fix = linter.verify(text, config as unknown as Linter.Config, { filename: 'file.js' })[0]?.fix;
  return fix ? text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]) : text;
}

const property =
  (position: 'first' | 'last'): Edit =>
  (fixer, sourceCode, node) =>
    insertProperty(fixer, sourceCode, node as TSESTree.ObjectExpression, 'added: 1', position);

describe('insertProperty', () => {
  const cases: [string, 'first' | 'last', string, string][] = [
    ['an empty object', 'last', 'f({});', 'f({ added: 1 });'],
    ['an object holding only a comment keeps it', 'last', 'f({ /* none */ });', 'f({ /* none */ added: 1 });'],
    ['one line, last', 'last', 'f({ a: 1, b: 2 });', 'f({ a: 1, b: 2, added: 1 });'],
    ['one line with a trailing comma, last', 'last', 'f({ a: 1, });', 'f({ a: 1, added: 1, });'],
    ['one line, first', 'first', 'f({ a: 1 });', 'f({ added: 1, a: 1 });'],
    ['one property a line, last', 'last', 'f({\n  a: 1,\n  b: 2\n});', 'f({\n  a: 1,\n  b: 2,\n  added: 1\n});'],
    [
      'one property a line with a trailing comma, last',
      'last',
      'f({\n    a: 1,\n});',
      'f({\n    a: 1,\n    added: 1,\n});',
    ],
    ['one property a line, first', 'first', 'f({\n  a: 1,\n});', 'f({\n  added: 1,\n  a: 1,\n});'],
  ];
  for (const [name, position, before, after] of cases) {
    it(name, () => expect(apply(before, 'ObjectExpression', property(position))).toBe(after));
  }
});

describe('renameKey', () => {
  it('renames the key of a `key: value` property', () => {
    expect(
      apply('f({ old_name: 1 });', 'Property', (fixer, _, node) =>
        renameKey(fixer, node as TSESTree.Property, 'newName'),
      ),
    ).toBe('f({ newName: 1 });');
  });
  it('keeps the value of a shorthand property', () => {
    expect(
      apply('f({ old_name });', 'Property', (fixer, _, node) => renameKey(fixer, node as TSESTree.Property, 'newName')),
    ).toBe('f({ newName: old_name });');
  });
});

describe('removeListItem', () => {
  const remove: Edit = (fixer, sourceCode, node) => removeListItem(fixer, sourceCode, node);
  it('removes the first item with its comma', () => {
    expect(apply('f({ a: 1, b: 2 });', 'Property', remove)).toBe('f({ b: 2 });');
  });
  it('removes the last item with the comma before it', () => {
    expect(apply('f({ a: 1, b: 2 });', 'Property[key.name="b"]', remove)).toBe('f({ a: 1 });');
  });
  it('removes a trailing comma with the item', () => {
    expect(apply('f({ a: 1, });', 'Property', remove)).toBe('f({  });');
  });
  it('removes an only argument', () => {
    expect(apply('f(a);', 'CallExpression > Identifier.arguments', remove)).toBe('f();');
  });
});

describe('insertArgument', () => {
  const add: Edit = (fixer, sourceCode, node) =>
    insertArgument(sourceCode, node as TSESTree.CallExpression, 'x')?.(fixer) ?? null;
  it('appends after the last argument', () => expect(apply('f(a);', 'CallExpression', add)).toBe('f(a, x);'));
  it('fills empty parentheses', () => expect(apply('new F();', 'NewExpression', add)).toBe('new F(x);'));
  it('gives up on a construction without parentheses', () => {
    expect(apply('new F;', 'NewExpression', add)).toBe('new F;');
  });
});

describe('renameReferences and nameResolvesTo', () => {
  const rename: Edit = (fixer, sourceCode, node) => {
    const variable = sourceCode.getDeclaredVariables(node)[0]!;
    const references = variable.references.filter(
      (reference) => reference.identifier !== (node as TSESTree.VariableDeclarator).id,
    );
    if (!references.every((reference) => nameResolvesTo(sourceCode, reference.identifier, 'fresh', null))) return null;
    return renameReferences(fixer, references, 'old', 'fresh');
  };
  it('keeps object keys and exported names', () => {
    expect(apply('const old = 1;\nf(old, { old });\nexport { old };', 'VariableDeclarator', rename)).toBe(
      'const old = 1;\nf(fresh, { old: fresh });\nexport { fresh as old };',
    );
  });
  it('refuses a name that a reference would resolve to something else', () => {
    const text = 'const old = 1;\nfunction g(fresh) { return old + fresh; }';
    expect(apply(text, 'VariableDeclarator', rename)).toBe(text);
  });
  it('refuses a global the file already uses', () => {
    const text = 'const old = 1;\nf(old, fresh);';
    expect(apply(text, 'VariableDeclarator', rename)).toBe(text);
  });
  it('refuses a declared global the file uses (ESLint resolves it to the global variable, not to nothing)', () => {
    const text = '/* global fresh */\nconst old = 1;\nf(old, fresh);';
    expect(apply(text, 'VariableDeclarator', rename)).toBe(text);
  });
  it('accepts a declared global the file never uses', () => {
    expect(apply('/* global fresh */\nconst old = 1;\nf(old);', 'VariableDeclarator', rename)).toBe(
      '/* global fresh */\nconst old = 1;\nf(fresh);',
    );
  });
});
