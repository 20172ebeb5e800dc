/**
 * SDK objects held in variables and parameters, and the members read or called on them: the entry's JobContext,
 * prewarm's JobProcess, a tool's RunContext (`execute(args, { ctx })`), sessions, and `this` inside Agent classes,
 * followed through `ctx.proc`, `this.session` and `runCtx.session`. Found from the scope manager's references of
 * those variables, so no rule has to listen to every member access.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  findNode,
  isFunctionNode,
  memberName,
  outermostWrapper,
  propertyName,
} from '../analysis/ast.js';
import type { LiveKitModel } from './program.js';

/** The SDK classes whose instances the model follows. */
export type SdkReceiver = 'AgentSession' | 'Agent' | 'RunContext' | 'JobContext' | 'JobProcess';

/** `receiver.name` where the receiver is known to be an instance of an SDK class. */
export interface SdkMemberAccess {
  member: TSESTree.MemberExpression;
  /** The static member name. */
  name: string;
  receiver: SdkReceiver;
  /** The call when the member is called (`session.say(...)`), else null. */
  call: TSESTree.CallExpression | null;
}

/** What a parameter holds: an SDK object, or (execute's second parameter) an object whose `ctx` is the RunContext. */
type ParameterKind = SdkReceiver | 'RunContextHolder';

/** The order in which a traversal enters nodes: by start, an outer node before the nodes it starts with. */
function byTraversalOrder(a: SdkMemberAccess, b: SdkMemberAccess): number {
  return a.member.range[0] - b.member.range[0] || b.member.range[1] - a.member.range[1];
}

/** Every member access on a known SDK object in the file, in traversal order. */
export function findSdkMembers(model: LiveKitModel): SdkMemberAccess[] {
  const sourceCode = model.sourceCode;
  const found: SdkMemberAccess[] = [];
  const seen = new Set<TSESTree.MemberExpression>();

  /** Follows the member chain above `root`, recording each access on a known receiver. */
  function followReceiver(root: TSESTree.Node, rootReceiver: SdkReceiver | null, holder: boolean): void {
    let object = root;
    let receiver = rootReceiver;
    let first = true;
    for (;;) {
      const top = outermostWrapper(object);
      const member = top.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) return;
      const name = memberName(member);
      if (receiver !== null && name !== null && !seen.has(member)) {
        seen.add(member);
        const callee = outermostWrapper(member);
        const call =
          callee.parent?.type === AST_NODE_TYPES.CallExpression && callee.parent.callee === callee
            ? callee.parent
            : null;
        found.push({ member, name, receiver, call });
      }
      let next: SdkReceiver | null = null;
      if (name === 'ctx') next = first && holder ? 'RunContext' : null;
      else if (name === 'session' && (receiver === 'Agent' || receiver === 'RunContext')) next = 'AgentSession';
      else if (name === 'proc' && receiver === 'JobContext') next = 'JobProcess';
      if (next === null) return;
      object = member;
      receiver = next;
      first = false;
    }
  }

  const followVariable = (variable: TSESLint.Scope.Variable, receiver: SdkReceiver | null, holder: boolean): void => {
    for (const reference of variable.references) followReceiver(reference.identifier, receiver, holder);
  };

  const parameterKinds = new Map<TSESLint.Scope.Variable, ParameterKind>();
  const addParameter = (fn: FunctionNode | null, index: number, kind: SdkReceiver, property?: string): void => {
    const param = fn?.params[index];
    if (!fn || !param) return;
    const pattern = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    const declared = sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      addParameterName(declared, pattern, property ? 'RunContextHolder' : kind);
    } else if (property) {
      // `execute(args, { ctx })`: the destructured `ctx` is the RunContext.
      for (const name of destructuredNames(pattern, property)) addParameterName(declared, name, kind);
    }
  };
  const addParameterName = (
    declared: readonly TSESLint.Scope.Variable[],
    name: TSESTree.Identifier,
    kind: ParameterKind,
  ): void => {
    for (const variable of declared) {
      const definition = variable.defs[0];
      if (definition?.type === 'Parameter' && definition.name === name) parameterKinds.set(variable, kind);
    }
  };

  for (const definition of model.defineAgents) {
    addParameter(definition.entry, 0, 'JobContext');
    addParameter(definition.prewarm, 0, 'JobProcess');
  }
  for (const tool of model.tools) addParameter(tool.execute, 1, 'RunContext', 'ctx');
  const sessionVariables = new Set<TSESLint.Scope.Variable>();
  for (const session of model.sessions) {
    if (session.variable && !sessionVariables.has(session.variable)) {
      sessionVariables.add(session.variable);
      followVariable(session.variable, 'AgentSession', false);
    }
  }
  for (const [variable, kind] of parameterKinds) {
    if (sessionVariables.has(variable)) continue;
    if (kind === 'RunContextHolder') followVariable(variable, null, true);
    else followVariable(variable, kind, false);
  }
  for (const node of thisInAgentInstances(model)) followReceiver(node, 'Agent', false);

  // Callers check option objects in the order a traversal would meet them.
  return found.sort(byTraversalOrder);
}

/** Names bound from the key `property` anywhere in a parameter's pattern (`{ ctx }`, `{ ctx: runCtx }`). */
function destructuredNames(pattern: TSESTree.Node, property: string): TSESTree.Identifier[] {
  const names: TSESTree.Identifier[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ObjectPattern) {
      for (const member of node.properties) {
        if (member.type === AST_NODE_TYPES.RestElement) visit(member.argument);
        else if (member.value.type === AST_NODE_TYPES.Identifier) {
          if (propertyName(member) === property) names.push(member.value);
        } else visit(member.value);
      }
    } else if (node.type === AST_NODE_TYPES.ArrayPattern) {
      for (const element of node.elements) if (element) visit(element);
    } else if (node.type === AST_NODE_TYPES.AssignmentPattern) {
      visit(node.left);
    } else if (node.type === AST_NODE_TYPES.RestElement) {
      visit(node.argument);
    }
  };
  visit(pattern);
  return names;
}

/** `this` in the instance methods and fields of the file's Agent classes, where it is the agent. */
function thisInAgentInstances(model: LiveKitModel): TSESTree.ThisExpression[] {
  const agentClasses = model.agentClasses;
  if (agentClasses.length === 0) return [];
  const classNodes = new Set<TSESTree.Node>(agentClasses.map((info) => info.node));
  const result = new Set<TSESTree.ThisExpression>();
  for (const info of agentClasses) {
    findNode(info.node.body, model.sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.ThisExpression && isAgentThis(node, classNodes)) result.add(node);
      return false;
    });
  }
  return [...result];
}

/** True when `this` at `node` is an instance of one of `classNodes` (not of a nested function or class). */
function isAgentThis(node: TSESTree.Node, classNodes: ReadonlySet<TSESTree.Node>): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const method = current.parent;
      return method?.type === AST_NODE_TYPES.MethodDefinition && !method.static && classNodes.has(method.parent.parent);
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition)
      return !current.static && classNodes.has(current.parent.parent);
  }
  return false;
}
