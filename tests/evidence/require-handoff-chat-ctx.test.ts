/**
 * Evidence for require-handoff-chat-ctx: an agent built without `chatCtx` starts with an empty conversation, so after
 * the handoff the new agent has not heard what the caller said; passing `ctx.session.history` (or `this.chatCtx`)
 * carries it over. The classes and tools are the docs page's examples, with prompts defined and a tool added to
 * reach `escalate()`. Backed by voice/agent.ts (the constructor copies `chatCtx`, else `ChatContext.empty()`).
 */
import { llm, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { messages, startSession } from './sdk.js';

const BILLING_PROMPT = 'You handle invoices.';
const SUPERVISOR_PROMPT = 'You are the supervisor.';
const complaint = 'I was charged twice for October';

function incorrect() {
  // ❌ from docs/rules/require-handoff-chat-ctx.md
  class BillingAgent extends voice.Agent {
    constructor() {
      super({ instructions: BILLING_PROMPT }); // chatCtx is never forwarded
    }
  }

  const transferToBilling = llm.tool({
    description: 'Transfer the caller to billing when they ask about an invoice.',
    execute: async (_, { ctx: _ctx }) =>
      llm.handoff({ agent: new BillingAgent(), returns: 'Transferring you to billing now.' }),
  });

  class TriageAgent extends voice.Agent {
    async escalate() {
      this.session.updateAgent(new voice.Agent({ instructions: SUPERVISOR_PROMPT }));
    }
  }
  return { BillingAgent, transferToBilling, TriageAgent };
}

function correct() {
  // ✅ from docs/rules/require-handoff-chat-ctx.md
  class BillingAgent extends voice.Agent {
    constructor(chatCtx?: llm.ChatContext) {
      super({ instructions: BILLING_PROMPT, chatCtx });
    }
  }

  const transferToBilling = llm.tool({
    description: 'Transfer the caller to billing when they ask about an invoice.',
    execute: async (_, { ctx }) =>
      llm.handoff({ agent: new BillingAgent(ctx.session.history), returns: 'Transferring you to billing now.' }),
  });

  class TriageAgent extends voice.Agent {
    async escalate() {
      this.session.updateAgent(new voice.Agent({ instructions: SUPERVISOR_PROMPT, chatCtx: this.chatCtx }));
    }
  }
  return { BillingAgent, transferToBilling, TriageAgent };
}

/** Triage with the page's transfer tool and a tool that calls `escalate()`; returns who heard the complaint. */
async function transfer(example: ReturnType<typeof incorrect>, toolName: 'transferToBilling' | 'escalate') {
  const escalate = llm.tool({
    description: 'Escalate to a supervisor.',
    execute: async () => {
      await triage.escalate();
      return 'Escalating.';
    },
  });
  const triage: InstanceType<typeof example.TriageAgent> = new example.TriageAgent({
    instructions: 'You are triage.',
    tools: { transferToBilling: example.transferToBilling, escalate },
  });
  const session = await startSession(triage, [{ input: complaint, toolCalls: [{ name: toolName, args: {} }] }]);
  await session.run({ userInput: complaint }).wait();
  expect(session.currentAgent).not.toBe(triage);
  return messages(session.currentAgent.chatCtx, 'user');
}

describe('require-handoff-chat-ctx', () => {
  it('❌ llm.handoff to an agent built without chatCtx: billing has not heard the complaint', async () => {
    expect(await transfer(incorrect(), 'transferToBilling')).toEqual([]);
  });

  it('❌ session.updateAgent with a new agent without chatCtx: the supervisor starts empty', async () => {
    expect(await transfer(incorrect(), 'escalate')).toEqual([]);
  });

  it('✅ passing ctx.session.history / this.chatCtx carries the complaint over', async () => {
    expect(await transfer(correct(), 'transferToBilling')).toContain(complaint);
    expect(await transfer(correct(), 'escalate')).toContain(complaint);
  });

  it('✅ a deliberate fresh start with llm.ChatContext.empty() is empty, as written', () => {
    const survey = new voice.Agent({ instructions: 'Ask for a rating.', chatCtx: llm.ChatContext.empty() });
    expect(survey.chatCtx.items).toEqual([]);
  });
});
