import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, memberName, outermostWrapper } from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';
import { describeExpression } from '../livekit/connect-fix.js';

type MessageIds = 'floating' | 'addAwait';

/** The expression statement whose value is `call` (through TypeScript wrappers and `?.`), if any. */
function floatingStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | null {
  const current = outermostWrapper(call);
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : null;
}

/** `x.connect(...)` when `object` is the receiver of a `connect` member call. */
function connectCallOn(object: TSESTree.Node): TSESTree.CallExpression | null {
  const member = object.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== object || memberName(member) !== 'connect')
    return null;
  return member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : null;
}

export default createLiveKitRule<[], MessageIds>({
  name: 'no-floating-lifecycle',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `ctx.connect()` and `session.start()` to be awaited or returned',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      floating:
        '`{{name}}` is neither awaited nor returned: if it fails, the error becomes an unhandled rejection and entry goes on as if the call were live, so the caller hears nothing and no one sees why. Add `await` (or `void` it on purpose).',
      addAwait: 'Add `await`, so that a failure surfaces in entry.',
    },
    schema: [],
  },
  create(context, _options, model) {
    return {
      'Program:exit'() {
        const calls = new Set<TSESTree.CallExpression>();
        // Entry's ctx, a parameter typed JobContext, or one a same-file caller hands the JobContext to.
        for (const variable of model.jobContextVariables) {
          for (const reference of variable.references) {
            const call = connectCallOn(reference.identifier);
            if (call) calls.add(call);
          }
        }
        for (const call of model.imports.calls('getJobContext')) {
          const connect = connectCallOn(call);
          if (connect) calls.add(connect);
        }
        for (const session of model.sessions) for (const start of session.starts) calls.add(start);
        for (const call of [...calls].sort((a, b) => a.range[0] - b.range[0])) {
          const statement = floatingStatement(call);
          if (!statement) continue;
          const inAsync = enclosingFunction(statement)?.async === true;
          context.report({
            node: call,
            messageId: 'floating',
            data: { name: describeExpression(call) },
            suggest: inAsync
              ? [{ messageId: 'addAwait', fix: (fixer) => fixer.insertTextBefore(statement.expression, 'await ') }]
              : [],
          });
        }
      },
    };
  },
});
