/**
 * SDK objects held in variables and parameters, and the members read or called on them: the entry's JobContext,
 * prewarm's JobProcess, a tool's RunContext (`execute(args, { ctx })`), the AgentContext a `voice.Agent.create` hook
 * receives, sessions, `this` inside Agent classes, parameters annotated with one of these classes, and same-file
 * functions' parameters that such an object is handed to; followed through `ctx.proc`, `.session` and `hookCtx.agent`.
 * Found from the scope manager's references of those variables, so no rule has to listen to every member access.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  importedName,
  isFunctionNode,
  memberName,
  outermostWrapper,
  parameterVariable,
  propertyName,
  walkOwnBody,
} from '../analysis/ast.js';
import { canonicalPath, moduleKind } from './imports.js';
import type { LiveKitModel } from './program.js';

/** The SDK classes whose instances the model follows. */
export type SdkReceiver = 'AgentSession' | 'Agent' | 'AgentContext' | 'RunContext' | 'JobContext' | 'JobProcess';

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
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top) {
        if (receiver !== null) passedToHelper(top, receiver);
        return;
      }
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
      else if (name === 'session' && (receiver === 'Agent' || receiver === 'RunContext' || receiver === 'AgentContext'))
        next = 'AgentSession';
      else if (name === 'agent' && receiver === 'AgentContext') next = 'Agent';
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

  /** `helper(ctx)`, `transfer(runCtx.session)`: the same-file function's parameter holds the same SDK object. */
  const followedParameters = new Set<TSESLint.Scope.Variable>();
  const pending: { variable: TSESLint.Scope.Variable; receiver: SdkReceiver }[] = [];
  function passedToHelper(value: TSESTree.Node, receiver: SdkReceiver): void {
    const call = value.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === value) return;
    const callee = model.callGraph.calleeOf(call);
    const index = call.arguments.indexOf(value as TSESTree.CallExpressionArgument);
    const variable = callee && index !== -1 ? parameterVariable(sourceCode, callee, index) : null;
    if (variable && !followedParameters.has(variable)) {
      followedParameters.add(variable);
      pending.push({ variable, receiver });
    }
  }

  const parameterKinds = new Map<TSESLint.Scope.Variable, ParameterKind>();
  const addParameter = (fn: FunctionNode | null, index: number, kind: SdkReceiver, property?: string): void => {
    if (!fn) return;
    const variable = parameterVariable(sourceCode, fn, index);
    if (variable) {
      parameterKinds.set(variable, property ? 'RunContextHolder' : kind);
      return;
    }
    const param = fn.params[index];
    if (!property || !param) return;
    // `execute(args, { ctx })`: the destructured `ctx` is the RunContext.
    const names = destructuredNames(param, property);
    for (const declared of sourceCode.scopeManager?.getDeclaredVariables(fn) ?? []) {
      const definition = declared.defs[0];
      if (definition?.type === 'Parameter' && names.includes(definition.name as TSESTree.Identifier)) {
        parameterKinds.set(declared, kind);
      }
    }
  };

  for (const [variable, kind] of annotatedParameters(model)) parameterKinds.set(variable, kind);
  for (const definition of model.defineAgents) {
    addParameter(definition.entry, 0, 'JobContext');
    addParameter(definition.prewarm, 0, 'JobProcess');
  }
  for (const tool of model.tools) addParameter(tool.execute, 1, 'RunContext', 'ctx');
  for (const hook of model.agentHooks) addParameter(hook, 0, 'AgentContext');
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
  // Each parameter is followed once, so helpers that pass the object on (or call each other) end.
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (!parameterKinds.has(next.variable) && !sessionVariables.has(next.variable)) {
      followVariable(next.variable, next.receiver, false);
    }
  }

  // Callers check option objects in the order a traversal would meet them.
  return found.sort(byTraversalOrder);
}

