/**
 * The agent graph of a project: `defineAgent` entries, agents (Agent classes, `new voice.Agent(...)`,
 * `voice.Agent.create(...)`), their tools, and the edges between them (an entry starts an agent, a tool hands off,
 * `session.updateAgent`, an agent runs a task), resolved across files through imports, re-exports and factories.
 */
import { relative, sep } from 'node:path';
import {
  type CallExpression,
  type ClassDeclaration,
  type ClassExpression,
  type NewExpression,
  Node,
  type ObjectLiteralExpression,
  type SourceFile,
  SyntaxKind,
} from 'ts-morph';
import {
  type FunctionLike,
  type Location,
  Resolver,
  type StaticText,
  enclosingFunction,
  hasSpread,
  isFunctionLike,
  isWithin,
  propertyNameOf,
  propertyValue,
  returnedExpressions,
  staticText,
  unwrap,
} from './model.js';

export type AgentBase = 'voice.Agent' | 'voice.AgentTask';
/** Whether a construction gives the new agent a chat context: the conversation so far, or an explicit fresh one. */
export type ChatCtxStatus = 'yes' | 'no' | 'unknown';

export interface ToolFact {
  name: string | null;
  description: StaticText | null;
  location: Location;
  node: CallExpression;
  execute: FunctionLike | null;
  /** Location of each `new llm.ToolError(...)` in execute. */
  toolErrors: Location[];
}

export interface AgentFact {
  id: string;
  name: string;
  kind: 'class' | 'new' | 'create';
  base: AgentBase;
  location: Location;
  /** The class, or the construction expression for SDK agents. */
  node: Node;
  /** The options objects that configure it (`super({...})`, the construction's argument). */
  options: ObjectLiteralExpression[];
  tools: ToolFact[];
  instructions: StaticText | null;
  instructionsLocation: Location | null;
  /** The LLM as written (`'openai/gpt-4.1-mini'`, `new openai.LLM({ model: 'gpt-4o' })`), when set here. */
  llm: string | null;
}

export interface EntryFact {
  id: string;
  name: string;
  location: Location;
  node: CallExpression;
  entry: FunctionLike | null;
  prewarm: FunctionLike | null;
  /** The entry function and the project functions it calls directly (where sessions are often set up). */
  scopes: FunctionLike[];
}

export type EdgeKind = 'start' | 'handoff' | 'update' | 'task';

export interface EdgeFact {
  from: string;
  to: string;
  kind: EdgeKind;
  /** The tool whose execute makes the handoff. */
  via: string | null;
  location: Location;
  /** Whether the construction passes a chat context; `dropAt` is where it is lost when that is another file. */
  chatCtx: ChatCtxStatus;
  dropAt: Location | null;
}

export interface UnresolvedHandoff {
  from: string | null;
  location: Location;
  text: string;
}

export interface AgentGraph {
  entries: EntryFact[];
  agents: AgentFact[];
  edges: EdgeFact[];
  unresolved: UnresolvedHandoff[];
  tools: ToolFact[];
}

/** An agent an expression evaluates to, and how the expression builds it. */
export interface AgentTarget {
  agent: AgentFact;
  chatCtx: ChatCtxStatus;
  /** Where the chat context is dropped, when the construction that drops it is known. */
  dropAt: Node | null;
}

interface Collected {
  classes: (ClassDeclaration | ClassExpression)[];
  calls: CallExpression[];
  news: NewExpression[];
}

const MAX_DEPTH = 8;
const SDK_BASES: readonly AgentBase[] = ['voice.Agent', 'voice.AgentTask'];

/** The nodes the graph is made from. Only these are wrapped as ts-morph nodes (wrapping every node costs memory). */
function collect(file: SourceFile): Collected {
  return {
    classes: [
      ...file.getDescendantsOfKind(SyntaxKind.ClassDeclaration),
      ...file.getDescendantsOfKind(SyntaxKind.ClassExpression),
    ],
    calls: file.getDescendantsOfKind(SyntaxKind.CallExpression),
    news: file.getDescendantsOfKind(SyntaxKind.NewExpression),
  };
}

