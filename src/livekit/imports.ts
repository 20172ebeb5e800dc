/**
 * Which local names are LiveKit bindings, and what API each expression names.
 *
 * Every import style maps to one canonical path so that rules match one spelling:
 *   import { voice } from '@livekit/agents'         voice.Agent        → 'voice.Agent'
 *   import { Agent as A } from '@livekit/agents'    A                  → 'voice.Agent'
 *   import * as agents from '@livekit/agents'       agents.llm.tool    → 'llm.tool'
 *   const { llm } = require('@livekit/agents')      llm.tool           → 'llm.tool'
 *   import * as silero from '@livekit/agents-plugin-silero'  silero.VAD.load → 'silero:VAD.load'
 *   const { Agent } = voice                         Agent              → 'voice.Agent'
 * Type-only imports are not bindings. Resolution goes through the scope manager, so a local that shadows
 * an imported name is never mistaken for it.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { importedName, lookupName, memberName, skipTSWrappers } from '../analysis/ast.js';
import { rememberByName } from '../analysis/words.js';

export const CORE_MODULE = '@livekit/agents';
const PLUGIN_PREFIX = '@livekit/agents-plugin-';

/** Flat exports of `@livekit/agents` and the namespace that also exports them (the same objects at runtime). */
const FLAT_NAMES: Readonly<Record<string, string>> = {
  Agent: 'voice.Agent',
  AgentTask: 'voice.AgentTask',
  AgentSession: 'voice.AgentSession',
  AgentSessionEventTypes: 'voice.AgentSessionEventTypes',
  RunContext: 'voice.RunContext',
  SpeechHandle: 'voice.SpeechHandle',
  StopResponse: 'voice.StopResponse',
  testing: 'voice.testing',
  tool: 'llm.tool',
  handoff: 'llm.handoff',
  ToolError: 'llm.ToolError',
  ChatContext: 'llm.ChatContext',
  ChatMessage: 'llm.ChatMessage',
  FunctionCall: 'llm.FunctionCall',
  FunctionCallOutput: 'llm.FunctionCallOutput',
  LLM: 'llm.LLM',
  RealtimeModel: 'llm.RealtimeModel',
  Toolset: 'llm.Toolset',
  logMetrics: 'metrics.logMetrics',
  UsageCollector: 'metrics.UsageCollector',
  ModelUsageCollector: 'metrics.ModelUsageCollector',
};

/** Deprecated aliases: the same runtime objects under their current names. */
const ALIASES: Readonly<Record<string, string>> = {
  WorkerOptions: 'ServerOptions',
  Worker: 'AgentServer',
};

export interface LiveKitBinding {
  /** The module the name comes from, as written in the import. */
  source: string;
  /** 'core' for `@livekit/agents` and configured wrappers, else the plugin name (`silero`). */
  module: string;
  /** The path the local name stands for, before canonicalisation: '' for a namespace, 'voice', 'Agent', ... */
  rawPath: string;
  variable: TSESLint.Scope.Variable;
  /** The import specifier or declarator that creates the binding. */
  declaration: TSESTree.Node;
}

export interface ResolvedApi {
  /** Canonical path: 'voice.Agent', 'llm.tool', 'ServerOptions', 'silero:VAD.load'. */
  path: string;
  /** The path as written, before flat names and aliases were mapped: 'Agent', 'WorkerOptions'. */
  rawPath: string;
  binding: LiveKitBinding;
}

export function moduleKind(source: string, importSources: readonly string[]): string | null {
  if (source === CORE_MODULE || importSources.includes(source)) return 'core';
  if (source.startsWith(PLUGIN_PREFIX)) return source.slice(PLUGIN_PREFIX.length);
  return null;
}

function joinPath(module: string, rawPath: string, member: string): string {
  if (module !== 'core' && rawPath === '') return member;
  return rawPath === '' ? member : `${rawPath}.${member}`;
}

/** Maps a raw core path to its canonical spelling. */
export function canonicalPath(module: string, rawPath: string): string {
  if (module !== 'core') return `${module}:${rawPath}`;
  return canonicalCorePath(rawPath);
}

/** Remembered: every reference of every file asks, for a few distinct paths. */
const canonicalCorePath = rememberByName((rawPath) => computeCanonicalPath(rawPath), 4096);

