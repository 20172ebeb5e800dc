import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { skipTSWrappers } from '../analysis/ast.js';
import { MASKABLE_KINDS, sensitiveKindLabel, sensitiveNameClassifier } from '../analysis/sensitive-names.js';
import { type SensitiveSearchOptions, findSensitiveValues } from '../analysis/sensitive-values.js';
import { createLiveKitRule } from '../create-rule.js';
import { SENSITIVE_NAME_OPTIONS } from '../option-schemas.js';
import { toolLabel } from '../livekit/program.js';

type Options = [{ sensitiveNames: string[]; allowNames: string[] }];
type MessageIds = 'maskable' | 'secret';

/**
 * The values of the `return` statements of a function body, outside nested functions. A `return` is a statement and
 * only statements hold statements (an expression holds one only inside a function of its own), so only statements
 * are visited, in the order `walkOwnBody` visits them.
 */
function collectReturns(body: TSESTree.BlockStatement, returned: TSESTree.Node[]): void {
  const stack: TSESTree.Statement[] = [body];
  const pushAll = (statements: readonly TSESTree.Statement[]): void => {
    for (let index = statements.length - 1; index >= 0; index--) stack.push(statements[index]!);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case AST_NODE_TYPES.ReturnStatement:
        if (node.argument) returned.push(node.argument);
        break;
      case AST_NODE_TYPES.BlockStatement:
        pushAll(node.body);
        break;
      case AST_NODE_TYPES.IfStatement:
        stack.push(node.consequent);
        if (node.alternate) stack.push(node.alternate);
        break;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.WithStatement:
        stack.push(node.body);
        break;
      case AST_NODE_TYPES.TryStatement:
        stack.push(node.block);
        if (node.handler) stack.push(node.handler.body);
        if (node.finalizer) stack.push(node.finalizer);
        break;
      case AST_NODE_TYPES.SwitchStatement:
        for (let index = node.cases.length - 1; index >= 0; index--) pushAll(node.cases[index]!.consequent);
        break;
      default:
        break;
    }
  }
}

export default createLiveKitRule<Options, MessageIds>({
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
          ...SENSITIVE_NAME_OPTIONS,
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sensitiveNames: [], allowNames: [] }],
  },
  create(context, [{ sensitiveNames, allowNames }], model) {
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
        if (model.tools.length === 0) return;
        const search: SensitiveSearchOptions = {
          classifier: sensitiveNameClassifier(model.settings.sensitiveNames, { sensitiveNames, allowNames }),
          sourceCode,
        };
        for (const tool of model.tools) {
          const execute = tool.execute;
          if (!execute) continue;
          const returned: TSESTree.Node[] = [];
          if (execute.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(execute.body);
          else collectReturns(execute.body, returned);
          const label = toolLabel(tool);
          for (const value of returned) {
            const output = visibleOutput(value);
            if (!output) continue;
            const seen = new Set<string>();
            for (const found of findSensitiveValues(output, search)) {
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
