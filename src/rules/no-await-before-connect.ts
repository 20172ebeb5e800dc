import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, calleeText, isFunctionNode, isWithin, memberPath, skipTSWrappers } from '../analysis/ast.js';
import { createRule } from '../create-rule.js';
import { type ConnectPoint, getEntryConnect } from '../livekit/connect.js';
import { connectFirstFix, describeExpression } from '../livekit/connect-fix.js';
import { getLiveKitModel } from '../livekit/program.js';

type Options = [{ allow?: string[] }];
type MessageIds = 'awaitBeforeConnect' | 'forAwaitBeforeConnect' | 'moveConnect' | 'insertConnect';

/** The texts an `allow` entry can match: each call's callee along a chain (`fetch(url).then(...)`), or a name. */
/** True when `walkBefore(point, ...)` visits `node`: it lies in an earlier node and entry is its innermost function. */
function isBefore(point: ConnectPoint, entry: FunctionNode, node: TSESTree.Node): boolean {
  if (!isWithin(node, entry.body)) return false;
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (fn !== entry) return false;
  for (const before of point.before) if (!isFunctionNode(before) && isWithin(node, before)) return true;
  return false;
}

function allowKeys(node: TSESTree.Node): string[] {
  const keys: string[] = [];
  let current = skipTSWrappers(node);
  for (let depth = 0; depth < 8; depth++) {
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
      const text = calleeText(current);
      if (text !== null) keys.push(text);
      current = skipTSWrappers(current.callee);
      if (current.type === AST_NODE_TYPES.MemberExpression) current = skipTSWrappers(current.object);
      else break;
    } else {
      const path = memberPath(current);
      if (path) keys.push(path.join('.'));
      break;
    }
  }
  return keys;
}

export default createRule<Options, MessageIds>({
  name: 'no-await-before-connect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow awaiting other work in entry before the room is connected',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      awaitBeforeConnect:
        '`await {{name}}` runs before entry connects to the room, so the caller waits in silence until it settles. Connect first (`await {{ctx}}.connect()`), then do this work.',
      forAwaitBeforeConnect:
        '`for await` over `{{name}}` runs before entry connects to the room, so the caller waits in silence until the loop ends. Connect first (`await {{ctx}}.connect()`), then loop.',
      moveConnect: 'Move the `await {{ctx}}.connect(…)` statement to the start of entry.',
      insertConnect: 'Insert `await {{ctx}}.connect();` at the start of entry.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Callee texts whose await is accepted before the connect point, as written (`loadConfig`, `cache.warm`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  defaultOptions: [{ allow: [] }],
  create(context, [{ allow = [] }]) {
    const model = getLiveKitModel(context);
    if (!model) return {};
    const sourceCode = context.sourceCode;
    // Awaits of the file, collected by the traversal ESLint makes anyway (no second walk of entry's statements).
    const awaits: (TSESTree.AwaitExpression | TSESTree.ForOfStatement)[] = [];
    return {
      AwaitExpression(node) {
        awaits.push(node);
      },
      ForOfStatement(node) {
        if (node.await) awaits.push(node);
      },
      'Program:exit'() {
        if (awaits.length === 0) return;
        for (const entry of model.entryFunctions) {
          const info = getEntryConnect(sourceCode, entry);
          const point = info?.point;
          if (!info || !point) continue;
          let fix: ReturnType<typeof connectFirstFix> | undefined;
          const suggest = (): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
            fix ??= connectFirstFix(sourceCode, info);
            if (!fix) return [];
            return [{ messageId: fix.kind === 'move' ? 'moveConnect' : 'insertConnect', data: { ctx: info.contextName }, fix: fix.fix }];
          };
          for (const node of awaits) {
            // What `walkBefore` visits: inside one of the earlier nodes, with entry as the innermost function.
            if (!isBefore(point, entry, node)) continue;
            if (node.type === AST_NODE_TYPES.AwaitExpression) {
              if (allowKeys(node.argument).some((key) => allow.includes(key))) continue;
              context.report({
                node,
                messageId: 'awaitBeforeConnect',
                data: { name: describeExpression(node.argument), ctx: info.contextName },
                suggest: suggest(),
              });
            } else {
              if (allowKeys(node.right).some((key) => allow.includes(key))) continue;
              const awaitToken = sourceCode.getFirstToken(node, { skip: 1 });
              context.report({
                node,
                loc: { start: node.loc.start, end: awaitToken?.loc.end ?? node.right.loc.end },
                messageId: 'forAwaitBeforeConnect',
                data: { name: describeExpression(node.right), ctx: info.contextName },
                suggest: suggest(),
              });
            }
          }
        }
      },
    };
  },
});
