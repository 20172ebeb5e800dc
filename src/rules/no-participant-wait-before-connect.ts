import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, memberName, skipTSWrappers } from '../analysis/ast.js';
import { createRule } from '../create-rule.js';
import { getEntryConnect, walkBefore } from '../livekit/connect.js';
import { canConnectEarlier, connectCalls, separatorBefore } from '../livekit/connect-fix.js';
import { getLiveKitModel } from '../livekit/program.js';

type MessageIds = 'waitBeforeConnect' | 'insertConnect';

/** The statement to insert before: the nearest ancestor of `node` that is an item of a block inside `entry`. */
function statementInBlock(node: TSESTree.Node, entry: FunctionNode): TSESTree.Statement | null {
  let current: TSESTree.Node = node;
  while (current.parent && current !== entry) {
    if (current.parent.type === AST_NODE_TYPES.BlockStatement) return current as TSESTree.Statement;
    current = current.parent;
  }
  return null;
}

export default createRule<[], MessageIds>({
  name: 'no-participant-wait-before-connect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow waiting for a participant before entry has connected to the room',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      waitBeforeConnect:
        '`{{ctx}}.waitForParticipant()` runs before entry connects to the room, where it throws `room is not connected` and the call never starts. Connect first: `await {{ctx}}.connect()` (or start the session with `room: {{ctx}}.room`).',
      insertConnect: 'Insert `await {{ctx}}.connect();` before this statement.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const model = getLiveKitModel(context);
    if (!model) return {};
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        for (const entry of model.entryFunctions) {
          const info = getEntryConnect(sourceCode, entry);
          const point = info?.point;
          if (!info || !point) continue;
          // A later `ctx.connect(e2ee, ...)` (or a helper handed ctx) would lose its options after a plain connect.
          const canInsert = entry.async && canConnectEarlier(info) && !connectCalls(info).some((call) => call.arguments.length > 0);
          walkBefore(
            point,
            (node) => {
              if (node.type !== AST_NODE_TYPES.CallExpression) return;
              const callee = skipTSWrappers(node.callee);
              if (
                callee.type !== AST_NODE_TYPES.MemberExpression ||
                memberName(callee) !== 'waitForParticipant' ||
                !info.isContext(callee.object)
              ) {
                return;
              }
              const statement = canInsert ? statementInBlock(node, entry) : null;
              context.report({
                node,
                messageId: 'waitBeforeConnect',
                data: { ctx: info.contextName },
                suggest: statement
                  ? [
                      {
                        messageId: 'insertConnect',
                        data: { ctx: info.contextName },
                        fix: (fixer) =>
                          fixer.insertTextBefore(statement, `await ${info.contextName}.connect();${separatorBefore(sourceCode, statement)}`),
                      },
                    ]
                  : [],
              });
            },
            sourceCode.visitorKeys,
          );
        }
      },
    };
  },
});
