/**
 * Evidence for no-unprewarmed-proc-userdata: with no prewarm, `ctx.proc.userData.vad` is `undefined`, with no error,
 * and the session runs without the Silero VAD the code names (on the SDK's default VAD since 1.4.7, on none before);
 * with the prewarm, the session gets the very VAD prewarm loaded. The agents are the docs page's, run the way the job
 * process runs them: `prewarm(proc)` on a JobProcess (when there is one), then `entry(ctx)` on a JobContext of that
 * process over a stand-in room. `session.start({ ..., room: ctx.room })` needs a server and is left out; the session
 * is kept for the assertions. Backed by job.ts (`userData = {}` on a JobProcess) and voice/agent_session.ts (the
 * `vad === undefined` default).
 */
import { type JobContext, JobProcess, defineAgent, voice } from '@livekit/agents';
import * as silero from '@livekit/agents-plugin-silero';
import { describe, expect, it } from 'vitest';
import { StandInRoom, closeAfterTest, jobContext, A_VAD } from './sdk.js';

let session: voice.AgentSession | undefined;

/** Runs a defined agent the way the job process does: prewarm on the process, then entry on a job of it. */
async function runJob(agent: { prewarm?: (proc: JobProcess) => unknown; entry: (ctx: JobContext) => Promise<void> }) {
  const proc = new JobProcess();
  if (agent.prewarm) await agent.prewarm(proc);
  await agent.entry(jobContext(new StandInRoom(), proc));
  return proc;
}

describe('no-unprewarmed-proc-userdata', () => {
  it('❌ no prewarm: userData.vad is undefined, and the session quietly runs without the Silero VAD', async () => {
    // ❌ from docs/rules/no-unprewarmed-proc-userdata.md
    const agent = defineAgent({
      // no prewarm: userData is empty
      entry: async (ctx) => {
        session = closeAfterTest(new voice.AgentSession({ vad: ctx.proc.userData.vad as silero.VAD }));
      },
    });
    const proc = await runJob(agent);
    expect(proc.userData.vad).toBeUndefined();
    // The session got no VAD from the code: none before 1.4.7, the SDK's own default since (voice/agent_session.ts:720).
    expect([undefined, 'inference.VAD']).toContain((session!.vad as { label?: string } | undefined)?.label);
  });

  it('✅ with the prewarm, the session gets the VAD that prewarm loaded', async () => {
    // ✅ from docs/rules/no-unprewarmed-proc-userdata.md
    const agent = defineAgent({
      prewarm: async (proc: JobProcess) => {
        proc.userData.vad = await silero.VAD.load();
      },
      entry: async (ctx) => {
        session = closeAfterTest(new voice.AgentSession({ vad: ctx.proc.userData.vad as silero.VAD }));
      },
    });
    const proc = await runJob(agent);
    expect(proc.userData.vad).toMatchObject(A_VAD);
    expect(session!.vad).toBe(proc.userData.vad);
  });
});
