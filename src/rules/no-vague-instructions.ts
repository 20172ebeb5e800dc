import type { TSESTree } from '@typescript-eslint/utils';
import { FORMATTING_TERMS, isGenericPrompt, requestedFormatting } from '../analysis/instructions.js';
import { staticText } from '../analysis/strings.js';
import { createLiveKitRule } from '../create-rule.js';
import { agentConfigurations } from '../livekit/agent-options.js';

type Options = [{ allowFormatting: string[] }];
type MessageIds = 'generic' | 'visualFormatting';

export default createLiveKitRule<Options, MessageIds>({
  name: 'no-vague-instructions',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Disallow generic agent instructions (no task, domain or procedure) and asking a voice agent to answer with visual formatting',
      recommended: 'strict',
    },
    messages: {
      generic:
        'These instructions are generic: they name no task, domain or procedure, so the LLM improvises what the agent is for and what it may do. Say what it handles (the business, the task, the steps) and when it hands off.',
      visualFormatting:
        'These instructions ask a voice agent for {{terms}}, which the caller cannot see: text-to-speech reads the symbols aloud or drops them. Ask for plain spoken sentences instead.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowFormatting: {
            type: 'array',
            items: { type: 'string', enum: [...FORMATTING_TERMS] },
            uniqueItems: true,
            description:
              'Formatting terms not to report ("markdown", "bullet points", "tables", "emoji", "code blocks"), e.g. "tables" when the instructions discuss table layouts for a reason.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowFormatting: [] }],
  },
  skipTestCode: true,
  create(context, [{ allowFormatting }], model) {
    return {
      'Program:exit'() {
        const seen = new Set<TSESTree.Node>();
        for (const configuration of agentConfigurations(model)) {
          const node = configuration.instructions;
          if (!node || seen.has(node)) continue;
          seen.add(node);
          const text = staticText(node, context.sourceCode);
          if (!text) continue;
          const formatting = requestedFormatting(text.text, allowFormatting);
          if (formatting.length > 0) {
            context.report({ node, messageId: 'visualFormatting', data: { terms: formatting.join(', ') } });
          }
          // Dynamic parts may name the task: only complete texts are judged for what they lack. Length is no test.
          if (text.complete && isGenericPrompt(text.text)) context.report({ node, messageId: 'generic' });
        }
      },
    };
  },
});
