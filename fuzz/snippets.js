/**
 * LiveKit-shaped code for the fuzzer: import headers in every style the model recognises, and snippet templates
 * (defineAgent, Agent classes and factories, tools, handoffs, sessions, logging, blocking calls, Python-style and
 * deprecated names, testing calls) whose holes are filled with expressions and statements cut from a random
 * program, so that the rules meet odd shapes exactly where they look.
 *
 * Everything is a function of a random stream (bench/random.js) and a pool cut from the random program.
 */

/** Picks an import style and returns the header text and how the snippets spell each API. */
export function header(random) {
  const style = random.pick([
    'named',
    'named',
    'flat',
    'aliased',
    'namespace',
    'commonjs',
    'commonjs-namespace',
    'type-only',
    'none',
    'mixed',
    'wrapper',
  ]);
  const lines = [];
  const spell = {};
  const namespaced = (ns) => {
    for (const group of ['voice', 'llm']) spell[group] = `${ns}.${group}`;
    for (const name of [
      'defineAgent',
      'cli',
      'ServerOptions',
      'WorkerOptions',
      'Worker',
      'log',
      'metrics',
      'inference',
      'initializeLogger',
    ]) {
      spell[name] = `${ns}.${name}`;
    }
  };
  const grouped = (voice, llm) => {
    spell.voice = voice;
    spell.llm = llm;
    for (const name of [
      'defineAgent',
      'cli',
      'ServerOptions',
      'WorkerOptions',
      'Worker',
      'log',
      'metrics',
      'inference',
      'initializeLogger',
    ]) {
      spell[name] = name;
    }
  };
  switch (style) {
    case 'named':
    case 'mixed':
      lines.push(
        `import { voice, llm, defineAgent, cli, ServerOptions, WorkerOptions, Worker, log, metrics, inference, initializeLogger, type JobContext } from '@livekit/agents';`,
      );
      grouped('voice', 'llm');
      if (style === 'mixed') lines.push(`import { Agent as FlatAgent, tool as flatTool } from '@livekit/agents';`);
      break;
    case 'flat':
      lines.push(
        `import { Agent, AgentSession, AgentTask, tool, handoff, ToolError, AgentSessionEventTypes, ChatContext, defineAgent, cli, ServerOptions, WorkerOptions, Worker, log, metrics, inference, initializeLogger } from '@livekit/agents';`,
      );
      grouped(null, null);
      break;
    case 'aliased':
      lines.push(
        `import { voice as v, llm as L, defineAgent as define, log as getLog, metrics, cli, ServerOptions, WorkerOptions, Worker, inference, initializeLogger } from '@livekit/agents';`,
      );
      grouped('v', 'L');
      spell.defineAgent = 'define';
      spell.log = 'getLog';
      break;
    case 'namespace':
      lines.push(`import * as agents from '@livekit/agents';`);
      namespaced('agents');
      break;
    case 'commonjs':
      lines.push(
        `const { voice, llm, defineAgent, cli, ServerOptions, WorkerOptions, Worker, log, metrics, inference, initializeLogger } = require('@livekit/agents');`,
      );
      grouped('voice', 'llm');
      break;
    case 'commonjs-namespace':
      lines.push(`const lk = require('@livekit/agents');`, 'const { voice } = lk;', 'const llm = lk.llm;');
      namespaced('lk');
      spell.voice = 'voice';
      spell.llm = 'llm';
      break;
    case 'type-only':
      lines.push(
        `import type { voice, llm, JobContext } from '@livekit/agents';`,
        `import { type defineAgent } from '@livekit/agents';`,
      );
      grouped('voice', 'llm');
      break;
    case 'wrapper':
      // A project's own module that re-exports LiveKit (settings['livekit-agents'].importSources in the harness).
      lines.push(`import { voice, llm, defineAgent, log } from '#livekit';`);
      grouped('voice', 'llm');
      break;
    default:
      grouped('voice', 'llm');
  }
  const api = (path) => {
    // path: 'voice.Agent', 'llm.tool', 'defineAgent', ...
    const [group, member] = path.includes('.') ? path.split('.') : [null, path];
    if (group === null) return spell[path] ?? path;
    if (spell[group] === null) return member;
    if (style === 'mixed' && path === 'voice.Agent' && random.chance(0.5)) return 'FlatAgent';
    if (style === 'mixed' && path === 'llm.tool' && random.chance(0.5)) return 'flatTool';
    return `${spell[group]}.${member}`;
  };
  // Plugins and other modules the snippets use.
  if (random.chance(0.7))
    lines.push(
      random.pick([
        `import * as silero from '@livekit/agents-plugin-silero';`,
        `const silero = require('@livekit/agents-plugin-silero');`,
        `import silero from '@livekit/agents-plugin-silero';`,
      ]),
    );
  if (random.chance(0.3)) lines.push(`import * as livekit from '@livekit/agents-plugin-livekit';`);
  if (random.chance(0.6)) lines.push(`import { z } from 'zod';`);
  if (random.chance(0.5))
    lines.push(
      random.pick([
        `import fs, { readFileSync, writeFileSync } from 'node:fs';`,
        `import * as fs from 'fs';`,
        `const fs = require('fs');`,
      ]),
    );
  if (random.chance(0.4))
    lines.push(
      random.pick([
        `import { execSync, spawnSync } from 'node:child_process';`,
        `import * as cp from 'child_process';`,
      ]),
    );
  if (random.chance(0.2))
    lines.push(
      random.pick([
        `import sleep from 'sleep';`,
        `import { sleep as sleepSync } from 'sleep';`,
        `const deasync = require('deasync');`,
      ]),
    );
  if (random.chance(0.2)) lines.push(`import { pbkdf2Sync, scryptSync } from 'node:crypto';`);
  if (random.chance(0.2)) lines.push(`import { llm as otherLlm, voice as otherVoice } from 'some-other-sdk';`);
  return { text: lines.join('\n'), api, style };
}

