import rule from '../../src/rules/no-vad-load-outside-prewarm.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

const ENTRY = 'in entry, on every call';
const MODULE = 'at module scope, on import in every process (the main server process too) and outside prewarm';

ruleTester.run('no-vad-load-outside-prewarm', rule, {
  valid: [
    {
      name: 'official starter: VAD loaded in prewarm, read from proc.userData in entry',
      code: code`
        import { type JobContext, type JobProcess, defineAgent, voice } from '@livekit/agents';
        import * as silero from '@livekit/agents-plugin-silero';
        export default defineAgent({
          prewarm: async (proc: JobProcess) => {
            proc.userData.vad = await silero.VAD.load();
          },
          entry: async (ctx: JobContext) => {
            const session = new voice.AgentSession({ vad: ctx.proc.userData.vad! as silero.VAD });
            await session.start({ agent, room: ctx.room });
            await ctx.connect();
          },
        });
      `,
    },
    {
      name: 'prewarm named by the prewarm key, and a helper called only from prewarm',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { VAD } from '@livekit/agents-plugin-silero';
        async function loadVad() {
          return VAD.load({ minSilenceDuration: 550 });
        }
        async function prewarm(proc) {
          proc.userData.vad = await loadVad();
        }
        export default defineAgent({ prewarm, entry: async (ctx) => { await ctx.connect(); } });
      `,
    },
    {
      name: 'exported helpers whose callers are not visible, and a function named like prewarm',
      code: code`
        import * as silero from '@livekit/agents-plugin-silero';
        export async function loadModels() {
          return { vad: await silero.VAD.load() };
        }
        export const prewarmModels = async (proc) => {
          proc.userData.vad = await silero.VAD.load();
        };
      `,
    },
    {
      name: 'shadowing local named silero',
      code: code`
        import * as lk from '@livekit/agents-plugin-silero';
        export default function make(silero: { VAD: { load(): void } }) {
          silero.VAD.load();
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { voice } from '@livekit/agents';
        import { VAD } from 'some-vad';
        const vad = await VAD.load();
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import { voice } from '@livekit/agents';
        import type * as silero from '@livekit/agents-plugin-silero';
        declare const plugin: typeof silero;
        const vad = await plugin.VAD.load();
      `,
    },
    {
      name: 'known miss: a method of a plain class, called from entry (callers of methods are not followed)',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import * as silero from '@livekit/agents-plugin-silero';
        class Models {
          async vad() {
            return silero.VAD.load();
          }
        }
        export default defineAgent({
          entry: async (ctx) => {
            await ctx.connect();
            const vad = await new Models().vad();
          },
        });
      `,
    },
    {
      name: 'option loaders: a custom loader inside prewarm',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          prewarm: async (proc) => { proc.userData.classifier = await models.loadClassifier(); },
          entry: async (ctx) => { await ctx.connect(); },
        });
      `,
      options: [{ loaders: ['models.loadClassifier'] }],
    },
  ],
  invalid: [
    {
      name: 'namespace import: VAD loaded in entry',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        import * as silero from '@livekit/agents-plugin-silero';
        export default defineAgent({
          entry: async (ctx) => {
            await ctx.connect();
            const session = new voice.AgentSession({ vad: await silero.VAD.load() });
          },
        });
      `,
      errors: [
        {
          messageId: 'outsidePrewarm',
          data: { callee: 'silero.VAD.load', where: ENTRY },
          line: 6,
          column: 57,
          endColumn: 74,
        },
      ],
    },
    {
      name: 'flat (named) import at module scope',
      code: code`
        import { VAD } from '@livekit/agents-plugin-silero';
        const vad = await VAD.load();
      `,
      errors: [{ messageId: 'outsidePrewarm', data: { callee: 'VAD.load', where: MODULE }, line: 2 }],
    },
    {
      name: 'aliased import in a tool, in an Agent method and in a helper called from entry',
      code: code`
        import { defineAgent, llm, voice } from '@livekit/agents';
        import { VAD as SileroVAD } from '@livekit/agents-plugin-silero';
        const recheck = llm.tool({ description: 'x', execute: async () => SileroVAD.load() });
        class Support extends voice.Agent {
          async onEnter() {
            await SileroVAD.load();
          }
        }
        const makeVad = () => SileroVAD.load();
        export default defineAgent({
          entry: async (ctx) => {
            await ctx.connect();
            const vad = await makeVad();
          },
        });
      `,
      errors: [
        {
          messageId: 'outsidePrewarm',
          data: { callee: 'SileroVAD.load', where: "in a tool's execute, on every tool call" },
          line: 3,
        },
        {
          messageId: 'outsidePrewarm',
          data: { callee: 'SileroVAD.load', where: 'in an Agent method, on every call' },
          line: 6,
        },
        {
          messageId: 'outsidePrewarm',
          data: { callee: 'SileroVAD.load', where: `in makeVad(), called ${ENTRY}` },
          line: 9,
        },
      ],
    },
    {
      name: 'default import of the plugin, in a session listener; a helper called at module scope',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        import silero from '@livekit/agents-plugin-silero';
        function loadAll() {
          return silero.VAD.load();
        }
        const ready = loadAll();
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({});
            session.on('agent_state_changed', async () => {
              await silero.VAD.load();
            });
          },
        });
      `,
      errors: [
        {
          messageId: 'outsidePrewarm',
          data: { callee: 'silero.VAD.load', where: `in loadAll(), called ${MODULE}` },
          line: 4,
        },
        {
          messageId: 'outsidePrewarm',
          data: { callee: 'silero.VAD.load', where: 'in a session listener, on every event' },
          line: 11,
        },
      ],
    },
    {
      name: 'option loaders: a custom heavy load in entry',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await ctx.connect();
            const classifier = await models.loadClassifier('intent');
          },
        });
      `,
      options: [{ loaders: ['models.loadClassifier'] }],
      errors: [{ messageId: 'outsidePrewarm', data: { callee: 'models.loadClassifier', where: ENTRY }, line: 5 }],
    },
  ],
});

commonJsTester.run('no-vad-load-outside-prewarm (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const silero = require('silero-vad'); silero.VAD.load();",
    },
  ],
  invalid: [
    {
      name: 'namespace require at module scope',
      code: "const silero = require('@livekit/agents-plugin-silero'); const vad = silero.VAD.load();",
      errors: [{ messageId: 'outsidePrewarm', data: { callee: 'silero.VAD.load', where: MODULE } }],
    },
    {
      name: 'destructured require in entry',
      code: "const { VAD } = require('@livekit/agents-plugin-silero'); const { defineAgent } = require('@livekit/agents'); module.exports = defineAgent({ entry: async (ctx) => { await ctx.connect(); await VAD.load(); } });",
      errors: [{ messageId: 'outsidePrewarm', data: { callee: 'VAD.load', where: ENTRY } }],
    },
  ],
});
