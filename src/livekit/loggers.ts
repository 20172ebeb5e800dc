/**
 * Logger sinks: calls whose arguments end up in log output (RULES.md, shared vocabulary).
 *
 *   console       console.log/info/warn/error/debug/trace/dir/table(...)       (the global `console`, not a local)
 *   livekit       any logging method on a value from LiveKit's `log()`: `log().info(...)`, `const l = log();
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
import { splitWords } from '../analysis/words.js';
import { type LiveKitModel, getLiveKitModel } from './program.js';
import { getSettings } from './settings.js';

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

export const CONSOLE_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']);
export const PINO_METHODS: ReadonlySet<string> = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
const BINDING_METHODS = new Set(['child', 'setBindings']);
/** Methods of a pino logger that write nothing. */
const QUIET_METHODS = new Set(['isLevelEnabled', 'flush', 'bindings', 'on', 'once', 'off', 'emit', 'addListener', 'removeListener', 'removeAllListeners', 'listeners']);
const NAMED_RECEIVERS = new Set(['log', '_log', 'logger', '_logger']);
const MAX_TEXT = 40;
const MAX_DEPTH = 4;

/** Per-file memo of which variables hold a LiveKit logger. */
const fileCaches = new WeakMap<TSESLint.SourceCode, Map<TSESLint.Scope.Variable, boolean>>();

/** Per-model memo: where LiveKit's logger is set up at module scope (the first `initializeLogger(...)` there). */
const loggerSetUpCache = new WeakMap<LiveKitModel, number>();

/**
 * True when `node` runs while the module is imported (module scope) and before any module-scope
 * `initializeLogger(...)` of this file: there LiveKit's `log()` throws, so it is neither usable nor to be suggested.
 * Test files set the logger up themselves; what follows their `initializeLogger(...)` is fine.
 */
export function runsBeforeLoggerSetUp(model: LiveKitModel, node: TSESTree.Node): boolean {
  if (!isModuleScope(node)) return false;
  let setUpAt = loggerSetUpCache.get(model);
  if (setUpAt === undefined) {
    setUpAt = model.imports
      .calls('initializeLogger')
      .filter(isModuleScope)
      .reduce((earliest, call) => Math.min(earliest, call.range[0]), Number.POSITIVE_INFINITY);
    loggerSetUpCache.set(model, setUpAt);
  }
  return node.range[0] < setUpAt;
}

/**
 * The logger sink `call` writes to, or null when it is not a logging call. `options.loggers` adds names to those
 * of the shared settings.
 */
export function loggerSinkOf(call: TSESTree.CallExpression, context: Context, options: LoggerSinkOptions = {}): LoggerSink | null {
  const sourceCode = context.sourceCode;
  const callee = skipTSWrappers(call.callee);
  const isConfigured = (name: string): boolean =>
    getSettings(context).loggers.includes(name) || (options.loggers ?? []).includes(name);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return isConfigured(callee.name) ? sink('settings', call, callee.name, null, callee.name, false) : null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null) return null;
  const receiver = skipTSWrappers(callee.object) as TSESTree.Expression;
  const receiverPath = memberPath(receiver);
  const receiverText = receiverPath?.join('.') ?? null;
  const text = shorten(sourceCode, callee, method);

  if (receiverText === 'console' && CONSOLE_METHODS.has(method) && isGlobalRoot(sourceCode, receiver)) {
    return sink('console', call, method, receiver, text, false);
  }
  if ((receiverText === 'process.stdout' || receiverText === 'process.stderr') && method === 'write' && isGlobalRoot(sourceCode, receiver)) {
    return sink('stdout', call, method, receiver, text, false);
  }
  if (!QUIET_METHODS.has(method) && isLiveKitLogger(receiver, context, 0)) {
    return sink('livekit', call, method, receiver, text, BINDING_METHODS.has(method));
  }
  if ((PINO_METHODS.has(method) || BINDING_METHODS.has(method)) && receiverPath && isLoggerName(receiverPath[receiverPath.length - 1]!)) {
    return sink('named', call, method, receiver, text, BINDING_METHODS.has(method));
  }
  const calleeText = receiverText === null ? null : `${receiverText}.${method}`;
  if ((calleeText !== null && isConfigured(calleeText)) || (receiverText !== null && isConfigured(receiverText))) {
    return sink('settings', call, method, receiver, text, false);
  }
  return null;
}

function sink(
  kind: LoggerSinkKind,
  call: TSESTree.CallExpression,
  method: string,
  receiver: TSESTree.Expression | null,
  text: string,
  bindings: boolean,
): LoggerSink {
  return { kind, call, method, receiver, text, bindings };
}

/** `logger`, `log`, `_logger`, `auditLogger`, `LOGGER`. */
function isLoggerName(name: string): boolean {
  if (NAMED_RECEIVERS.has(name)) return true;
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
function isLiveKitLogger(node: TSESTree.Node, context: Context, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const model = getLiveKitModel(context);
  if (!model) return false;
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTSWrappers(expression.callee);
    if (model.imports.is(callee, 'log')) return true;
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(callee) === 'child' &&
      isLiveKitLogger(callee.object, context, depth + 1)
    );
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context.sourceCode, expression);
    if (!variable) return false;
    let cache = fileCaches.get(context.sourceCode);
    if (!cache) fileCaches.set(context.sourceCode, (cache = new Map()));
    const cached = cache.get(variable);
    if (cached !== undefined) return cached;
    cache.set(variable, false); // guards against cycles while computing
    const result = variableHoldsLogger(variable, context, depth);
    cache.set(variable, result);
    return result;
  }
  if (
    expression.type === AST_NODE_TYPES.MemberExpression &&
    skipTSWrappers(expression.object).type === AST_NODE_TYPES.ThisExpression
  ) {
    const field = classField(expression);
    return field?.value ? isLiveKitLogger(field.value, context, depth + 1) : false;
  }
  return false;
}

/** A variable whose every assigned value is a LiveKit logger (`const logger = log()`). */
function variableHoldsLogger(variable: TSESLint.Scope.Variable, context: Context, depth: number): boolean {
  if (variable.defs.length !== 1) return false;
  const definition = variable.defs[0]!;
  if (definition.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) {
    return false;
  }
  if (!isLiveKitLogger(definition.node.init, context, depth + 1)) return false;
  return variable.references.every((reference) => {
    if (!reference.isWrite() || reference.identifier === definition.name) return true;
    const assignment = reference.identifier.parent;
    return (
      assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.operator === '=' &&
      isLiveKitLogger(assignment.right, context, depth + 1)
    );
  });
}

/** The property definition a `this.x` / `this.#x` read refers to, in the enclosing class. */
function classField(member: TSESTree.MemberExpression): TSESTree.PropertyDefinition | null {
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
  for (const element of current.body) {
    if (element.type !== AST_NODE_TYPES.PropertyDefinition || element.static) continue;
    const fieldName = element.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${element.key.name}` : propertyName(element);
    if (fieldName === name) return element;
  }
  return null;
}
