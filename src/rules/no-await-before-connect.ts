import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, calleeText, memberPath, skipTSWrappers } from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';
import { stringList } from '../option-schemas.js';
import { connectFirstFix, describeExpression } from '../livekit/connect-fix.js';

type Options = [{ allow: string[] }];
type MessageIds =
  'awaitBeforeConnect' | 'forAwaitBeforeConnect' | 'awaitBeforeConnectVia' | 'moveConnect' | 'insertConnect';

/** The texts an `allow` entry can match: each call's callee along a chain (`fetch(url).then(...)`), or a name. */
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

export default createLiveKitRule<Options, MessageIds>({
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
      awaitBeforeConnectVia:
        '`{{name}}` is awaited in {{helper}} before entry connects to the room ({{chain}} connects later), so the caller waits in silence until it settles. Connect first (`await {{ctx}}.connect()` at the start of entry), then do this work.',
      moveConnect: 'Move the `await {{ctx}}.connect(…)` statement to the start of entry.',
      insertConnect: 'Insert `await {{ctx}}.connect();` at the start of entry.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: stringList(
            'Callee texts whose await is accepted before the connect point, as written (`loadConfig`, `cache.warm`).',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow }], model) {
    if (model.entryFunctions.length === 0) return {};
    const sourceCode = context.sourceCode;
    const flow = model.connectFlow(context);
    const chainOf = (via: FunctionNode[]): string =>
      ['entry', ...via.map((fn) => model.callGraph.nameOf(fn))].join(' → ');
    return {
      ...flow.recorder(),
      'Program:exit'() {
        for (const entry of model.entryFunctions) {
          const info = flow.entryConnect(entry);
          if (!info || info.awaits.length === 0) continue;
          let fix: ReturnType<typeof connectFirstFix> | undefined;
          const suggest = (): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
            fix ??= connectFirstFix(sourceCode, info);
            if (!fix) return [];
            return [
              {
                messageId: fix.kind === 'move' ? 'moveConnect' : 'insertConnect',
                data: { ctx: info.contextName },
                fix: fix.fix,
              },
            ];
          };
          for (const { node, via } of info.awaits) {
            const awaited = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node.right;
            if (allowKeys(awaited).some((key) => allow.includes(key))) continue;
            if (via.length > 0) {
              // In a function entry delegates to: the report names the chain of calls that leads there.
              context.report({
                node: node.type === AST_NODE_TYPES.AwaitExpression ? node : node.right,
                messageId: 'awaitBeforeConnectVia',
                data: {
                  name: describeExpression(awaited),
                  helper: `\`${model.callGraph.nameOf(via.at(-1)!)}\``,
                  chain: chainOf(via),
                  ctx: info.contextName,
                },
                suggest: suggest(),
              });
            } else if (node.type === AST_NODE_TYPES.AwaitExpression) {
              context.report({
                node,
                messageId: 'awaitBeforeConnect',
                data: { name: describeExpression(node.argument), ctx: info.contextName },
                suggest: suggest(),
              });
            } else {
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
