import rule from '../../src/rules/no-blocking-calls.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-blocking-calls', rule, {
  valid: [
    {
      name: 'official style: static files read in prewarm and at module scope, async I/O in entry',
      code: code`
        import { defineAgent, type JobContext, type JobProcess } from '@livekit/agents';
        import { readFileSync } from 'node:fs';
        import { readFile } from 'node:fs/promises';
        const PROMPT = readFileSync(new URL('./prompt.txt', import.meta.url), 'utf8');
        export default defineAgent({
          prewarm: async (proc: JobProcess) => {
            proc.userData.faq = readFileSync('faq.json', 'utf8');
          },
          entry: async (ctx: JobContext) => {
            await ctx.connect();
            const notes = await readFile('notes.txt', 'utf8');
            return [PROMPT, notes];
          },
        });
      `,
    },
    {
      name: 'a helper outside every hot path',
      code: code`
        import { voice } from '@livekit/agents';
        import * as fs from 'node:fs';
        export function loadConfig() {
          return JSON.parse(fs.readFileSync('config.json', 'utf8'));
        }
        export const agent = new voice.Agent({ instructions: 'x' });
      `,
    },
    {
      name: 'no LiveKit import: not an agent file',
      code: code`
        import { readFileSync } from 'node:fs';
        export async function entry() { return readFileSync('x'); }
      `,
    },
    {
      name: 'shadowing local named readFileSync / fs',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { readFileSync } from 'node:fs';
        export default defineAgent({
          entry: async (ctx) => {
            const readFileSync = (path: string) => path;
            const fs = { execSync: (x: string) => x };
            readFileSync('a');
            fs.execSync('b');
          },
        });
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { readFileSync } from './memfs';
        export default defineAgent({ entry: async () => { readFileSync('a'); } });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import type * as fs from 'node:fs';
        declare const sync: typeof fs;
        export default defineAgent({ entry: async () => { sync.readFileSync('a'); } });
      `,
    },
    {
      name: 'a sync sleep is left to no-sync-sleep',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { execSync } from 'node:child_process';
        export default defineAgent({ entry: async () => { execSync('sleep 1'); } });
      `,
    },
    {
      name: 'allow option by name and by module.name',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { existsSync } from 'node:fs';
        import { randomFillSync } from 'node:crypto';
        export default defineAgent({ entry: async () => { existsSync('a'); randomFillSync(new Uint8Array(4)); } });
      `,
      options: [{ allow: ['existsSync', 'crypto.randomFillSync'] }],
    },
    {
      name: 'async and callback forms, and non-Sync exports',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import * as fs from 'node:fs';
        import { gzip } from 'node:zlib';
        import { randomUUID } from 'node:crypto';
        export default defineAgent({
          entry: async () => {
            await fs.promises.readFile('a');
            gzip('b', () => {});
            randomUUID();
          },
        });
      `,
    },
  ],
  invalid: [
    {
      name: 'a blocking helper of this file called from entry and from a tool names the hot path that reaches it',
      code: code`
        import { defineAgent, llm } from '@livekit/agents';
        import { readFileSync } from 'node:fs';
        function readNotes() { return readFileSync('notes.txt', 'utf8'); }
        function loadNotes() { return readNotes(); }
        export const notes = llm.tool({ description: 'Read the caller notes.', execute: async () => loadNotes() });
        export default defineAgent({ prewarm: async () => { readNotes(); }, entry: async () => {} });
      `,
      errors: [
        {
          messageId: 'blockingCall',
          data: {
            call: 'readFileSync',
            where: "`readNotes` (called from a tool's execute through `loadNotes`)",
            alternative: "`await readFile(...)` from 'node:fs/promises'",
          },
          line: 3,
        },
      ],
    },
    {
      name: 'readFileSync in entry (named node: import)',
      code: code`
        import { defineAgent, type JobContext } from '@livekit/agents';
        import { readFileSync } from 'node:fs';
        export default defineAgent({
          entry: async (ctx: JobContext) => {
            await ctx.connect();
            const faq = readFileSync('faq.json', 'utf8');
          },
        });
      `,
      errors: [
        {
          messageId: 'blockingCall',
          data: {
            call: 'readFileSync',
            where: "the job's entry function",
            alternative: "`await readFile(...)` from 'node:fs/promises'",
          },
          line: 6,
          column: 17,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'execSync and pbkdf2Sync in a tool (namespace and default imports, flat aliased tool)',
      code: code`
        import { tool as defineTool } from '@livekit/agents';
        import * as cp from 'child_process';
        import crypto from 'node:crypto';
        export const hashPin = defineTool({
          description: 'Check the PIN the caller reads out against the stored hash.',
          execute: async ({ pin }: { pin: string }) => {
            const host = cp.execSync('hostname').toString();
            return crypto.pbkdf2Sync(pin, host, 100000, 32, 'sha256').toString('hex');
          },
        });
      `,
      errors: [
        {
          messageId: 'blockingCall',
          data: {
            call: 'execSync',
            where: "a tool's execute",
            alternative: "`exec` from 'node:child_process' (with a callback, or `promisify` from 'node:util')",
          },
          line: 7,
        },
        {
          messageId: 'blockingCall',
          data: {
            call: 'pbkdf2Sync',
            where: "a tool's execute",
            alternative: "`pbkdf2` from 'node:crypto' (with a callback, or `promisify` from 'node:util')",
          },
          line: 8,
        },
      ],
    },
    {
      name: 'gzipSync in an Agent method, existsSync in an agent hook, scryptSync in a session listener (namespace LiveKit import)',
      code: code`
        import * as agents from '@livekit/agents';
        import { gzipSync } from 'zlib';
        import { existsSync as exists, writeFileSync } from 'fs';
        import { scryptSync } from 'crypto';
        class Desk extends agents.voice.Agent {
          async onUserTurnCompleted() {
            writeFileSync('turn.gz', gzipSync('x'));
          }
        }
        agents.voice.Agent.create({ instructions: 'x', onEnter: async () => { exists('a'); } });
        export async function run(ctx: agents.JobContext) {
          const session = new agents.voice.AgentSession({});
          session.on(agents.voice.AgentSessionEventTypes.UserInputTranscribed, (ev) => scryptSync(ev.transcript, 'salt', 32));
          await session.start({ agent: new Desk({ instructions: 'x' }), room: ctx.room });
        }
      `,
      errors: [
        {
          messageId: 'blockingCall',
          data: {
            call: 'writeFileSync',
            where: 'an Agent method',
            alternative: "`await writeFile(...)` from 'node:fs/promises'",
          },
          line: 7,
          column: 5,
        },
        {
          messageId: 'blockingCall',
          data: {
            call: 'gzipSync',
            where: 'an Agent method',
            alternative: "`gzip` from 'node:zlib' (with a callback, or `promisify` from 'node:util')",
          },
          line: 7,
          column: 30,
        },
        {
          messageId: 'blockingCall',
          data: {
            call: 'existsSync',
            where: 'an agent hook',
            alternative: "`await access(...)` from 'node:fs/promises'",
          },
          line: 10,
        },
        {
          messageId: 'blockingCall',
          data: {
            call: 'scryptSync',
            where: 'a session event listener',
            alternative: "`scrypt` from 'node:crypto' (with a callback, or `promisify` from 'node:util')",
          },
          line: 13,
        },
      ],
    },
    {
      name: 'a nested callback inside entry is still entry; a child_process call that is not a sleep',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import { spawnSync } from 'node:child_process';
        export default defineAgent({
          entry: async () => {
            ['a', 'b'].forEach((name) => spawnSync('convert', [name]));
          },
        });
      `,
      errors: [
        {
          messageId: 'blockingCall',
          data: {
            call: 'spawnSync',
            where: "the job's entry function",
            alternative: "`spawn` from 'node:child_process' (with a callback, or `promisify` from 'node:util')",
          },
          line: 5,
        },
      ],
    },
  ],
});

commonJsTester.run('no-blocking-calls (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { defineAgent } = require('@livekit/agents'); const { readFileSync } = require('./memfs'); module.exports = defineAgent({ entry: async () => { readFileSync('a'); } });",
    },
  ],
  invalid: [
    {
      name: 'destructured and inline require',
      code: "const { defineAgent } = require('@livekit/agents'); const { readFileSync } = require('node:fs'); module.exports = defineAgent({ entry: async () => { readFileSync('a'); require('zlib').inflateSync(b); } });",
      errors: [
        {
          messageId: 'blockingCall',
          data: {
            call: 'readFileSync',
            where: "the job's entry function",
            alternative: "`await readFile(...)` from 'node:fs/promises'",
          },
        },
        {
          messageId: 'blockingCall',
          data: {
            call: 'inflateSync',
            where: "the job's entry function",
            alternative: "`inflate` from 'node:zlib' (with a callback, or `promisify` from 'node:util')",
          },
        },
      ],
    },
  ],
});
