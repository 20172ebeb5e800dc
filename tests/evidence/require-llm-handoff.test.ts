/**
 * Evidence for require-llm-handoff: a tool that returns an Agent (or a Python-style `[agent, message]` pair) does not
 * hand off. The value is serialised as an ordinary tool result, the other agent's prompt included, and the caller
 * stays with the current agent; `llm.handoff({ agent, returns })` switches agents and the LLM receives `returns`.
 * The tools are the docs page's examples, registered on a front-desk agent. Backed by voice/generation.ts (only an
 * `AgentHandoff` result from `llm.handoff` sets the new agent).
 */
import { llm, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { startSession } from './sdk.js';

const SUPPORT_PROMPT = 'You are device support. Secret escalation code: 7741.';
const SALES_PROMPT = 'You are sales. Offer the spring discount.';

class SupportAgent extends voice.Agent {}

// ❌ from docs/rules/require-llm-handoff.md
const transferToSupportIncorrect = llm.tool({
  description: 'Transfer the caller to support when their device is broken.',
  execute: async () => {
    const support = new SupportAgent({ instructions: SUPPORT_PROMPT });
    return [support, 'Transferring you to support.'];
  },
});

const transferToSales = llm.tool({
  description: 'Transfer the caller to sales when they want to buy.',
  execute: async () => new voice.Agent({ instructions: SALES_PROMPT }),
});

// ✅ from docs/rules/require-llm-handoff.md
const transferToSupportCorrect = llm.tool({
  description: 'Transfer the caller to support when their device is broken.',
  execute: async (_, { ctx }) =>
    llm.handoff({
      agent: new SupportAgent({ instructions: SUPPORT_PROMPT, chatCtx: ctx.session.history }),
      returns: 'Transferring you to support.',
    }),
});

async function callTransfer(tools: Record<string, llm.FunctionTool<never, never, unknown>>, name: string) {
  const frontDesk = new voice.Agent({ instructions: 'You are the front desk.', tools: tools as never });
  const input = 'My phone is broken';
  const session = await startSession(frontDesk, [{ input, toolCalls: [{ name, args: {} }] }]);
  const result = await session.run({ userInput: input }).wait();
  const output = result.expect.containsFunctionCallOutput().event().item.output;
  return { session, frontDesk, result, output };
}

describe('require-llm-handoff', () => {
  it('❌ a returned [agent, message] pair is sent to the LLM as JSON, prompt included, and nobody takes over', async () => {
    const { session, frontDesk, result, output } = await callTransfer(
      { transferToSupport: transferToSupportIncorrect as never },
      'transferToSupport',
    );
    expect(output).toContain('7741');
    expect(output).toContain('Transferring you to support.');
    expect(session.currentAgent).toBe(frontDesk);
    expect(result.events.some((event) => event.type === 'agent_handoff')).toBe(false);
  });

  it('❌ a returned agent is sent to the LLM as JSON, and the caller stays with the front desk', async () => {
    const { session, frontDesk, output } = await callTransfer(
      { transferToSales: transferToSales as never },
      'transferToSales',
    );
    expect(output).toContain('spring discount');
    expect(session.currentAgent).toBe(frontDesk);
  });

  it('✅ llm.handoff switches to the new agent, and the LLM receives only `returns`', async () => {
    const { session, result, output } = await callTransfer(
      { transferToSupport: transferToSupportCorrect as never },
      'transferToSupport',
    );
    result.expect.containsAgentHandoff({ newAgentType: SupportAgent });
    expect(session.currentAgent).toBeInstanceOf(SupportAgent);
    expect(output).toContain('Transferring you to support.');
    expect(output).not.toContain('7741');
  });
});
