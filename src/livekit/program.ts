/**
 * The per-file LiveKit model: what the file's LiveKit code is made of, in the words of docs/concepts.md.
 *
 * Computed at most once per file (cached on `context.sourceCode`) and shared by every rule; each part is
 * computed lazily, the first time a rule asks for it. Files with no LiveKit import get `null` after a cheap
 * text check, so rules can return `{}` at once.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  constInitializer,
  findVariable,
  firstParameterVariable,
  followConst,
  getProperty,
  isFunctionNode,
  memberName,
  parameterVariable,
  propertyName,
  resolveFunction,
  skipTSWrappers,
  staticKeyName,
} from '../analysis/ast.js';
import { CallGraph } from '../analysis/call-graph.js';
import { staticText } from '../analysis/strings.js';
import { ConnectFlow } from './connect.js';
import { LiveKitImports } from './imports.js';
import { type LiveKitSettings, getSettings } from './settings.js';
import { type SdkMemberAccess, findSdkMembers } from './receivers.js';
import { isTestCode } from './test-code.js';
import { FileMemo, MemoKey, fileMemo } from '../analysis/file-memo.js';

export interface DefineAgentInfo {
  call: TSESTree.CallExpression;
  options: TSESTree.ObjectExpression | null;
  entry: FunctionNode | null;
  prewarm: FunctionNode | null;
  /** A `prewarm` key whose function is not visible here (imported, computed): its effects are unknown. */
  prewarmUnresolved: boolean;
  /** The entry's first parameter name (`ctx`), when it is a plain identifier. */
  contextName: string | null;
}

export type AgentBase = 'voice.Agent' | 'voice.AgentTask';

export interface AgentClassInfo {
  node: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  name: string | null;
  base: AgentBase;
  /** The Agent class of this file it extends, when it does not extend the SDK class directly. */
  parent: AgentClassInfo | null;
  constructorFunction: TSESTree.FunctionExpression | null;
  /** `super(...)` calls in the constructor. */
  superCalls: TSESTree.CallExpression[];
  /** The object literal given to the first `super(...)`, const followed. */
  superOptions: TSESTree.ObjectExpression | null;
}

export interface AgentConstruction {
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** `new X(...)` or `X.create(...)`. */
  kind: 'new' | 'create';
  /** The class of this file being constructed; null for the SDK's `voice.Agent` / `voice.AgentTask`. */
  agentClass: AgentClassInfo | null;
  /** The first argument, as written. */
  argument: TSESTree.Node | null;
  /** The first argument when it is an object literal (a same-file const is followed). */
  options: TSESTree.ObjectExpression | null;
}

/** A set of options that configures an agent: a construction's argument or a class's `super({...})`. */
export interface AgentOptions {
  options: TSESTree.ObjectExpression;
  construction: AgentConstruction | null;
  agentClass: AgentClassInfo | null;
}

export interface ToolInfo {
  call: TSESTree.CallExpression;
  options: TSESTree.ObjectExpression | null;
  /** The tool's name: its static `name`, else the key it is registered under in a tools map. */
  name: string | null;
  /** The node that carries the name (the `name` value or the map key). */
  nameNode: TSESTree.Node | null;
  nameProperty: TSESTree.Property | null;
  descriptionProperty: TSESTree.Property | null;
  /** `parameters`, a same-file const followed. */
  parameters: TSESTree.Node | null;
  executeProperty: TSESTree.Property | null;
  execute: FunctionNode | null;
  /** The name of the context parameter execute declares (`{ ctx }` → 'ctx'), when it does. */
  executeContextName: string | null;
  registrations: ToolRegistrationEntry[];
}

export interface ToolRegistrationEntry {
  registration: ToolRegistration;
  /** The element or property that registers the tool. */
  node: TSESTree.Node;
  /** The map key (map style only). */
  key: string | null;
  property: TSESTree.Property | null;
  tool: ToolInfo | null;
}

export interface ToolRegistration {
  node: TSESTree.ArrayExpression | TSESTree.ObjectExpression;
  style: 'array' | 'map';
  /** The `tools` property that holds (or names) the registration. */
  property: TSESTree.Property;
  entries: ToolRegistrationEntry[];
  /** Spreads or computed keys whose tools are unknown. */
  hasUnknownEntries: boolean;
  owner: AgentOptions;
}

