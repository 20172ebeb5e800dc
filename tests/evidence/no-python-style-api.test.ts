/**
 * Evidence for no-python-style-api: the Python names of the docs page's ❌ agent do nothing in Node.js, or throw:
 * `proc.userdata` is undefined (prewarm throws), `min_silence_duration` is ignored (the VAD keeps its 550 ms default),
 * `ctx.connect({ auto_subscribe })` passes the object as `e2ee` and subscribes to everything, `userdata` is not a
 * session option (`session.userData` throws), `on_enter` is never called (no greeting), and `generate_reply` is not a
 * function. The ✅ agent's camelCase names all take effect. The code is the page's, run as the job process runs it
 * (prewarm on a JobProcess, entry on a job over a stand-in room, see sdk.ts), with two changes an offline run needs:
 * the session gets a FakeLLM, and it starts without `room: ctx.room`.
 */
import { AutoSubscribe, type JobContext, JobProcess, defineAgent, voice } from '@livekit/agents';
import * as silero from '@livekit/agents-plugin-silero';
import { describe, expect, it } from 'vitest';
import { StandInRoom, closeAfterTest, jobContext, recordingLLM } from './sdk.js';

const instructions = 'You are the front desk of a dental clinic.';
const model = () => recordingLLM();

describe('no-python-style-api', () => {
  it('❌ the Python names: prewarm throws, the options are ignored, the greeting never plays', async () => {
    const llm = model();
    let session: voice.AgentSession<{ appointments: unknown[] }> | undefined;
    // ❌ from docs/rules/no-python-style-api.md
    class FrontDesk extends voice.Agent {
      async on_enter() {
        // @ts-expect-error -- the page's code: generate_reply does not exist
        this.session.generate_reply({ instructions: 'Greet the caller.' });
      }
    }

    const agent = defineAgent({
      prewarm: async (proc: JobProcess) => {
        // @ts-expect-error -- the page's code: userdata does not exist
        proc.userdata.vad = await silero.VAD.load({ min_silence_duration: 0.55 });
      },
      entry: async (ctx: JobContext) => {
        // @ts-expect-error -- the page's code: an options object where e2ee goes
        await ctx.connect({ auto_subscribe: AutoSubscribe.AUDIO_ONLY });
        // @ts-expect-error -- the page's code: userdata is not an option
        session = closeAfterTest(new voice.AgentSession({ userdata: { appointments: [] }, llm }));
        await session.start({ agent: new FrontDesk({ instructions }) });
      },
    });

    // prewarm: proc.userdata is undefined, so the assignment throws and the process never gets ready.
    await expect(agent.prewarm!(new JobProcess())).rejects.toThrow(
      "Cannot set properties of undefined (setting 'vad')",
    );
    // min_silence_duration is not an option: the VAD keeps its default of 550 ms.
    const vad = await silero.VAD.load({ min_silence_duration: 0.55 } as never);
    expect(vad.minSilenceDuration).toBe(550);

    const room = new StandInRoom();
    await agent.entry(jobContext(room));
    // The options object became the e2ee argument, and auto_subscribe was not applied: everything is subscribed.
    expect(room.connectCalls[0]!.opts).toMatchObject({
      e2ee: { auto_subscribe: AutoSubscribe.AUDIO_ONLY },
      autoSubscribe: true,
    });
    // userdata is not a session option.
    expect(() => session!.userData).toThrow('Voice agent userData is not set');
    // on_enter is never called: no greeting is asked of the LLM.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(llm.systemTexts.join('\n')).not.toContain('Greet the caller.');
    // And had it been called, generate_reply is not a function.
    const frontDesk = session!.currentAgent as FrontDesk;
    await expect(frontDesk.on_enter()).rejects.toThrow('generate_reply is not a function');
  });

  it('✅ the camelCase names: the VAD, the subscription, userData and the greeting all take effect', async () => {
    const llm = model();
    let session: voice.AgentSession<{ appointments: unknown[] }> | undefined;
    // ✅ from docs/rules/no-python-style-api.md
    class FrontDesk extends voice.Agent {
      override async onEnter() {
        this.session.generateReply({ instructions: 'Greet the caller.' });
      }
    }

    const agent = defineAgent({
      prewarm: async (proc: JobProcess) => {
        proc.userData.vad = await silero.VAD.load({ minSilenceDuration: 550 });
      },
      entry: async (ctx: JobContext) => {
        await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY);
        session = closeAfterTest(new voice.AgentSession({ userData: { appointments: [] }, llm }));
        await session.start({ agent: new FrontDesk({ instructions }) });
      },
    });

    const proc = new JobProcess();
    await agent.prewarm!(proc);
    expect((proc.userData.vad as silero.VAD).minSilenceDuration).toBe(550);

    const room = new StandInRoom();
    await agent.entry(jobContext(room, proc));
    expect(room.connectCalls[0]!.opts).toMatchObject({ e2ee: undefined, autoSubscribe: false });
    expect(session!.userData).toEqual({ appointments: [] });
    await expect.poll(() => llm.systemTexts.join('\n'), { timeout: 5000 }).toContain('Greet the caller.');
  });
});
