import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeText,
  enclosingFunction,
  followConst,
  getProperty,
  memberName,
  skipTSWrappers,
} from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';

type MessageIds = 'awaitedRun' | 'unwaitedRun' | 'floatingJudge' | 'addWait' | 'addAwait';

/** `x.run({ userInput, ... })`: the shape of `AgentSession.run`, whatever `x` is. */
function isRunCall(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return false;
  const callee = skipTSWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'run') return false;
  const options = followConst(sourceCode, node.arguments[0]!);
  return options.type === AST_NODE_TYPES.ObjectExpression && getProperty(options, 'userInput') !== null;
}

/** `... .judge(llm, { intent })`: the shape of `MessageAssert.judge`. */
function isJudgeCall(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 2) return false;
  const callee = skipTSWrappers(node.callee);
  const options = node.arguments[1]!;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'judge' &&
    options.type === AST_NODE_TYPES.ObjectExpression &&
    getProperty(options, 'intent') !== null
  );
}

/** The const a value is assigned to (`const result = <value>`), if any. */
function declaredVariable(value: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESLint.Scope.Variable | null {
  const declarator = value.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== value ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const'
  ) {
    return null;
  }
  return sourceCode.scopeManager?.getDeclaredVariables(declarator)[0] ?? null;
}

/** How the code uses a RunResult held in a variable. */
function resultUse(variable: TSESLint.Scope.Variable): 'waited' | 'read' | 'unknown' | 'unused' {
  let read = false;
  for (const reference of variable.references) {
    if (reference.init) continue;
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return 'unknown';
    const name = memberName(member);
    if (name === 'wait') return 'waited';
    if (name === 'expect' || name === 'events' || name === 'finalOutput') read = true;
    else return 'unknown';
  }
  return read ? 'read' : 'unused';
}

function isInAsyncFunction(node: TSESTree.Node): boolean {
  return enclosingFunction(node)?.async === true;
}

export default createLiveKitRule<[], MessageIds>({
  name: 'require-run-result-wait',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require waiting for a test run with `.wait()` and awaiting `judge()` in LiveKit agent tests',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      awaitedRun:
        "Awaiting run() does not wait for the agent's turn: it returns a RunResult, which is not a promise, so the assertions run against an empty event list. Await its wait(): `await {{text}}.wait()`.",
      unwaitedRun:
        "This RunResult is read before the agent's turn is over: nothing calls wait(), so its events are still empty and the assertions test nothing. Use `await {{text}}.wait()`.",
      floatingJudge:
        'judge() returns a promise: without await, the LLM verdict on what the agent said is never checked and the test passes regardless. Add await.',
      addWait: 'Wait for the turn: `await {{text}}.wait()`.',
      addAwait: 'Add await, so that the test fails when the judge does.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // Both shapes need a key spelled in the file (`userInput`, `intent`); `\u` escapes could spell them otherwise.
    const text = sourceCode.text;
    if (!text.includes('userInput') && !text.includes('intent') && !text.includes('\\u')) return {};
    const callText = (call: TSESTree.CallExpression) => `${calleeText(call) ?? 'run'}(...)`;

    return {
      AwaitExpression(node) {
        const call = skipTSWrappers(node.argument);
        if (call.type !== AST_NODE_TYPES.CallExpression || !isRunCall(call, sourceCode)) return;
        // `const result = await session.run(...); await result.wait();` does wait (the await is only redundant).
        const variable = declaredVariable(node, sourceCode);
        if (variable && resultUse(variable) === 'waited') return;
        context.report({
          node,
          messageId: 'awaitedRun',
          data: { text: callText(call) },
          suggest: [
            {
              messageId: 'addWait',
              data: { text: callText(call) },
              fix: (fixer) => fixer.insertTextAfter(call, '.wait()'),
            },
          ],
        });
      },
      CallExpression(node) {
        if (isRunCall(node, sourceCode)) {
          const variable = declaredVariable(node, sourceCode);
          if (!variable || resultUse(variable) !== 'read') return;
          const data = { text: callText(node) };
          context.report({
            node,
            messageId: 'unwaitedRun',
            data,
            suggest: isInAsyncFunction(node)
              ? [
                  {
                    messageId: 'addWait',
                    data,
                    fix: (fixer) => [fixer.insertTextBefore(node, 'await '), fixer.insertTextAfter(node, '.wait()')],
                  },
                ]
              : [],
          });
        } else if (isJudgeCall(node)) {
          const statement = node.parent;
          if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== node) return;
          context.report({
            node,
            messageId: 'floatingJudge',
            suggest: isInAsyncFunction(node)
              ? [{ messageId: 'addAwait', fix: (fixer) => fixer.insertTextBefore(node, 'await ') }]
              : [],
          });
        }
      },
    };
  },
});
