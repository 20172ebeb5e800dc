/**
 * Logger sinks: calls whose arguments end up in log output (docs/concepts.md#logger-sink).
 *
 *   console       console.log/info/warn/error/debug/trace/dir/table(...)       (the global `console`, not a local)
 *   livekit       a pino method (below) on a value from LiveKit's `log()`: `log().info(...)`, `const l = log();
 *                 l.warn(...)`, `log().child({...}).error(...)`, a class field `#x = log()` read as `this.x`
 *   named         a receiver named `logger`/`log` (or ending in `Logger`: `auditLogger`, `this.logger`,
 *                 `ctx.log`) with a pino-style method: trace, debug, info, warn, error, fatal
 *   stdout        process.stdout.write(...), process.stderr.write(...)          (the global `process`)
 *   settings      a name from `settings['livekit-agents'].loggers` or a rule's `loggers` option: a callee text
 *                 (`audit.record`, `track`) or a receiver whose every method is a sink (`telemetry`)
 *
 * `child(...)` and `setBindings(...)` on a LiveKit or named logger are sinks too, marked `bindings: true`: what
 * they receive is written with every later line. Works in any file: without a LiveKit import there are simply no
 * `livekit` sinks (LiveKit's `log` is resolved through the file's imports, never by its bare name).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, isModuleScope, memberName, memberPath, propertyName, skipTSWrappers } from '../analysis/ast.js';
import { isGlobalRoot } from '../analysis/node-modules.js';
import { rememberByName, splitWords } from '../analysis/words.js';
import type { LiveKitModel } from './program.js';
import { getSettings } from './settings.js';
import { MemoKey, fileMemo } from '../analysis/file-memo.js';

export type LoggerSinkKind = 'console' | 'livekit' | 'named' | 'stdout' | 'settings';

export interface LoggerSink {
  kind: LoggerSinkKind;
  call: TSESTree.CallExpression;
  /** The method called (`info`, `log`, `write`, `child`); for a configured function called directly, its name. */
  method: string;
  /** What the method is called on (`console`, `logger`, `log()`, `this.logger`); null for a function called directly. */
  receiver: TSESTree.Expression | null;
  /** The callee as written, shortened for messages: `console.log`, `logger.info`, `log().info`. */
  text: string;
  /** True for `child(...)` / `setBindings(...)`: the arguments are attached to every later line of that logger. */
  bindings: boolean;
}

