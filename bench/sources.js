/**
 * Source text of realistic files for the benchmark corpus: LiveKit voice-agent files (varied import styles, Agent
 * classes and factories, tools in arrays and maps, handoffs, sessions, logging, helpers around them, and now and
 * then a mistake a rule should catch) and ordinary TypeScript service files with no LiveKit in them.
 * Every function takes a random stream (bench/random.js), so a file is a pure function of its seed.
 */

const DOMAINS = [
  { key: 'restaurant', noun: 'reservation', item: 'table', team: 'host', desk: 'Bistro Lumen', ids: 'reservationId' },
  { key: 'bank', noun: 'account', item: 'payment', team: 'fraud', desk: 'Harbor Bank', ids: 'accountId' },
  { key: 'clinic', noun: 'appointment', item: 'visit', team: 'nurse', desk: 'Eastside Clinic', ids: 'appointmentId' },
  { key: 'airline', noun: 'booking', item: 'flight', team: 'rebooking', desk: 'Skyway Air', ids: 'bookingRef' },
  { key: 'telecom', noun: 'subscription', item: 'plan', team: 'billing', desk: 'Nimbus Mobile', ids: 'subscriberId' },
  { key: 'retail', noun: 'order', item: 'parcel', team: 'returns', desk: 'Northwind Goods', ids: 'orderId' },
  { key: 'hotel', noun: 'stay', item: 'room', team: 'concierge', desk: 'Hotel Meridian', ids: 'confirmationCode' },
  { key: 'insurance', noun: 'claim', item: 'policy', team: 'adjuster', desk: 'Keystone Mutual', ids: 'claimNumber' },
  { key: 'utility', noun: 'meter', item: 'outage', team: 'field', desk: 'Valley Power', ids: 'meterNumber' },
  { key: 'rental', noun: 'rental', item: 'vehicle', team: 'roadside', desk: 'Open Road Rentals', ids: 'rentalId' },
];

const VERBS = ['lookup', 'check', 'update', 'cancel', 'schedule', 'confirm', 'list', 'transfer', 'estimate', 'verify'];
const FIELDS = [
  'date',
  'time',
  'partySize',
  'city',
  'email',
  'phone',
  'zipCode',
  'notes',
  'amount',
  'reason',
  'priority',
  'language',
];

const cap = (text) => text[0].toUpperCase() + text.slice(1);
const camel = (...words) => words[0] + words.slice(1).map(cap).join('');
const indent = (text, spaces) =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');

/** How the file names each LiveKit API, for one import style. */
function importStyle(random) {
  const style = random.pick(['named', 'named', 'named', 'namespace', 'flat', 'flat', 'aliased', 'commonjs']);
  const alias = { llm: random.pick(['lk', 'llmApi']), voice: random.pick(['v', 'voiceApi']) };
  const used = new Set();
  const ns = 'agents';
  const paths = {
    Agent: ['voice', 'Agent'],
    AgentTask: ['voice', 'AgentTask'],
    AgentSession: ['voice', 'AgentSession'],
    AgentSessionEventTypes: ['voice', 'AgentSessionEventTypes'],
    tool: ['llm', 'tool'],
    handoff: ['llm', 'handoff'],
    ToolError: ['llm', 'ToolError'],
    ChatContext: ['llm', 'ChatContext'],
    defineAgent: [null, 'defineAgent'],
    cli: [null, 'cli'],
    ServerOptions: [null, 'ServerOptions'],
    WorkerOptions: [null, 'WorkerOptions'],
    log: [null, 'log'],
    metrics: [null, 'metrics'],
    inference: [null, 'inference'],
  };
  const name = (api) => {
    const [group, member] = paths[api];
    if (style === 'namespace') return group ? `${ns}.${group}.${member}` : `${ns}.${member}`;
    if (style === 'flat' || group === null) {
      used.add(member);
      return member;
    }
    if (style === 'aliased') {
      used.add(`${group} as ${alias[group]}`);
      return `${alias[group]}.${member}`;
    }
    used.add(group);
    return `${group}.${member}`;
  };
  const header = (types) => {
    if (style === 'namespace') {
      return `import * as ${ns} from '@livekit/agents';\n${types ? `import type { JobContext, JobProcess } from '@livekit/agents';\n` : ''}`;
    }
    const names = [...used].sort();
    if (style === 'commonjs') {
      const pattern = names.map((entry) => entry.replace(' as ', ': ')).join(', ');
      return `const { ${pattern} } = require('@livekit/agents');\n`;
    }
    const typeNames = types ? ['type JobContext', 'type JobProcess'] : [];
    return `import {\n${[...typeNames, ...names].map((entry) => `  ${entry},`).join('\n')}\n} from '@livekit/agents';\n`;
  };
  return { style, name, header, typed: style !== 'namespace' };
}

