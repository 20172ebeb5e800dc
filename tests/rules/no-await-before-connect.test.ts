import rule from '../../src/rules/no-await-before-connect.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

const DEPTH_CODE = code`
  import { defineAgent } from '@livekit/agents';
  export default defineAgent({
    entry: async (ctx) => {
      if (flag) {
        await warmCache();
      }
      try {
        await loadRules();
      } catch {}
      for await (const row of readRows()) collect(row);
      const later = async () => await notBefore();
      await ctx.connect();
    },
  });
`;
const DEPTH_MOVE = [
  {
    messageId: 'moveConnect' as const,
    output: code`
      import { defineAgent } from '@livekit/agents';
      export default defineAgent({
        entry: async (ctx) => {
          await ctx.connect();
          if (flag) {
            await warmCache();
          }
          try {
            await loadRules();
          } catch {}
          for await (const row of readRows()) collect(row);
          const later = async () => await notBefore();
        },
      });
    `,
  },
];
const TRY_INSERT = [
  {
    messageId: 'insertConnect' as const,
    output: code`
      import { defineAgent } from '@livekit/agents';
      export default defineAgent({
        entry: async (ctx) => {
          await ctx.connect();
          try {
            await warm();
            if (await allowed()) {
              await ctx.connect();
            }
          } catch {}
        },
      });
    `,
  },
];
const DECLARATION_MOVE = [
  {
    messageId: 'moveConnect' as const,
    output: code`
      import { type JobContext, defineAgent } from '@livekit/agents';
      async function entry(ctx: JobContext) {
        await ctx.connect();
        await pending;
        await this.ready;
      }
      export default defineAgent({ entry });
    `,
  },
];