const IDENTS = [
  'ctx',
  'session',
  'proc',
  'agent',
  'job',
  'x',
  'llm',
  'voice',
  'tool',
  'logger',
  'result',
  'args',
  'cardNumber',
  'password',
  'apiKey',
  'token',
  'userData',
  'chatCtx',
  'room',
  'ssn',
];
const STRINGS = [
  "''",
  "' '",
  "'TODO'",
  "'tool'",
  "'description'",
  "'lookupOrder'",
  "'Looks up the order.'",
  "'get_data'",
  "'x'.repeat(3)",
  "'You are a helpful assistant.'",
  "'Use **markdown** and bullet points and tables with emoji.'",
  "'You are the front desk agent of a clinic. Book, move and cancel appointments. Transfer to billing when asked about invoices. Keep answers short: this is a phone call.'",
  '`Order ${x}`',
  '`Something went wrong`',
  "'Error 403'",
  "'FORBIDDEN_RESOURCE_ACCESS'",
  "'4111 1111 1111 1111'",
  "'4111111111111111'",
  "'Transferring you to billing now.'",
  "'deleteAccount'",
  "'refund_order'",
  "'cancelBooking'",
  "'email'",
  "'phoneNumber'",
  "'ok'",
  '"double \\" quoted"',
  "'\\u0041\\n'",
  '`multi\nline ${`nested ${x}`}`',
  "'a' + 'b' + x",
  "['line one', 'line two'].join('\\n')",
  'dedent`\n  You are the agent.\n`',
  'String(x)',
  '(x as string)',
  'x!',
];