export interface HandoffInfo {
  call: TSESTree.CallExpression;
  options: TSESTree.ObjectExpression | null;
  agent: TSESTree.Node | null;
  returnsProperty: TSESTree.Property | null;
}

export interface SessionInfo {
  node: TSESTree.NewExpression;
  options: TSESTree.ObjectExpression | null;
  variable: TSESLint.Scope.Variable | null;
  /** `session.start(...)` calls on this session's variable. */
  starts: TSESTree.CallExpression[];
  /** `session.on(event, listener)` calls on this session's variable. */
  listeners: TSESTree.CallExpression[];
  /** Other member accesses on the session variable (`session.usage`, `session.say`, ...). */
  members: TSESTree.MemberExpression[];
}

export type HotKind = 'entry' | 'execute' | 'agent-method' | 'agent-hook' | 'session-listener';

/** Where a hot path starts, and the functions of this file it calls on the way to the node asked about. */
export interface HotPath {
  kind: HotKind;
  /** The root function (entry, the execute, the method, the listener). */
  root: FunctionNode;
  /** The same-file functions called from the root down to the node: `[]` when the node is in the root itself. */
  via: FunctionNode[];
}

/** How many calls up `hotPath` follows a function of this file to a hot path. */
const CALL_DEPTH = 4;

/** Hooks that `voice.Agent.create({...})` accepts; each gets the agent's context (`AgentContext`) first. */
export const HOOK_NAMES = new Set([
  'onEnter',
  'onExit',
  'onUserTurnCompleted',
  'llmNode',
  'ttsNode',
  'sttNode',
  'transcriptionNode',
  'realtimeAudioOutputNode',
]);