ruleTester.run('no-await-before-connect', rule, {
  valid: [
    {
      name: 'official starter order: await session.start({ room: ctx.room }) then await ctx.connect()',
      code: code`
        import { type JobContext, defineAgent, inference, voice } from '@livekit/agents';
        import { createAgent } from './agent.js';
        export default defineAgent({
          entry: async (ctx: JobContext) => {
            const session = new voice.AgentSession({ stt: new inference.STT({ model: 'deepgram/nova-3' }) });
            await session.start({ agent: createAgent(), room: ctx.room, inputOptions: {} });
            await ctx.connect();
            session.generateReply({ instructions: 'Greet the user.' });
          },
        });
      `,
    },
    {
      name: 'connect first, then the slow work',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await ctx.connect();
            const profile = await fetchProfile(ctx.job.metadata);
            for await (const chunk of stream()) use(chunk, profile);
          },
        });
      `,
    },
    {
      name: 'awaits inside nested functions declared before the connect point do not run before it',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({});
            session.on('close', async () => { await flush(); });
            ctx.addShutdownCallback(async () => { await flush(); });
            const later = async () => await warm();
            async function helper() { await warm(); }
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
    },
    {
      name: 'the connect point is a call that is handed ctx: what happens inside is unknown',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await startCall(ctx);
            await fetchProfile();
            await ctx.connect();
          },
        });
      `,
    },
    {
      name: 'ctx.room handed to a call, through a const alias, may connect (the avatar pattern: started before the session)',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const { room } = ctx;
            await avatar.start(session, room);
            await fetchProfile();
            await ctx.connect();
          },
        });
      `,
    },
    {
      name: 'session.start with an options const holding room: ctx.room',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const room = ctx.room;
            const options = { agent, room };
            await session.start(options);
            await fetchProfile();
            await ctx.connect();
          },
        });
      `,
    },
    {
      name: 'an inline callback that connects, and a local function that connects, are connect points',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await retry(() => ctx.connect());
            await fetchProfile();
            await session.start({ agent, room: ctx.room });
          },
        });
        defineAgent({
          entry: async (ctx) => {
            const join = async () => { await ctx.connect(); };
            await join();
            await fetchProfile();
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
    },
    {
      name: 'an await inside the connect statement itself is not before it',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const [, profile] = await Promise.all([ctx.connect(), fetchProfile()]);
          },
        });
      `,
    },
    {
      name: 'option allow accepts a callee text, along a promise chain too',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await loadConfig();
            await cache.warm().then(() => 1);
            await ctx.connect();
          },
        });
      `,
      options: [{ allow: ['loadConfig', 'cache.warm'] }],
    },
    {
      name: 'no connect point in entry at all: nothing to measure against',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await fetchProfile();
            await session.start({ agent, room: otherRoom });
          },
        });
      `,
    },
    {
      name: 'shadowing local: an inner ctx is not the entry context',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await fetchProfile();
            {
              const ctx = other;
              await ctx.connect();
            }
          },
        });
      `,
    },
    {
      name: 'shadowing local: a local defineAgent is not LiveKit',
      code: code`
        import { voice } from '@livekit/agents';
        function setup(defineAgent: (options: object) => void) {
          defineAgent({ entry: async (ctx) => { await fetchProfile(); await ctx.connect(); } });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { voice } from '@livekit/agents';
        import { defineAgent } from 'other-agents';
        export default defineAgent({ entry: async (ctx) => { await fetchProfile(); await ctx.connect(); } });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { defineAgent } from '@livekit/agents';
        declare const define: typeof defineAgent;
        export default define({ entry: async (ctx) => { await fetchProfile(); await ctx.connect(); } });
      `,
    },
    {
      name: 'known miss: entry that destructures its context parameter',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async ({ connect, room }) => {
            await fetchProfile();
            await connect();
          },
        });
      `,
    },
    {
      name: 'a call handed ctx whose value is used at once is not a connect (a synchronous metadata reader), but a later await of one is',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const meta = readMetadata(ctx);
            await startCall(ctx);
            await fetchProfile(meta);
          },
        });
      `,
    },
    {
      name: 'work on paths that never join the room again (catch that rethrows, finally after a failed connect) is not reported',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            try {
              await ctx.connect();
              await runInterview();
            } catch (error) {
              await tracker.markFailed(error);
              throw error;
            } finally {
              await flushWrites();
            }
          },
        });
      `,
    },
    {
      name: 'an imported helper handed ctx may connect: silent after it (the official delegate style)',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { runSession } from './session.js';
        export default defineAgent({
          entry: async (ctx) => {
            await runSession(ctx);
            await postCallSummary();
          },
        });
      `,
    },
    {
      name: 'a same-file helper that connects first, then works: nothing before connect',
      code: code`
        import { defineAgent } from '@livekit/agents';
        async function runJob(ctx) {
          await ctx.connect();
          await loadCustomer(ctx.job.metadata);
        }
        export default defineAgent({ entry: (ctx) => runJob(ctx) });
      `,
    },
  ],
  invalid: [
    {
      name: 'flat import: await before ctx.connect(), suggestion moves the connect statement first',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const profile = await fetchProfile(ctx.job.metadata);
            await ctx.connect();
            greet(profile);
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'fetchProfile()', ctx: 'ctx' },
          line: 4,
          column: 21,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'moveConnect',
              data: { ctx: 'ctx' },
              output: code`
                import { defineAgent } from '@livekit/agents';
                export default defineAgent({
                  entry: async (ctx) => {
                    await ctx.connect();
                    const profile = await fetchProfile(ctx.job.metadata);
                    greet(profile);
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'aliased import: awaits before the starter-style session.start; the later ctx.connect() is moved first',
      code: code`
        import { defineAgent as agent, voice } from '@livekit/agents';
        export default agent({
          entry: async (ctx) => {
            const prompt = await loadPrompt();
            const session = new voice.AgentSession({});
            await session.start({ agent: build(prompt), room: ctx.room });
            await ctx.connect();
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'loadPrompt()', ctx: 'ctx' },
          line: 4,
          suggestions: [
            {
              messageId: 'moveConnect',
              output: code`
                import { defineAgent as agent, voice } from '@livekit/agents';
                export default agent({
                  entry: async (ctx) => {
                    await ctx.connect();
                    const prompt = await loadPrompt();
                    const session = new voice.AgentSession({});
                    await session.start({ agent: build(prompt), room: ctx.room });
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import: no ctx.connect() anywhere, suggestion inserts one first',
      code: code`
        import * as agents from '@livekit/agents';
        export default agents.defineAgent({
          entry: async (job: agents.JobContext) => {
            const participant = await job.waitForParticipant();
            await session.start({ agent, room: job.room });
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'job.waitForParticipant()', ctx: 'job' },
          line: 4,
          column: 25,
          suggestions: [
            {
              messageId: 'insertConnect',
              data: { ctx: 'job' },
              output: code`
                import * as agents from '@livekit/agents';
                export default agents.defineAgent({
                  entry: async (job: agents.JobContext) => {
                    await job.connect();
                    const participant = await job.waitForParticipant();
                    await session.start({ agent, room: job.room });
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'every await at any depth before the connect point, for await included; nested functions skipped',
      code: DEPTH_CODE,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'warmCache()', ctx: 'ctx' },
          line: 5,
          suggestions: DEPTH_MOVE,
        },
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'loadRules()', ctx: 'ctx' },
          line: 8,
          suggestions: DEPTH_MOVE,
        },
        {
          messageId: 'forAwaitBeforeConnect',
          data: { name: 'readRows()', ctx: 'ctx' },
          line: 10,
          column: 5,
          endColumn: 14,
          suggestions: DEPTH_MOVE,
        },
      ],
    },
    {
      name: 'awaits earlier in the block that holds the connect call, and in the if test on the way',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            try {
              await warm();
              if (await allowed()) {
                await ctx.connect();
              }
            } catch {}
          },
        });
      `,
      errors: [
        { messageId: 'awaitBeforeConnect', data: { name: 'warm()', ctx: 'ctx' }, line: 5, suggestions: TRY_INSERT },
        { messageId: 'awaitBeforeConnect', data: { name: 'allowed()', ctx: 'ctx' }, line: 6, suggestions: TRY_INSERT },
      ],
    },
    {
      name: 'connect arguments built before it: no suggestion (moving or adding a plain connect would change it)',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const e2ee = await loadKeys();
            await ctx.connect(e2ee);
          },
        });
      `,
      errors: [{ messageId: 'awaitBeforeConnect', data: { name: 'loadKeys()', ctx: 'ctx' }, suggestions: [] }],
    },
    {
      name: 'connect arguments from imports are moved with the statement; one-line entry keeps one line',
      code: code`
        import { AutoSubscribe, defineAgent } from '@livekit/agents';
        export default defineAgent({ entry: async (ctx) => { await delay(); await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY); } });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'delay()', ctx: 'ctx' },
          suggestions: [
            {
              messageId: 'moveConnect',
              output: code`
                import { AutoSubscribe, defineAgent } from '@livekit/agents';
                export default defineAgent({ entry: async (ctx) => { await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY); await delay(); } });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'entry as a function declaration named by the entry key; awaited value that is not a call',
      code: code`
        import { type JobContext, defineAgent } from '@livekit/agents';
        async function entry(ctx: JobContext) {
          await pending;
          await this.ready;
          await ctx.connect();
        }
        export default defineAgent({ entry });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'pending', ctx: 'ctx' },
          line: 3,
          suggestions: DECLARATION_MOVE,
        },
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'this.ready', ctx: 'ctx' },
          line: 4,
          suggestions: DECLARATION_MOVE,
        },
      ],
    },
    {
      name: 'entry as a method; option allow leaves other awaits reported; a call handed ctx later is the point',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          async entry(ctx) {
            await loadConfig();
            const data = await http.get(url);
            await startCall(ctx);
          },
        });
      `,
      options: [{ allow: ['loadConfig'] }],
      // startCall may connect with options of its own: a plain connect first would drop them, so no suggestion.
      errors: [{ messageId: 'awaitBeforeConnect', data: { name: 'http.get()', ctx: 'ctx' }, line: 5, suggestions: [] }],
    },
    {
      name: 'a same-file helper that only reads metadata is not a connect point: the awaits after it are reported',
      code: code`
        import { defineAgent } from '@livekit/agents';
        function field(ctx, key) {
          return JSON.parse(ctx.job.metadata ?? '{}')[key];
        }
        export default defineAgent({
          entry: async (ctx) => {
            const phone = field(ctx, 'callerPhone');
            const customer = await crm.lookup(phone);
            await crm.logCall(customer);
            await ctx.connect();
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'crm.lookup()', ctx: 'ctx' },
          line: 8,
          suggestions: [
            {
              messageId: 'moveConnect',
              output: code`
              import { defineAgent } from '@livekit/agents';
              function field(ctx, key) {
                return JSON.parse(ctx.job.metadata ?? '{}')[key];
              }
              export default defineAgent({
                entry: async (ctx) => {
                  await ctx.connect();
                  const phone = field(ctx, 'callerPhone');
                  const customer = await crm.lookup(phone);
                  await crm.logCall(customer);
                },
              });
            `,
            },
          ],
        },
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'crm.logCall()', ctx: 'ctx' },
          line: 9,
          suggestions: [
            {
              messageId: 'moveConnect',
              output: code`
              import { defineAgent } from '@livekit/agents';
              function field(ctx, key) {
                return JSON.parse(ctx.job.metadata ?? '{}')[key];
              }
              export default defineAgent({
                entry: async (ctx) => {
                  await ctx.connect();
                  const phone = field(ctx, 'callerPhone');
                  const customer = await crm.lookup(phone);
                  await crm.logCall(customer);
                },
              });
            `,
            },
          ],
        },
      ],
    },
    {
      name: 'a logger call handed ctx cannot connect; nor can a synchronous reader whose value is used',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            logger.info({ ctx, job: ctx.job }, 'new call');
            const meta = readMetadata(ctx);
            await mkdir(sessionDir(meta));
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'mkdir()', ctx: 'ctx' },
          line: 6,
          suggestions: [
            {
              messageId: 'insertConnect',
              output: code`
              import { defineAgent } from '@livekit/agents';
              export default defineAgent({
                entry: async (ctx) => {
                  await ctx.connect();
                  logger.info({ ctx, job: ctx.job }, 'new call');
                  const meta = readMetadata(ctx);
                  await mkdir(sessionDir(meta));
                  await session.start({ agent, room: ctx.room });
                },
              });
            `,
            },
          ],
        },
      ],
    },
    {
      name: 'a try block runs before its catch: the fetch in try is before the fallback that connects',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            let cfg;
            try {
              cfg = await fetchConfig();
            } catch {
              await fallback.start({ room: ctx.room });
            }
            await ctx.connect();
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'fetchConfig()', ctx: 'ctx' },
          line: 6,
          suggestions: [
            {
              messageId: 'moveConnect',
              output: code`
              import { defineAgent } from '@livekit/agents';
              export default defineAgent({
                entry: async (ctx) => {
                  await ctx.connect();
                  let cfg;
                  try {
                    cfg = await fetchConfig();
                  } catch {
                    await fallback.start({ room: ctx.room });
                  }
                },
              });
            `,
            },
          ],
        },
      ],
    },
    {
      name: 'a branch that connects leaves the other unconnected: the await after the if is reported',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            if (ctx.job.metadata) await ctx.connect();
            await loadPrompt();
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'loadPrompt()', ctx: 'ctx' },
          line: 5,
          suggestions: [
            {
              messageId: 'insertConnect',
              output: code`
              import { defineAgent } from '@livekit/agents';
              export default defineAgent({
                entry: async (ctx) => {
                  await ctx.connect();
                  if (ctx.job.metadata) await ctx.connect();
                  await loadPrompt();
                  await session.start({ agent, room: ctx.room });
                },
              });
            `,
            },
          ],
        },
      ],
    },
    {
      name: 'entry delegates to a same-file function: its awaits before it connects are reported with the chain',
      code: code`
        import { defineAgent } from '@livekit/agents';
        // Connects early (says the comment), after an HTTP call.
        async function runJob(ctx) {
          const config = await fetch(configUrl);
          await ctx.connect();
          await serve(config);
        }
        export default defineAgent({
          entry: async (ctx) => {
            await runJob(ctx);
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnectVia',
          data: { name: 'fetch()', helper: '`runJob`', chain: 'entry → runJob', ctx: 'ctx' },
          line: 4,
          suggestions: [
            {
              messageId: 'insertConnect',
              output: code`
                import { defineAgent } from '@livekit/agents';
                // Connects early (says the comment), after an HTTP call.
                async function runJob(ctx) {
                  const config = await fetch(configUrl);
                  await ctx.connect();
                  await serve(config);
                }
                export default defineAgent({
                  entry: async (ctx) => {
                    await ctx.connect();
                    await runJob(ctx);
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'an await in the same statement as the connect call is evaluated first',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await session.start({ agent: await buildAgent(), room: ctx.room });
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'buildAgent()', ctx: 'ctx' },
          line: 4,
          suggestions: [
            {
              messageId: 'insertConnect',
              output: code`
              import { defineAgent } from '@livekit/agents';
              export default defineAgent({
                entry: async (ctx) => {
                  await ctx.connect();
                  await session.start({ agent: await buildAgent(), room: ctx.room });
                },
              });
            `,
            },
          ],
        },
      ],
    },
  ],
});

