import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  constInitializer,
  findVariable,
  isFunctionNode,
  isWithin,
  memberName,
  memberPath,
  skipTSWrappers,
} from '../analysis/ast.js';
import { thisContext } from '../analysis/params.js';
import { createLiveKitRule } from '../create-rule.js';
import { agentClassInfo, declaresMember, hookContextName, resolveAgent } from '../livekit/agent-options.js';
import { type LiveKitModel } from '../livekit/program.js';

type MessageIds = 'readonly' | 'copy';

/** ChatContext methods that change its items (they throw on a read-only context). */
const CONTEXT_MUTATORS = new Set(['addMessage', 'insert', 'truncate', 'remove', 'merge']);
/** Array methods that the read-only items array refuses. */
const ARRAY_MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

type Owner = { kind: 'readonly'; apply: string } | { kind: 'copy'; apply: string };

interface Mutation {
  node: TSESTree.Node;
  operation: string;
}

function isAssignmentTarget(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
    (parent?.type === AST_NODE_TYPES.UpdateExpression && parent.argument === node) ||
    (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete' && parent.argument === node)
  );
}

function isCallee(
  member: TSESTree.MemberExpression,
): member is TSESTree.MemberExpression & { parent: TSESTree.CallExpression } {
  return member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

/** A change made through `node`, an expression that holds a chat context. */
function mutationThrough(node: TSESTree.Node): Mutation | null {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return null;
  const name = memberName(parent);
  if (name !== null && CONTEXT_MUTATORS.has(name) && isCallee(parent))
    return { node: parent.parent, operation: `calling \`${name}()\`` };
  if (name !== 'items') return null;
  if (isAssignmentTarget(parent)) return { node: parent.parent!, operation: 'assigning to `items`' };
  const use = parent.parent;
  if (use.type !== AST_NODE_TYPES.MemberExpression || use.object !== parent) return null;
  const method = memberName(use);
  if (method !== null && ARRAY_MUTATORS.has(method) && isCallee(use))
    return { node: use.parent, operation: `calling \`items.${method}()\`` };
  if (isAssignmentTarget(use)) return { node: use.parent!, operation: 'assigning into `items`' };
  return null;
}

/** True when the value of `node` is thrown away (an expression statement, possibly awaited). */
function isDiscarded(node: TSESTree.Node): boolean {
  let current = node;
  if (current.parent?.type === AST_NODE_TYPES.AwaitExpression) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/** The hook or tool context `identifier` names, when it is the first parameter of a `voice.Agent.create` hook. */
function isHookContext(model: LiveKitModel, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(model.sourceCode, identifier);
  const definition = variable?.defs[0];
  if (!definition || definition.type !== 'Parameter' || !isFunctionNode(definition.node)) return false;
  return hookContextName(model, definition.node) === identifier.name && definition.node.params[0] === definition.name;
}

/** True when `node` is an AgentSession: a session variable, `this.session` in an Agent, a tool's or hook's `ctx.session`. */
function isSession(model: LiveKitModel, node: TSESTree.Node, depth = 0): boolean {
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(model.sourceCode, expression);
    if (variable && model.sessions.some((session) => session.variable === variable)) return true;
    const init = depth < 2 ? constInitializer(model.sourceCode, expression) : null;
    return init !== null && isSession(model, init, depth + 1);
  }
  if (expression.type !== AST_NODE_TYPES.MemberExpression || memberName(expression) !== 'session') return false;
  const object = skipTSWrappers(expression.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const context = thisContext(expression);
    return context !== null && agentClassInfo(model, context.classNode) !== null;
  }
  if (object.type === AST_NODE_TYPES.Identifier && isHookContext(model, object)) return true;
  const path = memberPath(object)?.join('.');
  return (
    path !== undefined &&
    model.tools.some(
      (tool) => tool.execute !== null && tool.executeContextName === path && isWithin(expression, tool.execute),
    )
  );
}

function ownerOf(model: LiveKitModel, member: TSESTree.MemberExpression): Owner | null {
  const object = skipTSWrappers(member.object);
  const text = model.sourceCode.getText(object);
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const context = thisContext(member);
    const agentClass = context ? agentClassInfo(model, context.classNode) : null;
    return agentClass && !declaresMember(agentClass, 'chatCtx')
      ? { kind: 'readonly', apply: 'this.updateChatCtx' }
      : null;
  }
  if (object.type === AST_NODE_TYPES.Identifier) {
    if (isHookContext(model, object)) return { kind: 'readonly', apply: `${text}.agent.updateChatCtx` };
    if (resolveAgent(model, object)) return { kind: 'readonly', apply: `${text}.updateChatCtx` };
  }
  if (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'currentAgent') {
    return { kind: 'readonly', apply: `${text}.updateChatCtx` };
  }
  if (isSession(model, object)) {
    const apply =
      object.type === AST_NODE_TYPES.MemberExpression &&
      skipTSWrappers(object.object).type === AST_NODE_TYPES.ThisExpression
        ? 'this.updateChatCtx'
        : `${text}.currentAgent.updateChatCtx`;
    return { kind: 'copy', apply };
  }
  return null;
}