function mermaidSafe(name: string): string {
  return name.replace(/\W/g, '_');
}

export class GraphBuilder {
  readonly resolver: Resolver;
  private readonly collected = new Map<SourceFile, Collected>();
  private readonly baseCache = new Map<Node, AgentBase | null>();
  private readonly agentsByNode = new Map<Node, AgentFact>();
  private readonly toolsByNode = new Map<Node, ToolFact>();
  private readonly toolsByExecute = new Map<Node, ToolFact[]>();
  private readonly ownersOfTool = new Map<ToolFact, AgentFact[]>();
  private readonly usedIds = new Set<string>();
  private baseParents: Set<Node> | null = null;
  private constructed: Set<Node> | null = null;
  readonly graph: AgentGraph = { entries: [], agents: [], edges: [], unresolved: [], tools: [] };

  constructor(
    readonly root: string,
    private readonly sourceFiles: readonly SourceFile[],
    importSources: readonly string[] = [],
  ) {
    this.resolver = new Resolver(importSources);
  }

  location(node: Node): Location {
    return { file: this.relativePath(node.getSourceFile()), line: node.getStartLineNumber() };
  }

  relativePath(file: SourceFile): string {
    return relative(this.root, file.getFilePath()).split(sep).join('/');
  }

  collectedOf(file: SourceFile): Collected {
    let result = this.collected.get(file);
    if (!result) this.collected.set(file, (result = collect(file)));
    return result;
  }

  private uniqueId(name: string): string {
    const base = mermaidSafe(name) || 'agent';
    let id = base;
    for (let index = 2; this.usedIds.has(id); index++) id = `${base}_${index}`;
    this.usedIds.add(id);
    return id;
  }

  build(): AgentGraph {
    for (const file of this.sourceFiles) {
      const { classes, calls, news } = this.collectedOf(file);
      for (const node of classes) {
        const base = this.agentBase(node);
        if (base && !this.isBaseOnly(node))
          this.addAgent(node, 'class', base, node.getName() ?? this.declaredName(node) ?? 'AnonymousAgent');
      }
      for (const node of [...news, ...calls]) {
        const sdk = this.sdkConstruction(node);
        if (sdk) this.addAgent(node, sdk.kind, sdk.base, this.constructionName(node));
      }
    }
    for (const agent of this.graph.agents) this.describeAgent(agent);
    for (const file of this.sourceFiles) {
      for (const call of this.collectedOf(file).calls) {
        if (this.resolver.calleePath(call) === 'defineAgent') this.addEntry(call);
      }
    }
    for (const file of this.sourceFiles) {
      const { calls, news } = this.collectedOf(file);
      for (const call of calls) this.addCallEdges(call);
      for (const node of news) this.addTaskEdge(node);
    }
    return this.graph;
  }

  // ---- agents --------------------------------------------------------------------------------------------

  /** The SDK base a class extends, directly or through project classes in any file. */
  agentBase(node: ClassDeclaration | ClassExpression, depth = 0): AgentBase | null {
    if (this.baseCache.has(node)) return this.baseCache.get(node)!;
    this.baseCache.set(node, null);
    let result: AgentBase | null = null;
    const heritage = node.getExtends()?.getExpression();
    if (heritage && depth < MAX_DEPTH) {
      const path = this.resolver.liveKitApi(heritage)?.path;
      if (path === 'voice.Agent' || path === 'voice.AgentTask') {
        result = path;
      } else {
        const parent = this.classOf(heritage);
        if (parent) result = this.agentBase(parent, depth + 1);
      }
    }
    this.baseCache.set(node, result);
    return result;
  }