export interface LoggerSinkOptions {
  /** More logger names, added to `settings['livekit-agents'].loggers` (a rule's own `loggers` option). */
  loggers?: readonly string[];
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export const CONSOLE_METHODS: ReadonlySet<string> = new Set([
  'log',
  'info',
  'warn',
  'error',
  'debug',
  'trace',
  'dir',
  'table',
]);
export const PINO_METHODS: ReadonlySet<string> = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
const BINDING_METHODS = new Set(['child', 'setBindings']);
const NAMED_RECEIVERS = new Set(['log', '_log', 'logger', '_logger']);
/**
 * What each method name can be, in one lookup: a console method, a pino method (the methods of LiveKit's logger and
 * of a named one that write: its levels, and `child`/`setBindings`), a binding method.
 */
const CONSOLE_FLAG = 1;
const PINO_FLAG = 2;
const BINDING_FLAG = 4;
const METHOD_FLAGS = new Map<string, number>();
for (const [names, flag] of [
  [CONSOLE_METHODS, CONSOLE_FLAG],
  [PINO_METHODS, PINO_FLAG],
  [BINDING_METHODS, PINO_FLAG | BINDING_FLAG],
] as const) {
  for (const name of names) METHOD_FLAGS.set(name, (METHOD_FLAGS.get(name) ?? 0) | flag);
}
const MAX_TEXT = 40;
const MAX_DEPTH = 4;

/** What the file says about LiveKit loggers, worked out once per file and shared by every rule. */
interface LoggerFacts {
  model: LiveKitModel;
  /** Local names bound to LiveKit's `log` itself (`log`, `lkLog`). */
  logNames: ReadonlySet<string>;
  /** True when a LiveKit namespace is bound (`agents.log()`). */
  hasNamespace: boolean;
  /** Which variables hold a LiveKit logger (memo; `false` also while being computed, against cycles). */
  variables: Map<TSESLint.Scope.Variable, boolean>;
  /** Instance fields by name, per class body (the first field of each name, as `classField` reads them). */
  classFields: Map<TSESTree.ClassBody, Map<string, TSESTree.PropertyDefinition>>;
}

/** The file's logger facts, or null when it binds no LiveKit `log` (then nothing in it is a LiveKit logger). */
const LOGGER_FACTS = new MemoKey<LoggerFacts | null>('logger facts');

function getLoggerFacts(model: LiveKitModel | null): LoggerFacts | null {
  return model ? model.memo.get(LOGGER_FACTS, () => readLoggerFacts(model)) : null;
}

function readLoggerFacts(model: LiveKitModel): LoggerFacts | null {
  const logNames = new Set<string>();
  let hasNamespace = false;
  for (const binding of model.imports.bindings) {
    if (binding.module !== 'core') continue;
    if (binding.rawPath === 'log') logNames.add(binding.variable.name);
    else if (binding.rawPath === '') hasNamespace = true;
  }
  if (logNames.size === 0 && !hasNamespace) return null;
  return { model, logNames, hasNamespace, variables: new Map(), classFields: new Map() };
}

/** Where LiveKit's logger is set up at module scope (the first `initializeLogger(...)` there). */
const LOGGER_SET_UP = new MemoKey<number>('logger set-up position');

/**
 * True when `node` runs while the module is imported (module scope) and before any module-scope
 * `initializeLogger(...)` of this file: there LiveKit's `log()` throws, so it is neither usable nor to be suggested.
 * Test files set the logger up themselves; what follows their `initializeLogger(...)` is fine.
 */
export function runsBeforeLoggerSetUp(model: LiveKitModel, node: TSESTree.Node): boolean {
  if (!isModuleScope(node)) return false;
  const setUpAt = model.memo.get(LOGGER_SET_UP, () =>
    model.imports
      .calls('initializeLogger')
      .filter(isModuleScope)
      .reduce((earliest, call) => Math.min(earliest, call.range[0]), Number.POSITIVE_INFINITY),
  );
  return node.range[0] < setUpAt;
}

/** What a sink lookup needs to know about the file, computed once per file (or per matcher). */
interface SinkLookup {
  context: Context;
  /** The file's LiveKit model (null without LiveKit code): LiveKit's `log` is resolved through its imports. */
  model: LiveKitModel | null;
  /** Configured sink names (settings and the rule's option); null when there are none. */
  configured: ReadonlySet<string> | null;
  /** The file's logger facts; null when it binds no LiveKit `log` (no `livekit` sink is possible); computed on first need. */
  facts: LoggerFacts | null | undefined;
  /**
   * The last call looked up and its answer. ESLint hands a node to every rule's listener in turn, so the rules that
   * share this lookup (both logging rules) ask about the same call one after the other: the second gets the answer.
   */
  lastCall: TSESTree.CallExpression | null;
  lastSink: LoggerSink | null;
}

const NO_NAMES: readonly string[] = [];

/** The lookup for `loggerSinkOf` calls without a `loggers` option. */
const SHARED_LOOKUP = new MemoKey<SinkLookup>('logger sink lookup');

function createLookup(context: Context, model: LiveKitModel | null, extra: readonly string[]): SinkLookup {
  const fromSettings = getSettings(context).loggers;
  const configured = fromSettings.length > 0 || extra.length > 0 ? new Set([...fromSettings, ...extra]) : null;
  return { context, model, configured, facts: undefined, lastCall: null, lastSink: null };
}

/** The file's lookup for sinks without a `loggers` option, shared by every rule that asks. */
function sharedLookup(context: Context, model: LiveKitModel | null): SinkLookup {
  return fileMemo(context.sourceCode).get(SHARED_LOOKUP, () => createLookup(context, model, NO_NAMES));
}

function cachedSink(call: TSESTree.CallExpression, lookup: SinkLookup): LoggerSink | null {
  if (lookup.lastCall !== call) {
    lookup.lastSink = findSink(call, lookup);
    lookup.lastCall = call;
  }
  return lookup.lastSink;
}

/**
 * The logger sink `call` writes to, or null when it is not a logging call. `model` is the file's LiveKit model
 * (`getLiveKitModel(context)`, null without LiveKit code); `options.loggers` adds names to those of the settings.
 */
export function loggerSinkOf(
  call: TSESTree.CallExpression,
  context: Context,
  model: LiveKitModel | null,
  options?: LoggerSinkOptions,
): LoggerSink | null {
  const extra = options?.loggers ?? NO_NAMES;
  if (extra.length > 0) return findSink(call, createLookup(context, model, extra));
  return cachedSink(call, sharedLookup(context, model));
}

/**
 * `loggerSinkOf` for one file and one set of options, for a rule that asks about every call: what depends only on
 * the file and the options is worked out once.
 */
export function loggerSinkMatcher(
  context: Context,
  model: LiveKitModel | null,
  options: LoggerSinkOptions = {},
): (call: TSESTree.CallExpression) => LoggerSink | null {
  const extra = options.loggers ?? NO_NAMES;
  if (extra.length > 0) {
    const lookup = createLookup(context, model, extra);
    return (call) => findSink(call, lookup);
  }
  const lookup = sharedLookup(context, model);
  return (call) => cachedSink(call, lookup);
}

/** The file's logger facts, when it binds LiveKit's `log` (by name or through the namespace). */
function factsOf(lookup: SinkLookup): LoggerFacts | null {
  if (lookup.facts === undefined) lookup.facts = getLoggerFacts(lookup.model);
  return lookup.facts;
}

function findSink(call: TSESTree.CallExpression, lookup: SinkLookup): LoggerSink | null {
  const callee = skipTSWrappers(call.callee);
  const configured = lookup.configured;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return configured !== null && configured.has(callee.name)
      ? new Sink('settings', call, callee.name, null, false, null, callee.name)
      : null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null) return null;
  const flags = METHOD_FLAGS.get(method) ?? 0;
  const consoleMethod = (flags & CONSOLE_FLAG) !== 0;
  const pinoMethod = (flags & PINO_FLAG) !== 0;
  const bindings = (flags & BINDING_FLAG) !== 0;
  // No kind of sink has this method: most calls stop here, before any scope lookup.
  if (!consoleMethod && !pinoMethod && method !== 'write' && configured === null) return null;
  const context = lookup.context;
  const sourceCode = context.sourceCode;
  const receiver = skipTSWrappers(callee.object) as TSESTree.Expression;

