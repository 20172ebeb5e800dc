/**
 * Evidence for require-run-result-wait: `session.run()` returns a RunResult that is not a promise, so
 * `await session.run(...)` hands back a run that has not happened yet (no events, `done()` false) and the docs page's
 * ❌ test fails on a correct agent; and a `judge()` that is not awaited lets the test finish before the verdict
 * exists, so a wrong answer passes. `startSession` and `judgeLlm` stand in for the page's helpers (a FakeLLM agent
 * and a FakeLLM judge). Backed by voice/testing/run_result.ts (`wait()`, `judge()` is `async`).
 */
import { voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { startSession as startOfflineSession } from './sdk.js';

const FRONT_DESK_PROMPT = 'You are the front desk of a dental clinic.';
const INTENT = 'greets the caller';
/** The judge's reason; the vitest config drops the unhandled rejection that carries it (the ❌ test leaves one). */
const UNSEEN_VERDICT = 'evidence: verdict nobody awaited';

function judgeLlmFor(agentReply: string, verdict: boolean) {
  const input = `Check if the following message fulfills the given intent.\n\nIntent:\n${INTENT}\n\nMessage:\n${agentReply}`;
  const reason = verdict ? 'It greets the caller.' : UNSEEN_VERDICT;
  return new voice.testing.FakeLLM([
    { input, ttft: 30, toolCalls: [{ name: 'check_intent', args: { success: verdict, reason } }] },
  ]);
}

function agentReplying(reply: string) {
  return (agent: voice.Agent) => startOfflineSession(agent, [{ input: 'Hello', content: reply }]);
}

// ❌ from docs/rules/require-run-result-wait.md, as a function of the page's helpers
async function greetsTheCallerIncorrect(
  startSession: (agent: voice.Agent) => Promise<voice.AgentSession>,
  judgeLlm: voice.testing.FakeLLM,
) {
  const session = await startSession(new voice.Agent({ instructions: FRONT_DESK_PROMPT }));
  const result = await session.run({ userInput: 'Hello' });
  result.expect.nextEvent().isMessage({ role: 'assistant' }).judge(judgeLlm, { intent: 'greets the caller' });
}

// ✅ from docs/rules/require-run-result-wait.md
async function greetsTheCallerCorrect(
  startSession: (agent: voice.Agent) => Promise<voice.AgentSession>,
  judgeLlm: voice.testing.FakeLLM,
) {
  const session = await startSession(new voice.Agent({ instructions: FRONT_DESK_PROMPT }));
  const result = await session.run({ userInput: 'Hello' }).wait();
  await result.expect.nextEvent().isMessage({ role: 'assistant' }).judge(judgeLlm, { intent: 'greets the caller' });
}

describe('require-run-result-wait', () => {
  it('❌ `await session.run()` returns before the run: no events yet, not done', async () => {
    const session = await startOfflineSession(new voice.Agent({ instructions: FRONT_DESK_PROMPT }), [
      { input: 'Hello', content: 'Good morning, how can I help?' },
    ]);
    const result = await session.run({ userInput: 'Hello' });
    expect(result.done()).toBe(false);
    expect(result.events).toEqual([]);
    await result.wait();
    expect(result.events.some((event) => event.type === 'message' && event.item.role === 'assistant')).toBe(true);
  });

  it("❌ the page's test fails on an agent that greets correctly (it reads the run before it happens)", async () => {
    const reply = 'Good morning, how can I help?';
    await expect(greetsTheCallerIncorrect(agentReplying(reply), judgeLlmFor(reply, true))).rejects.toThrow(
      'Expected another event, but none left.',
    );
  });

  it('❌ an unawaited judge lets the test finish before the verdict: a wrong greeting passes', async () => {
    const reply = 'We are closed.';
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      // The page's ❌ body with only the run fixed, so that it reaches judge().
      const session = await agentReplying(reply)(new voice.Agent({ instructions: FRONT_DESK_PROMPT }));
      const result = await session.run({ userInput: 'Hello' }).wait();
      result.expect.nextEvent().isMessage({ role: 'assistant' }).judge(judgeLlmFor(reply, false), { intent: INTENT });
      // The test body is over here and would pass; the judge's failing verdict arrives later, unhandled. (Vitest
      // reports such a rejection as an error of the run, attributed to no test, when it arrives before the file
      // ends; this test listens for it instead. A real judge that answers after the last test is not seen at all.)
      await expect.poll(() => rejections.map(String).join('\n'), { timeout: 3000 }).toContain(UNSEEN_VERDICT);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('✅ with wait() and an awaited judge, a correct greeting passes and a wrong one fails the test', async () => {
    const good = 'Good morning, how can I help?';
    await expect(greetsTheCallerCorrect(agentReplying(good), judgeLlmFor(good, true))).resolves.toBeUndefined();
    const wrong = 'We are closed.';
    await expect(greetsTheCallerCorrect(agentReplying(wrong), judgeLlmFor(wrong, false))).rejects.toThrow(
      UNSEEN_VERDICT,
    );
  });
});
