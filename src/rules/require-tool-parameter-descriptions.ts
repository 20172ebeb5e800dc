import type { TSESTree } from '@typescript-eslint/utils';
import { getProperty } from '../analysis/ast.js';
import { readJsonSchemaObject } from '../analysis/json-schema.js';
import { isSelfExplainingName, needsFormat, textExplainsName } from '../analysis/parameter-names.js';
import { staticText } from '../analysis/strings.js';
import { isClosedChoice, readZodObject } from '../analysis/zod.js';
import { createLiveKitRule } from '../create-rule.js';
import { toolLabel } from '../livekit/program.js';

type MessageIds = 'zodField' | 'jsonProperty';

export default createLiveKitRule<[], MessageIds>({
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
  skipTestCode: true,
  create(context, _options, model) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        // A field shared by several tools' schemas is reported once, for the first tool.
        const seen = new Set<TSESTree.Node>();
        const once = (node: TSESTree.Node): boolean => !seen.has(node) && Boolean(seen.add(node));
        for (const tool of model.tools) {
          if (!tool.parameters) continue;
          const description = tool.descriptionProperty ? staticText(tool.descriptionProperty.value, sourceCode) : null;
          // The name tells what and how (`firstName`), or the tool's description names it; a date or a time never.
          const explainedByName = (name: string): boolean =>
            !needsFormat(name) &&
            (isSelfExplainingName(name) || (description !== null && textExplainsName(description.text, name)));
          const zod = readZodObject(sourceCode, tool.parameters);
          if (zod) {
            for (const field of zod.fields) {
              if (field.described !== false) continue;
              // The type lists every value (`z.enum`, a literal, a boolean, a bounded number) or fixes the format.
              if (field.schema && (field.format !== null || isClosedChoice(sourceCode, field.schema))) continue;
              if (explainedByName(field.name)) continue;
              if (once(field.key)) {
                context.report({
                  node: field.key,
                  messageId: 'zodField',
                  data: { field: field.name, tool: toolLabel(tool) },
                });
              }
            }
            continue;
          }
          const json = readJsonSchemaObject(sourceCode, tool.parameters);
          for (const property of json?.properties ?? []) {
            if (property.described !== false || explainedByName(property.name)) continue;
            const schema = property.schema;
            if (
              property.type === 'boolean' ||
              (schema && (getProperty(schema, 'enum') || getProperty(schema, 'const')))
            )
              continue;
            if (once(property.key)) {
              context.report({
                node: property.key,
                messageId: 'jsonProperty',
                data: { field: property.name, tool: toolLabel(tool) },
              });
            }
          }
        }
      },
    };
  },
});