function zodField(random, field, described) {
  const base =
    field === 'partySize' || field === 'amount'
      ? random.pick(['z.number().int().positive()', 'z.number()', 'z.coerce.number()'])
      : field === 'priority'
        ? "z.enum(['low', 'normal', 'urgent'])"
        : field === 'email'
          ? random.pick(['z.string().email()', 'z.string()'])
          : random.pick(['z.string()', 'z.string().min(1)', 'z.string().max(200)']);
  const optional = random.chance(0.2) ? '.optional()' : '';
  const description = described
    ? `.describe('The ${field.replace(/([A-Z])/g, ' $1').toLowerCase()} the caller gives')`
    : '';
  return `${field}: ${base}${optional}${description}`;
}

function toolSource(random, api, domain, index, options) {
  const verb = random.pick(VERBS);
  const object = random.pick([domain.noun, domain.item, `${domain.noun}Status`, `${domain.item}Options`]);
  const toolName = camel(verb, object);
  const fields = random.sample(FIELDS, random.int(0, 4));
  const withId = random.chance(0.8);
  const described = !random.chance(options.mistakes * 0.5);
  const params = [
    withId ? `${domain.ids}: z.string().describe('The ${domain.noun} reference the caller reads out')` : null,
  ]
    .concat(fields.map((field) => zodField(random, field, described)))
    .filter(Boolean);
  const args = [withId ? domain.ids : null, ...fields].filter(Boolean);
  let descriptionLine = '';
  if (random.chance(options.mistakes * 0.6)) {
    descriptionLine = random.pick(['', "description: 'TODO',", `description: '${verb}',`]);
  } else {
    const quote = random.pick(["'", '`']);
    const what = object.replace(/([A-Z])/g, ' $1').toLowerCase();
    descriptionLine = `description: ${quote}${cap(verb)} the ${what} for the caller. Call this when they ask about it; it returns a short summary to read out.${quote},`;
  }
  const ctxName = random.pick(['ctx', 'runCtx', 'context']);
  const throwKind = random.chance(options.mistakes * 0.5)
    ? `throw new Error('${verb} failed');`
    : `throw new ${api.name('ToolError')}('I could not ${verb} that ${domain.noun} right now. Please check the reference and try again.');`;
  const handoffTarget = options.handoffTarget && random.chance(0.4) ? options.handoffTarget : null;
  const body = handoffTarget
    ? `if (${args[0] ?? 'true'} && ${ctxName}.userData) {
  return ${api.name('handoff')}({
    agent: new ${handoffTarget}(${random.chance(0.85) ? `${ctxName}.session.history` : ''}),
    returns: 'Transferring you to our ${domain.team} team now.',
  });
}
return 'No transfer needed.';`
    : `const record = await ${domain.key}Service.find(${args[0] ?? `'${domain.noun}'`});
if (!record) {
  ${throwKind}
}
${random.chance(0.3) ? `logger.info({ ${args[0] ?? 'record'} }, '${toolName} done');\n` : ''}return \`${cap(domain.noun)} \${record.id} is \${record.status}.\`;`;
  const nameLine = options.style === 'map' ? '' : `name: '${toolName}',\n  `;
  const parameters =
    params.length > 0 || random.chance(0.5)
      ? `parameters: z.object({\n${params.map((p) => `    ${p},`).join('\n')}\n  }),\n  `
      : '';
  const destructure = args.length > 0 ? `{ ${args.join(', ')} }` : '_args';
  const execute = `execute: async (${destructure}, { ctx: ${ctxName} }) => {\n${indent(body, 4)}\n  },`;
  return {
    name: toolName,
    variable: `${camel(verb, object)}Tool${index}`,
    call: `${api.name('tool')}({\n  ${nameLine}${descriptionLine ? `${descriptionLine}\n  ` : ''}${parameters}${execute}\n})`,
  };
}