  /**
   * A shared base class (`class DeskAgent extends voice.Agent`, extended by the real agents) that the project never
   * constructs itself: not an agent of the graph.
   */
  private isBaseOnly(node: ClassDeclaration | ClassExpression): boolean {
    if (!this.baseParents || !this.constructed) {
      const parents = (this.baseParents = new Set());
      const constructed = (this.constructed = new Set());
      for (const file of this.sourceFiles) {
        const { classes, news, calls } = this.collectedOf(file);
        for (const child of classes) {
          const parent = this.parentClass(child);
          if (parent) parents.add(parent);
        }
        for (const construction of [...news, ...calls]) {
          const callee = construction.getExpression();
          const target = Node.isNewExpression(construction)
            ? callee
            : Node.isPropertyAccessExpression(callee) && callee.getName() === 'create'
              ? callee.getExpression()
              : null;
          const classNode =
            target && (Node.isIdentifier(target) || Node.isPropertyAccessExpression(target))
              ? this.classOf(target)
              : null;
          if (classNode) constructed.add(classNode);
        }
      }
    }
    return this.baseParents.has(node) && !this.constructed.has(node);
  }

  /** The project class a reference names (a declaration, or a const holding a class expression). */
  private classOf(node: Node): ClassDeclaration | ClassExpression | null {
    const declaration = this.resolver.declarationOf(node);
    if (!declaration) return null;
    if (Node.isClassDeclaration(declaration)) return declaration;
    if (Node.isVariableDeclaration(declaration)) {
      const initializer = declaration.getInitializer();
      const value = initializer ? unwrap(initializer) : undefined;
      if (value && Node.isClassExpression(value)) return value;
    }
    return null;
  }

  private declaredName(node: Node): string | null {
    const parent = node.getParent();
    if (parent && (Node.isVariableDeclaration(parent) || Node.isPropertyAssignment(parent)))
      return propertyNameOf(parent);
    return null;
  }

  /** `new voice.Agent(...)`, `voice.Agent.create(...)` (and AgentTask). */
  private sdkConstruction(node: Node): { kind: 'new' | 'create'; base: AgentBase } | null {
    const path = this.resolver.calleePath(node);
    if (!path) return null;
    for (const base of SDK_BASES) {
      if (Node.isNewExpression(node) && path === base) return { kind: 'new', base };
      if (Node.isCallExpression(node) && path === `${base}.create`) return { kind: 'create', base };
    }
    return null;
  }

