import type { TSESTree } from '@typescript-eslint/utils';
import { getProperty } from '../analysis/ast.js';
import { readJsonSchemaObject } from '../analysis/json-schema.js';
import { splitWords } from '../analysis/words.js';
import { isBooleanField, readZodObject } from '../analysis/zod.js';
import { createLiveKitRule } from '../create-rule.js';
import { toolLabel } from '../livekit/program.js';

type Options = [{ maxBooleanFlags: number; maxParameters: number }];
type MessageIds = 'tooManyFlags' | 'tooManyParameters';

/** First words of boolean parameters that switch parts of a result on: `includeHistory`, `with_items`, `showAll`. */
const FLAG_PREFIXES = new Set(['include', 'with', 'show', 'return', 'fetch']);

function isFlagName(name: string): boolean {
  const first = splitWords(name)[0];
  return first !== undefined && FLAG_PREFIXES.has(first);
}

interface Counted {
  parameters: number;
  flags: string[];
}

export default createLiveKitRule<Options, MessageIds>({
  name: 'no-kitchen-sink-tools',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow tools with many parameters or include/show flags instead of focused tools',
      recommended: 'strict',
    },
    messages: {
      tooManyFlags:
        'Tool {{tool}} has {{count}} boolean flags that switch parts of its result on ({{flags}}). A do-everything tool is hard for the LLM to call right and slow to answer; split it into focused tools, one per question the caller asks.',
      tooManyParameters:
        'Tool {{tool}} takes {{count}} parameters (maximum {{max}}). The LLM has to fill each one from a spoken conversation; split the tool by task or drop the parameters it can do without.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxBooleanFlags: {
            type: 'integer',
            minimum: 1,
            description: 'Report a tool with this many or more boolean include/with/show/return/fetch parameters.',
          },
          maxParameters: {
            type: 'integer',
            minimum: 1,
            description: 'Report a tool with more parameters than this.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxBooleanFlags: 3, maxParameters: 10 }],
  },
  skipTestCode: true,
  create(context, [{ maxBooleanFlags, maxParameters }], model) {
    const sourceCode = context.sourceCode;

    const count = (parameters: TSESTree.Node): Counted | null => {
      const zod = readZodObject(sourceCode, parameters);
      if (zod) {
        return {
          parameters: zod.fields.length,
          flags: zod.fields
            .filter((field) => isBooleanField(field) && isFlagName(field.name))
            .map((field) => field.name),
        };
      }
      const json = readJsonSchemaObject(sourceCode, parameters);
      if (!json) return null;
      return {
        parameters: json.properties.length,
        flags: json.properties
          .filter((property) => property.type === 'boolean' && isFlagName(property.name))
          .map((property) => property.name),
      };
    };

    return {
      'Program:exit'() {
        for (const tool of model.tools) {
          const property = tool.options ? getProperty(tool.options, 'parameters') : null;
          if (!property || !tool.parameters) continue;
          const counted = count(tool.parameters);
          if (!counted) continue;
          const label = toolLabel(tool);
          if (counted.flags.length >= maxBooleanFlags) {
            context.report({
              node: property.key,
              messageId: 'tooManyFlags',
              data: { tool: label, count: counted.flags.length, flags: counted.flags.join(', ') },
            });
          }
          if (counted.parameters > maxParameters) {
            context.report({
              node: property.key,
              messageId: 'tooManyParameters',
              data: { tool: label, count: counted.parameters, max: maxParameters },
            });
          }
        }
      },
    };
  },
});
