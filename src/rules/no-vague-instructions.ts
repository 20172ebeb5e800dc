import type { TSESTree } from '@typescript-eslint/utils';
import { FORMATTING_TERMS, hasRoleStatement, requestedFormatting } from '../analysis/instructions.js';
import { countWords, staticText } from '../analysis/strings.js';
import { createRule } from '../create-rule.js';
import { agentConfigurations } from '../livekit/agent-options.js';
import { getLiveKitModel } from '../livekit/program.js';

type Options = [{ minWords?: number; rolePhrases?: string[]; allowFormatting?: string[] }];
type MessageIds = 'tooShort' | 'noRole' | 'visualFormatting';

const DEFAULT_MIN_WORDS = 25;

export default createRule<Options, MessageIds>({
  name: 'no-vague-instructions',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow agent instructions that are too short, state no role, or ask a voice agent for visual formatting',
      recommended: 'strict',
    },
    messages: {
      tooShort:
        'These instructions have {{count}} word(s) (minimum {{minWords}}): with so little to go on, the LLM improvises. Say who the agent is, what it helps with, how it speaks on a call and when it hands off.',
      noRole:
        'These instructions never say who the agent is ("You are ...", "Your role is ..."). Without a role the LLM improvises its persona and scope; open with one sentence that states it.',
      visualFormatting:
        'These instructions ask a voice agent for {{terms}}, which the caller cannot see: text-to-speech reads the symbols aloud or drops them. Ask for plain spoken sentences instead.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          minWords: {
            type: 'integer',
            minimum: 0,
            description: 'The fewest words static instructions may have.',
          },
          rolePhrases: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'More phrases that state the role, matched word for word, case-insensitively (e.g. "this assistant", "speaking for").',
          },
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
    defaultOptions: [{ minWords: DEFAULT_MIN_WORDS, rolePhrases: [], allowFormatting: [] }],
  },
  defaultOptions: [{ minWords: DEFAULT_MIN_WORDS, rolePhrases: [], allowFormatting: [] }],
  create(context, [{ minWords = DEFAULT_MIN_WORDS, rolePhrases = [], allowFormatting = [] }]) {
    const model = getLiveKitModel(context);
    if (!model || model.isTestCode) return {}; // a quality rule: test code exercises the runtime, it is not judged
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
          // Dynamic parts may hold more words or the role: only complete texts are judged for what they lack.
          if (!text.complete) continue;
          // Counting stops at the minimum: the exact count matters only below it.
          const count = countWords(text.text, minWords);
          if (count < minWords) context.report({ node, messageId: 'tooShort', data: { count, minWords } });
          else if (!hasRoleStatement(text.text, rolePhrases)) context.report({ node, messageId: 'noRole' });
        }
      },
    };
  },
});
