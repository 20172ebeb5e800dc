import rule from '../../src/rules/require-session-metrics.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

const CODE = code`
  import { defineAgent, voice } from '@livekit/agents';
  export default defineAgent({
    entry: async (ctx) => {
      const session = new voice.AgentSession({});
      await session.start({ agent: new voice.Agent({ instructions: 'Book tables.' }), room: ctx.room });
    },
  });
`;

/** A version without self-reported metrics (before 1.0.23): the rule's checks apply. */
const OLD_SDK = { 'livekit-agents': { version: '1.0.12' } };

ruleTester.run('require-session-metrics', rule, {
  valid: [
    {
      name: 'official style: MetricsCollected listener with logMetrics',
      settings: OLD_SDK,
      code: code`
        import { defineAgent, metrics, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({ llm: 'openai/gpt-4.1-mini' });
            session.on(voice.AgentSessionEventTypes.MetricsCollected, (ev) => metrics.logMetrics(ev.metrics));
            await session.start({ agent: new voice.Agent({ instructions: 'x' }), room: ctx.room });
          },
        });
      `,
    },
    {
      name: "string event 'metrics_collected' with a custom sink",
      settings: OLD_SDK,
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({});
            session.on('metrics_collected', (ev) => sink.push(ev.metrics));
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
    },
    {
      name: 'session.usage read in a shutdown callback (flat imports)',
      settings: OLD_SDK,
      code: code`
        import { AgentSession, defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new AgentSession({});
            ctx.addShutdownCallback(async () => report(session.usage));
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
    },
    {
      name: 'session handed to a helper we cannot see',
      settings: OLD_SDK,
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        import { attachTelemetry } from './telemetry';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({});
            attachTelemetry(session);
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
    },
    {
      name: 'an event name we cannot read is given the benefit of the doubt',
      settings: OLD_SDK,
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        import { METRICS_EVENT } from './events';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({});
            session.on(METRICS_EVENT, record);
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
    },
    {
      name: 'a session in a test helper, not in entry',
      settings: OLD_SDK,
      code: code`
        import { voice } from '@livekit/agents';
        export async function startDesk(agent) {
          const session = new voice.AgentSession({ llm });
          await session.start({ agent });
          return session;
        }
      `,
    },
    {
      name: 'a session never started in entry',
      settings: OLD_SDK,
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({ entry: async () => { const session = new voice.AgentSession({}); } });
      `,
    },
    {
      name: 'known miss: a session built by a helper that entry calls is not checked',
      settings: OLD_SDK,
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        async function startSession(room: unknown) {
          const session = new voice.AgentSession({});
          await session.start({ agent, room });
        }
        export default defineAgent({ entry: async (ctx) => startSession(ctx.room) });
      `,
    },
    {
      name: 'same-named import from another package',
      settings: OLD_SDK,
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { AgentSession } from 'other-voice-sdk';
        export default defineAgent({ entry: async (ctx) => { const s = new AgentSession({}); await s.start({ room: ctx.room }); } });
      `,
    },
    {
      name: 'type-only import is not a binding',
      settings: OLD_SDK,
      code: code`
        import type { voice } from '@livekit/agents';
        import { defineAgent } from '@livekit/agents';
        declare const Session: typeof voice.AgentSession;
        export default defineAgent({ entry: async (ctx) => { const s = new Session({}); await s.start({ room: ctx.room }); } });
      `,
    },
    {
      name: 'shadowing local named voice',
      settings: OLD_SDK,
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const voice = { AgentSession: class { async start(o: object) {} } };
            const s = new voice.AgentSession();
            await s.start({ room: ctx.room });
          },
        });
      `,
    },
  ],
  invalid: [
    {
      name: 'no listener, no usage read',
      settings: OLD_SDK,
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({ llm: 'openai/gpt-4.1-mini' });
            session.on(voice.AgentSessionEventTypes.UserInputTranscribed, (ev) => console.log(ev.transcript));
            await session.start({ agent: new voice.Agent({ instructions: 'x' }), room: ctx.room });
          },
        });
      `,
      errors: [{ messageId: 'noMetrics', line: 4, column: 25, endColumn: 43 }],
    },
    {
      name: 'aliased import, entry named by an identifier',
      settings: OLD_SDK,
      code: code`
        import { AgentSession as Session, defineAgent } from '@livekit/agents';
        async function entry(ctx) {
          const session = new Session({});
          session.on('close', () => {});
          await session.start({ agent, room: ctx.room });
        }
        export default defineAgent({ entry });
      `,
      errors: [{ messageId: 'noMetrics', line: 3 }],
    },
    {
      name: 'namespace import',
      settings: OLD_SDK,
      code: code`
        import * as agents from '@livekit/agents';
        export default agents.defineAgent({
          entry: async (ctx) => {
            const session = new agents.voice.AgentSession({});
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
      errors: [{ messageId: 'noMetrics', line: 4 }],
    },
  ],
});

ruleTester.run('require-session-metrics (SDK versions that report metrics by themselves)', rule, {
  valid: [
    {
      // Since 1.0.23 the SDK puts LLM/TTS metrics on its OpenTelemetry spans (LiveKit Cloud observability) and, since
      // 1.2.0, sums session.usage itself: the official examples rightly add no listener.
      name: 'no listener on 1.0.23 and later, nor when the version is unknown (the latest)',
      settings: { 'livekit-agents': { version: '1.0.23' } },
      code: CODE,
    },
    {
      name: 'unknown version',
      code: CODE,
    },
  ],
  invalid: [
    {
      name: 'no listener on 1.0.22',
      settings: { 'livekit-agents': { version: '1.0.22' } },
      code: CODE,
      errors: [{ messageId: 'noMetrics', data: { version: '1.0.22' } }],
    },
  ],
});

commonJsTester.run('require-session-metrics (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      settings: OLD_SDK,
      code: "const { voice, defineAgent } = require('other'); module.exports = defineAgent({ entry: async (ctx) => { const s = new voice.AgentSession({}); await s.start({}); } });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      settings: OLD_SDK,
      code: "const { voice, defineAgent } = require('@livekit/agents'); module.exports = defineAgent({ entry: async (ctx) => { const s = new voice.AgentSession({}); await s.start({ room: ctx.room }); } });",
      errors: [{ messageId: 'noMetrics' }],
    },
  ],
});
