/**
 * Synchronous sleeps: code that stops the whole Node process for a while.
 *
 *   Atomics.wait(buffer, index, value, ms)                                the global Atomics
 *   execSync('sleep 1'), spawnSync('sleep', ['1']), execFileSync('sleep', ['1'])   from child_process
 *   sleep.sleep(s) / sleep.msleep(ms) / sleep.usleep(us)                   package `sleep`
 *   sleepSync(ms), systemSleep(ms), atomicSleep(ms)                        `sleep-sync`, `system-sleep`, `atomic-sleep`
 *   deasync.sleep(ms), deasync.loopWhile(fn)                               package `deasync`
 *   while (Date.now() < end) {}                                            a busy-wait on a clock
 *
 * Modules are resolved under every import style (see node-modules.ts); a local that shadows a name is never
 * taken for it. A busy-wait is a loop whose test reads a clock (`Date.now()`, `performance.now()`,
 * `new Date().getTime()`, `process.hrtime()`) and whose body does nothing but wait: no `await`, no `yield`, no
 * call other than a clock read (a loop that does work within a time budget is not a sleep). `while (true)` /
 * `for (;;)` whose body is only `if (<clock test>) break;` is one too. No LiveKit knowledge lives here.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeText, memberName, memberPath, skipTSWrappers, walkOwnBody } from './ast.js';
import { isGlobalRoot, mayLoadModule, resolveModuleMember } from './node-modules.js';
import { staticText } from './strings.js';

export type SyncSleepKind = 'atomics-wait' | 'child-process-sleep' | 'sleep-package' | 'busy-wait';

export interface SyncSleep {
  kind: SyncSleepKind;
  /** The call or the loop. */
  node: TSESTree.Node;
  /** What sleeps, for messages: `Atomics.wait`, `execSync('sleep …')`, `sleep.msleep`, `a busy-wait loop`. */
  text: string;
  /** The delay in milliseconds as source text (`1000`, `ms`, `seconds * 1000`), when it can be read. */
  delay: string | null;
}

type Unit = 's' | 'ms' | 'us' | null;

/** Package → export path ('' for the module itself) → the unit of its first argument (null: no delay argument). */
const SLEEP_PACKAGES: Readonly<Record<string, Readonly<Record<string, Unit>>>> = {
  sleep: { sleep: 's', msleep: 'ms', usleep: 'us' },
  'sleep-sync': { '': 'ms' },
  'system-sleep': { '': 'ms' },
  'atomic-sleep': { '': 'ms' },
  deasync: { sleep: 'ms', loopWhile: null },
};

const CHILD_PROCESS_SYNC = new Set(['execSync', 'spawnSync', 'execFileSync']);
/** The last name of every export path above (a member callee must end with one to be a sleep). */
const SLEEP_EXPORT_NAMES: ReadonlySet<string> = new Set([
  ...CHILD_PROCESS_SYNC,
  ...Object.values(SLEEP_PACKAGES).flatMap((units) => Object.keys(units).filter((name) => name !== '')),
]);
const SLEEP_COMMANDS = new Set(['sleep', '/bin/sleep', '/usr/bin/sleep']);
/** Every module a sleep above comes from. */
const SLEEP_MODULES: ReadonlySet<string> = new Set(['child_process', ...Object.keys(SLEEP_PACKAGES)]);

