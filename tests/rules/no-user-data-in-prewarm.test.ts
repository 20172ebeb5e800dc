import rule from '../../src/rules/no-user-data-in-prewarm.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-user-data-in-prewarm', rule, {
  valid: [
    {
      name: 'official starter: prewarm only loads the VAD model',
      code: code`
        import { type JobProcess, defineAgent } from '@livekit/agents';
        import * as silero from '@livekit/agents-plugin-silero';
        export default defineAgent({
          prewarm: async (proc: JobProcess) => {
            proc.userData.vad = await silero.VAD.load();
          },
          entry: async (ctx) => {
            await ctx.connect();
            const profile = await fetch(\`https://crm.example/\${ctx.room.name}\`);
          },
        });
      `,
    },
    {
      name: 'client setup, a stored loader that runs later, reading proc.pid and getJobContext(false)',
      code: code`
        import axios from 'axios';
        import { defineAgent, getJobContext } from '@livekit/agents';
        export default defineAgent({
          prewarm: (proc) => {
            proc.userData.http = axios.create({ baseURL: 'https://crm.example' });
            proc.userData.loadProfile = (id: string) => fetch(\`https://crm.example/\${id}\`);
            proc.userData.pid = proc.pid;
            proc.userData.job = getJobContext(false);
          },
          entry: async (ctx) => { await ctx.connect(); },
        });
      `,
    },
    {
      name: 'shadowing local: a fetch helper of the file, and a room on another object',
      code: code`
        import { defineAgent } from '@livekit/agents';
        function fetch(path: string) { return readCache(path); }
        export default defineAgent({
          prewarm: (proc) => {
            const config = { room: 'lobby' };
            proc.userData.lexicon = fetch('./lexicon.json');
            proc.userData.room = config.room;
          },
          entry: async (ctx) => { await ctx.connect(); },
        });
      `,
    },
    {
      name: 'same-named import from another package (a local got, an http wrapper)',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { got } from './cache.js';
        import { request } from 'my-http-wrapper';
        export default defineAgent({
          prewarm: async (proc) => { proc.userData.a = got('x'); proc.userData.b = request('y'); },
          entry: async (ctx) => { await ctx.connect(); },
        });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { defineAgent } from '@livekit/agents';
        declare const define: typeof defineAgent;
        define({ prewarm: async (proc) => { await fetch('https://x'); }, entry: async () => {} });
      `,
    },
    {
      name: 'known miss: per-user work behind a helper of another module (only its name says so)',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { fetchUserProfile } from './crm.js';
        export default defineAgent({
          prewarm: async (proc) => { proc.userData.profile = await fetchUserProfile(); },
          entry: async (ctx) => { await ctx.connect(); },
        });
      `,
    },
    {
      name: 'not in prewarm: the same calls in a helper are not judged',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export async function loadProfile(ctx) {
          return fetch(ctx.job.metadata);
        }
      `,
    },
  ],
  invalid: [
    {
      name: "flat import: the guide's bad example, fetching a user profile in prewarm",
      code: code`
        import { type JobProcess, defineAgent } from '@livekit/agents';
        export default defineAgent({
          prewarm: async (proc: JobProcess) => {
            proc.userData.profile = await fetch('https://crm.example/profile');
          },
          entry: async (ctx) => { await ctx.connect(); },
        });
      `,
      errors: [
        {
          messageId: 'network',
          data: { callee: 'fetch' },
          line: 4,
          column: 35,
          endColumn: 71,
        },
      ],
    },
    {
      name: 'aliased import; HTTP clients under every import style',
      code: code`
        import { defineAgent as define } from '@livekit/agents';
        import axios from 'axios';
        import * as https from 'node:https';
        import { request as send } from 'undici';
        const got = require('got');
        export default define({
          prewarm: async (proc) => {
            proc.userData.a = await axios.get('https://crm.example/a');
            proc.userData.b = https.get('https://crm.example/b');
            proc.userData.c = await send('https://crm.example/c');
            proc.userData.d = await got('https://crm.example/d').json();
          },
          entry: async (ctx) => { await ctx.connect(); },
        });
      `,
      errors: [
        { messageId: 'network', data: { callee: 'axios.get' }, line: 8 },
        { messageId: 'network', data: { callee: 'https.get' }, line: 9 },
        { messageId: 'network', data: { callee: 'send' }, line: 10 },
        { messageId: 'network', data: { callee: 'got' }, line: 11 },
      ],
    },
    {
      name: 'namespace import: job data read from the process and from getJobContext()',
      code: code`
        import * as agents from '@livekit/agents';
        async function prewarm(proc) {
          const metadata = JSON.parse(proc.job.metadata);
          const { participant } = proc;
          proc.userData.room = agents.getJobContext().room.name;
        }
        export default agents.defineAgent({ prewarm, entry: async (ctx) => { await ctx.connect(); } });
      `,
      errors: [
        { messageId: 'jobData', data: { name: 'proc.job', property: 'job' }, line: 3, column: 31, endColumn: 39 },
        { messageId: 'jobData', data: { name: '{ participant }', property: 'participant' }, line: 4, column: 11 },
        { messageId: 'jobContext', data: { callee: 'agents.getJobContext' }, line: 5 },
      ],
    },
    {
      name: 'prewarm typed as if it got a job context',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          prewarm: (ctx) => {
            ctx.userData.roomName = ctx.room.name;
          },
          entry: async (ctx) => { await ctx.connect(); },
        });
      `,
      errors: [{ messageId: 'jobData', data: { name: 'ctx.room', property: 'room' }, line: 4 }],
    },
  ],
});

commonJsTester.run('no-user-data-in-prewarm (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { defineAgent } = require('other'); defineAgent({ prewarm: async (proc) => { await fetch('x'); } });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { defineAgent } = require('@livekit/agents'); const http = require('http'); module.exports = defineAgent({ prewarm: (proc) => { http.request('http://x'); } });",
      errors: [{ messageId: 'network', data: { callee: 'http.request' } }],
    },
    {
      name: 'namespace require',
      code: "const agents = require('@livekit/agents'); module.exports = agents.defineAgent({ prewarm: async (proc) => { proc.userData.p = await fetch('https://x'); } });",
      errors: [{ messageId: 'network', data: { callee: 'fetch' } }],
    },
  ],
});