/** The SDK classes a parameter's type annotation can name, by canonical path. */
const ANNOTATED: ReadonlyMap<string, SdkReceiver> = new Map([
  ['voice.AgentSession', 'AgentSession'],
  ['voice.Agent', 'Agent'],
  ['voice.AgentContext', 'AgentContext'],
  ['AgentContext', 'AgentContext'],
  ['voice.RunContext', 'RunContext'],
  ['JobContext', 'JobContext'],
  ['JobProcess', 'JobProcess'],
]);

/**
 * Parameters whose type names an SDK class (`session: voice.AgentSession`, `ctx: JobContext`,
 * `run: RunContext<Data>`), through an import of `@livekit/agents` or a configured wrapper; type-only imports
 * count here, since annotations are what they are for. Found from the references of those imports.
 */
function annotatedParameters(model: LiveKitModel): Map<TSESLint.Scope.Variable, SdkReceiver> {
  const found = new Map<TSESLint.Scope.Variable, SdkReceiver>();
  const scopeManager = model.sourceCode.scopeManager;
  if (!scopeManager) return found;
  for (const statement of model.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    if (moduleKind(statement.source.value, model.settings.importSources) !== 'core') continue;
    for (const specifier of statement.specifiers) {
      let head: string;
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) head = '';
      else if (specifier.type === AST_NODE_TYPES.ImportSpecifier) head = importedName(specifier);
      else continue;
      for (const variable of scopeManager.getDeclaredVariables(specifier)) {
        for (const reference of variable.references) {
          const identifier = reference.identifier;
          if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
          const annotated = annotatedParameter(identifier, head, model);
          if (annotated) found.set(annotated.variable, annotated.receiver);
        }
      }
    }
  }
  return found;
}

/** `name` in `(param: name.Rest<...>)`: the parameter's variable and the SDK class the annotation names. */
function annotatedParameter(
  name: TSESTree.Identifier,
  head: string,
  model: LiveKitModel,
): { variable: TSESLint.Scope.Variable; receiver: SdkReceiver } | null {
  const path = head === '' ? [] : [head];
  let node: TSESTree.Node = name;
  while (node.parent?.type === AST_NODE_TYPES.TSQualifiedName && node.parent.left === node) {
    path.push(node.parent.right.name);
    node = node.parent;
  }
  if (node.parent?.type !== AST_NODE_TYPES.TSTypeReference || path.length === 0) return null;
  const receiver = ANNOTATED.get(canonicalPath('core', path.join('.')));
  const annotation = node.parent.parent;
  const parameter = annotation?.type === AST_NODE_TYPES.TSTypeAnnotation ? annotation.parent : null;
  if (!receiver || parameter?.type !== AST_NODE_TYPES.Identifier) return null;
  const holder = parameter.parent?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parent : parameter;
  const fn = holder.parent;
  if (!fn || !isFunctionNode(fn) || !fn.params.includes(holder as TSESTree.Parameter)) return null;
  const variable = parameterVariable(model.sourceCode, fn, fn.params.indexOf(holder as TSESTree.Parameter));
  return variable ? { variable, receiver } : null;
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
  const found: TSESTree.ThisExpression[] = [];
  const collect = (root: TSESTree.Node): void => {
    if (!keepsThis(root.type)) return;
    walkOwnBody(
      root,
      (node) => {
        if (node.type === AST_NODE_TYPES.ThisExpression) found.push(node);
      },
      model.sourceCode.visitorKeys,
      keepsThis,
    );
  };
  for (const info of model.agentClasses) {
    for (const member of info.node.body.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && !member.static) {
        for (const param of member.value.params) collect(param);
        if (member.value.body) collect(member.value.body);
      } else if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value) {
        collect(member.value);
      }
    }
  }
  return found;
}

/**
 * Where `this` still means the object it meant outside: arrow functions keep it; other functions and class bodies
 * bind their own (a nested class's `extends` is still outside its body).
 */
function keepsThis(type: unknown): boolean {
  return (
    typeof type === 'string' &&
    type !== AST_NODE_TYPES.FunctionExpression &&
    type !== AST_NODE_TYPES.FunctionDeclaration &&
    type !== AST_NODE_TYPES.ClassBody
  );
}
