import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, memberName, skipTSWrappers } from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';
import { canConnectEarlier, connectCalls, separatorBefore } from '../livekit/connect-fix.js';

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

export default createLiveKitRule<[], MessageIds>({
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
  create(context, _options, model) {
    if (model.entryFunctions.length === 0) return {};
    const sourceCode = context.sourceCode;
    const flow = model.connectFlow(context);
    return {
      ...flow.recorder(),
      'Program:exit'() {
        for (const entry of model.entryFunctions) {
          const info = flow.entryConnect(entry);
          if (!info || info.calls.length === 0) continue;
          // A later `ctx.connect(e2ee, ...)` (or a helper handed ctx) would lose its options after a plain connect.
          const canInsert =
            entry.async && canConnectEarlier(info) && !connectCalls(info).some((call) => call.arguments.length > 0);
          for (const { node, via } of info.calls) {
            const callee = skipTSWrappers(node.callee);
            if (
              callee.type !== AST_NODE_TYPES.MemberExpression ||
              memberName(callee) !== 'waitForParticipant' ||
              !info.isContext(callee.object)
            ) {
              continue;
            }
            const ctx = sourceCode.getText(callee.object);
            // The fix inserts a connect in entry's own blocks only; a helper may run more than once.
            const statement = canInsert && via.length === 0 ? statementInBlock(node, entry) : null;
            context.report({
              node,
              messageId: 'waitBeforeConnect',
              data: { ctx },
              suggest: statement
                ? [
                    {
                      messageId: 'insertConnect',
                      data: { ctx },
                      fix: (fixer) =>
                        fixer.insertTextBefore(
                          statement,
                          `await ${ctx}.connect();${separatorBefore(sourceCode, statement)}`,
                        ),
                    },
                  ]
                : [],
            });
          }
        }
      },
    };
  },
});
