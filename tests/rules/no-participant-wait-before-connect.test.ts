import rule from '../../src/rules/no-participant-wait-before-connect.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-participant-wait-before-connect', rule, {
  valid: [
    {
      name: 'official style: connect, then wait for the participant',
      code: code`
        import { type JobContext, defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx: JobContext) => {
            await ctx.connect();
            const participant = await ctx.waitForParticipant();
          },
        });
      `,
    },
    {
      name: 'official starter order: session.start({ room: ctx.room }) connects, then ctx.connect(), then the wait',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({});
            await session.start({ agent, room: ctx.room });
            await ctx.connect();
            await ctx.waitForParticipant();
          },
        });
      `,
    },
    {
      name: 'a wait inside a callback declared before the connect point does not run before it',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const waitForCaller = () => ctx.waitForParticipant();
            await ctx.connect();
            await waitForCaller();
          },
        });
      `,
    },
    {
      name: 'the wait is the argument of the connect statement itself (not before it)',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await Promise.all([ctx.connect(), ctx.waitForParticipant()]);
          },
        });
      `,
    },
    {
      name: 'shadowing local: waitForParticipant on another object named ctx',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (job) => {
            const ctx = lobby;
            await ctx.waitForParticipant();
            await job.connect();
          },
        });
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { voice } from '@livekit/agents';
        import { defineAgent } from 'not-livekit';
        defineAgent({ entry: async (ctx) => { await ctx.waitForParticipant(); await ctx.connect(); } });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { defineAgent } from '@livekit/agents';
        declare const define: typeof defineAgent;
        define({ entry: async (ctx) => { await ctx.waitForParticipant(); await ctx.connect(); } });
      `,
    },
    {
      name: 'known miss: entry that never visibly connects has no connect point to compare with',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await ctx.waitForParticipant();
          },
        });
      `,
    },
  ],
  invalid: [
    {
      name: 'a wait inside the connect statement is evaluated before the session starts',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await session.start({ agent: build(await ctx.waitForParticipant()), room: ctx.room });
          },
        });
      `,
      errors: [
        {
          messageId: 'waitBeforeConnect',
          data: { ctx: 'ctx' },
          line: 4,
          suggestions: [
            {
              messageId: 'insertConnect',
              output: code`
              import { defineAgent } from '@livekit/agents';
              export default defineAgent({
                entry: async (ctx) => {
                  await ctx.connect();
                  await session.start({ agent: build(await ctx.waitForParticipant()), room: ctx.room });
                },
              });
            `,
            },
          ],
        },
      ],
    },
    {
      name: 'flat import: wait before ctx.connect()',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const participant = await ctx.waitForParticipant();
            await ctx.connect();
          },
        });
      `,
      errors: [
        {
          messageId: 'waitBeforeConnect',
          data: { ctx: 'ctx' },
          line: 4,
          column: 31,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'insertConnect',
              data: { ctx: 'ctx' },
              output: code`
                import { defineAgent } from '@livekit/agents';
                export default defineAgent({
                  entry: async (ctx) => {
                    await ctx.connect();
                    const participant = await ctx.waitForParticipant();
                    await ctx.connect();
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'aliased import: wait before session.start({ room: ctx.room }), inside a nested block',
      code: code`
        import { defineAgent as define, voice } from '@livekit/agents';
        export default define({
          entry: async (job) => {
            if (needsCaller) {
              log(await job.waitForParticipant('caller'));
            }
            await new voice.AgentSession({}).start({ agent, room: job.room });
          },
        });
      `,
      errors: [
        {
          messageId: 'waitBeforeConnect',
          data: { ctx: 'job' },
          line: 5,
          suggestions: [
            {
              messageId: 'insertConnect',
              data: { ctx: 'job' },
              output: code`
                import { defineAgent as define, voice } from '@livekit/agents';
                export default define({
                  entry: async (job) => {
                    if (needsCaller) {
                      await job.connect();
                      log(await job.waitForParticipant('caller'));
                    }
                    await new voice.AgentSession({}).start({ agent, room: job.room });
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import: a later connect with arguments leaves no suggestion',
      code: code`
        import * as agents from '@livekit/agents';
        export default agents.defineAgent({
          entry: async (ctx) => {
            const participant = await ctx.waitForParticipant();
            await ctx.connect(undefined, agents.AutoSubscribe.AUDIO_ONLY);
          },
        });
      `,
      errors: [{ messageId: 'waitBeforeConnect', data: { ctx: 'ctx' }, line: 4, suggestions: [] }],
    },
    {
      name: 'a wait that is not awaited, before a call handed ctx (which may connect with its own options: no suggestion)',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const waiting = ctx.waitForParticipant();
            await startCall(ctx);
          },
        });
      `,
      errors: [{ messageId: 'waitBeforeConnect', data: { ctx: 'ctx' }, line: 4, column: 21, suggestions: [] }],
    },
  ],
});

commonJsTester.run('no-participant-wait-before-connect (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { defineAgent } = require('other'); defineAgent({ entry: async (ctx) => { await ctx.waitForParticipant(); await ctx.connect(); } });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { defineAgent } = require('@livekit/agents'); module.exports = defineAgent({ entry: async (ctx) => { await ctx.waitForParticipant(); await ctx.connect(); } });",
      errors: [
        {
          messageId: 'waitBeforeConnect',
          suggestions: [
            {
              messageId: 'insertConnect',
              output:
                "const { defineAgent } = require('@livekit/agents'); module.exports = defineAgent({ entry: async (ctx) => { await ctx.connect(); await ctx.waitForParticipant(); await ctx.connect(); } });",
            },
          ],
        },
      ],
    },
    {
      name: 'namespace require',
      code: "const agents = require('@livekit/agents'); module.exports = agents.defineAgent({ entry: async (ctx) => { await ctx.waitForParticipant(); await new agents.voice.AgentSession({}).start({ room: ctx.room }); } });",
      errors: [
        {
          messageId: 'waitBeforeConnect',
          suggestions: [
            {
              messageId: 'insertConnect',
              output:
                "const agents = require('@livekit/agents'); module.exports = agents.defineAgent({ entry: async (ctx) => { await ctx.connect(); await ctx.waitForParticipant(); await new agents.voice.AgentSession({}).start({ room: ctx.room }); } });",
            },
          ],
        },
      ],
    },
  ],
});