function computeCanonicalPath(rawPath: string): string {
  const dot = rawPath.indexOf('.');
  const head = dot === -1 ? rawPath : rawPath.slice(0, dot);
  const rest = dot === -1 ? '' : rawPath.slice(dot);
  const mapped = FLAT_NAMES[head] ?? ALIASES[head] ?? head;
  return mapped + rest;
}

function requireSource(node: TSESTree.Node | null | undefined): string | null {
  if (!node) return null;
  const expression = skipTSWrappers(node);
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require' &&
    expression.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof expression.arguments[0].value === 'string'
  ) {
    return expression.arguments[0].value;
  }
  return null;
}

export class LiveKitImports {
  readonly bindings: LiveKitBinding[] = [];
  /** Each identifier that refers to a binding, mapped to it. */
  private readonly references = new Map<TSESTree.Identifier, LiveKitBinding>();
  /** Import declarations of the core module (or a wrapper), for fixes that add a specifier. */
  readonly coreImports: TSESTree.ImportDeclaration[] = [];
  private usageIndex: Map<string, TSESTree.Node[]> | null = null;

  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    importSources: readonly string[],
  ) {
    const scopeManager = sourceCode.scopeManager;
    if (!scopeManager) return;
    for (const statement of sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
        this.addImport(statement, importSources);
      } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of statement.declarations) {
          const source = requireSource(declarator.init);
          const module = source === null ? null : moduleKind(source, importSources);
          if (source !== null && module !== null) this.addPattern(declarator.id, declarator, source, module, '');
        }
      } else if (
        statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
        statement.importKind !== 'type' &&
        statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        statement.moduleReference.expression.type === AST_NODE_TYPES.Literal
      ) {
        const source = String(statement.moduleReference.expression.value);
        const module = moduleKind(source, importSources);
        if (module) this.addVariables(statement, source, module, '');
      }
    }
    this.followLocalAliases();
  }

  get isEmpty(): boolean {
    return this.bindings.length === 0;
  }

  private addImport(declaration: TSESTree.ImportDeclaration, importSources: readonly string[]): void {
    if (declaration.importKind === 'type') return;
    const source = declaration.source.value;
    const module = moduleKind(source, importSources);
    if (!module) return;
    if (module === 'core') this.coreImports.push(declaration);
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
        this.addVariables(specifier, source, module, '');
      } else if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        if (specifier.importKind === 'type') continue;
        this.addVariables(specifier, source, module, importedName(specifier));
      } else if (module !== 'core') {
        // Plugins are CommonJS-compatible: a default import is the namespace.
        this.addVariables(specifier, source, module, '');
      }
    }
  }

  private addVariables(node: TSESTree.Node, source: string, module: string, rawPath: string): void {
    for (const variable of this.sourceCode.scopeManager!.getDeclaredVariables(node)) {
      const binding: LiveKitBinding = { source, module, rawPath, variable, declaration: node };
      this.bindings.push(binding);
      for (const reference of variable.references) {
        if (reference.identifier.type === AST_NODE_TYPES.Identifier) this.references.set(reference.identifier, binding);
      }
    }
  }

  /** `const x = require(...)`, `const { voice, llm: l } = require(...)`, one level of nesting. */
  private addPattern(
    pattern: TSESTree.Node,
    declarator: TSESTree.VariableDeclarator,
    source: string,
    module: string,
    rawPath: string,
  ): void {
    if (pattern.type === AST_NODE_TYPES.Identifier) {
      for (const variable of this.sourceCode.scopeManager!.getDeclaredVariables(declarator)) {
        if (variable.name === pattern.name) {
          const binding: LiveKitBinding = { source, module, rawPath, variable, declaration: declarator };
          this.bindings.push(binding);
          for (const reference of variable.references) {
            if (reference.identifier.type === AST_NODE_TYPES.Identifier)
              this.references.set(reference.identifier, binding);
          }
        }
      }
    } else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key =
          !property.computed && property.key.type === AST_NODE_TYPES.Identifier
            ? property.key.name
            : property.key.type === AST_NODE_TYPES.Literal
              ? String(property.key.value)
              : null;
        if (key === null) continue;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        this.addPattern(value, declarator, source, module, joinPath(module, rawPath, key));
      }
    }
  }

  /** `const { Agent } = voice;`, `const tool = llm.tool;`: local names for a LiveKit API, one level deep. */
  private followLocalAliases(): void {
    // A Map iterates the entries added while it runs, so the references of new aliases are followed in turn.
    for (const identifier of this.references.keys()) {
      let chain: TSESTree.Node = identifier;
      while (chain.parent?.type === AST_NODE_TYPES.MemberExpression && chain.parent.object === chain)
        chain = chain.parent;
      const declarator = chain.parent;
      if (
        declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
        declarator.init !== chain ||
        declarator.parent.kind !== 'const'
      ) {
        continue;
      }
      const resolved = this.resolve(chain);
      if (resolved)
        this.addPattern(declarator.id, declarator, resolved.binding.source, resolved.binding.module, resolved.rawPath);
    }
  }

  /** The LiveKit API an expression names (`voice.Agent`, `A`, `agents.llm.tool`), or null. */
  resolve(node: TSESTree.Node): ResolvedApi | null {
    const expression = skipTSWrappers(node);
    const type = expression.type;
    if (type === AST_NODE_TYPES.Identifier) {
      const binding = this.references.get(expression);
      if (!binding) return null;
      return { path: canonicalPath(binding.module, binding.rawPath), rawPath: binding.rawPath, binding };
    }
    if (type !== AST_NODE_TYPES.MemberExpression) return null;
    // The object first: most member chains are not LiveKit's, and that answer needs no property name.
    const object = this.resolve(expression.object);
    if (!object) return null;
    const name = memberName(expression);
    if (name === null) return null;
    const rawPath = joinPath(object.binding.module, object.rawPath, name);
    return { path: canonicalPath(object.binding.module, rawPath), rawPath, binding: object.binding };
  }

  /** True when `node` names exactly the API `path` (canonical). */
  is(node: TSESTree.Node, path: string): boolean {
    return this.resolve(node)?.path === path;
  }

  /**
   * Every place the file names an API, keyed by canonical path: for each reference, the longest member chain
   * (`voice.Agent.create` is recorded as 'voice.Agent.create', and its prefix 'voice.Agent' is not).
   */
  usages(path: string): readonly TSESTree.Node[] {
    if (!this.usageIndex) {
      this.usageIndex = new Map();
      for (const [identifier, binding] of this.references) {
        // Up the member chain, building what `resolve(chain).path` gives without a result object per level.
        let chain: TSESTree.Node = identifier;
        let rawPath = binding.rawPath;
        let parent = chain.parent;
        while (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === chain) {
          const name = memberName(parent);
          if (name === null) break;
          rawPath = joinPath(binding.module, rawPath, name);
          chain = parent;
          parent = chain.parent;
        }
        // A chain that ends inside a declarator alias (`const { Agent } = voice`) is not a usage.
        if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === chain) continue;
        const path = canonicalPath(binding.module, rawPath);
        const list = this.usageIndex.get(path);
        if (list) list.push(chain);
        else this.usageIndex.set(path, [chain]);
      }
    }
    return this.usageIndex.get(path) ?? [];
  }

  /** Calls (`f(...)`) whose callee is the API `path`. */
  calls(path: string): TSESTree.CallExpression[] {
    const result: TSESTree.CallExpression[] = [];
    for (const node of this.usages(path)) {
      if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) result.push(node.parent);
    }
    return result;
  }

  /** `new X(...)` expressions whose callee is the API `path`. */
  news(path: string): TSESTree.NewExpression[] {
    const result: TSESTree.NewExpression[] = [];
    for (const node of this.usages(path)) {
      if (node.parent?.type === AST_NODE_TYPES.NewExpression && node.parent.callee === node) result.push(node.parent);
    }
    return result;
  }

  /** The local name through which the file can reach `path` (e.g. 'llm.handoff' or 'handoff'), if any. */
  localNameFor(path: string, at?: TSESTree.Node): string | null {
    const [head, ...rest] = path.split('.');
    for (const binding of this.bindings) {
      if (binding.module !== 'core') continue;
      const bound = canonicalPath('core', binding.rawPath);
      if (at && !this.isVisibleAt(binding, at)) continue;
      if (bound === path) return binding.variable.name;
      if (binding.rawPath === '') return `${binding.variable.name}.${path}`;
      if (bound === head) return [binding.variable.name, ...rest].join('.');
    }
    return null;
  }

  private isVisibleAt(binding: LiveKitBinding, at: TSESTree.Node): boolean {
    return lookupName(this.sourceCode, at, binding.variable.name) === binding.variable;
  }
}
