import rule from '../../src/rules/no-unprewarmed-proc-userdata.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-unprewarmed-proc-userdata', rule, {
  valid: [
    {
      name: 'official starter: prewarm sets vad, entry reads it',
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
      name: 'every way prewarm can set keys, and every way entry can read them',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          prewarm: async (proc) => {
            proc.userData['vad'] = await loadVad();
            const data = proc.userData;
            data.classifier = await loadClassifier();
            Object.assign(proc.userData, { lexicon: 1, voices: 2 });
          },
          entry: async (ctx) => {
            const { vad, classifier } = ctx.proc.userData;
            const { proc } = ctx;
            use(proc.userData.lexicon, ctx.proc.userData['voices']);
          },
        });
      `,
    },
    {
      name: 'prewarm replaces userData with an object literal; destructured prewarm parameter',
      code: code`
        import { defineAgent } from '@livekit/agents';
        defineAgent({
          prewarm: async (proc) => { proc.userData = { vad: await loadVad() }; },
          entry: async (ctx) => { use(ctx.proc.userData.vad); },
        });
        defineAgent({
          prewarm: async ({ userData }) => { userData.vad = await loadVad(); },
          entry: async (ctx) => { use(ctx.proc.userData.vad); },
        });
      `,
    },
    {
      name: 'prewarm imported, or prewarm handing proc to a helper: its effects are not visible',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { prewarm } from './prewarm.js';
        defineAgent({ prewarm, entry: async (ctx) => { use(ctx.proc.userData.vad); } });
        defineAgent({
          prewarm: async (proc) => { await loadModels(proc); },
          entry: async (ctx) => { use(ctx.proc.userData.vad); },
        });
        defineAgent({ ...base, entry: async (ctx) => { use(ctx.proc.userData.vad); } });
      `,
    },
    {
      name: 'guarded reads and writes in entry are deliberate',
      code: code`
        import { defineAgent } from '@livekit/agents';
        defineAgent({
          entry: async (ctx) => {
            const vad = ctx.proc.userData.vad ?? (await loadVad());
            if (!ctx.proc.userData.cache) ctx.proc.userData.cache = new Map();
            const { turns = 0 } = ctx.proc.userData;
          },
        });
      `,
    },
    {
      name: 'known miss: entry hands ctx.proc to a helper that reads the missing key',
      code: code`
        import { defineAgent } from '@livekit/agents';
        defineAgent({
          prewarm: async (proc) => { proc.userData.vad = 1; },
          entry: async (ctx) => { use(readClassifier(ctx.proc)); },
        });
        function readClassifier(proc) {
          return proc.userData.classifier;
        }
      `,
    },
    {
      name: 'shadowing local: a ctx that is not the entry parameter',
      code: code`
        import { defineAgent } from '@livekit/agents';
        defineAgent({
          prewarm: async (proc) => { proc.userData.vad = 1; },
          entry: async (job) => {
            const ctx = other;
            use(ctx.proc.userData.classifier, job.proc.userData.vad);
          },
        });
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { voice } from '@livekit/agents';
        import { defineAgent } from 'other-agents';
        defineAgent({ entry: async (ctx) => use(ctx.proc.userData.vad) });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { defineAgent } from '@livekit/agents';
        declare const define: typeof defineAgent;
        define({ entry: async (ctx) => use(ctx.proc.userData.vad) });
      `,
    },
  ],
  invalid: [
    {
      name: 'flat import: the official-example bug, vad read with no prewarm at all',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        import * as silero from '@livekit/agents-plugin-silero';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({ vad: ctx.proc.userData.vad! as silero.VAD });
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
      errors: [{ messageId: 'noPrewarm', data: { ctx: 'ctx', key: 'vad' }, line: 5, column: 51, endColumn: 72 }],
    },
    {
      name: 'aliased import: prewarm sets vad, entry also reads a classifier it never sets',
      code: code`
        import { defineAgent as define } from '@livekit/agents';
        export default define({
          prewarm: async (proc) => {
            proc.userData.vad = await loadVad();
          },
          entry: async (job) => {
            const { vad, classifier } = job.proc.userData;
            const data = job.proc.userData;
            use(vad, classifier, data['lexicon']);
          },
        });
      `,
      errors: [
        { messageId: 'notSetInPrewarm', data: { ctx: 'job', key: 'classifier' }, line: 7, column: 18, endColumn: 28 },
        { messageId: 'notSetInPrewarm', data: { ctx: 'job', key: 'lexicon' }, line: 9, column: 26 },
      ],
    },
    {
      name: 'namespace import: entry and prewarm as named functions; nested destructuring',
      code: code`
        import * as agents from '@livekit/agents';
        function prewarm(proc: agents.JobProcess) {
          proc.userData.vad = null;
        }
        async function entry(ctx: agents.JobContext) {
          const {
            proc: {
              userData: { turnModel },
            },
          } = ctx;
        }
        export default agents.defineAgent({ prewarm, entry });
      `,
      errors: [{ messageId: 'notSetInPrewarm', data: { ctx: 'ctx', key: 'turnModel' }, line: 8, column: 19 }],
    },
  ],
});

commonJsTester.run('no-unprewarmed-proc-userdata (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { defineAgent } = require('other'); defineAgent({ entry: async (ctx) => ctx.proc.userData.vad });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { defineAgent } = require('@livekit/agents'); module.exports = defineAgent({ entry: async (ctx) => ctx.proc.userData.vad });",
      errors: [{ messageId: 'noPrewarm', data: { ctx: 'ctx', key: 'vad' } }],
    },
    {
      name: 'namespace require',
      code: "const agents = require('@livekit/agents'); module.exports = agents.defineAgent({ prewarm: (proc) => { proc.userData.vad = 1; }, entry: async (ctx) => ctx.proc.userData.stt });",
      errors: [{ messageId: 'notSetInPrewarm', data: { ctx: 'ctx', key: 'stt' } }],
    },
  ],
});
