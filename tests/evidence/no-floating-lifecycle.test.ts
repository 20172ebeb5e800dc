/**
 * Evidence for no-floating-lifecycle: with `ctx.connect()` and `session.start()` left floating, entry runs on as if
 * the agent were live: the greeting throws `AgentSession is not running` (the session has not started yet), and a
 * refused room connection becomes an unhandled rejection that entry never sees, so the job fails on the wrong step.
 * Awaited, the greeting is sent; and a refused connection fails entry at the connect, with its own error.
 *
 * The entries are the docs page's, run on the SDK's JobContext over a stand-in room (see sdk.ts), with two changes a
 * room-less offline run needs: the session gets a FakeLLM instead of 'openai/gpt-4.1-mini', and it starts without
 * `room: ctx.room` (an AgentSession on a room needs a server). Backed by voice/agent_session.ts (`generateReply`
 * throws `AgentSession is not running` before `start` has finished) and job.ts (`connect` awaits `room.connect`).
 */
import { type JobContext, defineAgent, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { type RecordingLLM, StandInRoom, closeAfterTest, jobContext, recordingLLM } from './sdk.js';

class Support extends voice.Agent {
  constructor() {
    super({ instructions: 'You are support.' });
  }
}

const refused = () => new StandInRoom({ connectError: new Error('could not establish signal connection') });

function sessionFor(model: RecordingLLM) {
  return closeAfterTest(new voice.AgentSession({ llm: model }));
}

function incorrect(model: RecordingLLM) {
  // ❌ from docs/rules/no-floating-lifecycle.md
  return defineAgent({
    entry: async (ctx: JobContext) => {
      ctx.connect();
      const session = sessionFor(model);
      session.start({ agent: new Support() });
      session.generateReply({ instructions: 'Greet the caller.' });
    },
  });
}

function correct(model: RecordingLLM) {
  // ✅ from docs/rules/no-floating-lifecycle.md
  return defineAgent({
    entry: async (ctx: JobContext) => {
      await ctx.connect();
      const session = sessionFor(model);
      await session.start({ agent: new Support() });
      session.generateReply({ instructions: 'Greet the caller.' });
    },
  });
}

/** Runs `fn`, collecting the unhandled rejections it leaves behind. */
async function collectingUnhandled(fn: () => Promise<unknown>) {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', listener);
  try {
    const outcome = await fn().then(
      () => 'resolved',
      (error: unknown) => String(error),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { outcome, unhandled: unhandled.map(String) };
  } finally {
    process.off('unhandledRejection', listener);
  }
}

describe('no-floating-lifecycle', () => {
  it('❌ the greeting runs before the session has started, and throws', async () => {
    const model = recordingLLM();
    await expect(incorrect(model).entry(jobContext(new StandInRoom()))).rejects.toThrow('AgentSession is not running');
    expect(model.systemTexts.join('\n')).not.toContain('Greet the caller.');
  });

  it('❌ a refused connection is an unhandled rejection; entry fails on another step', async () => {
    const { outcome, unhandled } = await collectingUnhandled(() =>
      incorrect(recordingLLM()).entry(jobContext(refused())),
    );
    expect(outcome).toBe('Error: AgentSession is not running');
    expect(unhandled).toEqual(['Error: could not establish signal connection']);
  });

  it('✅ awaited, the greeting is sent; a refused connection fails entry at the connect, with its own error', async () => {
    const model = recordingLLM();
    await correct(model).entry(jobContext(new StandInRoom()));
    await expect.poll(() => model.systemTexts.join('\n'), { timeout: 5000 }).toContain('Greet the caller.');

    const { outcome, unhandled } = await collectingUnhandled(() =>
      correct(recordingLLM()).entry(jobContext(refused())),
    );
    expect(outcome).toBe('Error: could not establish signal connection');
    // (Older FakeLLMs may leave an unrelated rejection of the first greeting here: only the connect error counts.)
    expect(unhandled.filter((reason) => reason.includes('signal connection'))).toEqual([]);
  });
});