/** A sync sleep performed by `call`, or null. `extraFunctions` are more callee texts to treat as sleeps. */
export function syncSleepCall(
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.CallExpression,
  extraFunctions: readonly string[] = [],
): SyncSleep | null {
  const callee = skipTSWrappers(call.callee);
  let method: string | null = null;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    method = memberName(callee);
    if (method === null) return null; // no static path, no module export
    if (method === 'wait') {
      const object = skipTSWrappers(callee.object);
      if (
        object.type === AST_NODE_TYPES.Identifier &&
        object.name === 'Atomics' &&
        isGlobalRoot(sourceCode, call.callee)
      ) {
        const timeout = call.arguments[3];
        const delay =
          timeout && timeout.type !== AST_NODE_TYPES.SpreadElement && !isInfinity(timeout)
            ? sourceCode.getText(timeout)
            : null;
        return { kind: 'atomics-wait', node: call, text: 'Atomics.wait', delay };
      }
    }
  }
  // A member callee names the export last (`sleep.msleep`): only a known name can be a sleep.
  if ((method === null || SLEEP_EXPORT_NAMES.has(method)) && mayLoadModule(sourceCode, SLEEP_MODULES)) {
    const member = resolveModuleMember(sourceCode, call.callee);
    if (member) {
      const exportName = member.path.join('.');
      if (member.module === 'child_process' && CHILD_PROCESS_SYNC.has(exportName))
        return childProcessSleep(sourceCode, call, exportName);
      const units = SLEEP_PACKAGES[member.module];
      if (units && Object.hasOwn(units, exportName)) {
        const unit = units[exportName]!;
        const label = exportName === '' ? (calleeText(call) ?? member.module) : `${member.module}.${exportName}`;
        return {
          kind: 'sleep-package',
          node: call,
          text: label,
          delay: unit ? delayText(sourceCode, call.arguments[0], unit) : null,
        };
      }
    }
  }
  if (extraFunctions.length > 0) {
    const text = calleeText(call);
    if (text !== null && extraFunctions.includes(text)) return { kind: 'sleep-package', node: call, text, delay: null };
  }
  return null;
}

function childProcessSleep(
  sourceCode: TSESLint.SourceCode,
  call: TSESTree.CallExpression,
  name: string,
): SyncSleep | null {
  const command = staticText(call.arguments[0], sourceCode);
  if (!command) return null;
  const words = command.text
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  if (!SLEEP_COMMANDS.has(words[0] ?? '')) return null;
  let seconds: string | null = null;
  if (name === 'execSync') {
    // execSync('sleep 1'): the duration is the next word of a fully static command.
    if (command.complete) seconds = words[1] ?? null;
  } else {
    const args = call.arguments[1];
    if (
      args?.type === AST_NODE_TYPES.ArrayExpression &&
      args.elements[0] &&
      args.elements[0].type !== AST_NODE_TYPES.SpreadElement
    ) {
      const first = args.elements[0];
      const value = first.type === AST_NODE_TYPES.Literal ? String(first.value) : staticText(first, sourceCode);
      seconds = typeof value === 'string' ? value : value?.complete ? value.text : null;
    }
  }
  const number = seconds !== null && isPlainNumber(seconds) ? Number(seconds) : null;
  return {
    kind: 'child-process-sleep',
    node: call,
    text: `${name}('sleep …')`,
    delay: number === null ? null : String(Math.round(number * 1000)),
  };
}

/** Digits with at most one dot (`1`, `0.5`, `2.`): what `sleep` takes as seconds without a suffix. */
function isPlainNumber(text: string): boolean {
  if (text === '' || text === '.') return false;
  let dots = 0;
  for (const char of text) {
    if (char === '.') dots++;
    else if (char < '0' || char > '9') return false;
  }
  return dots <= 1;
}

function isInfinity(node: TSESTree.Node): boolean {
  const expression = skipTSWrappers(node);
  return expression.type === AST_NODE_TYPES.Identifier && expression.name === 'Infinity';
}

/** The delay in milliseconds as source text, from an argument in `unit`. */
function delayText(
  sourceCode: TSESLint.SourceCode,
  argument: TSESTree.CallExpressionArgument | undefined,
  unit: Exclude<Unit, null>,
): string | null {
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
  const expression = skipTSWrappers(argument);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'number') {
    const ms = unit === 's' ? expression.value * 1000 : unit === 'us' ? expression.value / 1000 : expression.value;
    return String(ms);
  }
  const text = sourceCode.getText(argument);
  if (unit === 'ms') return text;
  const simple = expression.type === AST_NODE_TYPES.Identifier || expression.type === AST_NODE_TYPES.MemberExpression;
  const operand = simple ? text : `(${text})`;
  return unit === 's' ? `${operand} * 1000` : `${operand} / 1000`;
}