function serviceSource(random, domain) {
  const cls = `${cap(domain.key)}Service`;
  const records = Array.from(
    { length: random.int(2, 5) },
    (_, i) =>
      `  ['${domain.key.slice(0, 3).toUpperCase()}-${1000 + i}', { id: '${domain.key.slice(0, 3).toUpperCase()}-${1000 + i}', status: '${random.pick(['confirmed', 'pending', 'shipped', 'open', 'closed'])}', updatedAt: ${1700000000000 + i * 86400000} }],`,
  );
  return `interface ${cap(domain.noun)}Record {
  id: string;
  status: string;
  updatedAt: number;
}

class ${cls} {
  private readonly records = new Map<string, ${cap(domain.noun)}Record>([
${records.join('\n')}
  ]);

  async find(id: string): Promise<${cap(domain.noun)}Record | undefined> {
    await new Promise((resolve) => setTimeout(resolve, ${random.int(5, 50)}));
    return this.records.get(id.trim().toUpperCase());
  }

  async update(id: string, status: string): Promise<boolean> {
    const record = await this.find(id);
    if (!record) return false;
    this.records.set(record.id, { ...record, status, updatedAt: Date.now() });
    return true;
  }

  summary(): string {
    const counts: Record<string, number> = {};
    for (const record of this.records.values()) counts[record.status] = (counts[record.status] ?? 0) + 1;
    return Object.entries(counts)
      .map(([status, count]) => \`\${count} \${status}\`)
      .join(', ');
  }
}

const ${domain.key}Service = new ${cls}();

function formatWhen(timestamp: number, locale = '${random.pick(['en-US', 'en-GB', 'fr-FR', 'de-DE'])}'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(timestamp));
}
`;
}

function instructionsText(random, domain, agentRole) {
  const sentences = [
    `You are the ${agentRole} voice assistant for ${domain.desk}.`,
    `Help callers with their ${domain.noun} and ${domain.item} questions, one step at a time.`,
    'Keep answers short and conversational: the caller hears every word you say.',
    `Always confirm the ${domain.ids.replace(/([A-Z])/g, ' $1').toLowerCase()} before you change anything.`,
    `When the caller asks for the ${domain.team} team, transfer them with the transfer tool.`,
    'Never read out full card numbers or passwords.',
  ];
  const count = random.int(3, sentences.length);
  return sentences.slice(0, count).join(' ');
}

function agentClassSource(random, api, domain, className, role, tools, options) {
  const useDedicatedTools = tools.length > 0;
  const toolsValue =
    options.toolStyle === 'map'
      ? `{\n${tools.map((tool) => `        ${tool.name}: ${tool.variable},`).join('\n')}\n      }`
      : `[${tools.map((tool) => tool.variable).join(', ')}]`;
  const chatCtxParam = random.chance(0.8);
  const mutation = random.chance(options.mistakes * 0.3)
    ? "    this.chatCtx.addMessage({ role: 'system', content: 'The caller was transferred.' });\n"
    : '';
  const greet = random.pick([
    `    this.session.generateReply({ instructions: 'Greet the caller and ask how you can help with their ${domain.noun}.' });`,
    `    await this.session.say('Hi, this is ${domain.desk}. How can I help?');`,
    `    const handle = this.session.generateReply({ instructions: 'Offer help with the ${domain.item}.' });\n    await handle.waitForPlayout();`,
  ]);
  return `class ${className} extends ${api.name('Agent')}${api.typed ? '<UserData>' : ''} {
  constructor(${chatCtxParam ? `chatCtx?: ${api.typed ? 'unknown' : 'unknown'}` : ''}) {
    super({
      instructions: ${JSON.stringify(instructionsText(random, domain, role))},${useDedicatedTools ? `\n      tools: ${toolsValue},` : ''}${chatCtxParam ? '\n      chatCtx: chatCtx as never,' : ''}
    });
  }

  override async onEnter(): Promise<void> {
${mutation}${greet}
  }
${
  random.chance(0.3)
    ? `
  override async onUserTurnCompleted(_chatCtx: unknown, message: { textContent?: string }): Promise<void> {
    const text = message.textContent ?? '';
    if (text.length > ${random.int(200, 800)}) {
      logger.warn({ length: text.length }, 'long user turn');
    }
  }
`
    : ''
}}
`;
}