commonJsTester.run('no-await-before-connect (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { defineAgent } = require('other'); module.exports = defineAgent({ entry: async (ctx) => { await a(); await ctx.connect(); } });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: code`
        const { defineAgent } = require('@livekit/agents');
        module.exports = defineAgent({
          entry: async (ctx) => {
            await fetchProfile();
            await ctx.connect();
          },
        });
      `,
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          line: 4,
          suggestions: [
            {
              messageId: 'moveConnect',
              output: code`
                const { defineAgent } = require('@livekit/agents');
                module.exports = defineAgent({
                  entry: async (ctx) => {
                    await ctx.connect();
                    await fetchProfile();
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace require',
      code: "const agents = require('@livekit/agents'); exports.default = agents.defineAgent({ entry: async (ctx) => { await fetchProfile(); await agents.foo(ctx.room); } });",
      errors: [{ messageId: 'awaitBeforeConnect', data: { name: 'fetchProfile()', ctx: 'ctx' }, suggestions: [] }],
    },
    {
      name: 'namespace require, connecting through session.start: insert suggestion',
      code: "const agents = require('@livekit/agents'); exports.default = agents.defineAgent({ entry: async (ctx) => { await fetchProfile(); await session.start({ agent, room: ctx.room }); } });",
      errors: [
        {
          messageId: 'awaitBeforeConnect',
          data: { name: 'fetchProfile()', ctx: 'ctx' },
          suggestions: [
            {
              messageId: 'insertConnect',
              output:
                "const agents = require('@livekit/agents'); exports.default = agents.defineAgent({ entry: async (ctx) => { await ctx.connect(); await fetchProfile(); await session.start({ agent, room: ctx.room }); } });",
            },
          ],
        },
      ],
    },
  ],
});
