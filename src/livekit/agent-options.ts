/**
 * What an agent is built with: which expression sets an Agent option (`chatCtx`, `instructions`, `tools`) for a
 * given construction, following the option through the constructors of this file's Agent classes to the SDK's
 * `voice.Agent` constructor, and which construction an expression stands for (a const, a same-file factory).
 *
 *   class Sales extends voice.Agent { constructor(opts) { super({ instructions: PROMPT, ...opts }) } }
 *   new Sales({ chatCtx: history })      chatCtx      → `history` (forwarded through `...opts`)
 *                                        instructions → `PROMPT` (fixed by the class)
 *   class Billing extends voice.Agent { constructor() { super({ instructions: PROMPT }) } }
 *   new Billing()                        chatCtx      → dropped by Billing's constructor
 *
 * When the way is not clear (several `super` calls, spreads of unknown objects, values built by calls), the answer
 * is `unknown` and rules stay silent.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  constInitializer,
  findVariable,
  followConst,
  isFunctionNode,
  memberName,
  memberPath,
  propertyName,
  resolveFunction,
  skipTSWrappers,
  walkOwnBody,
} from '../analysis/ast.js';
import { isUndefinedValue, parameterOrigin, thisContext } from '../analysis/params.js';
import { staticText } from '../analysis/strings.js';
import { splitWords } from '../analysis/words.js';
import {
  type AgentClassInfo,
  type AgentConstruction,
  HOOK_NAMES,
  type LiveKitModel,
  type ToolInfo,
} from './program.js';
import { MemoKey } from '../analysis/file-memo.js';

export interface ResolvedAgent {
  construction: AgentConstruction;
  /** The same-file factory (a function, or a static method of an Agent class) that builds the agent, if any. */
  factory: FunctionNode | null;
  /** Consts that hold the agent on the way (`const sales = new SalesAgent()`). */
  variables: TSESLint.Scope.Variable[];
  /** Names the agent goes by on the way: those consts and the factory. */
  names: string[];
}

function unwrap(node: TSESTree.Node): TSESTree.Node {
  let expression = skipTSWrappers(node);
  while (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTSWrappers(expression.argument);
  return expression;
}

/** A static method of an Agent class of this file (or one of the file's classes it extends). */
export function staticMethod(agentClass: AgentClassInfo, name: string): TSESTree.FunctionExpression | null {
  for (let current: AgentClassInfo | null = agentClass; current; current = current.parent) {
    for (const member of current.node.body.body) {
      if (
        member.type === AST_NODE_TYPES.MethodDefinition &&
        member.static &&
        member.kind === 'method' &&
        propertyName(member) === name &&
        member.value.type === AST_NODE_TYPES.FunctionExpression
      ) {
        return member.value;
      }
    }
  }
  return null;
}

/** `X.create(...)` where X (or a class of this file it extends) defines its own static `create`: a factory. */
function isFactoryCall(construction: AgentConstruction): boolean {
  return (
    construction.kind === 'create' &&
    construction.agentClass !== null &&
    staticMethod(construction.agentClass, 'create') !== null
  );
}

/** The constructions that build an agent directly (not through a class's own static `create`). */
export function directConstructions(model: LiveKitModel): AgentConstruction[] {
  return model.agentConstructions.filter((construction) => !isFactoryCall(construction));
}

/** The one value a function returns: an arrow's expression body or the argument of its only `return`. */
function singleReturn(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const returns: TSESTree.ReturnStatement[] = [];
  walkOwnBody(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) returns.push(node);
    },
    visitorKeys,
  );
  return returns.length === 1 ? returns[0]!.argument : null;
}

function factoryOf(model: LiveKitModel, call: TSESTree.CallExpression): { fn: FunctionNode; name: string } | null {
  const callee = skipTSWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const fn = resolveFunction(model.sourceCode, callee) ?? factoryParameter(model, callee);
    return fn ? { fn, name: callee.name } : null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    const agentClass = model.agentClassOf(callee.object);
    const fn = name !== null && agentClass ? staticMethod(agentClass, name) : null;
    return fn && name !== null ? { fn, name } : null;
  }
  return null;
}