function entrySource(random, api, domain, firstAgent, options) {
  const lines = [];
  const ctx = random.pick(['ctx', 'ctx', 'job']);
  const mistakeAwait = random.chance(options.mistakes * 0.4);
  if (mistakeAwait) lines.push(`const settings = await ${domain.key}Service.find('settings');`);
  const connectFirst = random.chance(0.6);
  if (connectFirst) lines.push(`await ${ctx}.connect();`);
  if (random.chance(0.3))
    lines.push(
      `const participant = await ${ctx}.waitForParticipant();`,
      `logger.info({ identity: participant.identity }, 'participant joined');`,
    );
  const vadRead = options.prewarm
    ? `${ctx}.proc.userData.vad as never`
    : random.chance(options.mistakes)
      ? `${ctx}.proc.userData.vad as never`
      : 'undefined';
  const sttModel = random.pick(["'deepgram/nova-3'", "'assemblyai/universal-streaming'", "'cartesia/ink-whisper'"]);
  const llmModel = random.pick(["'openai/gpt-4.1-mini'", "'google/gemini-2.0-flash'", "'openai/gpt-4o-mini'"]);
  const ttsModel = random.pick(["'cartesia/sonic-2'", "'elevenlabs/eleven_turbo_v2_5'", "'rime/arcana'"]);
  lines.push(
    `const session = new ${api.name('AgentSession')}${api.typed ? '<UserData>' : ''}({`,
    `  stt: ${sttModel},`,
    `  llm: ${options.openai && random.chance(0.5) ? `new openai.LLM({ model: 'gpt-4.1-mini' })` : llmModel},`,
    `  tts: ${ttsModel},`,
    `  vad: ${vadRead},`,
    `  userData: { callerId: ${ctx}.job.id, language: '${random.pick(['en', 'fr', 'de', 'es'])}' },`,
    '});',
  );
  if (random.chance(0.75)) {
    lines.push(
      `session.on(${api.name('AgentSessionEventTypes')}.MetricsCollected, (event) => {`,
      `  ${api.name('metrics')}.logMetrics(event.metrics);`,
      '});',
    );
  }
  if (random.chance(0.4)) {
    lines.push(
      `session.on(${api.name('AgentSessionEventTypes')}.Close, () => {`,
      `  logger.info({ usage: session.usage }, 'session closed');`,
      '});',
    );
  }
  if (random.chance(options.mistakes * 0.4)) lines.push(`const vad = await silero.VAD.load();`, 'void vad;');
  if (random.chance(options.mistakes * 0.3))
    lines.push(`console.log(\`caller card \${session.userData.cardNumber}\`);`);
  lines.push(`await session.start({ agent: new ${firstAgent}(), room: ${ctx}.room });`);
  if (!connectFirst && random.chance(0.7)) lines.push(`await ${ctx}.connect();`);
  if (mistakeAwait) lines.push('void settings;');
  return { ctx, body: lines.join('\n') };
}

