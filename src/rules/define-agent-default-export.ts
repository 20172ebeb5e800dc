import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberPath } from '../analysis/ast.js';
import { globalReads } from '../analysis/node-modules.js';
import { outerValue } from '../analysis/paths.js';
import { createLiveKitRule } from '../create-rule.js';

type MessageIds = 'notDefaultExport' | 'addDefaultExport';

/** `module.exports`, `exports.default`, `module.exports.default`: CommonJS places that make a default export. */
function isCommonJsDefault(node: TSESTree.Node): boolean {
  const path = memberPath(node)?.join('.');
  return path === 'module.exports' || path === 'exports.default' || path === 'module.exports.default';
}

/** True when `value` (an expression's outermost node) is what the module exports as its default. */
function isExportedAsDefault(value: TSESTree.Node): boolean {
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration || parent.type === AST_NODE_TYPES.TSExportAssignment)
    return true;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value)
    return isCommonJsDefault(parent.left);
  // module.exports = { default: agent }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === value && !parent.computed) {
    const key =
      parent.key.type === AST_NODE_TYPES.Identifier
        ? parent.key.name
        : parent.key.type === AST_NODE_TYPES.Literal
          ? parent.key.value
          : null;
    const object = parent.parent;
    const assignment = object.parent;
    return (
      key === 'default' &&
      assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.right === object &&
      memberPath(assignment.left)?.join('.') === 'module.exports'
    );
  }
  return false;
}

function isDefaultSpecifier(node: TSESTree.Node): boolean {
  return (
    node.parent?.type === AST_NODE_TYPES.ExportSpecifier &&
    node.parent.local === node &&
    (node.parent.exported.type === AST_NODE_TYPES.Identifier
      ? node.parent.exported.name
      : node.parent.exported.value) === 'default'
  );
}

/** The file already has a default export of some kind (then adding one would not parse or would replace it). */
function hasDefaultExport(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      statement.type === AST_NODE_TYPES.TSExportAssignment
    )
      return true;
    if (
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
      statement.specifiers.some(
        (specifier) =>
          (specifier.exported.type === AST_NODE_TYPES.Identifier
            ? specifier.exported.name
            : specifier.exported.value) === 'default',
      )
    ) {
      return true;
    }
  }
  return false;
}

/**
 * True when `node` stands in the file's top-level scope (module or script): not in a block, a function or a class.
 * Stricter than analysis/ast's `isModuleScope`, which also counts a top-level block (`{ const agent = ... }`).
 */
function isDeclaredAtTopLevel(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const type = sourceCode.getScope(node).type;
  return type === 'module' || type === 'global';
}

/** An ES module that does not also assign `module.exports` / `exports.*`. */
function isPlainEsModule(sourceCode: TSESLint.SourceCode): boolean {
  const program = sourceCode.ast;
  const esm = program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration,
  );
  if (!esm) return false;
  // Also a configured `module`/`exports` global (`globals.node`): ESLint resolves those out of the unresolved list.
  return globalReads(sourceCode, 'module')?.size === 0 && globalReads(sourceCode, 'exports')?.size === 0;
}

export default createLiveKitRule<[], MessageIds>({
  name: 'define-agent-default-export',
  meta: {
    type: 'problem',
    docs: {
      description: "Require the `defineAgent(...)` result to be the module's default export",
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      notDefaultExport:
        "This `defineAgent(...)` result is not the module's default export: the job process imports the agent file's default export, so every call fails with `Unable to load agent: Missing or invalid default export`. Write `export default defineAgent({ ... })` (or `module.exports =` in CommonJS).",
      addDefaultExport: 'Add `export default {{name}};` at the end of the file.',
    },
    schema: [],
  },
  create(context, _options, model) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        for (const { call } of model.defineAgents) {
          const value = outerValue(call);
          if (isExportedAsDefault(value)) continue;
          const parent = value.parent;
          if (parent?.type === AST_NODE_TYPES.ExpressionStatement) {
            context.report({ node: call, messageId: 'notDefaultExport' });
            continue;
          }
          // Only a module-scope binding is judged: a factory may return the result, a caller may export it.
          if (
            parent?.type !== AST_NODE_TYPES.VariableDeclarator ||
            parent.init !== value ||
            parent.id.type !== AST_NODE_TYPES.Identifier ||
            !isDeclaredAtTopLevel(sourceCode, parent)
          ) {
            continue;
          }
          const name = parent.id.name;
          const variable = sourceCode.scopeManager?.getDeclaredVariables(parent).find((item) => item.name === name);
          if (!variable) continue;
          const uses = variable.references
            .filter((reference) => !reference.init)
            .map((reference) => reference.identifier);
          if (uses.some((use) => isExportedAsDefault(outerValue(use)) || isDefaultSpecifier(use))) continue;
          const namedExport =
            parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
            uses.some((use) => use.parent?.type === AST_NODE_TYPES.ExportSpecifier);
          // Used in other ways (handed to a call, stored): it may be exported from there.
          if (uses.some((use) => use.parent?.type !== AST_NODE_TYPES.ExportSpecifier)) continue;
          // Exported by name from a file that does not start the server: another file may re-export it as default.
          if (namedExport && model.imports.calls('cli.runApp').length === 0) continue;
          const canSuggest = !hasDefaultExport(sourceCode.ast) && isPlainEsModule(sourceCode);
          context.report({
            node: call,
            messageId: 'notDefaultExport',
            suggest: canSuggest
              ? [
                  {
                    messageId: 'addDefaultExport',
                    data: { name },
                    fix: (fixer) => {
                      const text = sourceCode.text;
                      const addition = text.endsWith('\n')
                        ? `export default ${name};\n`
                        : `\nexport default ${name};\n`;
                      return fixer.insertTextAfterRange([text.length, text.length], addition);
                    },
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});
