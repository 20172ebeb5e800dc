import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { skipTSWrappers, walkOwnBody } from '../analysis/ast.js';
import { MASKABLE_KINDS, SensitiveNameClassifier, sensitiveKindLabel } from '../analysis/sensitive-names.js';
import { findSensitiveValues } from '../analysis/sensitive-values.js';
import { createRule } from '../create-rule.js';
import { getLiveKitModel, toolLabel } from '../livekit/program.js';

type Options = [{ sensitiveNames?: string[]; allowNames?: string[] }];
type MessageIds = 'maskable' | 'secret';

const STRING_LIST = { type: 'array', items: { type: 'string' }, uniqueItems: true } as const;

export default createRule<Options, MessageIds>({
  name: 'no-sensitive-tool-output',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow tools that return card numbers, security codes, passwords or other secrets to the LLM',
      recommended: 'strict',
    },
    messages: {
      maskable:
        "Tool {{tool}} returns '{{name}}', which looks like {{what}}. The LLM reads tool output and may say it aloud to whoever is on the line; return a masked form (the last 4 digits) instead.",
      secret:
        "Tool {{tool}} returns '{{name}}', which looks like {{what}}. The LLM reads tool output and may say it aloud to whoever is on the line; return a confirmation instead of the value.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          sensitiveNames: {
            ...STRING_LIST,
            description: 'More names or words to treat as sensitive (each split into words, like `memberNumber`).',
          },
          allowNames: {
            ...STRING_LIST,
            description: 'Identifier or property names that are never reported, compared with the whole name.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sensitiveNames: [], allowNames: [] }],
  },
  defaultOptions: [{ sensitiveNames: [], allowNames: [] }],
  create(context, [{ sensitiveNames = [], allowNames = [] }]) {
    const model = getLiveKitModel(context);
    if (!model) return {};
    const sourceCode = context.sourceCode;

    /** What the LLM sees of a returned value: a handoff's `returns`, else the value itself. */
    function visibleOutput(value: TSESTree.Node): TSESTree.Node | null {
      const expression = skipTSWrappers(value);
      const handoff = model!.handoffs.find((info) => info.call === expression);
      if (handoff) return handoff.returnsProperty?.value ?? null;
      return expression;
    }

    return {
      'Program:exit'() {
        const classifier = new SensitiveNameClassifier({
          sensitiveNames: [...model.settings.sensitiveNames, ...sensitiveNames],
          allowNames,
        });
        for (const tool of model.tools) {
          const execute = tool.execute;
          if (!execute) continue;
          const returned: TSESTree.Node[] = [];
          if (execute.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(execute.body);
          else {
            walkOwnBody(
              execute.body,
              (node) => {
                if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
              },
              sourceCode.visitorKeys,
            );
          }
          const label = toolLabel(tool);
          for (const value of returned) {
            const output = visibleOutput(value);
            if (!output) continue;
            const seen = new Set<string>();
            for (const found of findSensitiveValues(output, { classifier, sourceCode })) {
              if (seen.has(found.name)) continue;
              seen.add(found.name);
              context.report({
                node: found.node,
                messageId: MASKABLE_KINDS.has(found.kind) ? 'maskable' : 'secret',
                data: { tool: label, name: found.name, what: sensitiveKindLabel(found.kind) },
              });
            }
          }
        }
      },
    };
  },
});
