/**
 * Evidence for no-user-data-in-prewarm: prewarm runs on a process before any job is given to it, so there is no job
 * to read: `proc.job.metadata` throws (a JobProcess has no `job`), `getJobContext()` throws, and whatever prewarm
 * fetches is fetched before there is a caller, once for every call the process will serve. In entry, after
 * connecting, the job's metadata is there. The agents are the docs page's, run as the job process runs them
 * (prewarm on a JobProcess, then entry on a job of it, over a stand-in room); `fetch` is stubbed, so no request leaves
 * the machine. Not shown offline: how long a real CRM request would hold prewarm (its 10 s budget is
 * `initializeProcessTimeout`, node_modules/@livekit/agents/src/worker.ts:207). Backed by job.ts (`class JobProcess` has
 * `userData` and `pid` only; `getJobContext` throws outside a job).
 */
import { type JobContext, JobProcess, defineAgent, getJobContext } from '@livekit/agents';
import * as silero from '@livekit/agents-plugin-silero';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StandInRoom, jobContext, A_VAD } from './sdk.js';

let requests: { url: string; room: boolean }[];
let room: StandInRoom;

beforeEach(() => {
  requests = [];
  room = new StandInRoom();
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push({ url, room: room.isConnected });
    return new Response('{"name":"Ada"}');
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function runJob(agent: { prewarm?: (proc: JobProcess) => unknown; entry: (ctx: JobContext) => Promise<void> }) {
  const proc = new JobProcess();
  if (agent.prewarm) await agent.prewarm(proc);
  await agent.entry(jobContext(room, proc));
  return proc;
}

describe('no-user-data-in-prewarm', () => {
  it('❌ prewarm fetches before any caller exists, then fails on proc.job: the process never serves a call', async () => {
    let entered = false;
    // ❌ from docs/rules/no-user-data-in-prewarm.md
    const agent = defineAgent({
      prewarm: async (proc: JobProcess) => {
        proc.userData.profile = await fetch('https://crm.example/profile'); // no caller yet
        // @ts-expect-error -- the page's code: JobProcess has no job
        proc.userData.caller = proc.job.metadata; // a process has no job
      },
      entry: async (_ctx) => {
        entered = true;
      },
    });
    await expect(runJob(agent)).rejects.toThrow("Cannot read properties of undefined (reading 'metadata')");
    expect(requests).toEqual([{ url: 'https://crm.example/profile', room: false }]);
    expect(entered).toBe(false);
  });

  it('❌ getJobContext() in prewarm throws: there is no job yet', async () => {
    const agent = defineAgent({
      prewarm: async (proc: JobProcess) => {
        proc.userData.room = getJobContext().room.name;
      },
      entry: async () => {},
    });
    await expect(runJob(agent)).rejects.toThrow('no job context found');
  });

  it("✅ prewarm loads the model; entry fetches the caller's profile after connecting", async () => {
    // ✅ from docs/rules/no-user-data-in-prewarm.md
    const agent = defineAgent({
      prewarm: async (proc: JobProcess) => {
        proc.userData.vad = await silero.VAD.load();
      },
      entry: async (ctx) => {
        await ctx.connect();
        const _profile = await fetch(`https://crm.example/profile/${ctx.job.metadata}`);
      },
    });
    const proc = await runJob(agent);
    expect(proc.userData.vad).toMatchObject(A_VAD);
    expect(requests).toEqual([{ url: 'https://crm.example/profile/caller-42', room: true }]);
  });
});