/** One LiveKit voice-agent file. */
export function agentFile(random, { mistakes = 0.1 } = {}) {
  const api = importStyle(random);
  const domain = random.pick(DOMAINS);
  const options = { mistakes };
  const parts = [];
  const pluginImports = [];
  const useSilero = random.chance(0.7);
  const sileroStyle = random.pick(['namespace', 'namespace', 'named']);
  if (useSilero) {
    pluginImports.push(
      sileroStyle === 'namespace'
        ? "import * as silero from '@livekit/agents-plugin-silero';"
        : "import { VAD as SileroVAD } from '@livekit/agents-plugin-silero';",
    );
  }
  options.openai = random.chance(0.3);
  if (options.openai) pluginImports.push("import * as openai from '@livekit/agents-plugin-openai';");
  const extraImports = [
    "import { z } from 'zod';",
    ...random.sample(
      [
        "import { fileURLToPath } from 'node:url';",
        "import { readFile } from 'node:fs/promises';",
        "import path from 'node:path';",
        "import { randomUUID } from 'node:crypto';",
      ],
      random.int(1, 3),
    ),
  ];

  parts.push(serviceSource(random, domain));
  if (api.typed) {
    parts.push(
      `interface UserData {\n  callerId: string;\n  language: string;\n  ${domain.ids}?: string;\n  cardNumber?: string;\n}\n`,
    );
  }
  parts.push(
    random.pick([
      `const logger = { info: (...args: unknown[]) => ${api.name('log')}().info(...(args as [object, string])), warn: (...args: unknown[]) => ${api.name('log')}().warn(...(args as [object, string])) };\n`,
      `function getLogger() {\n  return ${api.name('log')}().child({ module: '${domain.key}' });\n}\nconst logger = { info: (o: object, m: string) => getLogger().info(o, m), warn: (o: object, m: string) => getLogger().warn(o, m) };\n`,
    ]),
  );

  const agentCount = random.int(1, 3);
  const roles = random.sample(
    [...new Set(['front desk', domain.team, 'billing', 'scheduling', 'support'])],
    agentCount,
  );
  const classNames = roles.map((role) => `${cap(camel(...role.split(' ')))}Agent`);
  const factoryStyle = random.chance(0.25);
  let toolIndex = 0;
  const agentDefinitions = [];
  for (let a = agentCount - 1; a >= 0; a--) {
    const toolStyle = random.chance(0.2) ? 'map' : 'array';
    const handoffTarget = a + 1 < agentCount ? classNames[a + 1] : null;
    const tools = Array.from({ length: random.int(1, 5) }, () =>
      toolSource(random, api, domain, toolIndex++, { mistakes, style: toolStyle, handoffTarget }),
    );
    const seenNames = new Set();
    const uniqueTools = tools.filter((tool) => !seenNames.has(tool.name) && seenNames.add(tool.name));
    const toolDecls = uniqueTools.map((tool) => `const ${tool.variable} = ${tool.call};\n`).join('\n');
    if (factoryStyle && a === 0) {
      const toolsValue =
        toolStyle === 'map'
          ? `{ ${uniqueTools.map((tool) => `${tool.name}: ${tool.variable}`).join(', ')} }`
          : `[${uniqueTools.map((tool) => tool.variable).join(', ')}]`;
      agentDefinitions.unshift(
        `${toolDecls}\nfunction create${classNames[a]}() {\n  return ${api.name('Agent')}.create({\n    instructions: ${JSON.stringify(instructionsText(random, domain, roles[a]))},\n    tools: ${toolsValue},\n    onEnter: async (agentCtx: { session: { generateReply: (o: object) => unknown } }) => {\n      agentCtx.session.generateReply({ instructions: 'Greet the caller.' });\n    },\n  });\n}\n\nclass ${classNames[a]} {\n  static create() {\n    return create${classNames[a]}();\n  }\n}\n`,
      );
    } else {
      agentDefinitions.unshift(
        `${toolDecls}\n${agentClassSource(random, api, domain, classNames[a], roles[a], uniqueTools, { mistakes, toolStyle })}`,
      );
    }
  }
  parts.push(...agentDefinitions);

  options.prewarm = random.chance(0.75);
  const entry = entrySource(random, api, domain, factoryStyle ? `${api.name('Agent')}` : classNames[0], options);
  if (factoryStyle) {
    entry.body = entry.body.replace(`new ${api.name('Agent')}()`, `${classNames[0]}.create()`);
  }
  const loadVad = sileroStyle === 'namespace' ? 'silero.VAD.load' : 'SileroVAD.load';
  if (!useSilero) entry.body = entry.body.replace(/const vad = await silero\.VAD\.load\(\);\nvoid vad;\n?/, '');
  else if (sileroStyle === 'named') entry.body = entry.body.replace('silero.VAD.load', 'SileroVAD.load');
  const prewarm =
    options.prewarm && useSilero
      ? `  prewarm: async (proc${api.typed ? ': JobProcess' : ''}) => {\n    proc.userData.vad = await ${loadVad}({ minSilenceDuration: ${random.pick([300, 550, 800])} });\n  },\n`
      : '';
  const ctxType = api.typed ? ': JobContext' : '';
  const defineStyle = random.pick(['inline', 'const', 'function']);
  let define;
  if (defineStyle === 'function') {
    define = `async function entry(${entry.ctx}${ctxType}) {\n${indent(entry.body, 2)}\n}\n\nexport default ${api.name('defineAgent')}({\n${prewarm}  entry,\n});\n`;
  } else {
    const call = `${api.name('defineAgent')}({\n${prewarm}  entry: async (${entry.ctx}${ctxType}) => {\n${indent(entry.body, 4)}\n  },\n})`;
    define =
      defineStyle === 'inline'
        ? `export default ${call};\n`
        : `const agentDefinition = ${call};\n\nexport default agentDefinition;\n`;
  }
  parts.push(define);
  if (random.chance(0.5)) {
    const serverOptions = random.chance(mistakes * 0.3) ? 'WorkerOptions' : null;
    parts.push(
      serverOptions
        ? `// Older projects still start the worker this way.\n${api.name('cli')}.runApp(new ${api.name(serverOptions)}({ agent: fileURLToPath(import.meta.url), agentName: '${domain.key}-agent' }));\n`
        : `if (process.argv[1] === fileURLToPath(import.meta.url)) {\n  ${api.name('cli')}.runApp(new ${api.name('ServerOptions')}({ agent: fileURLToPath(import.meta.url) }));\n}\n`,
    );
    if (!extraImports.includes("import { fileURLToPath } from 'node:url';"))
      extraImports.push("import { fileURLToPath } from 'node:url';");
  }

  const body = parts.join('\n');
  const header = `/**\n * ${domain.desk}: ${roles.join(', ')} voice agent${agentCount > 1 ? 's' : ''}.\n */\n`;
  const imports =
    api.header(api.typed) +
    (pluginImports.length ? pluginImports.join('\n') + '\n' : '') +
    extraImports.join('\n') +
    '\n';
  return `${header}${imports}\n${body}`;
}

