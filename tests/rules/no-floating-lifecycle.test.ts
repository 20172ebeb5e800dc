import rule from '../../src/rules/no-floating-lifecycle.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-floating-lifecycle', rule, {
  valid: [
    {
      name: 'official starter: both awaited; generateReply may float (it returns a SpeechHandle)',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({});
            await session.start({ agent, room: ctx.room });
            await ctx.connect();
            session.generateReply({ instructions: 'Greet the user.' });
          },
        });
      `,
    },
    {
      name: 'returned, void-ed, chained with .catch, assigned, or in Promise.all',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({});
            void ctx.connect();
            ctx.connect().catch(report);
            const started = session.start({ agent });
            await Promise.all([ctx.connect(), started]);
            return session.start({ agent, room: ctx.room });
          },
        });
        defineAgent({ entry: (ctx) => ctx.connect() });
      `,
    },
    {
      name: 'shadowing local: a connect on another ctx and a start on a non-session',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (job) => {
            {
              const job = socket;
              job.connect();
            }
            const session = timer;
            session.start({});
            await job.connect();
          },
        });
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { voice } from '@livekit/agents';
        import { AgentSession, defineAgent } from 'another-sdk';
        defineAgent({ entry: async (ctx) => { ctx.connect(); const s = new AgentSession(); s.start({}); } });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { voice } from '@livekit/agents';
        declare const Session: typeof voice.AgentSession;
        const session = new Session({});
        session.start({ agent });
      `,
    },
    {
      name: 'an untyped helper parameter that no same-file caller hands the JobContext is not known to be one',
      code: code`
        import { voice } from '@livekit/agents';
        export function join(room) {
          room.connect();
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'a helper parameter typed JobContext (type-only import), and one that entry hands ctx to',
      code: code`
        import { type JobContext, defineAgent } from '@livekit/agents';
        export function join(ctx: JobContext) {
          ctx.connect();
        }
        async function watch(job, room) {
          await room.ready;
          job.connect();
        }
        export default defineAgent({
          entry: async (ctx) => {
            await watch(ctx, ctx.room);
          },
        });
      `,
      errors: [
        { messageId: 'floating', data: { name: 'ctx.connect()' }, line: 3, suggestions: [] },
        {
          messageId: 'floating',
          data: { name: 'job.connect()' },
          line: 7,
          suggestions: [
            {
              messageId: 'addAwait',
              output: code`
              import { type JobContext, defineAgent } from '@livekit/agents';
              export function join(ctx: JobContext) {
                ctx.connect();
              }
              async function watch(job, room) {
                await room.ready;
                await job.connect();
              }
              export default defineAgent({
                entry: async (ctx) => {
                  await watch(ctx, ctx.room);
                },
              });
            `,
            },
          ],
        },
      ],
    },
    {
      name: 'a session held in a let assigned in beforeEach, started without await',
      code: code`
        import { voice } from '@livekit/agents';
        let session;
        beforeEach(async () => {
          session = new voice.AgentSession({});
          session.start({ agent });
        });
      `,
      errors: [
        {
          messageId: 'floating',
          data: { name: 'session.start()' },
          line: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              output: code`
              import { voice } from '@livekit/agents';
              let session;
              beforeEach(async () => {
                session = new voice.AgentSession({});
                await session.start({ agent });
              });
            `,
            },
          ],
        },
      ],
    },
    {
      name: 'flat imports: floating ctx.connect() and session.start() in entry',
      code: code`
        import { AgentSession, defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            ctx.connect();
            const session = new AgentSession({});
            session.start({ agent, room: ctx.room });
          },
        });
      `,
      errors: [
        {
          messageId: 'floating',
          data: { name: 'ctx.connect()' },
          line: 4,
          column: 5,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'addAwait',
              output: code`
                import { AgentSession, defineAgent } from '@livekit/agents';
                export default defineAgent({
                  entry: async (ctx) => {
                    await ctx.connect();
                    const session = new AgentSession({});
                    session.start({ agent, room: ctx.room });
                  },
                });
              `,
            },
          ],
        },
        {
          messageId: 'floating',
          data: { name: 'session.start()' },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'addAwait',
              output: code`
                import { AgentSession, defineAgent } from '@livekit/agents';
                export default defineAgent({
                  entry: async (ctx) => {
                    ctx.connect();
                    const session = new AgentSession({});
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
      name: 'aliased import; a sync callback gets no await suggestion',
      code: code`
        import { defineAgent as define, voice as v } from '@livekit/agents';
        export default define({
          entry: async (job) => {
            const session = new v.AgentSession({});
            setTimeout(() => {
              session.start({ agent });
            }, 0);
            await job.connect();
          },
        });
      `,
      errors: [{ messageId: 'floating', data: { name: 'session.start()' }, line: 6, suggestions: [] }],
    },
    {
      name: 'namespace import; connect through getJobContext() and a TypeScript wrapper',
      code: code`
        import * as agents from '@livekit/agents';
        export async function startCall() {
          agents.getJobContext().connect() as Promise<void>;
        }
      `,
      errors: [
        {
          messageId: 'floating',
          data: { name: 'agents.getJobContext().connect()' },
          suggestions: [
            {
              messageId: 'addAwait',
              output: code`
                import * as agents from '@livekit/agents';
                export async function startCall() {
                  await agents.getJobContext().connect() as Promise<void>;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'entry as a method, optional call',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          async entry(ctx) {
            ctx.connect?.();
          },
        });
      `,
      errors: [
        {
          messageId: 'floating',
          data: { name: 'ctx.connect()' },
          suggestions: [
            {
              messageId: 'addAwait',
              output: code`
                import { defineAgent } from '@livekit/agents';
                export default defineAgent({
                  async entry(ctx) {
                    await ctx.connect?.();
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

commonJsTester.run('no-floating-lifecycle (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { defineAgent } = require('other'); defineAgent({ entry: async (ctx) => { ctx.connect(); } });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { defineAgent } = require('@livekit/agents'); module.exports = defineAgent({ entry: async (ctx) => { ctx.connect(); } });",
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "const { defineAgent } = require('@livekit/agents'); module.exports = defineAgent({ entry: async (ctx) => { await ctx.connect(); } });",
            },
          ],
        },
      ],
    },
    {
      name: 'namespace require: a session started without await',
      code: "const agents = require('@livekit/agents'); async function main() { const session = new agents.voice.AgentSession({}); session.start({ agent: a }); }",
      errors: [
        {
          messageId: 'floating',
          data: { name: 'session.start()' },
          suggestions: [
            {
              messageId: 'addAwait',
              output:
                "const agents = require('@livekit/agents'); async function main() { const session = new agents.voice.AgentSession({}); await session.start({ agent: a }); }",
            },
          ],
        },
      ],
    },
  ],
});