  /** A name for an SDK agent: its static `id`, the const or property it is bound to, or its factory's name. */
  private constructionName(node: NewExpression | CallExpression): string {
    const options = this.optionsOf(node.getArguments()[0]);
    const id = options ? staticText(propertyValue(options, 'id') ?? undefined, this.resolver) : null;
    if (id?.complete && id.text) return id.text;
    let current: Node = node;
    let parent = current.getParent();
    while (
      parent &&
      (Node.isAwaitExpression(parent) || Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent))
    ) {
      current = parent;
      parent = parent.getParent();
    }
    const declared = this.declaredName(current);
    // `start({ agent: new voice.Agent(...) })`: the property says nothing about which agent it is.
    if (declared && declared !== 'agent') return declared;
    const fn =
      parent && (Node.isReturnStatement(parent) || isFunctionLike(parent))
        ? (enclosingFunction(current) ?? null)
        : null;
    const factoryName = fn ? this.functionName(fn) : null;
    if (factoryName) return factoryName;
    return `agent_${node.getSourceFile().getBaseNameWithoutExtension()}_${node.getStartLineNumber()}`;
  }

  private functionName(fn: FunctionLike): string | null {
    if (Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn)) return fn.getName() ?? null;
    return this.declaredName(fn);
  }

  private addAgent(node: Node, kind: AgentFact['kind'], base: AgentBase, name: string): void {
    if (this.agentsByNode.has(node)) return;
    const agent: AgentFact = {
      id: this.uniqueId(name),
      name,
      kind,
      base,
      location: this.location(node),
      node,
      options: [],
      tools: [],
      instructions: null,
      instructionsLocation: null,
      llm: null,
    };
    this.agentsByNode.set(node, agent);
    this.graph.agents.push(agent);
  }

  private optionsOf(node: Node | undefined): ObjectLiteralExpression | null {
    if (!node) return null;
    const value = this.resolver.followValue(node);
    return Node.isObjectLiteralExpression(value) ? value : null;
  }

  /** The first `super(...)` call of a class's constructor. */
  private superCall(node: ClassDeclaration | ClassExpression): CallExpression | null {
    const constructor = node.getConstructors()[0];
    if (!constructor) return null;
    let found: CallExpression | null = null;
    constructor.forEachDescendant((child, traversal) => {
      if (found) return;
      if (isFunctionLike(child) && !Node.isArrowFunction(child)) traversal.skip();
      else if (Node.isCallExpression(child) && child.getExpression().getKind() === SyntaxKind.SuperKeyword)
        found = child;
    });
    return found;
  }

  /** The class an agent class extends, when that is a project class. */
  private parentClass(node: ClassDeclaration | ClassExpression): ClassDeclaration | ClassExpression | null {
    const heritage = node.getExtends()?.getExpression();
    return heritage && !this.resolver.liveKitApi(heritage) ? this.classOf(heritage) : null;
  }

  private agentOptions(agent: AgentFact): ObjectLiteralExpression[] {
    const node = agent.node;
    if (Node.isClassDeclaration(node) || Node.isClassExpression(node)) {
      const result: ObjectLiteralExpression[] = [];
      let current: ClassDeclaration | ClassExpression | null = node;
      for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
        const call = this.superCall(current);
        const options = call ? this.optionsOf(call.getArguments()[0]) : null;
        if (options) result.push(options);
        current = this.parentClass(current);
      }
      return result;
    }
    if (Node.isNewExpression(node) || Node.isCallExpression(node)) {
      const options = this.optionsOf(node.getArguments()[0]);
      return options ? [options] : [];
    }
    return [];
  }

  private describeAgent(agent: AgentFact): void {
    agent.options = this.agentOptions(agent);
    for (const options of agent.options) {
      const instructions = propertyValue(options, 'instructions');
      if (instructions && !agent.instructions) {
        agent.instructions = staticText(instructions, this.resolver);
        agent.instructionsLocation = this.location(instructions);
      }
      const llm = propertyValue(options, 'llm');
      if (llm && !agent.llm) agent.llm = this.describeModel(llm);
      const tools = propertyValue(options, 'tools');
      if (tools) {
        for (const tool of this.toolsFrom(tools, 0)) {
          if (agent.tools.includes(tool)) continue;
          agent.tools.push(tool);
          const owners = this.ownersOfTool.get(tool) ?? [];
          owners.push(agent);
          this.ownersOfTool.set(tool, owners);
        }
      }
    }
  }

  /** A model as written: a string, or the `model` option of a plugin's LLM constructor. */
  describeModel(node: Node): string {
    const value = this.resolver.followValue(node);
    const text = staticText(value, this.resolver);
    if (text) return text.text;
    if (Node.isNewExpression(value) || Node.isCallExpression(value)) {
      const callee = value.getExpression().getText();
      const options = this.optionsOf(value.getArguments()[0]);
      const model = options ? staticText(propertyValue(options, 'model') ?? undefined, this.resolver) : null;
      return model ? `${callee}(${model.text})` : callee;
    }
    return value.getText().slice(0, 60);
  }

  // ---- tools ---------------------------------------------------------------------------------------------

  private toolsFrom(node: Node, depth: number): ToolFact[] {
    if (depth > MAX_DEPTH) return [];
    const value = this.resolver.followValue(node);
    const result: ToolFact[] = [];
    if (Node.isArrayLiteralExpression(value)) {
      for (const element of value.getElements()) {
        if (Node.isSpreadElement(element)) result.push(...this.toolsFrom(element.getExpression(), depth + 1));
        else result.push(...this.toolsOf(element, null, depth + 1));
      }
    } else if (Node.isObjectLiteralExpression(value)) {
      for (const property of value.getProperties()) {
        if (Node.isSpreadAssignment(property)) {
          result.push(...this.toolsFrom(property.getExpression(), depth + 1));
        } else if (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) {
          const key = propertyNameOf(property);
          const element = Node.isPropertyAssignment(property) ? property.getInitializer() : property.getNameNode();
          if (element) result.push(...this.toolsOf(element, key, depth + 1));
        }
      }
    } else if (Node.isCallExpression(value)) {
      const fn = this.resolver.functionOf(value.getExpression());
      if (fn) for (const returned of returnedExpressions(fn)) result.push(...this.toolsFrom(returned, depth + 1));
    }
    return result;
  }

  private toolsOf(node: Node, key: string | null, depth: number): ToolFact[] {
    const value = this.resolver.followValue(node);
    if (!Node.isCallExpression(value)) return [];
    if (this.resolver.calleePath(value) === 'llm.tool') {
      const tool = this.toolFact(value);
      if (tool.name === null && key !== null) tool.name = key;
      return [tool];
    }
    const fn = this.resolver.functionOf(value.getExpression());
    if (!fn || depth > MAX_DEPTH) return [];
    return returnedExpressions(fn).flatMap((returned) => this.toolsOf(returned, key, depth + 1));
  }

  toolFact(call: CallExpression): ToolFact {
    const existing = this.toolsByNode.get(call);
    if (existing) return existing;
    const options = this.optionsOf(call.getArguments()[0]);
    const name = options ? staticText(propertyValue(options, 'name') ?? undefined, this.resolver) : null;
    const description = options ? propertyValue(options, 'description') : null;
    const executeNode = options ? propertyValue(options, 'execute') : null;
    const execute = executeNode ? this.resolver.functionOf(executeNode) : null;
    const tool: ToolFact = {
      name: name?.complete ? name.text : null,
      description: description ? staticText(description, this.resolver) : null,
      location: this.location(call),
      node: call,
      execute,
      toolErrors: [],
    };
    if (execute) {
      execute.forEachDescendant((node) => {
        if (Node.isNewExpression(node) && this.resolver.calleePath(node) === 'llm.ToolError')
          tool.toolErrors.push(this.location(node));
      });
      const list = this.toolsByExecute.get(execute) ?? [];
      list.push(tool);
      this.toolsByExecute.set(execute, list);
    }
    this.toolsByNode.set(call, tool);
    this.graph.tools.push(tool);
    return tool;
  }

  ownersOf(tool: ToolFact): AgentFact[] {
    return this.ownersOfTool.get(tool) ?? [];
  }

  // ---- agent references ----------------------------------------------------------------------------------

  /** The agents an expression evaluates to, through consts, factories (any file) and conditionals. */
  targetsOf(node: Node, depth = 0): { targets: AgentTarget[]; unresolved: boolean } {
    const targets: AgentTarget[] = [];
    let unresolved = false;
    const visit = (current: Node, level: number): void => {
      if (level > MAX_DEPTH) {
        unresolved = true;
        return;
      }
      const value = unwrap(current);
      if (Node.isConditionalExpression(value)) {
        visit(value.getWhenTrue(), level + 1);
        visit(value.getWhenFalse(), level + 1);
        return;
      }
      if (Node.isNewExpression(value) || Node.isCallExpression(value)) {
        const sdkAgent = this.agentsByNode.get(value);
        if (sdkAgent) {
          const status = this.optionsChatCtx(value.getArguments()[0]);
          targets.push({ agent: sdkAgent, chatCtx: status, dropAt: status === 'no' ? value : null });
          return;
        }
        const callee = value.getExpression();
        const classTarget = Node.isNewExpression(value)
          ? this.classOf(callee)
          : Node.isPropertyAccessExpression(callee) && callee.getName() === 'create'
            ? this.classOf(callee.getExpression())
            : null;
        const classAgent = classTarget ? this.agentsByNode.get(classTarget) : undefined;
        if (classAgent && classTarget) {
          const status = this.classChatCtx(classTarget, value.getArguments()[0]);
          targets.push({ agent: classAgent, chatCtx: status.status, dropAt: status.dropAt });
          return;
        }
        if (Node.isCallExpression(value)) {
          const fn = this.resolver.functionOf(callee);
          if (fn) {
            for (const returned of returnedExpressions(fn)) visit(returned, level + 1);
            return;
          }
        }
        unresolved = true;
        return;
      }
      if (Node.isIdentifier(value) || Node.isPropertyAccessExpression(value)) {
        const classNode = this.classOf(value);
        const classAgent = classNode ? this.agentsByNode.get(classNode) : undefined;
        if (classAgent && classNode) {
          targets.push({ agent: classAgent, chatCtx: 'unknown', dropAt: null });
          return;
        }
        const initializer = this.resolver.initializerOf(value);
        if (initializer) {
          visit(initializer, level + 1);
          return;
        }
      }
      unresolved = true;
    };
    visit(node, depth);
    return { targets, unresolved };
  }

  /** Whether options given to an SDK agent carry a `chatCtx`. */
  private optionsChatCtx(argument: Node | undefined): ChatCtxStatus {
    if (!argument) return 'no';
    const options = this.optionsOf(argument);
    if (!options) return 'unknown';
    if (propertyValue(options, 'chatCtx')) return 'yes';
    return hasSpread(options) ? 'unknown' : 'no';
  }

  /**
   * Whether constructing an Agent class with `argument` gives it a chat context: its constructor forwards one to
   * `super` (from its parameters or its own), or passes its options through to the SDK.
   */
  private classChatCtx(
    node: ClassDeclaration | ClassExpression,
    argument: Node | undefined,
    depth = 0,
  ): { status: ChatCtxStatus; dropAt: Node | null } {
    if (depth > MAX_DEPTH) return { status: 'unknown', dropAt: null };
    const constructor = node.getConstructors()[0];
    const parent = this.parentClass(node);
    if (!constructor) {
      return parent
        ? this.classChatCtx(parent, argument, depth + 1)
        : { status: this.optionsChatCtx(argument), dropAt: null };
    }
    const call = this.superCall(node);
    if (!call) return { status: 'unknown', dropAt: null };
    const superArgument = call.getArguments()[0];
    if (superArgument) {
      const value = unwrap(superArgument);
      // super(options): the caller's options go through unchanged.
      if (
        Node.isIdentifier(value) &&
        constructor.getParameters().some((parameter) => parameter.getName() === value.getText())
      ) {
        return parent
          ? this.classChatCtx(parent, argument, depth + 1)
          : { status: this.optionsChatCtx(argument), dropAt: null };
      }
    }
    const status = this.optionsChatCtx(superArgument);
    if (status === 'no') return { status, dropAt: call };
    if (status === 'yes' && parent) {
      const inherited = this.classChatCtx(parent, superArgument, depth + 1);
      if (inherited.status === 'no') return inherited;
    }
    return { status, dropAt: null };
  }

  agentOfClass(node: Node): AgentFact | null {
    const classNode = this.classOf(node);
    return classNode ? (this.agentsByNode.get(classNode) ?? null) : null;
  }

  // ---- entries and edges ---------------------------------------------------------------------------------

  private addEntry(call: CallExpression): void {
    const options = this.optionsOf(call.getArguments()[0]);
    const entryNode = options ? propertyValue(options, 'entry') : null;
    const prewarmNode = options ? propertyValue(options, 'prewarm') : null;
    const entry = entryNode ? this.resolver.functionOf(entryNode) : null;
    const prewarm = prewarmNode ? this.resolver.functionOf(prewarmNode) : null;
    const stem = call.getSourceFile().getBaseNameWithoutExtension();
    const scopes: FunctionLike[] = [];
    if (entry) {
      scopes.push(entry);
      entry.forEachDescendant((node) => {
        if (!Node.isCallExpression(node)) return;
        const fn = this.resolver.functionOf(node.getExpression());
        if (fn && !fn.getSourceFile().isInNodeModules() && !scopes.includes(fn)) scopes.push(fn);
      });
    }
    this.graph.entries.push({
      id: this.uniqueId(`entry_${stem}`),
      name: `defineAgent (${this.relativePath(call.getSourceFile())})`,
      location: this.location(call),
      node: call,
      entry,
      prewarm,
      scopes,
    });
  }

  /** The agent (or entry) whose code `node` runs in: a tool's owners, an Agent class, an SDK agent's hooks, an entry. */
  sourcesOf(node: Node): { ids: string[]; via: string | null } {
    const tools = this.enclosingTools(node);
    const owners = [...new Set(tools.flatMap((tool) => this.ownersOf(tool).map((agent) => agent.id)))];
    if (owners.length > 0) return { ids: owners, via: tools[0]!.name };
    for (let current = node.getParent(); current; current = current.getParent()) {
      const agent = this.agentsByNode.get(current);
      if (agent) return { ids: [agent.id], via: null };
    }
    const entry = this.entryOf(node);
    return { ids: entry ? [entry.id] : [], via: null };
  }

  /** Tools whose execute contains `node`: an inline `llm.tool({...})` around it, or a function some tool names. */
  private enclosingTools(node: Node): ToolFact[] {
    for (let current = node.getParent(); current; current = current.getParent()) {
      if (Node.isCallExpression(current) && this.resolver.calleePath(current) === 'llm.tool')
        return [this.toolFact(current)];
      if (isFunctionLike(current)) {
        const tools = this.toolsByExecute.get(current);
        if (tools) return tools;
      }
    }
    return [];
  }

  private entryOf(node: Node): EntryFact | null {
    return this.graph.entries.find((entry) => entry.scopes.some((scope) => isWithin(node, scope))) ?? null;
  }

  private addCallEdges(call: CallExpression): void {
    const path = this.resolver.calleePath(call);
    const callee = call.getExpression();
    const method = Node.isPropertyAccessExpression(callee) ? callee.getName() : null;
    if (path === 'llm.handoff') {
      const options = this.optionsOf(call.getArguments()[0]);
      const target = options ? propertyValue(options, 'agent') : null;
      this.addEdges(call, target, 'handoff');
    } else if (method === 'updateAgent' && call.getArguments().length === 1) {
      this.addEdges(call, call.getArguments()[0]!, 'update');
    } else if (method === 'start') {
      const options = this.optionsOf(call.getArguments()[0]);
      const target = options ? propertyValue(options, 'agent') : null;
      if (!target) return;
      const entry =
        this.entryOf(call) ??
        this.graph.entries.find((candidate) => candidate.node.getSourceFile() === call.getSourceFile()) ??
        this.graph.entries[0];
      const { targets } = this.targetsOf(target);
      for (const resolved of targets) this.pushEdge(entry ? entry.id : null, resolved, 'start', null, call);
    }
  }

  private addEdges(call: CallExpression, target: Node | null, kind: EdgeKind): void {
    const { ids, via } = this.sourcesOf(call);
    const { targets, unresolved } = target ? this.targetsOf(target) : { targets: [], unresolved: true };
    if (unresolved || targets.length === 0) {
      for (const from of ids.length > 0 ? ids : [null]) {
        this.graph.unresolved.push({
          from,
          location: this.location(call),
          text: (target ?? call).getText().slice(0, 80),
        });
      }
    }
    for (const resolved of targets) {
      for (const from of ids.length > 0 ? ids : [null]) this.pushEdge(from, resolved, kind, via, call);
    }
  }

  /** `new SomeTask(...)` (an AgentTask) run from an agent's code. */
  private addTaskEdge(node: NewExpression): void {
    const { targets } = this.targetsOf(node);
    const target = targets[0];
    if (!target || target.agent.base !== 'voice.AgentTask') return;
    const parent = node.getParent();
    // A task handed to llm.handoff / updateAgent / start is already an edge of that kind.
    if (parent && (Node.isPropertyAssignment(parent) || Node.isCallExpression(parent))) return;
    const { ids, via } = this.sourcesOf(node);
    for (const from of ids) if (from !== target.agent.id) this.pushEdge(from, target, 'task', via, node);
  }

  private pushEdge(from: string | null, target: AgentTarget, kind: EdgeKind, via: string | null, site: Node): void {
    if (from === null) return;
    const location = this.location(site);
    const duplicate = this.graph.edges.some(
      (edge) =>
        edge.from === from &&
        edge.to === target.agent.id &&
        edge.kind === kind &&
        edge.location.file === location.file &&
        edge.location.line === location.line,
    );
    if (duplicate) return;
    this.graph.edges.push({
      from,
      to: target.agent.id,
      kind,
      via,
      location,
      chatCtx: target.chatCtx,
      dropAt: target.dropAt ? this.location(target.dropAt) : null,
    });
  }
}
