import type { TSESTree } from '@typescript-eslint/utils';
import { staticText } from '../analysis/strings.js';
import { restatesName } from '../analysis/words.js';
import { createRule } from '../create-rule.js';
import { getLiveKitModel } from '../livekit/program.js';

type Options = [{ minLength?: number }];
type MessageIds = 'missing' | 'empty' | 'placeholder' | 'tooShort' | 'restatesName';

const PLACEHOLDERS = new Set(['todo', 'tbd', 'fixme', 'description', 'tool', 'function', 'desc', 'xxx', 'n/a', 'none']);

function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '.!:'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

export default createRule<Options, MessageIds>({
  name: 'require-tool-description',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every tool to have a description that tells the LLM when to call it',
      recommended: 'recommended',
    },
    messages: {
      missing:
        "Tool {{tool}} has no description. The LLM picks tools by name and description alone; say what it does, when to call it and what it returns.",
      empty:
        "Tool {{tool}} has an empty description. The runtime accepts it, but the LLM cannot tell when to call the tool; describe what it does and when to use it.",
      placeholder:
        "Tool {{tool}} has a placeholder description ('{{text}}'). The LLM cannot tell when to call it; describe what it does and when to use it.",
      tooShort:
        "Tool {{tool}}'s description is {{length}} characters (minimum {{minLength}}). Say what it does, when to call it and what it returns.",
      restatesName:
        "Tool {{tool}}'s description only repeats its name. Tell the LLM when to call it and what it returns, in words the name does not already say.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          minLength: {
            type: 'integer',
            minimum: 0,
            description: 'The shortest description, in characters, that is accepted.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minLength: 20 }],
  },
  defaultOptions: [{ minLength: 20 }],
  create(context, [{ minLength = 20 }]) {
    const model = getLiveKitModel(context);
    if (!model) return {};
    return {
      'Program:exit'() {
        for (const tool of model.tools) {
          const label = tool.name === null ? 'this tool' : `'${tool.name}'`;
          if (!tool.options) continue;
          const property = tool.descriptionProperty;
          if (!property) {
            context.report({ node: tool.call.callee, messageId: 'missing', data: { tool: label } });
            continue;
          }
          const text = staticText(property.value, context.sourceCode);
          if (!text?.complete) continue;
          const trimmed = text.text.trim();
          const node: TSESTree.Node = property.value;
          if (trimmed === '') {
            context.report({ node, messageId: 'empty', data: { tool: label } });
          } else if (PLACEHOLDERS.has(trimTrailingPunctuation(trimmed.toLowerCase()))) {
            context.report({ node, messageId: 'placeholder', data: { tool: label, text: trimmed } });
          } else if (tool.name !== null && restatesName(trimmed, tool.name)) {
            context.report({ node, messageId: 'restatesName', data: { tool: label } });
          } else if (trimmed.length < minLength) {
            context.report({ node, messageId: 'tooShort', data: { tool: label, length: trimmed.length, minLength } });
          }
        }
      },
    };
  },
});
