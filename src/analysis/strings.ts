/**
 * The static text of an expression: what can be read without running the code.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { constInitializer, skipTSWrappers } from './ast.js';

export interface StaticText {
  /** The static parts, joined with a space where a dynamic part stood. */
  text: string;
  /** False when dynamic parts (`${x}`, a variable, a call) were left out. */
  complete: boolean;
}

const TEXT_TAGS = new Set(['dedent', 'outdent', 'stripIndent', 'stripIndents', 'oneLine', 'html', 'md', 'markdown']);
const MAX_DEPTH = 4;

/**
 * Reads strings, template literals (static parts), text tags such as `dedent`, `+` concatenations,
 * `[...].join()` of strings and same-file consts. Returns null when nothing static is there.
 */
export function staticText(
  node: TSESTree.Node | null | undefined,
  sourceCode?: TSESLint.SourceCode,
  depth = 0,
): StaticText | null {
  if (!node || depth > MAX_DEPTH) return null;
  const expression = skipTSWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === 'string' ? { text: expression.value, complete: true } : null;
    case AST_NODE_TYPES.TemplateLiteral:
      return templateText(expression, sourceCode, depth);
    case AST_NODE_TYPES.TaggedTemplateExpression: {
      const tag = expression.tag;
      const tagName =
        tag.type === AST_NODE_TYPES.Identifier
          ? tag.name
          : tag.type === AST_NODE_TYPES.MemberExpression && tag.property.type === AST_NODE_TYPES.Identifier
            ? tag.property.name
            : null;
      return tagName && TEXT_TAGS.has(tagName) ? templateText(expression.quasi, sourceCode, depth) : null;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (expression.operator !== '+') return null;
      const left = staticText(expression.left, sourceCode, depth + 1);
      const right = staticText(expression.right, sourceCode, depth + 1);
      if (!left && !right) return null;
      return join([left, right]);
    }
    case AST_NODE_TYPES.Identifier: {
      if (!sourceCode) return null;
      const init = constInitializer(sourceCode, expression);
      return init ? staticText(init, sourceCode, depth + 1) : null;
    }
    case AST_NODE_TYPES.CallExpression: {
      // ['line one', 'line two'].join('\n')
      const callee = expression.callee;
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        callee.property.name === 'join' &&
        callee.object.type === AST_NODE_TYPES.ArrayExpression
      ) {
        const parts = callee.object.elements.map((element) =>
          element && element.type !== AST_NODE_TYPES.SpreadElement ? staticText(element, sourceCode, depth + 1) : null,
        );
        if (parts.every((part) => part === null)) return null;
        const separatorArgument = expression.arguments[0];
        const separator =
          separatorArgument === undefined
            ? { text: ',', complete: true }
            : staticText(separatorArgument, sourceCode, depth + 1);
        return join(parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part])));
      }
      return null;
    }
    default:
      return null;
  }
}

function templateText(
  template: TSESTree.TemplateLiteral,
  sourceCode: TSESLint.SourceCode | undefined,
  depth: number,
): StaticText {
  // As `join` over the quasis and the embedded texts, without the list.
  const result: StaticText = { text: '', complete: true };
  const quasis = template.quasis;
  for (let index = 0; index < quasis.length; index++) {
    const quasi = quasis[index]!;
    result.text += quasi.value.cooked ?? quasi.value.raw;
    const embedded = template.expressions[index];
    if (embedded) append(result, staticText(embedded, sourceCode, depth + 1));
  }
  return result;
}

function join(parts: (StaticText | null)[]): StaticText {
  const result: StaticText = { text: '', complete: true };
  for (const part of parts) append(result, part);
  return result;
}

/** Adds a part to `into`: its text, or a space (and incompleteness) where a dynamic part stood. */
function append(into: StaticText, part: StaticText | null): void {
  if (part) {
    into.text += part.text;
    into.complete &&= part.complete;
  } else {
    into.text += ' ';
    into.complete = false;
  }
}

/** A word: a run of letters or digits, with apostrophe-joined letters (`caller's`). */
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

/**
 * Counts words (runs of letters or digits) in a text; with a `limit`, stops counting there (a check against a
 * minimum needs no more), reading the text without building the list of words.
 */
export function countWords(text: string, limit?: number): number {
  if (limit === undefined) return text.match(WORD)?.length ?? 0;
  WORD.lastIndex = 0;
  let count = 0;
  while (count < limit && WORD.test(text)) count++;
  WORD.lastIndex = 0;
  return count;
}
