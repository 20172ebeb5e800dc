/**
 * What a tool's execute changes: only the caller's own session state (`ctx.userData`, a cart or a draft kept there),
 * or something outside the session (an imported client, a module-level service, `fetch`, `this.api`).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, findNode, findVariable, isWithin, memberName } from '../analysis/ast.js';

/** Globals whose calls compute values and reach no external system. */
const PURE_GLOBALS = new Set([
  'JSON',
  'String',
  'Number',
  'Boolean',
  'Object',
  'Array',
  'Math',
  'Promise',
  'Date',
  'Set',
  'Map',
  'parseInt',
  'parseFloat',
  'structuredClone',
]);
/** Names of session state that stand for an external system even when kept in `userData` (`userData.db.delete`). */
const EXTERNAL_NAMES = new Set([
  'db',
  'database',
  'api',
  'client',
  'service',
  'services',
  'repo',
  'repository',
  'http',
  'https',
  'server',
  'backend',
  'crm',
  'gateway',
  'payments',
  'stripe',
]);
const USER_DATA = 'userData';

/** The object at the root of a call's callee chain (`ctx` in `ctx.userData.cart.remove(x)`), and the names on the way. */
function calleeRoot(callee: TSESTree.Node): { root: TSESTree.Node; names: string[] } {
  const names: string[] = [];
  let node = callee;
  for (;;) {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(node);
      if (name !== null) names.push(name);
      node = node.object;
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      node = node.callee;
    } else if (
      node.type === AST_NODE_TYPES.TSNonNullExpression ||
      node.type === AST_NODE_TYPES.TSAsExpression ||
      node.type === AST_NODE_TYPES.ChainExpression
    ) {
      node = node.expression;
    } else {
      return { root: node, names };
    }
  }
}

/**
 * True when execute changes only the caller's own session state: it reads `userData`, and every call it makes (in
 * nested callbacks too) is on `userData`, on its own locals and parameters, on literals or on pure globals; never on
 * an import, a module-level value, `this` (outside `userData`), `fetch`, or a `db`/`api`/`client` kept in `userData`.
 */
export function changesOnlySessionState(sourceCode: TSESLint.SourceCode, execute: FunctionNode): boolean {
  let readsUserData = false;
  // The first call that may reach beyond the session settles it.
  const reachesOut = findNode(execute.body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === USER_DATA) readsUserData = true;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const { root, names } = calleeRoot(node.callee);
      if (names.some((name) => EXTERNAL_NAMES.has(name))) return true;
      const viaUserData = names.includes(USER_DATA);
      if (root.type === AST_NODE_TYPES.Identifier) {
        if (EXTERNAL_NAMES.has(root.name)) return true;
        const variable = findVariable(sourceCode, root);
        const definition = variable?.defs[0];
        if (!definition) {
          if (!PURE_GLOBALS.has(root.name)) return true; // fetch, an undeclared global
        } else if (!isWithin(definition.node, execute) && !viaUserData) {
          return true; // an import or a module-level value: may reach anything
        }
      } else if (root.type === AST_NODE_TYPES.ThisExpression) {
        if (!viaUserData) return true;
      } else if (
        root.type !== AST_NODE_TYPES.Literal &&
        root.type !== AST_NODE_TYPES.ArrayExpression &&
        root.type !== AST_NODE_TYPES.TemplateLiteral
      ) {
        return true;
      }
    }
    return false;
  });
  return reachesOut === null && readsUserData;
}