/** True when the class or one of the Agent classes of this file it extends declares a constructor. */
function declaresConstructor(agentClass: AgentClassInfo): boolean {
  for (let current: AgentClassInfo | null = agentClass; current; current = current.parent) {
    if (
      current.node.body.body.some(
        (member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
      )
    ) {
      return true;
    }
  }
  return false;
}

export class LiveKitModel {
  readonly imports: LiveKitImports;
  readonly settings: LiveKitSettings;
  /** Facts that modules of `src/livekit/` compute once per file from the model, each under a key of its own. */
  readonly memo = new FileMemo();
  private cachedDefineAgents?: DefineAgentInfo[];
  private cachedAgentClasses?: AgentClassInfo[];
  private cachedConstructions?: AgentConstruction[];
  private cachedAgentOptions?: AgentOptions[];
  private cachedTools?: ToolInfo[];
  private cachedRegistrations?: ToolRegistration[];
  private cachedHandoffs?: HandoffInfo[];
  private cachedSessions?: SessionInfo[];
  private cachedHot?: Map<FunctionNode, HotKind | 'prewarm'>;
  private cachedEntryFunctions?: FunctionNode[];
  private cachedPrewarmFunctions?: FunctionNode[];
  private cachedConstructionByNode?: Map<TSESTree.Node, AgentConstruction>;
  private cachedToolByCall?: Map<TSESTree.Node, ToolInfo>;
  private readonly hotCache = new Map<TSESTree.Node, HotPath | null>();
  private cachedCallGraph?: CallGraph;
  private cachedConnectFlow?: ConnectFlow;
  private cachedJobContexts?: Set<TSESLint.Scope.Variable>;
  private cachedTestCode?: boolean;
  private cachedSdkMembers?: SdkMemberAccess[];
  private cachedAgentHooks?: FunctionNode[];

  constructor(
    readonly sourceCode: TSESLint.SourceCode,
    imports: LiveKitImports,
    settings: LiveKitSettings,
    /** The linted file and the working directory its path is taken relative to. */
    private readonly file: { filename: string; cwd: string } = { filename: '', cwd: '' },
  ) {
    this.imports = imports;
    this.settings = settings;
  }

  /** True when the file is *test code* (`testFiles` globs, or it imports a test runner): quality rules stay silent. */
  get isTestCode(): boolean {
    return (this.cachedTestCode ??= isTestCode(
      this.sourceCode.ast,
      this.file.filename,
      this.file.cwd,
      this.settings.testFiles,
    ));
  }

  /**
   * Members read or called on known SDK objects (JobContext, JobProcess, RunContext, AgentContext, sessions, `this` in
   * Agent classes, annotated parameters, and helpers' parameters they are handed to), in traversal order.
   */
  get sdkMembers(): SdkMemberAccess[] {
    return (this.cachedSdkMembers ??= findSdkMembers(this));
  }

  /** `defineAgent({...})` calls with their entry and prewarm functions. */
  get defineAgents(): DefineAgentInfo[] {
    return (this.cachedDefineAgents ??= this.imports.calls('defineAgent').map((call) => {
      const argument = call.arguments[0];
      const followed = argument ? followConst(this.sourceCode, argument) : null;
      const options = followed?.type === AST_NODE_TYPES.ObjectExpression ? followed : null;
      const entryProperty = options ? getProperty(options, 'entry') : null;
      const prewarmProperty = options ? getProperty(options, 'prewarm') : null;
      const entry = entryProperty ? resolveFunction(this.sourceCode, entryProperty.value) : null;
      const prewarm = prewarmProperty ? resolveFunction(this.sourceCode, prewarmProperty.value) : null;
      const firstParam = entry?.params[0];
      return {
        call,
        options,
        entry,
        prewarm,
        prewarmUnresolved: prewarmProperty !== null && prewarm === null,
        contextName: firstParam?.type === AST_NODE_TYPES.Identifier ? firstParam.name : null,
      };
    }));
  }

  /** The distinct entry functions of the file (two `defineAgent` calls may name the same function). */
  get entryFunctions(): FunctionNode[] {
    return (this.cachedEntryFunctions ??= this.distinctFunctions('entry'));
  }

  /** The distinct prewarm functions of the file. */
  get prewarmFunctions(): FunctionNode[] {
    return (this.cachedPrewarmFunctions ??= this.distinctFunctions('prewarm'));
  }

  private distinctFunctions(key: 'entry' | 'prewarm'): FunctionNode[] {
    const result: FunctionNode[] = [];
    for (const definition of this.defineAgents) {
      const fn = definition[key];
      if (fn && !result.includes(fn)) result.push(fn);
    }
    return result;
  }

  /** Classes that extend `voice.Agent` / `voice.AgentTask`, directly or through classes of this file. */
  get agentClasses(): AgentClassInfo[] {
    if (this.cachedAgentClasses) return this.cachedAgentClasses;
    const classes: AgentClassInfo[] = [];
    const pending: { node: TSESTree.Node; base: AgentBase; parent: AgentClassInfo | null }[] = [];
    for (const base of ['voice.Agent', 'voice.AgentTask'] as const) {
      for (const usage of this.imports.usages(base)) pending.push({ node: usage, base, parent: null });
    }
    const seen = new Set<TSESTree.Node>();
    while (pending.length > 0) {
      const { node, base, parent } = pending.pop()!;
      const classNode = node.parent;
      if (
        (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression) ||
        classNode.superClass !== node ||
        seen.has(classNode)
      ) {
        continue;
      }
      seen.add(classNode);
      const info = this.describeClass(classNode, base, parent);
      classes.push(info);
      for (const reference of this.classReferences(classNode)) pending.push({ node: reference, base, parent: info });
    }
    return (this.cachedAgentClasses = classes);
  }

  private describeClass(
    node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    base: AgentBase,
    parent: AgentClassInfo | null,
  ): AgentClassInfo {
    const constructorMethod = node.body.body.find(
      (member): member is TSESTree.MethodDefinition =>
        member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
    );
    const constructorFunction =
      constructorMethod?.value.type === AST_NODE_TYPES.FunctionExpression ? constructorMethod.value : null;
    const superCalls: TSESTree.CallExpression[] = [];
    if (constructorFunction?.body) {
      for (const statement of constructorFunction.body.body) {
        collectSuperCalls(statement, superCalls);
      }
    }
    const firstArgument = superCalls[0]?.arguments[0];
    const followed = firstArgument ? followConst(this.sourceCode, firstArgument) : null;
    let name = node.id?.name ?? null;
    if (
      !name &&
      node.parent.type === AST_NODE_TYPES.VariableDeclarator &&
      node.parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      name = node.parent.id.name;
    }
    return {
      node,
      name,
      base,
      parent,
      constructorFunction,
      superCalls,
      superOptions: followed?.type === AST_NODE_TYPES.ObjectExpression ? followed : null,
    };
  }

  /** Identifiers in this file that refer to a class (by declaration or by the const holding a class expression). */
  private classReferences(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.Identifier[] {
    const declaring =
      node.type === AST_NODE_TYPES.ClassDeclaration
        ? node
        : node.parent.type === AST_NODE_TYPES.VariableDeclarator
          ? node.parent
          : null;
    if (!declaring) return [];
    const result: TSESTree.Identifier[] = [];
    for (const variable of this.sourceCode.scopeManager!.getDeclaredVariables(declaring)) {
      for (const reference of variable.references) {
        if (reference.identifier.type === AST_NODE_TYPES.Identifier && reference.identifier !== node.id) {
          result.push(reference.identifier);
        }
      }
    }
    return result;
  }

  /** The Agent class of this file that `node` (an identifier) names, if any. */
  agentClassOf(node: TSESTree.Node): AgentClassInfo | null {
    const expression = skipTSWrappers(node);
    if (expression.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = findVariable(this.sourceCode, expression);
    if (!variable) return null;
    for (const info of this.agentClasses) {
      const declaring = info.node.type === AST_NODE_TYPES.ClassDeclaration ? info.node : info.node.parent;
      if (variable.defs.some((definition) => definition.node === declaring)) return info;
    }
    return null;
  }

  /** `new voice.Agent(...)`, `voice.Agent.create(...)`, `new MyAgent(...)`, `MyAgent.create(...)`. */
  get agentConstructions(): AgentConstruction[] {
    if (this.cachedConstructions) return this.cachedConstructions;
    const result: AgentConstruction[] = [];
    const add = (callee: TSESTree.Node, agentClass: AgentClassInfo | null): void => {
      const parent = callee.parent;
      if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === callee) {
        result.push(this.construction(parent, 'new', agentClass));
      } else if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === callee &&
        memberName(parent) === 'create' &&
        parent.parent.type === AST_NODE_TYPES.CallExpression &&
        parent.parent.callee === parent
      ) {
        result.push(this.construction(parent.parent, 'create', agentClass));
      }
    };
    for (const base of ['voice.Agent', 'voice.AgentTask']) {
      for (const usage of this.imports.usages(base)) add(usage, null);
      for (const usage of this.imports.usages(`${base}.create`)) {
        if (usage.parent?.type === AST_NODE_TYPES.CallExpression && usage.parent.callee === usage) {
          result.push(this.construction(usage.parent, 'create', null));
        }
      }
    }
    for (const info of this.agentClasses) {
      for (const reference of this.classReferences(info.node)) add(reference, info);
    }
    return (this.cachedConstructions = result);
  }

  private construction(
    node: TSESTree.NewExpression | TSESTree.CallExpression,
    kind: 'new' | 'create',
    agentClass: AgentClassInfo | null,
  ): AgentConstruction {
    const argument = node.arguments[0] ?? null;
    const followed = argument ? followConst(this.sourceCode, argument) : null;
    return {
      node,
      kind,
      agentClass,
      argument,
      options: followed?.type === AST_NODE_TYPES.ObjectExpression ? followed : null,
    };
  }

  /** The Agent construction an expression stands for: inline, or a const bound to one in the same function. */
  constructionOf(node: TSESTree.Node): AgentConstruction | null {
    let expression = skipTSWrappers(node);
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const init = constInitializer(this.sourceCode, expression);
      if (!init) return null;
      expression = skipTSWrappers(init);
    }
    if (!this.cachedConstructionByNode) {
      const byNode = new Map<TSESTree.Node, AgentConstruction>();
      // The first construction recorded for a node wins, as with a linear search.
      for (const construction of this.agentConstructions)
        if (!byNode.has(construction.node)) byNode.set(construction.node, construction);
      this.cachedConstructionByNode = byNode;
    }
    return this.cachedConstructionByNode.get(expression) ?? null;
  }

  /**
   * Every object literal that configures an agent: SDK-class constructions (and constructions of a class of this file
   * that has no constructor), and Agent classes' `super({...})`.
   */
  get agentOptions(): AgentOptions[] {
    if (this.cachedAgentOptions) return this.cachedAgentOptions;
    const result: AgentOptions[] = [];
    for (const construction of this.agentConstructions) {
      // A class of this file with no constructor anywhere in its chain hands its options to the SDK class as they are.
      if (construction.options && (construction.agentClass === null || !declaresConstructor(construction.agentClass))) {
        result.push({ options: construction.options, construction, agentClass: null });
      }
    }
    for (const agentClass of this.agentClasses) {
      if (agentClass.superOptions) result.push({ options: agentClass.superOptions, construction: null, agentClass });
    }
    return (this.cachedAgentOptions = result);
  }

  /** `llm.tool({...})` calls, with their names resolved from `name` or the registration key. */
  get tools(): ToolInfo[] {
    if (this.cachedTools) return this.cachedTools;
    this.cachedTools = this.imports.calls('llm.tool').map((call) => this.describeTool(call));
    void this.registrations; // names map-registered tools by their keys
    return this.cachedTools;
  }

  private describeTool(call: TSESTree.CallExpression): ToolInfo {
    const argument = call.arguments[0];
    const followed = argument ? followConst(this.sourceCode, argument) : null;
    const options = followed?.type === AST_NODE_TYPES.ObjectExpression ? followed : null;
    // One pass for the four keys (as `getProperty` does for each: the last one wins).
    let nameProperty: TSESTree.Property | null = null;
    let executeProperty: TSESTree.Property | null = null;
    let parametersProperty: TSESTree.Property | null = null;
    let descriptionProperty: TSESTree.Property | null = null;
    if (options) {
      for (const property of options.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyName(property);
        if (key === 'name') nameProperty = property;
        else if (key === 'execute') executeProperty = property;
        else if (key === 'parameters') parametersProperty = property;
        else if (key === 'description') descriptionProperty = property;
      }
    }
    const execute = executeProperty ? resolveFunction(this.sourceCode, executeProperty.value) : null;
    const name = nameProperty ? staticText(nameProperty.value, this.sourceCode) : null;
    return {
      call,
      options,
      name: name?.complete ? name.text : null,
      nameNode: nameProperty?.value ?? null,
      nameProperty,
      descriptionProperty,
      parameters: parametersProperty ? followConst(this.sourceCode, parametersProperty.value) : null,
      executeProperty,
      execute,
      executeContextName: execute ? contextParameterName(execute) : null,
      registrations: [],
    };
  }

  /** The tool an expression stands for: an inline `llm.tool(...)` call or a const bound to one. */
  toolOf(node: TSESTree.Node): ToolInfo | null {
    const expression = followConst(this.sourceCode, node);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
    const tools = this.tools;
    if (!this.cachedToolByCall) {
      const byCall = new Map<TSESTree.Node, ToolInfo>();
      for (const tool of tools) if (!byCall.has(tool.call)) byCall.set(tool.call, tool);
      this.cachedToolByCall = byCall;
    }
    return this.cachedToolByCall.get(expression) ?? null;
  }

  /** `tools: [...]` / `tools: {...}` given to agents (inline or through a same-file const). */
  get registrations(): ToolRegistration[] {
    if (this.cachedRegistrations) return this.cachedRegistrations;
    const result: ToolRegistration[] = [];
    this.cachedRegistrations = result;
    for (const owner of this.agentOptions) {
      const property = getProperty(owner.options, 'tools');
      if (!property) continue;
      const value = followConst(this.sourceCode, property.value);
      if (value.type === AST_NODE_TYPES.ArrayExpression) {
        const registration: ToolRegistration = {
          node: value,
          style: 'array',
          property,
          entries: [],
          hasUnknownEntries: false,
          owner,
        };
        for (const element of value.elements) {
          if (!element || element.type === AST_NODE_TYPES.SpreadElement) {
            registration.hasUnknownEntries = true;
            continue;
          }
          const tool = this.toolOf(element);
          const entry: ToolRegistrationEntry = { registration, node: element, key: null, property: null, tool };
          registration.entries.push(entry);
          tool?.registrations.push(entry);
        }
        result.push(registration);
      } else if (value.type === AST_NODE_TYPES.ObjectExpression) {
        const registration: ToolRegistration = {
          node: value,
          style: 'map',
          property,
          entries: [],
          hasUnknownEntries: false,
          owner,
        };
        for (const member of value.properties) {
          const key = member.type === AST_NODE_TYPES.Property ? staticKeyName(member.key, member.computed) : null;
          if (member.type !== AST_NODE_TYPES.Property || key === null) {
            registration.hasUnknownEntries = true;
            continue;
          }
          const tool = this.toolOf(member.value);
          const entry: ToolRegistrationEntry = { registration, node: member.value, key, property: member, tool };
          registration.entries.push(entry);
          if (tool) {
            tool.registrations.push(entry);
            if (tool.name === null && !tool.nameProperty) {
              tool.name = key;
              tool.nameNode = member.key;
            }
          }
        }
        result.push(registration);
      }
    }
    return result;
  }

  /** `llm.handoff({ agent, returns })` calls. */
  get handoffs(): HandoffInfo[] {
    return (this.cachedHandoffs ??= this.imports.calls('llm.handoff').map((call) => {
      const argument = call.arguments[0];
      const options = argument?.type === AST_NODE_TYPES.ObjectExpression ? argument : null;
      const agentProperty = options ? getProperty(options, 'agent') : null;
      return {
        call,
        options,
        agent: agentProperty ? agentProperty.value : null,
        returnsProperty: options ? getProperty(options, 'returns') : null,
      };
    }));
  }

  /** `new voice.AgentSession(...)` and what the file does with the session variable. */
  get sessions(): SessionInfo[] {
    return (this.cachedSessions ??= this.imports.news('voice.AgentSession').map((node) => {
      const argument = node.arguments[0];
      const followed = argument ? followConst(this.sourceCode, argument) : null;
      const info: SessionInfo = {
        node,
        options: followed?.type === AST_NODE_TYPES.ObjectExpression ? followed : null,
        variable: null,
        starts: [],
        listeners: [],
        members: [],
      };
      info.variable = this.sessionVariable(node);
      // The session under every name: its variable, and parameters of same-file functions it is handed to.
      const names = info.variable ? [info.variable] : [];
      for (let index = 0; index < names.length && index < 8; index++) {
        for (const reference of names[index]!.references) {
          const identifier = reference.identifier;
          const parent = skipParentWrappers(identifier);
          if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== identifier) {
            const callee = this.callGraph.calleeOf(parent);
            const position = parent.arguments.findIndex((item) => skipTSWrappers(item) === identifier);
            const parameter = callee && position >= 0 ? parameterVariable(this.sourceCode, callee, position) : null;
            if (parameter && !names.includes(parameter)) names.push(parameter);
            continue;
          }
          if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== identifier) continue;
          const member = parent;
          const name = memberName(member);
          const isCall = member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
          if (isCall && name === 'start') info.starts.push(member.parent as TSESTree.CallExpression);
          else if (isCall && name === 'on') info.listeners.push(member.parent as TSESTree.CallExpression);
          else info.members.push(member);
        }
      }
      return info;
    }));
  }

  /**
   * The variable a new session is kept in: `const session = new AgentSession()`, or a variable some assignment gives
   * it (`let session; beforeEach(() => { session = new AgentSession() })`).
   */
  private sessionVariable(node: TSESTree.NewExpression): TSESLint.Scope.Variable | null {
    const parent = skipParentWrappers(node);
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      return this.sourceCode.scopeManager!.getDeclaredVariables(parent)[0] ?? null;
    }
    if (
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.operator === '=' &&
      parent.left.type === AST_NODE_TYPES.Identifier
    ) {
      return findVariable(this.sourceCode, parent.left);
    }
    return null;
  }

  private get hotFunctions(): Map<FunctionNode, HotKind | 'prewarm'> {
    if (this.cachedHot) return this.cachedHot;
    const hot = new Map<FunctionNode, HotKind | 'prewarm'>();
    for (const definition of this.defineAgents) {
      if (definition.prewarm) hot.set(definition.prewarm, 'prewarm');
      if (definition.entry) hot.set(definition.entry, 'entry');
    }
    for (const tool of this.tools) if (tool.execute) hot.set(tool.execute, 'execute');
    for (const agentClass of this.agentClasses) {
      for (const member of agentClass.node.body.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition && isFunctionNode(member.value)) {
          hot.set(member.value, 'agent-method');
        } else if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value && isFunctionNode(member.value)) {
          hot.set(member.value, 'agent-method');
        }
      }
    }
    for (const fn of this.agentHooks) hot.set(fn, 'agent-hook');
    // Any other function written inline in `voice.Agent.create({...})` runs as the agent runs too.
    for (const construction of this.agentConstructions) {
      if (construction.kind !== 'create' || !construction.options) continue;
      for (const property of construction.options.properties) {
        if (property.type === AST_NODE_TYPES.Property && isFunctionNode(property.value)) {
          hot.set(property.value, 'agent-hook');
        }
      }
    }
    for (const session of this.sessions) {
      for (const listener of session.listeners) {
        const fn = resolveFunction(this.sourceCode, listener.arguments[1]);
        if (fn) hot.set(fn, 'session-listener');
      }
    }
    return (this.cachedHot = hot);
  }

  /**
   * The functions given as hooks to `voice.Agent.create({ onEnter, llmNode, ... })` (inline or a same-file function):
   * each receives the agent's `AgentContext` first.
   */
  get agentHooks(): FunctionNode[] {
    if (this.cachedAgentHooks) return this.cachedAgentHooks;
    const hooks: FunctionNode[] = [];
    for (const construction of this.agentConstructions) {
      if (construction.kind !== 'create' || !construction.options) continue;
      for (const property of construction.options.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = propertyName(property);
        const fn = name !== null && HOOK_NAMES.has(name) ? resolveFunction(this.sourceCode, property.value) : null;
        if (fn) hooks.push(fn);
      }
    }
    return (this.cachedAgentHooks = hooks);
  }

  /** The same-file call graph (which functions of this file call which), built once from scope references. */
  get callGraph(): CallGraph {
    return (this.cachedCallGraph ??= new CallGraph(this.sourceCode));
  }

  /**
   * What runs before connect in each entry (the connect rules). Rules that use it return `flow.recorder()` among their
   * listeners and read the flow in `Program:exit`.
   */
  connectFlow(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ConnectFlow {
    return (this.cachedConnectFlow ??= new ConnectFlow(context, this));
  }

  /**
   * The JobContext under all its names: entry's first parameter, parameters typed `JobContext`, and parameters of
   * functions of this file that a caller hands one of these to (followed through the call graph).
   */
  get jobContextVariables(): ReadonlySet<TSESLint.Scope.Variable> {
    if (this.cachedJobContexts) return this.cachedJobContexts;
    const variables = new Set<TSESLint.Scope.Variable>();
    const pending: TSESLint.Scope.Variable[] = [];
    const add = (variable: TSESLint.Scope.Variable | null): void => {
      if (!variable || variables.has(variable)) return;
      variables.add(variable);
      pending.push(variable);
    };
    for (const entry of this.entryFunctions) add(firstParameterVariable(this.sourceCode, entry));
    for (const variable of this.typedParameters('JobContext')) add(variable);
    while (pending.length > 0) {
      for (const reference of pending.pop()!.references) {
        const argument = skipParentWrappers(reference.identifier);
        const call = argument?.type === AST_NODE_TYPES.CallExpression ? argument : null;
        if (!call) continue;
        const callee = this.callGraph.calleeOf(call);
        const index = call.arguments.findIndex((item) => skipTSWrappers(item) === reference.identifier);
        if (callee && index >= 0) add(parameterVariable(this.sourceCode, callee, index));
      }
    }
    return (this.cachedJobContexts = variables);
  }

  /** Parameters of the file's functions annotated with the type `name` (`ctx: JobContext`, `ctx: agents.JobContext`). */
  private typedParameters(name: string): TSESLint.Scope.Variable[] {
    if (!this.sourceCode.text.includes(name)) return [];
    const result: TSESLint.Scope.Variable[] = [];
    for (const scope of this.sourceCode.scopeManager?.scopes ?? []) {
      if (scope.type !== 'function') continue;
      for (const variable of scope.variables) {
        const definition = variable.defs[0];
        if (definition?.type !== 'Parameter') continue;
        const annotation = (definition.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
        if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) continue;
        const typeName = annotation.typeName;
        const last = typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.right : typeName;
        if (last.type === AST_NODE_TYPES.Identifier && last.name === name) result.push(variable);
      }
    }
    return result;
  }

  /**
   * The hot path `node` runs on (entry, a tool's execute, an Agent method, an agent hook, a session listener), found
   * through its enclosing functions and, for a function of this file, through its callers (a few calls up: the
   * same-file call graph); null in prewarm, at module scope and in functions no hot path calls.
   */
  hotPathOf(node: TSESTree.Node): HotKind | null {
    return this.hotPathAt(node, 0)?.kind ?? null;
  }

  /** `hotPathOf`, with the root and the chain of same-file calls that reaches `node`. */
  hotPath(node: TSESTree.Node): HotPath | null {
    return this.hotPathAt(node, 0);
  }

  private hotPathAt(node: TSESTree.Node, depth: number): HotPath | null {
    let current: TSESTree.Node | undefined = node.parent;
    const visited: TSESTree.Node[] = [];
    let result: HotPath | null = null;
    while (current) {
      const cached = this.hotCache.get(current);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      if (isFunctionNode(current)) {
        visited.push(current);
        const kind = this.hotFunctions.get(current);
        if (kind) {
          result = kind === 'prewarm' ? null : { kind, root: current, via: [] };
          break;
        }
        const callers = depth < CALL_DEPTH ? this.callGraph.callersOf(current) : [];
        if (callers.length > 0) {
          // A helper: hot when some call of it is. Guard against recursion while its callers are looked at.
          this.hotCache.set(current, null);
          for (const edge of callers) {
            const caller = this.hotPathAt(edge.call, depth + 1);
            if (caller) {
              result = { kind: caller.kind, root: caller.root, via: [...caller.via, current] };
              break;
            }
          }
          break;
        }
      }
      current = current.parent;
    }
    for (const fn of visited) this.hotCache.set(fn, result);
    return result;
  }

  /** True when `node` lies inside a prewarm function. */
  isInPrewarm(node: TSESTree.Node): boolean {
    return this.defineAgents.some(
      (definition) =>
        definition.prewarm !== null &&
        node.range[0] >= definition.prewarm.range[0] &&
        node.range[1] <= definition.prewarm.range[1],
    );
  }
}

