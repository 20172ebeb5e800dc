import type { TSESTree } from '@typescript-eslint/utils';
import { isWithin } from '../analysis/ast.js';
import { mentionsAnyWord, mentionsTransfer, statesCondition } from '../analysis/instructions.js';
import { staticText } from '../analysis/strings.js';
import { createLiveKitRule } from '../create-rule.js';
import { stringList } from '../option-schemas.js';
import { agentConfigurations, agentNameWords, registeredTools } from '../livekit/agent-options.js';
import { type HandoffInfo, type ToolInfo, toolLabel } from '../livekit/program.js';

type Options = [{ transferPhrases: string[] }];
type MessageIds = 'noConditions';

interface Judged {
  tools: ToolInfo[];
  handoffs: HandoffInfo[];
}

export default createLiveKitRule<Options, MessageIds>({
  name: 'require-handoff-conditions',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Require the instructions of an agent that can hand off, or its handoff tool descriptions, to say when to transfer',
      recommended: 'strict',
    },
    messages: {
      noConditions:
        'This agent can hand the caller off to another agent (tool {{tool}}), but neither its instructions nor the tool\'s description say when to transfer. Without a condition the LLM transfers too early, too late or never; add a line such as "Transfer the caller to billing when they ask about an invoice."',
    },
    schema: [
      {
        type: 'object',
        properties: {
          transferPhrases: stringList(
            'More phrases that count as talking about a transfer, matched word for word, case-insensitively (e.g. "pass you to", "bring in").',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ transferPhrases: [] }],
  },
  skipTestCode: true,
  create(context, [{ transferPhrases }], model) {
    const describesWhen = (tool: ToolInfo): boolean => {
      const description = tool.descriptionProperty
        ? staticText(tool.descriptionProperty.value, context.sourceCode)
        : null;
      return description !== null && statesCondition(description.text);
    };
    return {
      'Program:exit'() {
        if (model.handoffs.length === 0) return;
        // One instructions expression can serve several constructions: judge it once, with all their tools.
        const byInstructions = new Map<TSESTree.Node, Judged>();
        for (const configuration of agentConfigurations(model)) {
          if (!configuration.instructions || !configuration.tools) continue;
          for (const tool of registeredTools(model, configuration.tools)) {
            const execute = tool.execute;
            if (!execute) continue;
            let handoffs: HandoffInfo[] | null = null;
            for (const handoff of model.handoffs) if (isWithin(handoff.call, execute)) (handoffs ??= []).push(handoff);
            if (!handoffs) continue;
            let judged = byInstructions.get(configuration.instructions);
            if (!judged) byInstructions.set(configuration.instructions, (judged = { tools: [], handoffs: [] }));
            if (!judged.tools.includes(tool)) {
              judged.tools.push(tool);
              judged.handoffs.push(...handoffs);
            }
          }
        }
        for (const [node, judged] of byInstructions) {
          // The LLM also reads each handoff tool's description when it picks the tool: a condition there counts.
          if (judged.tools.every((tool) => describesWhen(tool))) continue;
          const text = staticText(node, context.sourceCode);
          if (!text || mentionsTransfer(text.text, transferPhrases)) continue;
          const names = judged.handoffs.flatMap((handoff) =>
            handoff.agent ? agentNameWords(model, handoff.agent) : [],
          );
          if (mentionsAnyWord(text.text, names) || !text.complete) continue;
          const tool = judged.tools[0]!;
          context.report({ node, messageId: 'noConditions', data: { tool: toolLabel(tool) } });
        }
      },
    };
  },
});