/**
 * A factory passed as a parameter (`function makeWeather(returnHome) { ... returnHome() ... }`): the function the
 * first same-file call of the enclosing function hands in at that position (`makeWeather(() => new MainAgent())`).
 */
function factoryParameter(model: LiveKitModel, identifier: TSESTree.Identifier): FunctionNode | null {
  const variable = findVariable(model.sourceCode, identifier);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return null;
  const fn = definition.node;
  const index = fn.params.findIndex((parameter) => parameter === definition.name);
  if (index < 0) return null;
  for (const edge of model.callGraph.callersOf(fn)) {
    const argument = edge.call.arguments[index];
    const passed = argument ? resolveFunction(model.sourceCode, argument) : null;
    if (passed) return passed;
  }
  return null;
}

/**
 * True when the agent is an instance that has already run, and so keeps its own history (an agent instance appends
 * to its own chat context): the agent given to `session.start({ agent })`, or one kept in a field or in `userData`
 * (`this.main = agent`, `userData.previous = agent`, `userData: { main: agent }`) to be handed back to.
 */
export function hasAlreadyRun(resolved: ResolvedAgent): boolean {
  return resolved.variables.some((variable) =>
    variable.references.some((reference) => {
      const value = valueParent(reference.identifier);
      const parent = value.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression) {
        return parent.right === value && parent.left.type === AST_NODE_TYPES.MemberExpression;
      }
      if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== value) return false;
      const object = parent.parent;
      if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
      const holder = object.parent;
      // `session.start({ agent })`
      if (
        propertyName(parent) === 'agent' &&
        holder?.type === AST_NODE_TYPES.CallExpression &&
        holder.arguments[0] === object &&
        holder.callee.type === AST_NODE_TYPES.MemberExpression &&
        memberName(holder.callee) === 'start'
      ) {
        return true;
      }
      // `userData: { main: agent }`
      return holder?.type === AST_NODE_TYPES.Property && holder.value === object && propertyName(holder) === 'userData';
    }),
  );
}

/** `node` through the TypeScript wrappers around it (`agent as voice.Agent`). */
function valueParent(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      current.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    current = current.parent;
  }
  return current;
}

