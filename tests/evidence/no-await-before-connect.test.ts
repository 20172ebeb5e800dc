/**
 * Evidence for no-await-before-connect.
 *
 * Not shown offline: the caller's wait itself. How long a caller sits in silence is the time between their join and
 * the agent's, which needs a LiveKit server. The SDK backs the claim in its own words: the doc comment of
 * `JobContext.connect` (node_modules/@livekit/agents/src/job.ts:370, "run this command as early in the function as
 * possible, as executing it later may cause noticeable delay between user and agent joins"), and the job runner's
 * 10-second timer (node_modules/@livekit/agents/src/ipc/job_proc_lazy_main.ts:153).
 *
 * Shown here, with the docs page's entries on the SDK's own JobContext over a stand-in room whose `connect` is
 * instant: in ❌ the connect waits for the whole CRM lookup (here 300 ms), and the job then fails at
 * `waitForParticipant`, never joining; in ✅ the room is joined at once and the lookup runs after. The session lines
 * of the page (an `AgentSession` started on `ctx.room`) need a server; `startCall` stands in for them. Also shown:
 * the 10-second warning, as logged by the SDK's logger, loses its hint (see the last test).
 */
import { type JobContext, defineAgent, initializeLogger, log } from '@livekit/agents';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StandInRoom, jobContext } from './sdk.js';

const CRM_LATENCY = 300;
const crm = {
  lookup: async (metadata: string) => {
    await new Promise((resolve) => setTimeout(resolve, CRM_LATENCY));
    return { name: 'Ada', metadata };
  },
};
const calls: { profile: unknown; at: number }[] = [];
/** Stands in for `new voice.AgentSession(...)` + `session.start({ agent: new Support(profile), room: ctx.room })`. */
async function startCall(profile: unknown) {
  calls.push({ profile, at: performance.now() });
}

afterEach(() => {
  calls.length = 0;
});

describe('no-await-before-connect', () => {
  it('❌ the room is not joined while the CRM answers, and then the job fails without ever joining', async () => {
    // ❌ from docs/rules/no-await-before-connect.md
    const agent = defineAgent({
      entry: async (ctx: JobContext) => {
        const profile = await crm.lookup(ctx.job.metadata); // the caller waits for the CRM
        const _participant = await ctx.waitForParticipant(); // and this throws: not connected yet
        await ctx.connect();
        await startCall(profile);
      },
    });
    const room = new StandInRoom();
    const started = performance.now();
    await expect(agent.entry(jobContext(room))).rejects.toThrow('room is not connected');
    expect(performance.now() - started).toBeGreaterThanOrEqual(CRM_LATENCY - 5);
    expect(room.connectCalls).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it('✅ connecting first joins the room at once; the lookup runs while the agent is in the room', async () => {
    // ✅ from docs/rules/no-await-before-connect.md
    const agent = defineAgent({
      entry: async (ctx: JobContext) => {
        await ctx.connect();
        const profile = await crm.lookup(ctx.job.metadata);
        await startCall(profile);
      },
    });
    const room = new StandInRoom();
    const started = performance.now();
    await agent.entry(jobContext(room));
    expect(room.connectCalls).toHaveLength(1);
    expect(room.connectCalls[0]!.at - started).toBeLessThan(CRM_LATENCY / 3);
    expect(calls).toEqual([{ profile: { name: 'Ada', metadata: 'caller-42' }, at: expect.any(Number) }]);
  });

  it('the 10-second warning, logged the way job_proc_lazy_main.ts:153 logs it, drops "did you forget to call ctx.connect()?"', () => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      initializeLogger({ pretty: false, level: 'info' });
      // The same call shape as the SDK's: two strings, the second without a placeholder to fill.
      log().warn(
        'room not connect after job_entry was called after 10 seconds, ',
        'did you forget to call ctx.connect()?',
      );
    } finally {
      write.mockRestore();
      initializeLogger({ pretty: false, level: 'fatal' });
    }
    const logged = lines.map((line) => JSON.parse(line) as { msg: string }).map((line) => line.msg);
    expect(logged).toEqual(['room not connect after job_entry was called after 10 seconds, ']);
  });
});
