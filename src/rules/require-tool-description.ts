import type { TSESTree } from '@typescript-eslint/utils';
import { hasSpread } from '../analysis/ast.js';
import { staticText } from '../analysis/strings.js';
import { WordReader, restatesName } from '../analysis/words.js';
import { createLiveKitRule } from '../create-rule.js';
import { toolLabel } from '../livekit/program.js';

type Options = [{ minLength: number }];
type MessageIds = 'missing' | 'empty' | 'placeholder' | 'tooShort' | 'restatesName';

/** Markers of an unfinished text: a description that starts with one is a placeholder. */
const PLACEHOLDER_MARKERS = new Set(['todo', 'tbd', 'fixme', 'xxx', 'lorem']);
/** Words of texts that stand in for a description: `Tool description`, `This is a tool`, `Does something`, `N/A`. */
const PLACEHOLDER_WORDS = new Set([
  'todo',
  'tbd',
  'fixme',
  'xxx',
  'description',
  'desc',
  'tool',
  'function',
  'func',
  'this',
  'is',
  'a',
  'an',
  'the',
  'of',
  'for',
  'my',
  'some',
  'placeholder',
  'lorem',
  'ipsum',
  'n',
  'none',
  'null',
  'undefined',
  'test',
  'example',
  'sample',
  'does',
  'do',
  'something',
  'stuff',
  'things',
  'helper',
  'here',
  'goes',
  'add',
  'later',
  'write',
  'it',
  's',
  'x',
]);

const placeholderReader = new WordReader();

function isPlaceholder(text: string): boolean {
  // Reads only as far as the first word that is no placeholder word (most descriptions: the first one).
  placeholderReader.reset(text);
  const first = placeholderReader.next();
  if (first === null) return false;
  if (PLACEHOLDER_MARKERS.has(first)) return true;
  for (let word: string | null = first; word !== null; word = placeholderReader.next()) {
    if (!PLACEHOLDER_WORDS.has(word)) return false;
  }
  return true;
}

export default createLiveKitRule<Options, MessageIds>({
  name: 'require-tool-description',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every tool to have a description that tells the LLM when to call it',
      recommended: 'recommended',
    },
    messages: {
      missing:
        'Tool {{tool}} has no description. The LLM picks tools by name and description alone; say what it does, when to call it and what it returns.',
      empty:
        'Tool {{tool}} has an empty description. The runtime accepts it, but the LLM cannot tell when to call the tool; describe what it does and when to use it.',
      placeholder:
        "Tool {{tool}} has a placeholder description ('{{text}}'). The LLM cannot tell when to call it; describe what it does and when to use it.",
      tooShort:
        'The description of tool {{tool}} is {{length}} characters (minimum {{minLength}}). Say what it does, when to call it and what it returns.',
      restatesName:
        'The description of tool {{tool}} only repeats its name. Tell the LLM when to call it and what it returns, in words the name does not already say.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          minLength: {
            type: 'integer',
            minimum: 0,
            description:
              'The shortest description, in characters, that is accepted (0, the default: no minimum; a short description that adds meaning is fine).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minLength: 0 }],
  },
  skipTestCode: true,
  create(context, [{ minLength }], model) {
    return {
      'Program:exit'() {
        for (const tool of model.tools) {
          if (!tool.options) continue;
          const property = tool.descriptionProperty;
          if (!property) {
            if (hasSpread(tool.options)) continue; // the spread may carry it
            context.report({ node: tool.call.callee, messageId: 'missing', data: { tool: toolLabel(tool) } });
            continue;
          }
          const text = staticText(property.value, context.sourceCode);
          if (!text?.complete) continue;
          const trimmed = text.text.trim();
          const node: TSESTree.Node = property.value;
          if (trimmed === '') {
            context.report({ node, messageId: 'empty', data: { tool: toolLabel(tool) } });
          } else if (isPlaceholder(trimmed)) {
            context.report({
              node,
              messageId: 'placeholder',
              data: { tool: toolLabel(tool), text: trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed },
            });
          } else if (tool.name !== null && restatesName(trimmed, tool.name)) {
            context.report({ node, messageId: 'restatesName', data: { tool: toolLabel(tool) } });
          } else if (trimmed.length < minLength) {
            context.report({
              node,
              messageId: 'tooShort',
              data: { tool: toolLabel(tool), length: trimmed.length, minLength },
            });
          }
        }
      },
    };
  },
});