/** Follows an identifier to the const that holds it; records the const. */
function throughConst(
  sourceCode: TSESLint.SourceCode,
  node: TSESTree.Node,
  resolved: Pick<ResolvedAgent, 'variables' | 'names'>,
): TSESTree.Node | null {
  const expression = unwrap(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return expression;
  const init = constInitializer(sourceCode, expression);
  if (!init) return null;
  const variable = findVariable(sourceCode, expression);
  if (variable) {
    resolved.variables.push(variable);
    resolved.names.push(variable.name);
  }
  return unwrap(init);
}

/**
 * The Agent construction an expression stands for: inline, a const bound to one, or the single construction a
 * same-file factory returns (`StoryAgent.create(name)`, `makeBillingAgent()`). Null for parameters, imported
 * factories and anything else.
 */
export function resolveAgent(model: LiveKitModel, node: TSESTree.Node): ResolvedAgent | null {
  // Only a name, a `new` or a call can stand for a construction (rules ask about every returned value).
  const written = unwrap(node).type;
  if (
    written !== AST_NODE_TYPES.Identifier &&
    written !== AST_NODE_TYPES.NewExpression &&
    written !== AST_NODE_TYPES.CallExpression
  ) {
    return null;
  }
  const trail: Pick<ResolvedAgent, 'variables' | 'names'> = { variables: [], names: [] };
  const expression = throughConst(model.sourceCode, node, trail);
  if (!expression) return null;
  if (expression.type !== AST_NODE_TYPES.CallExpression && expression.type !== AST_NODE_TYPES.NewExpression)
    return null;
  const direct = model.constructionOf(expression);
  if (direct && !isFactoryCall(direct)) return { construction: direct, factory: null, ...trail };
  if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const factory = factoryOf(model, expression);
  const returned = factory ? singleReturn(factory.fn, model.sourceCode.visitorKeys) : null;
  if (!factory || !returned) return null;
  trail.names.push(factory.name);
  const inner = throughConst(model.sourceCode, returned, trail);
  const construction =
    inner?.type === AST_NODE_TYPES.CallExpression || inner?.type === AST_NODE_TYPES.NewExpression
      ? model.constructionOf(inner)
      : null;
  if (!construction || isFactoryCall(construction)) return null;
  return { construction, factory: factory.fn, ...trail };
}

type Requirement =
  /** Set by a class constructor whatever the caller passes. */
  | { kind: 'fixed'; node: TSESTree.Node }
  /**
   * Taken from the construction's argument `index`: its property `key`, or the whole argument when key is null.
   * When the argument does not give it, `fallback` (a class default: `super({ instructions: X, ...options })`).
   */
  | { kind: 'argument'; index: number; key: string | null; fallback?: TSESTree.Node }
  /** A constructor on the way never passes it on. */
  | { kind: 'dropped'; agentClass: AgentClassInfo }
  | { kind: 'unknown' };

const UNKNOWN: Requirement = { kind: 'unknown' };
/** What each Agent class of the file requires of each option key. */
const REQUIREMENTS = new MemoKey<Map<AgentClassInfo, Map<string, Requirement>>>('agent option requirements');

interface PropertyLookup {
  property: TSESTree.Property | null;
  /** A spread that comes after the property (or anywhere, when there is no property). */
  spreads: TSESTree.SpreadElement[];
}

function lookUp(object: TSESTree.ObjectExpression, key: string): PropertyLookup {
  let property: TSESTree.Property | null = null;
  let spreads: TSESTree.SpreadElement[] = [];
  for (const member of object.properties) {
    if (member.type === AST_NODE_TYPES.SpreadElement) {
      spreads.push(member);
    } else if (propertyName(member) === key) {
      property = member;
      spreads = [];
    }
  }
  return { property, spreads };
}

function classRequirement(model: LiveKitModel, agentClass: AgentClassInfo, key: string): Requirement {
  const requirements = model.memo.get(REQUIREMENTS, () => new Map());
  let byKey = requirements.get(agentClass);
  if (!byKey) requirements.set(agentClass, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  byKey.set(key, UNKNOWN); // guards against cycles
  const result = computeClassRequirement(model, agentClass, key);
  byKey.set(key, result);
  return result;
}

function computeClassRequirement(model: LiveKitModel, agentClass: AgentClassInfo, key: string): Requirement {
  const parentRequirement: Requirement = agentClass.parent
    ? classRequirement(model, agentClass.parent, key)
    : { kind: 'argument', index: 0, key };
  if (!agentClass.constructorFunction) return parentRequirement;
  if (agentClass.superCalls.length !== 1) return UNKNOWN;
  if (parentRequirement.kind !== 'argument') return parentRequirement;
  const own = ownRequirement(model, agentClass, parentRequirement);
  const fallback = parentRequirement.fallback;
  if (!fallback) return own;
  // The parent has a default for what this constructor does not pass on.
  if (own.kind === 'dropped') return { kind: 'fixed', node: fallback };
  if (own.kind === 'argument') return own.fallback ? UNKNOWN : { ...own, fallback };
  return own;
}

/** What the constructor of `agentClass` passes to its parent's requirement `parentRequirement`. */
function ownRequirement(
  model: LiveKitModel,
  agentClass: AgentClassInfo,
  parentRequirement: Extract<Requirement, { kind: 'argument' }>,
): Requirement {
  const fn = agentClass.constructorFunction!;
  const sourceCode = model.sourceCode;
  const call = agentClass.superCalls[0]!;
  const dropped: Requirement = { kind: 'dropped', agentClass };
  if (
    call.arguments
      .slice(0, parentRequirement.index + 1)
      .some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)
  ) {
    return UNKNOWN;
  }
  const given = call.arguments[parentRequirement.index];
  if (!given) return dropped;

  const fromValue = (value: TSESTree.Node): Requirement => {
    if (isUndefinedValue(value)) return dropped;
    const origin = parameterOrigin(sourceCode, value, fn);
    if (origin.kind === 'other') return { kind: 'fixed', node: value };
    if (origin.kind === 'unknown' || origin.omitted || origin.path.length > 1) return UNKNOWN;
    return { kind: 'argument', index: origin.index, key: origin.path[0] ?? null };
  };
  const fromForwardedObject = (value: TSESTree.Node, wanted: string): Requirement => {
    const origin = parameterOrigin(sourceCode, value, fn);
    if (origin.kind !== 'parameter' || origin.path.length > 0) return UNKNOWN;
    if (origin.omitted?.has(wanted)) return dropped;
    return { kind: 'argument', index: origin.index, key: wanted };
  };

  const wanted = parentRequirement.key;
  if (wanted === null) return fromValue(given);
  if (parameterOrigin(sourceCode, given, fn).kind === 'parameter') return fromForwardedObject(given, wanted);
  const object = followConst(sourceCode, given);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return UNKNOWN;
  const { property, spreads } = lookUp(object, wanted);
  if (property && spreads.length === 0) return fromValue(property.value);
  if (property) {
    // super({ instructions: PROMPT, ...options }): PROMPT unless the caller passes its own.
    const byDefault = fromValue(property.value);
    if (byDefault.kind !== 'fixed' || spreads.length > 1) return UNKNOWN;
    const forwarded = fromForwardedObject(spreads[0]!.argument, wanted);
    if (forwarded.kind === 'dropped') return byDefault;
    return forwarded.kind === 'argument' ? { ...forwarded, fallback: byDefault.node } : UNKNOWN;
  }
  if (spreads.length === 0) return dropped;
  if (spreads.length > 1) return UNKNOWN;
  return fromForwardedObject(spreads[0]!.argument, wanted);
}

function constructionRequirement(model: LiveKitModel, construction: AgentConstruction, key: string): Requirement {
  // `voice.Agent.create(options)` and an inherited `X.create(options)` both build the SDK class from `options`.
  if (construction.agentClass === null || construction.kind === 'create') return { kind: 'argument', index: 0, key };
  return classRequirement(model, construction.agentClass, key);
}

/** Where an option can be added to a construction that lacks it. */
export type InsertPoint =
  /** A new property `key` of the object literal given. */
  | { kind: 'property'; object: TSESTree.ObjectExpression; key: string }
  /** A new last argument; `key` non-null: an object literal `{ key: ... }`. */
  | { kind: 'argument'; call: TSESTree.NewExpression | TSESTree.CallExpression; key: string | null };

export type AgentOptionValue =
  | { kind: 'value'; node: TSESTree.Node }
  | { kind: 'missing'; insert: InsertPoint | null }
  | { kind: 'dropped'; agentClass: AgentClassInfo }
  | { kind: 'unknown' };

/** The expression that gives option `key` to the agent a construction builds. */
export function agentOption(model: LiveKitModel, construction: AgentConstruction, key: string): AgentOptionValue {
  const requirement = constructionRequirement(model, construction, key);
  if (requirement.kind === 'fixed') return { kind: 'value', node: requirement.node };
  if (requirement.kind !== 'argument') return requirement;
  const call = construction.node;
  const args = call.arguments;
  if (args.slice(0, requirement.index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
    return { kind: 'unknown' };
  }
  const fromArgument = optionFromArgument(model, call, requirement.index, requirement.key);
  return fromArgument.kind === 'missing' && requirement.fallback
    ? { kind: 'value', node: requirement.fallback }
    : fromArgument;
}

function optionFromArgument(
  model: LiveKitModel,
  call: TSESTree.NewExpression | TSESTree.CallExpression,
  index: number,
  key: string | null,
): AgentOptionValue {
  const args = call.arguments;
  const argument = args[index];
  if (!argument) return { kind: 'missing', insert: index === args.length ? { kind: 'argument', call, key } : null };
  if (isUndefinedValue(argument)) return { kind: 'missing', insert: null };
  if (key === null) return { kind: 'value', node: argument };
  const object = followConst(model.sourceCode, argument);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return { kind: 'unknown' };
  const { property, spreads } = lookUp(object, key);
  if (spreads.length > 0) return { kind: 'unknown' };
  if (!property) return { kind: 'missing', insert: { kind: 'property', object, key } };
  return isUndefinedValue(property.value) ? { kind: 'missing', insert: null } : { kind: 'value', node: property.value };
}

export interface AgentConfiguration {
  /** Null for what an Agent class sets in its own `super({...})`. */
  construction: AgentConstruction | null;
  agentClass: AgentClassInfo | null;
  instructions: TSESTree.Node | null;
  tools: TSESTree.Node | null;
}

const CONFIGURATIONS = new MemoKey<AgentConfiguration[]>('agent configurations');

/**
 * Every agent the file configures, with the expressions that set its instructions and tools when the file shows
 * them: each Agent class (what its constructor fixes) and each direct construction (what it passes, or what its
 * class fixes). One expression can appear in several configurations.
 */
export function agentConfigurations(model: LiveKitModel): AgentConfiguration[] {
  return model.memo.get(CONFIGURATIONS, () => readConfigurations(model));
}

function readConfigurations(model: LiveKitModel): AgentConfiguration[] {
  const result: AgentConfiguration[] = [];
  const fixed = (agentClass: AgentClassInfo, key: string): TSESTree.Node | null => {
    const requirement = classRequirement(model, agentClass, key);
    if (requirement.kind === 'fixed') return requirement.node;
    return requirement.kind === 'argument' ? (requirement.fallback ?? null) : null;
  };
  for (const agentClass of model.agentClasses) {
    const instructions = fixed(agentClass, 'instructions');
    const tools = fixed(agentClass, 'tools');
    if (instructions || tools) result.push({ construction: null, agentClass, instructions, tools });
  }
  for (const construction of directConstructions(model)) {
    const valueOf = (key: string): TSESTree.Node | null => {
      const option = agentOption(model, construction, key);
      return option.kind === 'value' ? option.node : null;
    };
    const instructions = valueOf('instructions');
    const tools = valueOf('tools');
    if (instructions || tools) result.push({ construction, agentClass: construction.agentClass, instructions, tools });
  }
  return result;
}

/** The Agent class of this file a class node is, if any. */
export function agentClassInfo(model: LiveKitModel, node: TSESTree.Node): AgentClassInfo | null {
  return model.agentClasses.find((info) => info.node === node) ?? null;
}

/** True when a class of the chain declares its own member `name` (a field, accessor or method). */
export function declaresMember(agentClass: AgentClassInfo, name: string): boolean {
  for (let current: AgentClassInfo | null = agentClass; current; current = current.parent) {
    for (const member of current.node.body.body) {
      if (
        (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'constructor') ||
        member.type === AST_NODE_TYPES.PropertyDefinition
      ) {
        if (!member.static && propertyName(member) === name) return true;
      }
    }
  }
  return false;
}

/**
 * True when the class chain brings history in itself: its constructor calls `this.updateChatCtx(...)`, or a method
 * calls it and reads a `chatCtx` or `history` of something other than `this` (a previous agent, the session).
 */
export function importsHistory(model: LiveKitModel, agentClass: AgentClassInfo): boolean {
  let updates = false;
  let readsOther = false;
  for (let current: AgentClassInfo | null = agentClass; current; current = current.parent) {
    for (const member of current.node.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static) continue;
      let updatesHere = false;
      walkOwnBody(
        member.value,
        (node) => {
          if (node.type !== AST_NODE_TYPES.MemberExpression) return;
          const name = memberName(node);
          if (
            name === 'updateChatCtx' &&
            node.object.type === AST_NODE_TYPES.ThisExpression &&
            node.parent.type === AST_NODE_TYPES.CallExpression &&
            node.parent.callee === node
          ) {
            updatesHere = true;
          } else if ((name === 'chatCtx' || name === 'history') && node.object.type !== AST_NODE_TYPES.ThisExpression) {
            readsOther = true;
          }
        },
        model.sourceCode.visitorKeys,
      );
      if (updatesHere && member.kind === 'constructor') return true;
      updates ||= updatesHere;
    }
  }
  return updates && readsOther;
}

/** True when a const holding the agent is given a history later (`agent.updateChatCtx(...)`). */
export function updatedLater(resolved: ResolvedAgent): boolean {
  return resolved.variables.some((variable) =>
    variable.references.some((reference) => {
      const member = reference.identifier.parent;
      return (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        memberName(member) === 'updateChatCtx' &&
        member.parent.type === AST_NODE_TYPES.CallExpression
      );
    }),
  );
}

/** The context parameter name of a hook given to `voice.Agent.create({ onEnter: (ctx) => ... })`, if `fn` is one. */
export function hookContextName(model: LiveKitModel, fn: FunctionNode): string | null {
  for (const construction of model.agentConstructions) {
    if (construction.kind !== 'create' || !construction.options || isFactoryCall(construction)) continue;
    for (const property of construction.options.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = propertyName(property);
      if (name === null || !HOOK_NAMES.has(name) || resolveFunction(model.sourceCode, property.value) !== fn) continue;
      const first = fn.params[0];
      return first?.type === AST_NODE_TYPES.Identifier ? first.name : null;
    }
  }
  return null;
}

export interface HistorySource {
  /** The expression that holds the conversation so far, as source text. */
  text: string;
  /** Where that expression can be used: the execute function, the hook, the Agent method. */
  scope: TSESTree.Node;
}

/**
 * The conversation so far, as it can be written at `node`: `<ctx>.session.history` inside a tool's execute (named
 * as execute names its context), `<ctx>.chatCtx` inside a `voice.Agent.create` hook, `this.chatCtx` inside a
 * method of an Agent class. Null elsewhere.
 */
export function historyAt(model: LiveKitModel, node: TSESTree.Node): HistorySource | null {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current)) {
      const fn = current;
      const tool = model.tools.find((candidate) => candidate.execute === fn);
      if (tool)
        return tool.executeContextName ? { text: `${tool.executeContextName}.session.history`, scope: fn } : null;
      const hookContext = hookContextName(model, fn);
      if (hookContext) return { text: `${hookContext}.chatCtx`, scope: fn };
      if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) break;
    } else if (current.type === AST_NODE_TYPES.PropertyDefinition) {
      break;
    }
    current = current.parent;
  }
  const context = thisContext(node);
  if (!context || !agentClassInfo(model, context.classNode)) return null;
  if (context.member.type === AST_NODE_TYPES.MethodDefinition && context.member.kind === 'constructor') return null;
  return { text: 'this.chatCtx', scope: context.member };
}

