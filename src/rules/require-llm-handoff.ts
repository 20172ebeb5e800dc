import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, skipTSWrappers } from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';
import { resolveAgent } from '../livekit/agent-options.js';

type MessageIds = 'bareAgent' | 'tuple' | 'useHandoff';

/** The values a returned expression can take: both branches of a conditional. */
function branches(node: TSESTree.Node): TSESTree.Node[] {
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    return [...branches(expression.consequent), ...branches(expression.alternate)];
  }
  return [node];
}

/**
 * The Python SDK's `return SupportAgent(), "message"` ported as `return [new SupportAgent(), 'message']`, where the
 * class is imported (so not a construction the model can prove): a `new` of a name ending in `Agent` paired with a
 * string is a handoff attempt whatever the class is.
 */
function isPortedTupleAgent(first: TSESTree.Node, second: TSESTree.Node | null): boolean {
  const agent = skipTSWrappers(first);
  if (agent.type !== AST_NODE_TYPES.NewExpression || !second) return false;
  const message = skipTSWrappers(second);
  if (
    message.type !== AST_NODE_TYPES.TemplateLiteral &&
    !(message.type === AST_NODE_TYPES.Literal && typeof message.value === 'string')
  ) {
    return false;
  }
  const callee = agent.callee.type === AST_NODE_TYPES.MemberExpression ? agent.callee.property : agent.callee;
  return callee.type === AST_NODE_TYPES.Identifier && callee.name.endsWith('Agent');
}

export default createLiveKitRule<[], MessageIds>({
  name: 'require-llm-handoff',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require tools to hand off with `llm.handoff(...)` instead of returning an Agent',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      bareAgent:
        'This tool returns an Agent, which is not a handoff: the agent object (its instructions included) is serialised and sent to the LLM as the tool result, and the caller stays with the current agent. Return `llm.handoff({ agent, returns })` instead.',
      tuple:
        'This tool returns `[agent, message]` in the Python style, which is not a handoff in Node: the array is serialised and sent to the LLM, and the caller stays with the current agent. Return `llm.handoff({ agent, returns: message })` instead.',
      useHandoff: 'Return `{{handoff}}({ agent: ... })` so that the session switches to the new agent.',
    },
    schema: [],
  },
  create(context, _options, model) {
    const sourceCode = context.sourceCode;

    const suggest = (node: TSESTree.Node, agent: TSESTree.Node, message: TSESTree.Node | null) => {
      const handoff = model.imports.localNameFor('llm.handoff', node);
      if (!handoff) return [];
      const returns = message ? `, returns: ${sourceCode.getText(message)}` : '';
      return [
        {
          messageId: 'useHandoff' as const,
          data: { handoff },
          fix: (fixer: TSESLint.RuleFixer) =>
            fixer.replaceText(node, `${handoff}({ agent: ${sourceCode.getText(agent)}${returns} })`),
        },
      ];
    };

    const checkReturned = (returned: TSESTree.Node): void => {
      for (const value of branches(returned)) {
        const expression = skipTSWrappers(value);
        if (expression.type === AST_NODE_TYPES.ArrayExpression) {
          const [first, second, ...rest] = expression.elements;
          if (
            !first ||
            first.type === AST_NODE_TYPES.SpreadElement ||
            second?.type === AST_NODE_TYPES.SpreadElement ||
            rest.length > 0 ||
            !(resolveAgent(model, first) || isPortedTupleAgent(first, second ?? null))
          ) {
            continue;
          }
          context.report({ node: value, messageId: 'tuple', suggest: suggest(value, first, second ?? null) });
        } else if (resolveAgent(model, expression)) {
          context.report({ node: value, messageId: 'bareAgent', suggest: suggest(value, value, null) });
        }
      }
    };

    // `return x` statements of the file, collected by the traversal ESLint makes anyway (no walk of execute bodies).
    const returns: TSESTree.ReturnStatement[] = [];
    return {
      ReturnStatement(node) {
        if (node.argument) returns.push(node);
      },
      'Program:exit'() {
        // Each tool's execute with a block body, once per tool that has it (a shared execute is checked per tool).
        let blockExecutes: Map<TSESTree.Node, number> | null = null;
        for (const tool of model.tools) {
          const execute = tool.execute;
          if (!execute) continue;
          if (execute.body.type !== AST_NODE_TYPES.BlockStatement) {
            checkReturned(execute.body);
            continue;
          }
          blockExecutes ??= new Map();
          blockExecutes.set(execute, (blockExecutes.get(execute) ?? 0) + 1);
        }
        if (!blockExecutes) return;
        // A return belongs to the innermost function around it: execute's own body, not a nested function's.
        for (const node of returns) {
          let fn: TSESTree.Node | undefined = node.parent;
          while (fn && !isFunctionNode(fn)) fn = fn.parent;
          const count = fn ? blockExecutes.get(fn) : undefined;
          for (let index = 0; index < (count ?? 0); index++) checkReturned(node.argument!);
        }
      },
    };
  },
});
