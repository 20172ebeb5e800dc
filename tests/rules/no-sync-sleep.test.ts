import rule from '../../src/rules/no-sync-sleep.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

const LK = "import { defineAgent, type JobContext } from '@livekit/agents';";

ruleTester.run('no-sync-sleep', rule, {
  valid: [
    {
      name: 'official style: await setTimeout from node:timers/promises',
      code: code`
        ${LK}
        import { setTimeout as delay } from 'node:timers/promises';
        export default defineAgent({
          entry: async (ctx: JobContext) => {
            await ctx.connect();
            await delay(500);
          },
        });
      `,
    },
    {
      name: 'no LiveKit import: not an agent file',
      code: code`
        import { execSync } from 'node:child_process';
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        execSync('sleep 1');
      `,
    },
    {
      name: 'shadowing locals: Atomics, execSync, Date',
      code: code`
        ${LK}
        export function f(Atomics: { wait(...a: unknown[]): void }, execSync: (c: string) => void, Date: { now(): number }) {
          Atomics.wait(1, 2, 3, 4);
          execSync('sleep 1');
          const end = Date.now() + 10;
          while (Date.now() < end) {}
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        ${LK}
        import { execSync } from './shell';
        import sleep from './sleep';
        execSync('sleep 1');
        sleep.msleep(10);
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        ${LK}
        import type { execSync } from 'node:child_process';
        declare const run: typeof execSync;
        run('sleep 1');
      `,
    },
    {
      name: 'child_process commands that are not sleeps, and Atomics.waitAsync',
      code: code`
        ${LK}
        import { execSync, spawnSync } from 'node:child_process';
        execSync('git rev-parse HEAD');
        spawnSync('ls', ['-la']);
        await Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10).value;
      `,
    },
    {
      name: 'clock loops that do work or await are not sleeps',
      code: code`
        ${LK}
        declare const queue: (() => void)[];
        declare function tick(): Promise<void>;
        export async function drain(deadline: number) {
          while (Date.now() < deadline) {
            const job = queue.shift();
            if (!job) break;
            job();
          }
          while (Date.now() < deadline) await tick();
          for (let i = 0; i < 10; i++) {}
          while (true) { if (queue.length === 0) break; }
        }
      `,
    },
    {
      name: 'known miss: a sleep helper imported from another file (use the sleepFunctions option)',
      code: code`
        ${LK}
        import { pause } from './util';
        pause(100);
      `,
    },
  ],
  invalid: [
    {
      name: 'Atomics.wait in entry: suggestion adds the timers import',
      code: code`
        ${LK}
        export default defineAgent({
          entry: async (ctx: JobContext) => {
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
            await ctx.connect();
          },
        });
      `,
      errors: [
        {
          messageId: 'syncSleep',
          data: { what: '`Atomics.wait`' },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'useTimersPromises',
              data: { name: 'delay', delay: '250' },
              output: code`
                ${LK}
                import { setTimeout as delay } from 'node:timers/promises';
                export default defineAgent({
                  entry: async (ctx: JobContext) => {
                    await delay(250);
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
      name: "execSync('sleep 1') with a named node: import, and an existing timers binding reused",
      code: code`
        ${LK}
        import { execSync } from 'node:child_process';
        import { setTimeout as wait } from 'timers/promises';
        export async function retry() {
          execSync('sleep 1');
        }
      `,
      errors: [
        {
          messageId: 'syncSleep',
          data: { what: "`execSync('sleep …')`" },
          suggestions: [
            {
              messageId: 'useTimersPromises',
              data: { name: 'wait', delay: '1000' },
              output: code`
                ${LK}
                import { execSync } from 'node:child_process';
                import { setTimeout as wait } from 'timers/promises';
                export async function retry() {
                  await wait(1000);
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'spawnSync and execFileSync through a namespace import; a name already taken is skipped',
      code: code`
        ${LK}
        import * as cp from 'child_process';
        const delay = 5;
        export async function f() {
          cp.spawnSync('sleep', ['0.5']);
          cp.execFileSync('/bin/sleep', [\`\${delay}\`]);
        }
      `,
      errors: [
        {
          messageId: 'syncSleep',
          line: 5,
          suggestions: [
            {
              messageId: 'useTimersPromises',
              data: { name: 'sleep', delay: '500' },
              output: code`
                ${LK}
                import * as cp from 'child_process';
                import { setTimeout as sleep } from 'node:timers/promises';
                const delay = 5;
                export async function f() {
                  await sleep(500);
                  cp.execFileSync('/bin/sleep', [\`\${delay}\`]);
                }
              `,
            },
          ],
        },
        { messageId: 'syncSleep', line: 6, suggestions: [] },
      ],
    },
    {
      name: 'the sleep package: sleep, msleep, usleep under default and named imports',
      code: code`
        ${LK}
        import sleep from 'sleep';
        import { usleep } from 'sleep';
        export async function f(seconds: number, micros: number) {
          sleep.sleep(2);
          sleep.msleep(seconds);
          usleep(micros);
        }
      `,
      errors: [
        {
          messageId: 'syncSleep',
          data: { what: '`sleep.sleep`' },
          line: 5,
          suggestions: [
            {
              messageId: 'useTimersPromises',
              data: { name: 'delay', delay: '2000' },
              output: code`
                ${LK}
                import sleep from 'sleep';
                import { usleep } from 'sleep';
                import { setTimeout as delay } from 'node:timers/promises';
                export async function f(seconds: number, micros: number) {
                  await delay(2000);
                  sleep.msleep(seconds);
                  usleep(micros);
                }
              `,
            },
          ],
        },
        {
          messageId: 'syncSleep',
          data: { what: '`sleep.msleep`' },
          line: 6,
          suggestions: [
            {
              messageId: 'useTimersPromises',
              data: { name: 'delay', delay: 'seconds' },
              output: code`
                ${LK}
                import sleep from 'sleep';
                import { usleep } from 'sleep';
                import { setTimeout as delay } from 'node:timers/promises';
                export async function f(seconds: number, micros: number) {
                  sleep.sleep(2);
                  await delay(seconds);
                  usleep(micros);
                }
              `,
            },
          ],
        },
        {
          messageId: 'syncSleep',
          data: { what: '`sleep.usleep`' },
          line: 7,
          suggestions: [
            {
              messageId: 'useTimersPromises',
              data: { name: 'delay', delay: 'micros / 1000' },
              output: code`
                ${LK}
                import sleep from 'sleep';
                import { usleep } from 'sleep';
                import { setTimeout as delay } from 'node:timers/promises';
                export async function f(seconds: number, micros: number) {
                  sleep.sleep(2);
                  sleep.msleep(seconds);
                  await delay(micros / 1000);
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'atomic-sleep, system-sleep, deasync; no suggestion outside async functions or for loopWhile',
      code: code`
        ${LK}
        import atomicSleep from 'atomic-sleep';
        import * as systemSleep from 'system-sleep';
        import deasync from 'deasync';
        export function f(done: () => boolean) {
          atomicSleep(10);
          systemSleep(10);
          deasync.sleep(10);
          deasync.loopWhile(() => !done());
        }
      `,
      errors: [
        { messageId: 'syncSleep', data: { what: '`atomicSleep`' }, line: 6, suggestions: [] },
        { messageId: 'syncSleep', data: { what: '`systemSleep`' }, line: 7, suggestions: [] },
        { messageId: 'syncSleep', data: { what: '`deasync.sleep`' }, line: 8, suggestions: [] },
        { messageId: 'syncSleep', data: { what: '`deasync.loopWhile`' }, line: 9, suggestions: [] },
      ],
    },
    {
      name: 'anywhere in a LiveKit file: module scope and prewarm; a used result gets no suggestion',
      code: code`
        ${LK}
        const flag = new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(flag, 0, 0, 5);
        export default defineAgent({
          prewarm: async () => {
            const result = Atomics.wait(flag, 0, 0, 5);
          },
          entry: async () => {},
        });
      `,
      errors: [
        { messageId: 'syncSleep', line: 3, suggestions: [] },
        { messageId: 'syncSleep', line: 6, suggestions: [] },
      ],
    },
    {
      name: 'busy-wait loops on every clock',
      code: code`
        ${LK}
        import { performance as perf } from 'node:perf_hooks';
        export function spin(ms: number) {
          const end = Date.now() + ms;
          while (Date.now() < end) {}
          for (const start = performance.now(); performance.now() - start < ms; ) {}
          do { /* wait */ } while (new Date().getTime() < end);
          while (true) { if (Date.now() >= end) break; }
          for (;;) if (process.hrtime.bigint() > BigInt(end)) break;
          while (perf.now() < end);
        }
      `,
      errors: [
        { messageId: 'busyWait', line: 5, column: 3, endLine: 5, endColumn: 26 },
        { messageId: 'busyWait', line: 6 },
        { messageId: 'busyWait', line: 7, endColumn: 56 },
        { messageId: 'busyWait', line: 8 },
        { messageId: 'busyWait', line: 9 },
        { messageId: 'busyWait', line: 10 },
      ],
    },
    {
      name: 'namespace LiveKit import marks the file; busy-wait in a tool',
      code: code`
        import * as agents from '@livekit/agents';
        export const slow = agents.llm.tool({
          description: 'Wait for the line to clear before transferring.',
          execute: async () => {
            const end = Date.now() + 100;
            while (Date.now() < end) {}
            return 'ok';
          },
        });
      `,
      errors: [{ messageId: 'busyWait', line: 6, column: 5 }],
    },
    {
      name: 'sleepFunctions option',
      code: code`
        ${LK}
        import { blockFor } from './util';
        blockFor(100);
      `,
      options: [{ sleepFunctions: ['blockFor'] }],
      errors: [{ messageId: 'syncSleep', data: { what: '`blockFor`' } }],
    },
    {
      name: 'aliased and flat LiveKit imports mark the file; template command with a dynamic duration',
      code: code`
        import { voice as v } from '@livekit/agents';
        import { execSync as run } from 'node:child_process';
        export class Desk extends v.Agent {
          async onEnter(seconds = 1) {
            run(\`sleep \${seconds}\`);
          }
        }
      `,
      errors: [{ messageId: 'syncSleep', line: 5, suggestions: [] }],
    },
  ],
});

commonJsTester.run('no-sync-sleep (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package that looks like child_process',
      code: "const { llm } = require('@livekit/agents'); const { execSync } = require('./cp'); execSync('sleep 1');",
    },
  ],
  invalid: [
    {
      name: 'destructured require of child_process and sleep-sync; the suggestion adds a require',
      code: code`
        'use strict';
        const { llm } = require('@livekit/agents');
        const { execFileSync } = require('node:child_process');
        const sleepSync = require('sleep-sync');
        async function wait() {
          execFileSync('sleep', ['2']);
          sleepSync(50);
        }
      `,
      errors: [
        {
          messageId: 'syncSleep',
          line: 6,
          suggestions: [
            {
              messageId: 'useTimersPromises',
              data: { name: 'delay', delay: '2000' },
              output: code`
                'use strict';
                const { llm } = require('@livekit/agents');
                const { execFileSync } = require('node:child_process');
                const sleepSync = require('sleep-sync');
                const { setTimeout: delay } = require('node:timers/promises');
                async function wait() {
                  await delay(2000);
                  sleepSync(50);
                }
              `,
            },
          ],
        },
        {
          messageId: 'syncSleep',
          line: 7,
          suggestions: [
            {
              messageId: 'useTimersPromises',
              data: { name: 'delay', delay: '50' },
              output: code`
                'use strict';
                const { llm } = require('@livekit/agents');
                const { execFileSync } = require('node:child_process');
                const sleepSync = require('sleep-sync');
                const { setTimeout: delay } = require('node:timers/promises');
                async function wait() {
                  execFileSync('sleep', ['2']);
                  await delay(50);
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});
