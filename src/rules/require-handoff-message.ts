import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findNode, hasSpread, isFunctionNode, memberName, propertyName } from '../analysis/ast.js';
import { isUndefinedValue } from '../analysis/params.js';
import { countWords, staticText } from '../analysis/strings.js';
import { createLiveKitRule } from '../create-rule.js';
import { minWords } from '../option-schemas.js';
import { type AgentClassInfo, type LiveKitModel } from '../livekit/program.js';

type Options = [{ minWords: number }];
type MessageIds = 'missing' | 'empty' | 'tooShort';

/** No floor by default: `returns` is the tool result the LLM answers from, and a short one ('Transfer complete.') is fine. */
const DEFAULT_MIN_WORDS = 0;

/** True when the function's body calls `.generateReply(...)` or `.say(...)`: the agent speaks as it starts. */
function speaks(fn: TSESTree.Node, model: LiveKitModel): boolean {
  const speech = findNode(fn, model.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression)
      return false;
    const name = memberName(node.callee);
    return name === 'generateReply' || name === 'say';
  });
  return speech !== null;
}

/** True when the Agent class (or a class of this file it extends) has an `onEnter` that speaks. */
function greetsOnEnter(agentClass: AgentClassInfo, model: LiveKitModel): boolean {
  for (let current: AgentClassInfo | null = agentClass; current; current = current.parent) {
    for (const member of current.node.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition || propertyName(member) !== 'onEnter') continue;
      if (isFunctionNode(member.value) && speaks(member.value, model)) return true;
    }
  }
  return false;
}

export default createLiveKitRule<Options, MessageIds>({
  name: 'require-handoff-message',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a handoff to give the LLM a tool result (`returns`) to tell the caller about the transfer',
      recommended: 'strict',
    },
    messages: {
      missing:
        "This handoff has no `returns`: the handoff call gets an empty tool output, so the current agent generates no reply and the caller hears nothing until the new agent speaks (only if its onEnter calls generateReply or say). Add `returns`, e.g. `returns: 'Transferred to billing for the invoice question.'`: the current agent's LLM reads it as the tool result and tells the caller.",
      empty:
        "This handoff returns an empty string: the current agent's LLM gets an empty tool result and must guess what to tell the caller about the transfer. Say where the caller is going and why.",
      tooShort:
        "This handoff's `returns` has {{count}} word(s) (minimum {{minWords}}). It is the tool result the current agent's LLM answers from; say where the caller is going and why.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          minWords: minWords('The fewest words a static `returns` message may have (0, the default: no minimum).'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minWords: DEFAULT_MIN_WORDS }],
  },
  skipTestCode: true,
  create(context, [{ minWords }], model) {
    return {
      'Program:exit'() {
        for (const handoff of model.handoffs) {
          if (!handoff.options) continue;
          const property = handoff.returnsProperty;
          // A target whose onEnter speaks greets the caller itself: a silent switch is what the code wants.
          const target = handoff.agent ? model.constructionOf(handoff.agent)?.agentClass : null;
          if ((!property || isUndefinedValue(property.value)) && target && greetsOnEnter(target, model)) continue;
          if (!property) {
            if (!hasSpread(handoff.options)) context.report({ node: handoff.call.callee, messageId: 'missing' });
            continue;
          }
          if (isUndefinedValue(property.value)) {
            context.report({ node: property.value, messageId: 'missing' });
            continue;
          }
          const text = staticText(property.value, context.sourceCode);
          if (!text?.complete) continue;
          const count = countWords(text.text);
          if (text.text.trim() === '') context.report({ node: property.value, messageId: 'empty' });
          else if (minWords > 0 && count < minWords)
            context.report({ node: property.value, messageId: 'tooShort', data: { count, minWords } });
        }
      },
    };
  },
});