/** Words of agent names that say nothing about what the agent is for. */
const GENERIC_NAME_WORDS = new Set([
  'agent',
  'agents',
  'task',
  'assistant',
  'bot',
  'create',
  'make',
  'build',
  'new',
  'get',
  'init',
  'the',
  'for',
  'with',
  'voice',
  'next',
  'current',
  'this',
  'instance',
  'factory',
  'ctx',
  'context',
  'default',
  'main',
  'base',
  'my',
]);

/**
 * The words the agent an expression hands off to goes by (`BillingAgent`, `const billingDesk = ...`,
 * `makeBillingAgent()`, `id: 'billing'`), minus generic ones: `['billing', 'desk']`.
 */
export function agentNameWords(model: LiveKitModel, node: TSESTree.Node): string[] {
  const names: string[] = [];
  const resolved = resolveAgent(model, node);
  if (resolved) {
    names.push(...resolved.names);
    if (resolved.construction.agentClass?.name) names.push(resolved.construction.agentClass.name);
    const id = agentOption(model, resolved.construction, 'id');
    const idText = id.kind === 'value' ? staticText(id.node, model.sourceCode) : null;
    if (idText) names.push(idText.text);
  } else {
    const expression = unwrap(node);
    const named =
      expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression
        ? expression.callee
        : expression;
    const path = memberPath(named);
    if (path) names.push(path.at(-1)!);
  }
  const words = new Set<string>();
  for (const name of names) {
    for (const word of splitWords(name)) if (word.length >= 3 && !GENERIC_NAME_WORDS.has(word)) words.add(word);
  }
  return [...words];
}

/** The tools a `tools` value registers (an array or map literal, a same-file const followed); unknown entries skipped. */
export function registeredTools(model: LiveKitModel, node: TSESTree.Node): ToolInfo[] {
  const value = followConst(model.sourceCode, node);
  const entries: TSESTree.Node[] = [];
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of value.elements)
      if (element && element.type !== AST_NODE_TYPES.SpreadElement) entries.push(element);
  } else if (value.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of value.properties)
      if (property.type === AST_NODE_TYPES.Property) entries.push(property.value);
  }
  return entries.map((entry) => model.toolOf(entry)).filter((tool): tool is ToolInfo => tool !== null);
}