/** One ordinary TypeScript file with no LiveKit import: services, validation, HTTP handlers, logging. */
export function plainFile(random) {
  const domain = random.pick(DOMAINS);
  const entity = cap(domain.noun);
  const fields = random.sample(FIELDS, random.int(3, 7));
  const parts = [];
  parts.push(`/**\n * ${entity} records for ${domain.desk}: storage, validation and HTTP handlers.\n */\n`);
  parts.push(
    random.pick([
      "import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';\nimport { randomUUID } from 'node:crypto';\n",
      "import { randomUUID } from 'node:crypto';\nimport { EventEmitter } from 'node:events';\nimport type { IncomingMessage, ServerResponse } from 'node:http';\n",
    ]),
  );
  parts.push(
    `export interface ${entity} {\n  id: string;\n${fields.map((field) => `  ${field}${random.chance(0.3) ? '?' : ''}: ${field === 'partySize' || field === 'amount' ? 'number' : 'string'};`).join('\n')}\n  createdAt: Date;\n}\n`,
  );
  parts.push(
    `export type ${entity}Input = Omit<${entity}, 'id' | 'createdAt'>;\n\nexport class ValidationError extends Error {\n  constructor(readonly field: string, message: string) {\n    super(message);\n    this.name = 'ValidationError';\n  }\n}\n`,
  );
  parts.push(
    `export function validate${entity}(input: Partial<${entity}Input>): ${entity}Input {\n${fields
      .map((field) =>
        field === 'email'
          ? `  if (input.email !== undefined && !/^[^@\\s]+@[^@\\s]+$/.test(input.email)) throw new ValidationError('email', 'invalid email');`
          : field === 'partySize' || field === 'amount'
            ? `  if (input.${field} !== undefined && (!Number.isFinite(input.${field}) || input.${field} < 0)) throw new ValidationError('${field}', '${field} must be positive');`
            : `  if (typeof input.${field} === 'string' && input.${field}.length > ${random.int(64, 512)}) throw new ValidationError('${field}', '${field} is too long');`,
      )
      .join('\n')}\n  return input as ${entity}Input;\n}\n`,
  );
  parts.push(`export class ${entity}Store {
  private readonly items = new Map<string, ${entity}>();
  private readonly byDay = new Map<string, Set<string>>();

  create(input: ${entity}Input): ${entity} {
    const item: ${entity} = { ...input, id: randomUUID(), createdAt: new Date() };
    this.items.set(item.id, item);
    const day = item.createdAt.toISOString().slice(0, 10);
    const ids = this.byDay.get(day) ?? new Set<string>();
    ids.add(item.id);
    this.byDay.set(day, ids);
    return item;
  }

  get(id: string): ${entity} | undefined {
    return this.items.get(id);
  }

  list({ limit = ${random.int(10, 100)}, offset = 0 }: { limit?: number; offset?: number } = {}): ${entity}[] {
    return [...this.items.values()]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(offset, offset + limit);
  }

  remove(id: string): boolean {
    const item = this.items.get(id);
    if (!item) return false;
    this.items.delete(id);
    this.byDay.get(item.createdAt.toISOString().slice(0, 10))?.delete(id);
    return true;
  }

  countByDay(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [day, ids] of this.byDay) result[day] = ids.size;
    return result;
  }
}
`);
  const loggerStyle = random.pick(['console', 'logger']);
  const logCall = loggerStyle === 'console' ? 'console.info' : 'logger.info';
  if (loggerStyle === 'logger') {
    parts.push(
      `const logger = {\n  info: (fields: object, message: string) => process.stdout.write(JSON.stringify({ level: 'info', message, ...fields }) + '\\n'),\n  error: (fields: object, message: string) => process.stderr.write(JSON.stringify({ level: 'error', message, ...fields }) + '\\n'),\n};\n`,
    );
  }
  const leak = random.chance(0.05)
    ? `\n  ${logCall}(${loggerStyle === 'logger' ? "{ password: req.headers['x-password'] }, 'login attempt'" : "'login attempt', req.headers['x-password']"});`
    : '';
  parts.push(`async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function handle${entity}Request(store: ${entity}Store, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const id = url.pathname.split('/')[2];
  try {${leak}
    if (req.method === 'GET' && id) {
      const item = store.get(id);
      return item ? send(res, 200, item) : send(res, 404, { error: 'not found' });
    }
    if (req.method === 'GET') return send(res, 200, store.list({ limit: Number(url.searchParams.get('limit') ?? 20) }));
    if (req.method === 'POST') {
      const item = store.create(validate${entity}((await readBody(req)) as Partial<${entity}Input>));
      ${loggerStyle === 'logger' ? `logger.info({ id: item.id }, '${domain.noun} created')` : `console.info(\`${domain.noun} created \${item.id}\`)`};
      return send(res, 201, item);
    }
    if (req.method === 'DELETE' && id) return send(res, store.remove(id) ? 204 : 404, null);
    send(res, 405, { error: 'method not allowed' });
  } catch (error) {
    if (error instanceof ValidationError) return send(res, 400, { error: error.message, field: error.field });
    ${loggerStyle === 'logger' ? "logger.error({ err: String(error) }, 'request failed')" : "console.error('request failed', error)"};
    send(res, 500, { error: 'internal error' });
  }
}
`);
  if (random.chance(0.5)) {
    parts.push(`export function summarize(items: readonly ${entity}[]): string {
  const byMonth = new Map<string, number>();
  for (const item of items) {
    const month = item.createdAt.toISOString().slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, count]) => \`\${month}: \${count}\`)
    .join('\\n');
}

export async function retry<T>(fn: () => Promise<T>, attempts = ${random.int(2, 5)}, delayMs = ${random.int(50, 500)}): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** attempt));
    }
  }
  throw lastError;
}
`);
  }
  return parts.join('\n');
}
