/**
 * Evidence for no-sync-sleep: a synchronous sleep in one job stops the event loop of the whole process, so another
 * conversation served by that process gets no answer until it is over; `await delay(ms)` waits as long without
 * stopping anyone. The entries are the docs page's (on the SDK's JobContext over a stand-in room); the other
 * conversation is an offline AgentSession in the same process, answering one turn while the entry runs.
 */
import { execSync } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { type JobContext, defineAgent, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { StandInRoom, jobContext, longestTimerGap, startSession } from './sdk.js';

/** Runs `entry` while another conversation asks one question; returns how long that answer took, and the stall. */
async function otherCallDuring(entry: (ctx: JobContext) => Promise<void>) {
  const other = await startSession(new voice.Agent({ instructions: 'You answer opening hours.' }), [
    { input: 'When do you open?', content: 'At nine.' },
  ]);
  let answeredAfter = 0;
  const stall = await longestTimerGap(async () => {
    const asked = performance.now();
    const answer = other
      .run({ userInput: 'When do you open?' })
      .wait()
      .then(() => (answeredAfter = performance.now() - asked));
    await Promise.all([entry(jobContext(new StandInRoom())), answer]);
  });
  return { answeredAfter, stall };
}

describe('no-sync-sleep', () => {
  it('❌ execSync("sleep 1") and a busy-wait stall the process: the other call waits over a second', async () => {
    // ❌ from docs/rules/no-sync-sleep.md
    const agent = defineAgent({
      entry: async (ctx: JobContext) => {
        await ctx.connect();
        execSync('sleep 1'); // give the CRM a moment
        const end = Date.now() + 200;
        while (Date.now() < end) {}
      },
    });
    const { answeredAfter, stall } = await otherCallDuring(agent.entry);
    expect(stall).toBeGreaterThanOrEqual(1000);
    expect(answeredAfter).toBeGreaterThanOrEqual(1000);
  });

  it('✅ await delay(1000) waits as long, and the other call is answered meanwhile', async () => {
    // ✅ from docs/rules/no-sync-sleep.md
    const agent = defineAgent({
      entry: async (ctx: JobContext) => {
        await ctx.connect();
        await delay(1000);
      },
    });
    const started = performance.now();
    const { answeredAfter, stall } = await otherCallDuring(agent.entry);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(stall).toBeLessThan(500);
    expect(answeredAfter).toBeLessThan(500);
  });
});