function collectSuperCalls(node: TSESTree.Node, out: TSESTree.CallExpression[]): void {
  // Only the constructor's own statements: `super(...)` cannot appear in nested non-arrow functions.
  if (node.type === AST_NODE_TYPES.ExpressionStatement) {
    const expression = node.expression;
    if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Super) {
      out.push(expression);
    }
  } else if (node.type === AST_NODE_TYPES.IfStatement) {
    collectSuperCalls(node.consequent, out);
    if (node.alternate) collectSuperCalls(node.alternate, out);
  } else if (node.type === AST_NODE_TYPES.BlockStatement) {
    for (const statement of node.body) collectSuperCalls(statement, out);
  }
}

function skipParentWrappers(node: TSESTree.Node): TSESTree.Node | undefined {
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    parent = parent.parent;
  }
  return parent;
}

/** execute's second parameter: `{ ctx }` → 'ctx', `{ ctx: runCtx }` → 'runCtx', `options` → 'options.ctx'. */
function contextParameterName(execute: FunctionNode): string | null {
  const second = execute.params[1];
  if (!second) return null;
  const pattern = second.type === AST_NODE_TYPES.AssignmentPattern ? second.left : second;
  if (pattern.type === AST_NODE_TYPES.Identifier) return `${pattern.name}.ctx`;
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type === AST_NODE_TYPES.Property && staticKeyName(property.key, property.computed) === 'ctx') {
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (value.type === AST_NODE_TYPES.Identifier) return value.name;
      }
    }
  }
  return null;
}

/** How messages name a tool: its name in quotes, or `(unnamed)` when it has none we can read. */
export function toolLabel(tool: Pick<ToolInfo, 'name'>): string {
  return tool.name === null ? '(unnamed)' : `'${tool.name}'`;
}

const MODEL = new MemoKey<LiveKitModel | null>('LiveKit model');

/**
 * The LiveKit model of the file being linted, or null when it imports nothing from LiveKit.
 * Rules call this first and return `{}` on null.
 */
export function getLiveKitModel(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): LiveKitModel | null {
  const sourceCode = context.sourceCode;
  return fileMemo(sourceCode).get(MODEL, () => buildModel(context));
}

function buildModel(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): LiveKitModel | null {
  const sourceCode = context.sourceCode;
  const settings = getSettings(context);
  let model: LiveKitModel | null = null;
  const text = sourceCode.text;
  if (text.includes('@livekit/') || settings.importSources.some((source) => text.includes(source))) {
    const imports = new LiveKitImports(sourceCode, settings.importSources);
    if (!imports.isEmpty)
      model = new LiveKitModel(sourceCode, imports, settings, { filename: context.filename, cwd: context.cwd });
  }
  return model;
}