  if (
    consoleMethod &&
    receiver.type === AST_NODE_TYPES.Identifier &&
    receiver.name === 'console' &&
    isGlobalRoot(sourceCode, receiver)
  ) {
    return new Sink('console', call, method, receiver, false, sourceCode, callee);
  }
  if (method === 'write' && isProcessStream(receiver) && isGlobalRoot(sourceCode, receiver)) {
    return new Sink('stdout', call, method, receiver, false, sourceCode, callee);
  }
  const facts = pinoMethod ? factsOf(lookup) : null;
  if (facts !== null && isLiveKitLogger(receiver, facts, 0)) {
    return new Sink('livekit', call, method, receiver, bindings, sourceCode, callee);
  }
  if (pinoMethod) {
    const last = lastPathName(receiver);
    if (last !== null && isLoggerName(last)) {
      return new Sink('named', call, method, receiver, bindings, sourceCode, callee);
    }
  }
  if (configured !== null) {
    const receiverPath = memberPath(receiver);
    const receiverText = receiverPath?.join('.') ?? null;
    if (receiverText !== null && (configured.has(`${receiverText}.${method}`) || configured.has(receiverText))) {
      return new Sink('settings', call, method, receiver, false, sourceCode, callee);
    }
  }
  return null;
}

/** `process.stdout` / `process.stderr` (as `memberPath` reads them). */
function isProcessStream(receiver: TSESTree.Node): boolean {
  if (receiver.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(receiver);
  if (name !== 'stdout' && name !== 'stderr') return false;
  const object = skipTSWrappers(receiver.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'process';
}

/** The last name of `memberPath(node)` (`logger` in `this.logger`), without building the path; null when it has none. */
function lastPathName(node: TSESTree.Node): string | null {
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = memberName(expression);
  if (name === null) return null;
  let current = skipTSWrappers(expression.object);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (memberName(current) === null) return null;
    current = skipTSWrappers(current.object);
  }
  return current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression ? name : null;
}

/** A sink found; its `text` is worked out when read (most sinks are checked and never reported). */
class Sink implements LoggerSink {
  #text: string | null;

  constructor(
    readonly kind: LoggerSinkKind,
    readonly call: TSESTree.CallExpression,
    readonly method: string,
    readonly receiver: TSESTree.Expression | null,
    readonly bindings: boolean,
    private readonly sourceCode: TSESLint.SourceCode | null,
    /** The member callee to shorten into `text`, or the text itself for a function called by name. */
    private readonly callee: TSESTree.MemberExpression | string,
  ) {
    this.#text = typeof callee === 'string' ? callee : null;
  }

  get text(): string {
    return (this.#text ??= shorten(this.sourceCode!, this.callee as TSESTree.MemberExpression, this.method));
  }
}

/** `logger`, `log`, `_logger`, `auditLogger`, `LOGGER`; remembered by name (the same few names recur in every file). */
const isLoggerName = rememberByName((name) => NAMED_RECEIVERS.has(name) || lastWordIsLogger(name), 10_000);

function lastWordIsLogger(name: string): boolean {
  // The word `logger` is a piece of the lower-cased name; most names are rejected here without splitting.
  if (!name.toLowerCase().includes('logger')) return false;
  const words = splitWords(name);
  return words.length > 0 && words[words.length - 1] === 'logger';
}

function shorten(sourceCode: TSESLint.SourceCode, callee: TSESTree.MemberExpression, method: string): string {
  const path = memberPath(callee);
  if (path) return path.join('.');
  const text = sourceCode.getText(callee).replace(/\s+/gu, ' ');
  return text.length <= MAX_TEXT ? text : `….${method}`;
}

/** True when `node` evaluates to a logger from LiveKit's `log()` (directly, via `.child()`, a variable or a field). */
function isLiveKitLogger(node: TSESTree.Node, facts: LoggerFacts, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTSWrappers(expression.callee);
    if (callee.type === AST_NODE_TYPES.Identifier)
      return facts.logNames.has(callee.name) && facts.model.imports.is(callee, 'log');
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = memberName(callee);
    // `agents.log()`: the namespace's `log`; `x.child()`: a child of a logger.
    if (name === 'log') return facts.hasNamespace && facts.model.imports.is(callee, 'log');
    return name === 'child' && isLiveKitLogger(callee.object, facts, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    // Looked up per read (memoised per variable): a logging call's receiver is rarely a name the file declares
    // from `log()`, and a pass over every declaration of the file cost more than the lookups it saved.
    const variable = findVariable(facts.model.sourceCode, expression);
    if (!variable) return false;
    const cache = facts.variables;
    const cached = cache.get(variable);
    if (cached !== undefined) return cached;
    cache.set(variable, false); // guards against cycles while computing
    const result = variableHoldsLogger(variable, facts, depth);
    cache.set(variable, result);
    return result;
  }
  if (
    expression.type === AST_NODE_TYPES.MemberExpression &&
    skipTSWrappers(expression.object).type === AST_NODE_TYPES.ThisExpression
  ) {
    const field = classField(expression, facts);
    return field?.value ? isLiveKitLogger(field.value, facts, depth + 1) : false;
  }
  return false;
}

/** A variable whose every assigned value is a LiveKit logger (`const logger = log()`). */
function variableHoldsLogger(variable: TSESLint.Scope.Variable, facts: LoggerFacts, depth: number): boolean {
  if (variable.defs.length !== 1) return false;
  const definition = variable.defs[0]!;
  if (
    definition.type !== 'Variable' ||
    definition.node.id.type !== AST_NODE_TYPES.Identifier ||
    !definition.node.init
  ) {
    return false;
  }
  if (!isLiveKitLogger(definition.node.init, facts, depth + 1)) return false;
  return variable.references.every((reference) => {
    if (!reference.isWrite() || reference.identifier === definition.name) return true;
    const assignment = reference.identifier.parent;
    return (
      assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.operator === '=' &&
      isLiveKitLogger(assignment.right, facts, depth + 1)
    );
  });
}

/** The property definition a `this.x` / `this.#x` read refers to, in the enclosing class. */
function classField(member: TSESTree.MemberExpression, facts: LoggerFacts): TSESTree.PropertyDefinition | null {
  const name =
    member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : memberName(member);
  if (name === null) return null;
  let current: TSESTree.Node | undefined = member.parent;
  while (current && current.type !== AST_NODE_TYPES.ClassBody) {
    // `this` in a nested non-arrow function is not the instance.
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) {
      if (current.parent?.type !== AST_NODE_TYPES.MethodDefinition) return null;
    }
    current = current.parent;
  }
  if (!current) return null;
  let fields = facts.classFields.get(current);
  if (!fields) {
    fields = new Map();
    for (const element of current.body) {
      if (element.type !== AST_NODE_TYPES.PropertyDefinition || element.static) continue;
      const fieldName =
        element.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${element.key.name}` : propertyName(element);
      if (fieldName !== null && !fields.has(fieldName)) fields.set(fieldName, element);
    }
    facts.classFields.set(current, fields);
  }
  return fields.get(name) ?? null;
}
