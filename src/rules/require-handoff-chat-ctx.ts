import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isWithin, memberName } from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';
import { insertArgument } from '../fix/lists.js';
import { insertProperty } from '../fix/properties.js';
import {
  type HistorySource,
  type InsertPoint,
  agentOption,
  hasAlreadyRun,
  historyAt,
  importsHistory,
  resolveAgent,
  updatedLater,
} from '../livekit/agent-options.js';

type MessageIds = 'missing' | 'dropped' | 'addChatCtx';

export default createLiveKitRule<[], MessageIds>({
  name: 'require-handoff-chat-ctx',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require agents handed off to to receive the conversation so far (`chatCtx`)',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      missing:
        '{{agent}} is handed off to without `chatCtx`, so it starts with an empty conversation and the caller has to repeat everything. Pass the history (`ctx.session.history` in a tool, `this.chatCtx` in an Agent method), or `llm.ChatContext.empty()` to start fresh on purpose.',
      dropped:
        "{{agent}}'s constructor never passes `chatCtx` to `super(...)`, so the agent handed off to here starts with an empty conversation and the caller has to repeat everything. Accept a `chatCtx` option and forward it to `super`.",
      addChatCtx: 'Pass the conversation so far: `{{property}}`.',
    },
    schema: [],
  },
  create(context, _options, model) {
    const sourceCode = context.sourceCode;

    const suggestion = (insert: InsertPoint | null, history: HistorySource | null) => {
      if (!insert || !history) return [];
      const target = insert.kind === 'property' ? insert.object : insert.call;
      if (!isWithin(target, history.scope)) return [];
      const property = insert.key === null ? history.text : `${insert.key}: ${history.text}`;
      const argument = insert.key === null ? property : `{ ${property} }`;
      const fix =
        insert.kind === 'property'
          ? (fixer: TSESLint.RuleFixer) => insertProperty(fixer, sourceCode, insert.object, property)
          : insertArgument(sourceCode, insert.call, argument);
      return fix ? [{ messageId: 'addChatCtx' as const, data: { property }, fix }] : [];
    };

    /** The history at `call`; for `x.updateAgent(...)` outside tools and agents, the updated session's. */
    const historyFor = (call: TSESTree.CallExpression): HistorySource | null => {
      const history = historyAt(model, call);
      const callee = call.callee;
      if (
        history ||
        callee.type !== AST_NODE_TYPES.MemberExpression ||
        memberName(callee) !== 'updateAgent' ||
        (callee.object.type !== AST_NODE_TYPES.Identifier && callee.object.type !== AST_NODE_TYPES.MemberExpression)
      ) {
        return history;
      }
      // Outside tools and agents (entry, listeners): the session being updated holds the history.
      const receiver = sourceCode.getText(callee.object);
      return /^[\w$.]+$/u.test(receiver) ? { text: `${receiver}.history`, scope: call } : null;
    };

    /** `call` hands off to `agentNode`: a handoff, or an `updateAgent` call (the history is read only for a fix). */
    const check = (agentNode: TSESTree.Node, call: TSESTree.CallExpression): void => {
      const resolved = resolveAgent(model, agentNode);
      // An instance that already ran keeps its own history: handing back to it loses nothing.
      if (!resolved || updatedLater(resolved) || hasAlreadyRun(resolved)) return;
      const { construction } = resolved;
      const option = agentOption(model, construction, 'chatCtx');
      // Cheap first: an agent that gets its `chatCtx` needs no look through its class for another history source.
      if (option.kind !== 'dropped' && option.kind !== 'missing') return;
      if (construction.agentClass && importsHistory(model, construction.agentClass)) return;
      const agent = construction.agentClass?.name ?? 'The new agent';
      if (option.kind === 'dropped') {
        context.report({
          node: agentNode,
          messageId: 'dropped',
          data: { agent: option.agentClass.name ?? 'This Agent class' },
        });
      } else if (option.kind === 'missing') {
        context.report({
          node: agentNode,
          messageId: 'missing',
          data: { agent },
          suggest: resolved.factory || !option.insert ? [] : suggestion(option.insert, historyFor(call)),
        });
      }
    };

    return {
      'Program:exit'() {
        for (const handoff of model.handoffs) {
          if (handoff.agent) check(handoff.agent, handoff.call);
        }
        // `session.updateAgent(agent)` on a session the model knows (`model.sdkMembers`: a session variable,
        // `ctx.session` in a tool, `this.session` in an agent, an annotated or handed-on parameter).
        for (const { receiver, name, call } of model.sdkMembers) {
          if (receiver !== 'AgentSession' || name !== 'updateAgent' || !call) continue;
          const argument = call.arguments[0];
          if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) check(argument, call);
        }
      },
    };
  },
});