export default createLiveKitRule<[], MessageIds>({
  name: 'no-readonly-chat-ctx-mutation',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow changing an agent's read-only `chatCtx` or the session's throw-away copy of it",
      recommended: 'recommended',
    },
    messages: {
      readonly:
        '`{{target}}` is read-only: {{operation}} throws at run time and the turn fails. Change a copy and apply it: `const chatCtx = {{target}}.copy(); chatCtx.addMessage(...); await {{apply}}(chatCtx);`.',
      copy: '`{{target}}` returns a new copy each time, so {{operation}} changes a copy that is thrown away and the agent never sees it. Keep the copy in a variable, change it and apply it with `await {{apply}}(chatCtx)`.',
    },
    schema: [],
  },
  create(context, _options, model) {
    const sourceCode = context.sourceCode;

    return {
      MemberExpression(member) {
        // Runs on every member access: a plain `.name` is compared without a call (and computed keys are rare).
        const property = member.property;
        if (
          member.computed
            ? memberName(member) !== 'chatCtx'
            : property.type !== AST_NODE_TYPES.Identifier || property.name !== 'chatCtx'
        ) {
          return;
        }
        // Cheap first: most reads of `chatCtx` change nothing, and then whose it is does not matter.
        const assigned = isAssignmentTarget(member);
        const direct = mutationThrough(member);
        const declarator = member.parent;
        const heldInConst =
          declarator.type === AST_NODE_TYPES.VariableDeclarator &&
          declarator.init === member &&
          declarator.id.type === AST_NODE_TYPES.Identifier &&
          declarator.parent.kind === 'const';
        if (!assigned && !direct && !heldInConst) return;
        const owner = ownerOf(model, member);
        if (!owner) return;
        const target = sourceCode.getText(member);
        const report = (mutation: Mutation): void => {
          context.report({
            node: mutation.node,
            messageId: owner.kind,
            data: { target, operation: mutation.operation, apply: owner.apply },
          });
        };
        if (owner.kind === 'copy') {
          if (direct && isDiscarded(direct.node)) report(direct);
          return;
        }
        if (assigned) {
          report({ node: member.parent, operation: 'assigning to `chatCtx` (it has only a getter)' });
          return;
        }
        if (direct) {
          report(direct);
          return;
        }
        // const history = this.chatCtx; history.addMessage(...)
        if (heldInConst) {
          const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
          for (const reference of variable?.references ?? []) {
            if (reference.identifier === declarator.id) continue;
            const mutation = mutationThrough(reference.identifier);
            if (mutation) report(mutation);
          }
        }
      },
    };
  },
});
