import type { TSESTree } from '@typescript-eslint/utils';
import { readJsonSchemaObject } from '../analysis/json-schema.js';
import { readZodObject } from '../analysis/zod.js';
import { createRule } from '../create-rule.js';
import { getLiveKitModel, toolLabel } from '../livekit/program.js';

type MessageIds = 'zodField' | 'jsonProperty';

export default createRule<[], MessageIds>({
  name: 'require-tool-parameter-descriptions',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a description on every parameter of a tool, so the LLM knows what to pass',
      recommended: 'strict',
    },
    messages: {
      zodField:
        "Parameter '{{field}}' of tool {{tool}} has no `.describe(...)`. The LLM fills arguments from what the caller said; tell it what the value is and in what form (e.g. 'The order number, digits only').",
      jsonProperty:
        "Parameter '{{field}}' of tool {{tool}} has no `description`. The LLM fills arguments from what the caller said; tell it what the value is and in what form.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const model = getLiveKitModel(context);
    if (!model || model.isTestCode) return {}; // a quality rule: test code exercises the runtime, it is not judged
    const sourceCode = context.sourceCode;
        return {
      'Program:exit'() {
        // A field shared by several tools' schemas is reported once, for the first tool.
        const seen = new Set<TSESTree.Node>();
        const once = (node: TSESTree.Node): boolean => !seen.has(node) && Boolean(seen.add(node));
        for (const tool of model.tools) {
          if (!tool.parameters) continue;
          const zod = readZodObject(sourceCode, tool.parameters);
          if (zod) {
            for (const field of zod.fields) {
              if (field.described === false && once(field.key)) {
                context.report({ node: field.key, messageId: 'zodField', data: { field: field.name, tool: toolLabel(tool) } });
              }
            }
            continue;
          }
          const json = readJsonSchemaObject(sourceCode, tool.parameters);
          for (const property of json?.properties ?? []) {
            if (property.described === false && once(property.key)) {
              context.report({ node: property.key, messageId: 'jsonProperty', data: { field: property.name, tool: toolLabel(tool) } });
            }
          }
        }
      },
    };
  },
});