type Loop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

/** A busy-wait loop on a clock, or null. */
export function busyWaitLoop(sourceCode: TSESLint.SourceCode, loop: Loop): SyncSleep | null {
  const test = loop.test;
  const alwaysTrue = !test || (test.type === AST_NODE_TYPES.Literal && test.value === true);
  if (alwaysTrue) {
    // The body is only `if (<clock test>) break;`: nothing else runs while it waits.
    if (!breaksOnClock(sourceCode, loop.body)) return null;
  } else if (!readsClock(sourceCode, test) || !onlyWaits(sourceCode, loop.body)) {
    return null;
  }
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.update && !onlyWaits(sourceCode, loop.update)) return null;
  return { kind: 'busy-wait', node: loop, text: 'a busy-wait loop', delay: null };
}

/** `{ if (Date.now() >= end) break; }` */
function breaksOnClock(sourceCode: TSESLint.SourceCode, body: TSESTree.Statement): boolean {
  const statements = body.type === AST_NODE_TYPES.BlockStatement ? body.body : [body];
  if (statements.length !== 1) return false;
  const only = statements[0]!;
  if (only.type !== AST_NODE_TYPES.IfStatement || only.alternate || !readsClock(sourceCode, only.test)) return false;
  const consequent =
    only.consequent.type === AST_NODE_TYPES.BlockStatement && only.consequent.body.length === 1
      ? only.consequent.body[0]!
      : only.consequent;
  return consequent.type === AST_NODE_TYPES.BreakStatement && consequent.label === null;
}

/** True when `node` is a clock read: `Date.now()`, `performance.now()`, `new Date().getTime()`, `process.hrtime()`. */
export function isClockRead(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '+') {
    return isNewDate(sourceCode, expression.argument);
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTSWrappers(expression.callee);
  const path = memberPath(callee);
  const text = path?.join('.');
  if (text === 'Date.now' || text === 'process.hrtime' || text === 'process.hrtime.bigint')
    return isGlobalRoot(sourceCode, callee);
  if (text === 'performance.now' && isGlobalRoot(sourceCode, callee)) return true;
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'now') {
    const member = resolveModuleMember(sourceCode, callee);
    if (member?.module === 'perf_hooks' && member.path.join('.') === 'performance.now') return true;
  }
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    (memberName(callee) === 'getTime' || memberName(callee) === 'valueOf') &&
    isNewDate(sourceCode, callee.object)
  );
}

function isNewDate(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const expression = skipTSWrappers(node);
  return (
    expression.type === AST_NODE_TYPES.NewExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'Date' &&
    expression.arguments.length === 0 &&
    isGlobalRoot(sourceCode, expression.callee)
  );
}

/** True when the expression reads a clock somewhere (not inside nested functions). */
function readsClock(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  let found = false;
  walkOwnBody(
    node,
    (child) => {
      if (!found && isClockRead(sourceCode, child)) found = true;
    },
    sourceCode.visitorKeys,
  );
  return found;
}

/** True when a loop body only waits: no await, no yield, no call but clock reads. */
function onlyWaits(sourceCode: TSESLint.SourceCode, body: TSESTree.Node): boolean {
  let waits = true;
  walkOwnBody(
    body,
    (child) => {
      if (!waits) return;
      if (
        child.type === AST_NODE_TYPES.AwaitExpression ||
        child.type === AST_NODE_TYPES.YieldExpression ||
        child.type === AST_NODE_TYPES.TaggedTemplateExpression ||
        (child.type === AST_NODE_TYPES.ForOfStatement && child.await) ||
        (child.type === AST_NODE_TYPES.NewExpression && !isNewDate(sourceCode, child)) ||
        (child.type === AST_NODE_TYPES.CallExpression && !isClockRead(sourceCode, child))
      ) {
        waits = false;
      }
    },
    sourceCode.visitorKeys,
  );
  return waits;
}
