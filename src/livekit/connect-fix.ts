/**
 * Suggestions shared by the connect rules: put `await ctx.connect()` first in entry, or before a statement.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, isWithin, memberName, skipTSWrappers, walkOwnBody } from '../analysis/ast.js';
import type { EntryConnect } from './connect.js';

export type ConnectFix =
  | { kind: 'move'; statement: TSESTree.ExpressionStatement; fix: TSESLint.ReportFixFunction }
  | { kind: 'insert'; fix: TSESLint.ReportFixFunction };

/** Every `ctx.connect(...)` call in entry (nested functions included), in source order. */
export function connectCalls(info: EntryConnect): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of info.context.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    if (memberName(member) !== 'connect') continue;
    const call = member.parent;
    if (call.type === AST_NODE_TYPES.CallExpression && call.callee === member) calls.push(call);
  }
  return calls.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * False when entry connects through a call handed `ctx` that we cannot see into: it may connect with options of its
 * own, which an earlier plain `ctx.connect()` would silently drop (connect is idempotent).
 */
export function canConnectEarlier(info: EntryConnect): boolean {
  return !info.opaque;
}

/** The line break and indentation to put after text inserted before `node` on its own line (or a space). */
export function separatorBefore(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const lineStart = node.range[0] - node.loc.start.column;
  const lead = sourceCode.text.slice(lineStart, node.range[0]);
  return lead.trim() === '' ? `\n${lead}` : ' ';
}

/** Removes a statement, with its whole line when nothing else stands on it. */
function removeStatement(
  sourceCode: TSESLint.SourceCode,
  fixer: TSESLint.RuleFixer,
  statement: TSESTree.Node,
): TSESLint.RuleFix {
  const text = sourceCode.text;
  const lineStart = statement.range[0] - statement.loc.start.column;
  let lineEnd = text.indexOf('\n', statement.range[1]);
  if (lineEnd === -1) lineEnd = text.length;
  const alone =
    text.slice(lineStart, statement.range[0]).trim() === '' && text.slice(statement.range[1], lineEnd).trim() === '';
  if (alone) return fixer.removeRange([lineStart, Math.min(lineEnd + 1, text.length)]);
  // Not alone on its line: take the space before it too, so that `a(); b(); }` becomes `a(); }`.
  const previous = sourceCode.getTokenBefore(statement, { includeComments: true });
  const start = previous && previous.loc.end.line === statement.loc.start.line ? previous.range[1] : statement.range[0];
  return fixer.removeRange([start, statement.range[1]]);
}

/** True when the arguments of a connect call only use names that exist when entry starts. */
function argumentsAvailableAtStart(
  sourceCode: TSESLint.SourceCode,
  info: EntryConnect,
  call: TSESTree.CallExpression,
): boolean {
  let available = true;
  for (const argument of call.arguments) {
    walkOwnBody(
      argument,
      (node) => {
        if (node.type !== AST_NODE_TYPES.Identifier) return;
        const parent = node.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return;
        if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand)
          return;
        const variable = findVariable(sourceCode, node);
        if (!variable || variable === info.context) return;
        if (variable.defs.some((definition) => isWithin(definition.name, info.entry))) available = false;
      },
      sourceCode.visitorKeys,
    );
    // A callback given to connect is not expected; stay on the safe side.
    if (argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression)
      available = false;
  }
  return available;
}

/**
 * How to connect at the start of entry without changing what the connection does:
 * - move the first `await ctx.connect(...)` when it is a statement of entry's own body (and its arguments exist at
 *   the start),
 * - else insert `await ctx.connect();` when entry has no `ctx.connect` call with arguments (connect is idempotent,
 *   so a later plain `ctx.connect()` or `session.start` is unaffected),
 * - else nothing (a later `ctx.connect(e2ee, autoSubscribe)` would become a no-op), and nothing when the connect
 *   point hands `ctx` to a call we cannot see into (it may connect with options of its own).
 */
export function connectFirstFix(sourceCode: TSESLint.SourceCode, info: EntryConnect): ConnectFix | null {
  const first = info.body?.body[0];
  if (!info.body || !first || !canConnectEarlier(info)) return null;
  const calls = connectCalls(info);
  const earliest = calls[0];
  if (earliest) {
    const statement = earliest.parent;
    if (
      statement.type === AST_NODE_TYPES.AwaitExpression &&
      statement.parent.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.parent.parent === info.body &&
      statement.parent !== first &&
      argumentsAvailableAtStart(sourceCode, info, earliest)
    ) {
      const expressionStatement = statement.parent;
      return {
        kind: 'move',
        statement: expressionStatement,
        fix: (fixer) => [
          fixer.insertTextBefore(first, sourceCode.getText(expressionStatement) + separatorBefore(sourceCode, first)),
          removeStatement(sourceCode, fixer, expressionStatement),
        ],
      };
    }
    if (calls.some((call) => call.arguments.length > 0)) return null;
  }
  return {
    kind: 'insert',
    fix: (fixer) =>
      fixer.insertTextBefore(first, `await ${info.contextName}.connect();${separatorBefore(sourceCode, first)}`),
  };
}

/** `a.b()`, `fetch().then`, `new X()`: a short name for an awaited expression, as written. */
export function describeExpression(node: TSESTree.Node, depth = 0): string {
  const expression = skipTSWrappers(node);
  if (depth > 6) return '…';
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return expression.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(expression);
      return `${describeExpression(expression.object, depth + 1)}${name === null ? '[…]' : `.${name}`}`;
    }
    case AST_NODE_TYPES.CallExpression:
      return `${describeExpression(expression.callee, depth + 1)}()`;
    case AST_NODE_TYPES.NewExpression:
      return `new ${describeExpression(expression.callee, depth + 1)}()`;
    default:
      return '…';
  }
}
