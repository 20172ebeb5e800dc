import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, findVariable, isFunctionNode, skipTSWrappers } from '../analysis/ast.js';
import { nameResolvesTo } from '../fix/rename.js';
import { createLiveKitRule } from '../create-rule.js';
import { CORE_MODULE } from '../livekit/imports.js';
import { type LiveKitModel } from '../livekit/program.js';

type MessageIds = 'preferToolError' | 'useToolError';

/** Built-in error constructors; all but AggregateError take the message first. */
const BUILTIN_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'AggregateError',
]);
const TOOL_ERROR = 'ToolError';

/** How to write `ToolError` at `node`: the file's binding, or a new specifier on the `@livekit/agents` import. */
function toolErrorReference(
  model: LiveKitModel,
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node,
): { text: string; addImport: TSESTree.ImportSpecifier | null } | null {
  const local = model.imports.localNameFor('llm.ToolError', node);
  if (local) return { text: local, addImport: null };
  if (!nameResolvesTo(sourceCode, node, TOOL_ERROR, null)) return null;
  for (const declaration of model.imports.coreImports) {
    if (declaration.source.value !== CORE_MODULE) continue;
    const specifiers = declaration.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    const last = specifiers.at(-1);
    if (last) return { text: TOOL_ERROR, addImport: last };
  }
  return null;
}

export default createLiveKitRule<[], MessageIds>({
  name: 'prefer-tool-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Prefer `llm.ToolError` to built-in errors thrown from a tool, so the LLM sees the message',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      preferToolError:
        "`{{error}}` thrown in a tool reaches the LLM only as 'An internal error occurred', so it can neither recover nor tell the caller what went wrong. Throw `llm.ToolError` with a message the LLM can act on.",
      useToolError: 'Throw `{{replacement}}` instead (its message is sent to the LLM).',
    },
    schema: [],
  },
  skipTestCode: true,
  create(context, _options, model) {
    const sourceCode = context.sourceCode;
    let executes: Set<FunctionNode> | null = null;

    /** True when the throw ends execute: it is in execute (or an arrow inside it) and no `try` around it catches it. */
    const escapesExecute = (node: TSESTree.ThrowStatement): boolean => {
      if (!executes) {
        executes = new Set();
        for (const tool of model.tools) if (tool.execute) executes.add(tool.execute);
      }
      if (executes.size === 0) return false;
      let child: TSESTree.Node = node;
      let current: TSESTree.Node | undefined = node.parent;
      while (current) {
        if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return false;
        if (isFunctionNode(current)) {
          if (executes.has(current)) return true;
          if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
        }
        child = current;
        current = current.parent;
      }
      return false;
    };

    return {
      ThrowStatement(node) {
        const argument = skipTSWrappers(node.argument);
        if (argument.type !== AST_NODE_TYPES.NewExpression && argument.type !== AST_NODE_TYPES.CallExpression) return;
        const callee = argument.callee;
        if (callee.type !== AST_NODE_TYPES.Identifier || !BUILTIN_ERRORS.has(callee.name)) return;
        const variable = findVariable(sourceCode, callee);
        if (variable && variable.defs.length > 0) return; // a local class or import, not the built-in
        if (!escapesExecute(node)) return;

        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        const message = argument.arguments[0];
        const reference =
          callee.name !== 'AggregateError' &&
          argument.arguments.length === 1 &&
          message?.type !== AST_NODE_TYPES.SpreadElement
            ? toolErrorReference(model, sourceCode, node)
            : null;
        if (reference) {
          const replacement = argument.type === AST_NODE_TYPES.NewExpression ? reference.text : `new ${reference.text}`;
          suggest.push({
            messageId: 'useToolError',
            data: { replacement: reference.text },
            fix: (fixer) => {
              const fixes = [fixer.replaceText(callee, replacement)];
              if (reference.addImport) fixes.push(fixer.insertTextAfter(reference.addImport, `, ${TOOL_ERROR}`));
              return fixes;
            },
          });
        }
        context.report({ node: argument, messageId: 'preferToolError', data: { error: callee.name }, suggest });
      },
    };
  },
});