/** Hole fillers drawing on the random program's pool. */
export function fillers(random, pool) {
  const fromPool = (list, fallback) => (list.length > 0 ? `(${random.pick(list)})` : fallback());
  const fill = {
    expr: () => {
      const choice = random.int(0, 9);
      if (choice < 4) return fromPool(pool.expressions, () => random.pick(IDENTS));
      if (choice < 6) return random.pick(STRINGS);
      if (choice < 8) return random.pick(IDENTS);
      return random.pick([
        'undefined',
        'null',
        '{}',
        '[]',
        '0',
        '-1',
        '0.55',
        '550',
        'true',
        '() => {}',
        'async () => x',
        'new Date()',
        'this',
        'ctx.session.history',
        'this.chatCtx',
        'llm.ChatContext.empty()',
        '{ ...x }',
        '[...x]',
        'x?.y?.()',
        'x ?? y',
        'void 0',
        'typeof x',
        '-x',
        'x.slice(-4)',
        'maskCard(cardNumber)',
      ]);
    },
    string: () => (random.chance(0.8) ? random.pick(STRINGS) : fill.expr()),
    name: () => (random.chance(0.3) && pool.identifiers.length ? random.pick(pool.identifiers) : random.pick(IDENTS)),
    key: () => {
      const choice = random.int(0, 9);
      if (choice < 6)
        return random.pick([
          'name',
          'description',
          'parameters',
          'execute',
          'instructions',
          'tools',
          'chatCtx',
          'agent',
          'returns',
          'entry',
          'prewarm',
          'userData',
          'vad',
          'cardNumber',
          'password',
          'lookupOrder',
          'get_data',
          'chat_ctx',
          'allow_interruptions',
          'minSilenceDuration',
          'turnDetection',
          'voiceOptions',
          'preemptiveGeneration',
          'turnHandling',
          'llm',
          'stt',
          'tts',
        ]);
      if (choice < 8) return random.pick([`'quoted key'`, `'lookup-order'`, '0', '1e3', `"description"`]);
      return `[${fill.expr()}]`;
    },
    /** A statement; `await` only where the caller says the body is async. */
    statement: (isAsync = false) => {
      if (pool.statements.length > 0 && random.chance(0.5)) return random.pick(pool.statements);
      const options = [
        () => `(${fill.expr()});`,
        () => `const ${fill.name()}Local = ${fill.expr()};`,
        () => 'return;',
        () => `if (${fill.expr()}) { (${fill.expr()}); }`,
        () => `for (const item of ${fill.expr()}) { void item; }`,
        () => `try { (${fill.expr()}); } catch (e) { void e; }`,
      ];
      if (isAsync) options.push(() => `await (${fill.expr()});`);
      return random.pick(options)();
    },
    body: (max = 2, isAsync = false) =>
      Array.from({ length: random.int(0, max) }, () => fill.statement(isAsync)).join('\n'),
    params: () =>
      random.pick([
        '()',
        '(ctx)',
        '(ctx: JobContext)',
        '(job)',
        '({ a, b }, { ctx })',
        '(args, { ctx: runCtx })',
        '(args, options)',
        '(a = 1, ...rest)',
        '([first])',
        `(${fill.name()})`,
        '(_, { ctx } = {})',
        '(this: unknown, x)',
      ]),
    props: (entries) => {
      // Shuffle, drop, duplicate and spread properties.
      const kept = random.shuffle(entries.filter(() => random.chance(0.8)));
      if (random.chance(0.15)) kept.push(`...${fill.expr()}`);
      if (random.chance(0.1) && kept.length) kept.push(random.pick(kept));
      if (random.chance(0.1)) kept.push(`${fill.key()}: ${fill.expr()}`);
      return `{ ${kept.join(', ')} }`;
    },
  };
  return fill;
}

