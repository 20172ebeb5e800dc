import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  firstParameterVariable,
  type FunctionNode,
  getProperty,
  hasSpread,
  memberPath,
  skipTSWrappers,
  staticKeyName,
} from '../analysis/ast.js';
import { type PathUse, followPattern, forEachPathUse, outerValue } from '../analysis/paths.js';
import { createLiveKitRule } from '../create-rule.js';

type MessageIds = 'notSetInPrewarm' | 'noPrewarm';

/** Keys prewarm puts in `proc.userData`; null when it does something we cannot follow (then every key may be set). */
function prewarmKeys(sourceCode: TSESLint.SourceCode, prewarm: FunctionNode): Set<string> | null {
  const keys = new Set<string>();
  let unknown = false;
  const addObjectKeys = (node: TSESTree.Node): void => {
    const object = skipTSWrappers(node);
    if (object.type !== AST_NODE_TYPES.ObjectExpression || hasSpread(object)) {
      unknown = true;
      return;
    }
    for (const property of object.properties) {
      const key = property.type === AST_NODE_TYPES.Property ? staticKeyName(property.key, property.computed) : null;
      if (key === null) unknown = true;
      else keys.add(key);
    }
  };
  const visit = (use: PathUse): void => {
    if (use.path.length >= 2 || use.kind === 'property') {
      // proc.userData.X = ... sets X; deeper paths and reads change nothing we track.
      if (use.path.length === 2 && use.kind === 'member' && isAssigned(use.node)) keys.add(use.path[1]!);
      return;
    }
    if (use.path.length === 1 && use.path[0] !== 'userData') return; // proc.pid and the like
    const value = outerValue(use.node);
    const parent = value.parent;
    if (!parent) return;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
      // A static member is followed by forEachPathUse; a dynamic one (`userData[key] = ...`) is unknown when written.
      if (parent.computed && staticKeyName(parent.property, true) === null && isAssigned(parent)) unknown = true;
      return;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.parent.kind === 'const')
      return;
    if (use.path.length === 1 && parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === value) {
      addObjectKeys(parent.right);
      return;
    }
    if (
      use.path.length === 1 &&
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === value &&
      memberPath(parent.callee)?.join('.') === 'Object.assign'
    ) {
      for (const source of parent.arguments.slice(1)) addObjectKeys(source);
      return;
    }
    // Handed to a helper, returned, stored, spread...: we cannot follow it.
    unknown = true;
  };
  const first = prewarm.params[0];
  const variable = firstParameterVariable(sourceCode, prewarm);
  if (variable) forEachPathUse(sourceCode, variable, [], visit);
  else if (first) followPattern(sourceCode, first, prewarm, [], visit, 0);
  return unknown ? null : keys;
}

function isAssigned(node: TSESTree.Node): boolean {
  const value = outerValue(node);
  return value.parent?.type === AST_NODE_TYPES.AssignmentExpression && value.parent.left === value;
}

/** A read that checks for the value or supplies a fallback (`x ?? load()`, `typeof x`, `{ vad = fallback }`). */
function isGuarded(use: PathUse): boolean {
  if (use.kind === 'property') return (use.node as TSESTree.Property).value.type === AST_NODE_TYPES.AssignmentPattern;
  const value = outerValue(use.node);
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.LogicalExpression) return parent.left === value && parent.operator !== '&&';
  if (parent.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === 'typeof' || parent.operator === '!';
  if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression)
    return parent.test === value;
  return false;
}

export default createLiveKitRule<[], MessageIds>({
  name: 'no-unprewarmed-proc-userdata',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading `ctx.proc.userData` keys in entry that prewarm never sets',
      recommended: 'recommended',
    },
    messages: {
      notSetInPrewarm:
        "entry reads `{{ctx}}.proc.userData.{{key}}`, but prewarm never sets '{{key}}': the value is undefined and the session silently runs without it. Set `proc.userData.{{key}}` in prewarm.",
      noPrewarm:
        'entry reads `{{ctx}}.proc.userData.{{key}}`, but this defineAgent has no prewarm: the value is undefined and the session silently runs without it (for `vad`, the default VAD). Add a prewarm that sets `proc.userData.{{key}}`.',
    },
    schema: [],
  },
  create(context, _options, model) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        for (const definition of model.defineAgents) {
          const { entry, prewarm } = definition;
          if (!entry || definition.prewarmUnresolved) continue;
          // A prewarm that is present but could not be followed (`prewarm` spread in, computed) is not judged.
          if (
            !prewarm &&
            definition.options &&
            (hasSpread(definition.options) || getProperty(definition.options, 'prewarm'))
          )
            continue;
          const context_ = firstParameterVariable(sourceCode, entry);
          if (!context_) continue;
          const keys = prewarm ? prewarmKeys(sourceCode, prewarm) : new Set<string>();
          if (!keys) continue;
          forEachPathUse(sourceCode, context_, [], (use) => {
            if (
              use.path.length !== 3 ||
              use.path[0] !== 'proc' ||
              use.path[1] !== 'userData' ||
              use.kind === 'reference'
            )
              return;
            const key = use.path[2]!;
            if (keys.has(key) || isAssigned(use.node) || isGuarded(use)) return;
            const node = use.kind === 'property' ? (use.node as TSESTree.Property).key : use.node;
            context.report({
              node,
              messageId: prewarm ? 'notSetInPrewarm' : 'noPrewarm',
              data: { ctx: context_.name, key },
            });
          });
        }
      },
    };
  },
});