/** Snippet templates: each returns code for the top level of a module (or inside a block). */
export function snippets(random, api, fill) {
  const E = fill.expr;
  const S = fill.string;
  const B = (max = 2) => fill.body(max, false);
  const AB = (max = 2) => fill.body(max, true);
  const P = fill.params;
  const zodSchema = () =>
    random.pick([
      `z.object({ ${fill.key()}: z.string()${random.chance(0.5) ? `.describe(${S()})` : ''}, includeHistory: z.boolean(), withNotes: z.boolean(), showAll: z.boolean(), email: z.string(), ${fill.key()}: ${E()} })`,
      `z.object(${E()})`,
      `{ type: 'object', properties: { ${fill.key()}: { type: 'string'${random.chance(0.5) ? `, description: ${S()}` : ''} }, phone: { type: ${E()} } } }`,
      'z.string()',
      E(),
    ]);
  // Recursive builders choose among thunks (only the chosen branch is built) and stop nesting at depth 2.
  const one = (...options) => random.pick(options)();
  let depth = 0;
  const nested = (build, flat) => {
    if (depth >= 2) return flat();
    depth++;
    try {
      return build();
    } finally {
      depth--;
    }
  };
  const toolCall = () =>
    nested(
      () => {
        const choice = random.int(0, 9);
        if (choice === 0)
          return `${api('llm.tool')}(${one(
            () => '',
            E,
            () => `...${E()}`,
          )})`;
        if (choice === 1) return `${api('llm.tool')}?.({ description: ${S()} })`;
        const ending = one(
          () => `return ${E()};`,
          () => `throw new Error(${S()});`,
          () => `throw new ${api('llm.ToolError')}(${S()});`,
          () => `throw new TypeError(${S()});`,
          () => `return ${api('llm.handoff')}(${fill.props([`agent: ${agentExpr()}`, `returns: ${S()}`])});`,
          () => `return new ${api('voice.Agent')}(${agentOptions()});`,
          () => `return [new ${api('voice.Agent')}({}), ${S()}];`,
          () => 'return readFileSync(x);',
          () => "return execSync('sleep 1');",
          () => `return \`Your card \${cardNumber} and password \${password}\`;`,
          () => `return { cardNumber, ${fill.key()}: ${E()} };`,
          () => `if (!ctx.userData.isAdmin) throw new ${api('llm.ToolError')}(${S()}); return ${E()};`,
        );
        const execute = one(
          () => `execute: async ${P()} => { ${AB()} ${ending} }`,
          () => `execute: ${E()}`,
          () => `async execute${P()} { ${AB()} ${ending} }`,
          () => `execute: function ${P()} { ${ending} }`,
          () => 'execute: namedExecute',
        );
        return `${api('llm.tool')}(${fill.props([`name: ${S()}`, `description: ${S()}`, `parameters: ${zodSchema()}`, execute])})`;
      },
      () => `${api('llm.tool')}({ description: ${S()}, execute: async () => ${E()} })`,
    );
  const agentOptions = () =>
    nested(
      () =>
        fill.props([
          `instructions: ${S()}`,
          `tools: ${one(
            () => `[${toolCall()}, ${E()}]`,
            () => `{ ${fill.key()}: ${toolCall()}, ${fill.key()}: ${E()} }`,
            () => `[...${E()}]`,
            E,
            () => '[]',
            () => '{}',
          )}`,
          `chatCtx: ${E()}`,
          `${random.pick(['chat_ctx', 'allow_interruptions', 'turnDetection', 'allowInterruptions'])}: ${E()}`,
        ]),
      () => `{ instructions: ${S()} }`,
    );
  const agentExpr = () =>
    one(
      () => `new ${api('voice.Agent')}(${random.chance(0.8) ? agentOptions() : ''})`,
      () => `${api('voice.Agent')}.create(${agentOptions()})`,
      () => `new ${fill.name()}Agent(${E()})`,
      E,
    );
  const sessionOptions = () =>
    fill.props([
      `vad: ${E()}`,
      `llm: ${E()}`,
      `stt: ${S()}`,
      `userData: ${E()}`,
      `userdata: ${E()}`,
      `turnDetection: ${E()}`,
      `voiceOptions: ${E()}`,
      `preemptiveGeneration: ${E()}`,
      `turnHandling: ${E()}`,
    ]);
  const entryBody = (ctx) =>
    random
      .shuffle([
        `await ${ctx}.connect(${random.pick(['', '{ autoSubscribe: true }', 'undefined, 1', E()])});`,
        `await (${E()});`,
        `for await (const x of ${E()}) { void x; }`,
        `const participant = await ${ctx}.waitForParticipant();`,
        `${ctx}.connect();`,
        `const vad = ${ctx}.proc.userData.${random.pick(['vad', 'model', 'cache'])};`,
        `const { vad: vad2, ${fill.name()}: other } = ${ctx}.proc.userData;`,
        `const loaded = await silero.VAD.load(${random.pick(['', '{ minSilenceDuration: 0.55 }', E()])});`,
        `const session = new ${api('voice.AgentSession')}(${sessionOptions()});`,
        `session.on(${random.pick([`${api('voice.AgentSessionEventTypes')}.MetricsCollected`, "'metrics_collected'", E()])}, ${random.pick(['(ev) => { console.log(ev.cardNumber); }', E(), `(ev) => { ${B()} }`])});`,
        `await session.start(${fill.props([`agent: ${agentExpr()}`, `room: ${ctx}.room`])});`,
        'session.start({ agent, room: ctx.room });',
        `session.updateAgent(${agentExpr()});`,
        `session.${random.pick(['generate_reply', 'update_agent', 'say', 'generateReply', 'usage', 'chatCtx.addMessage'])}(${E()});`,
        `session.chatCtx.items.push(${E()});`,
        `const result = await session.run({ userInput: ${S()} });`,
        `result.expect.nextEvent().isMessage({ role: 'assistant' }).judge(${E()}, { intent: ${S()} });`,
        AB(2),
      ])
      .slice(0, random.int(1, 8))
      .join('\n');
  const entryFunction = () => {
    const ctx = random.pick(['ctx', 'job', 'c']);
    return random.pick([
      `async (${ctx}) => {\n${entryBody(ctx)}\n}`,
      `async function (${ctx}) {\n${entryBody(ctx)}\n}`,
      `async (${ctx}: JobContext) => {\n${entryBody(ctx)}\n}`,
      `async ({ room }) => { ${AB()} }`,
      `(${ctx}) => ${E()}`,
      'namedEntry',
      E(),
    ]);
  };
  const prewarmFunction = () =>
    random.pick([
      `async (proc) => { proc.userData.${random.pick(['vad', 'model'])} = await silero.VAD.load(${random.pick(['', '{ minSilenceDuration: 0.55 }', E()])}); ${AB()} }`,
      `async (proc) => { Object.assign(proc.userData, { vad: ${E()} }); const res = await fetch(${S()}); void res; }`,
      `(proc) => { proc.userData = { vad: ${E()} }; ${random.pick(['proc.room;', 'proc.job.metadata;', ''])} }`,
      'importedPrewarm',
      E(),
    ]);
  const classBody = () =>
    random
      .shuffle([
        `constructor(${random.pick(['', 'chatCtx', 'chatCtx?: unknown', '...args', 'opts'])}) { ${random.pick([`super(${agentOptions()});`, 'super();', `super(${E()});`, `super(...${E()});`, `if (${E()}) { super({ instructions: ${S()} }); } else { super({ instructions: ${S()}, chatCtx }); }`])} ${random.pick(["this.session.say('hi');", 'void this.session;', '', B()])} }`,
        `async onEnter() { ${random.pick([`this.chatCtx.addMessage(${E()});`, `this.chatCtx.items.push(${E()});`, `this.chatCtx.items[0] = ${E()};`, `this.session.generateReply({ instructions: ${S()} });`, AB()])} }`,
        `async on_enter() { ${AB()} }`,
        `async onUserTurnCompleted(chatCtx, message) { ${AB()} }`,
        `override async llmNode(chatCtx, tools, settings) { return ${E()}; }`,
        `${fill.name()} = async () => { ${AB()} };`,
        `static ${random.pick(['create', 'make'])}() { return new this(); }`,
        `get description() { return ${S()}; }`,
        `#private = ${E()};`,
        `static { ${B()} }`,
      ])
      .slice(0, random.int(0, 6))
      .join('\n');
  const loggerSink = () =>
    random.pick([
      'console.log',
      'console.error',
      'logger.info',
      'log.warn',
      `${api('log')}().info`,
      'this.logger.debug',
      'process.stdout.write',
      'audit.record',
      'logger.child({}).error',
    ]);
  const base = random.pick([api('voice.Agent'), `(${api('voice.Agent')})`, api('voice.AgentTask'), `(${E()})`]);

  return [
    // defineAgent
    () => {
      const options = fill.props([
        `entry: ${entryFunction()}`,
        `prewarm: ${prewarmFunction()}`,
        `onSessionEnd: ${E()}`,
        `entrypoint_fnc: ${E()}`,
        `prewarm_fnc: ${E()}`,
      ]);
      return random.pick([
        `export default ${api('defineAgent')}(${options});`,
        `const definition = ${api('defineAgent')}(${options});\nexport default definition;`,
        `const definition = ${api('defineAgent')}(${options});\nexport { definition as default };`,
        `module.exports = ${api('defineAgent')}(${options});`,
        `exports.default = ${api('defineAgent')}(${options});`,
        `${api('defineAgent')}(${options});`,
        `export const agentDef = ${api('defineAgent')}(${options});`,
        `export default ${api('defineAgent')}(${random.pick(['', E(), `...${E()}`])});`,
        `async function namedEntry(ctx) {\n${entryBody('ctx')}\n}\nexport default ${api('defineAgent')}({ entry: namedEntry, prewarm: ${prewarmFunction()} });`,
        `export default ${api('defineAgent')}({ async entry(ctx) { ${entryBody('ctx')} }, prewarm(proc) { ${B()} } });`,
      ]);
    },
    // Agent classes
    () => `class ${fill.name()}Agent extends ${base} {\n${classBody()}\n}`,
    () =>
      `const ${fill.name()}Agent = class extends ${api('voice.Agent')} {\n${classBody()}\n};\nclass SubAgent extends ${fill.name()}Agent { constructor() { super(${agentOptions()}); } }`,
    () => `export default class extends ${api('voice.Agent')} { ${classBody()} }`,
    // agents and tools
    () => `const ${fill.name()}Agent2 = ${agentExpr()};`,
    () =>
      `const ${fill.name()}Tool = ${toolCall()};\nconst agentWithTools = new ${api('voice.Agent')}({ instructions: ${S()}, tools: ${random.pick(['[lookupTool, lookupTool]', `{ ${fill.key()}: ${fill.name()}Tool }`, `[${fill.name()}Tool]`, `{ ...${E()} }`])} });`,
    () =>
      `const toolsMap = { ${fill.key()}: ${toolCall()}, ${fill.key()}: ${toolCall()} };\nconst lookupTool = ${toolCall()};\nnew ${api('voice.Agent')}({ instructions: ${S()}, tools: ${random.pick(['toolsMap', '[lookupTool, lookupTool]', '{ ...toolsMap }', `Array.from({ length: 25 }, () => lookupTool)`])} });`,
    () =>
      `const bigAgent = new ${api('voice.Agent')}({ instructions: ${S()}, tools: [${Array.from({ length: random.int(18, 24) }, () => 'lookupTool').join(', ')}] });`,
    () => {
      const field = random.pick(['email', 'phone', 'phoneNumber', 'website', 'date', 'zipCode', 'note']);
      const check = random.pick([
        '',
        `if (!/^\\S+@\\S+$/.test(${field})) throw new ${api('llm.ToolError')}('That address does not look right.');`,
        `${field}.match(/x/);`,
      ]);
      return `const receiptTool = ${api('llm.tool')}({ name: 'emailReceipt', description: 'Send the receipt of the last order to the caller.', parameters: z.object({ ${field}: z.string()${random.pick(['', ".describe('What the caller spells out')", '.email()', '.regex(/x/)'])} }), execute: async ({ ${field} }) => { ${check} await sendReceipt(${field}); ${AB()} return ${E()}; } });`;
    },
    () =>
      `async function namedExecute(${random.pick(['args', '{ id }', '_'])}, { ctx }) { ${AB()} throw new Error(${S()}); }`,
    // handoffs and sessions outside entry
    () =>
      `function transfer(${random.pick(['ctx', 'session', ''])}) { ${random.pick([`return ${api('llm.handoff')}(${fill.props([`agent: ${agentExpr()}`, `returns: ${S()}`])});`, `session.updateAgent(${agentExpr()});`, `return ${api('llm.handoff')}();`, `return ${api('llm.handoff')}(${E()});`])} }`,
    () =>
      `const session = new ${api('voice.AgentSession')}(${random.chance(0.7) ? sessionOptions() : ''});\nsession.on(${E()}, ${E()});`,
    () =>
      `${api('log')}().info(${E()});\nconst moduleLogger = ${api('log')}();\nnew ${api('metrics')}.UsageCollector();\nnew ${api('inference')}.STT(${S()});`,
    () => `${api('initializeLogger')}({ pretty: true });\nconst testLogger = ${api('log')}();`,
    // logging
    () =>
      `${loggerSink()}(${random.pick([`\`card \${cardNumber}\``, `{ cardNumber, ${fill.key()}: ${E()} }`, `'password: ' + password`, `JSON.stringify({ apiKey })`, `[token, ${E()}]`, `{ ...user }`, `'4111 1111 1111 1111'`, `cardNumber.slice(-4)`, `mask(cardNumber)`, `{ last4: cardNumber }`, `\`order \${orderId} for \${name}\``, E()])}${random.chance(0.3) ? `, ${S()}` : ''});`,
    () =>
      `function report(user, cardNumber, password, apiKey, token) { ${loggerSink()}({ user, cardNumber }, ${S()}); ${loggerSink()}(\`\${password}\`); }`,
    // blocking
    () =>
      random.pick([
        `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${E()});`,
        `const until = Date.now() + ${E()};\nwhile (Date.now() < until) { }`,
        `for (const start = performance.now(); performance.now() - start < 100;) {}`,
        `execSync(${random.pick(["'sleep 1'", '`sleep ${x}`', E()])});`,
        `cp.spawnSync('sleep', [${E()}]);`,
        `sleep.sleep(${E()});`,
        `sleepSync(${E()});`,
        `deasync.sleep(${E()});`,
        `fs.readFileSync(${E()});\nreadFileSync(${E()}, 'utf8');\nwriteFileSync(${E()}, ${E()});`,
        `pbkdf2Sync(${E()}, 'salt', 100000, 64, 'sha512');`,
      ]),
    // tools in an Agent's execute with blocking calls and errors
    () =>
      `const slowTool = ${api('llm.tool')}({ name: 'readConfig', description: 'Reads the configuration file from disk and returns it.', execute: async () => { ${random.pick(["return fs.readFileSync('/etc/config', 'utf8');", "execSync('sleep 1');", 'while (Date.now() < deadline) {}', `throw new ${api('llm.ToolError')}(${S()});`, "throw new RangeError('x');"])} } });`,
    // testing
    () =>
      `async function testAgent(session, judgeLlm) {\n  const result = await session.run({ userInput: ${S()} });\n  ${random.pick(["result.expect.nextEvent().isMessage({ role: 'assistant' }).judge(judgeLlm, { intent: 'greets' });", 'await result.wait();', "await session.run({ userInput: 'hi' }).wait();", AB()])}\n}`,
    // shadowing and odd shapes
    () =>
      `function shadow(llm, voice, tool) { const t = llm.tool({ name: 'x' }); new voice.Agent({}); return tool({}); }`,
    () => `{ const voice = ${E()}; new voice.Agent({ instructions: ${S()} }); }`,
    () =>
      `const { Agent: AliasedAgent } = ${api('voice.Agent').split('.')[0] || 'voice'};\nconst aliasedTool = ${api('llm.tool')};\nnew AliasedAgent({ tools: [aliasedTool({ description: ${S()} })] });`,
    () =>
      `(0, ${api('llm.tool')})({ description: ${S()} });\n${api('voice.Agent').replace(/\.Agent$/, "['Agent']")};\nnew ${api('voice.Agent')};`,
    () =>
      `cli.runApp(new ${random.pick([api('ServerOptions'), api('WorkerOptions')])}({ agent: ${E()} }));\nnew ${api('Worker')}(${E()});`,
    () => `livekit.turnDetector.EOUModel;\nnew livekit.turnDetector.MultilingualModel();`,
    () => `label: for (const x of ${E()}) { if (x) continue label; ${B()} }`,
    () => `export { ${fill.name()} as default2 };`,
    () =>
      `declare module 'x' { export const y: number; }\ntype T = Parameters<typeof ${api('llm.tool')}>;\nenum Mode { A = 1, B }\nnamespace NS { export const v = 1; }`,
  ];
}
