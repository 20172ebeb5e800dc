/**
 * Evidence for no-readonly-chat-ctx-mutation: an agent's `chatCtx` is read-only (every change throws), and the
 * session's `chatCtx` is a copy (a change to it is lost without a word); `copy()` + `updateChatCtx()` works. The code
 * is the docs page's, with a `parameters` schema added to the tool. Backed by voice/agent.ts (`get chatCtx()` returns
 * a `ReadonlyChatContext`), llm/chat_context.ts (`ReadonlyChatContext.errorMsg`) and voice/agent_session.ts
 * (`get chatCtx()` returns `this._chatCtx.copy()`).
 */
import { llm, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messages, startSession } from './sdk.js';

const READ_ONLY = 'Please use .copy() and agent.update_chat_ctx() to modify the chat context.';
const parameters = z.object({ mood: z.string() });

describe('no-readonly-chat-ctx-mutation', () => {
  it('❌ this.chatCtx.addMessage in onEnter throws, and the note never reaches the agent', async () => {
    // ❌ from docs/rules/no-readonly-chat-ctx-mutation.md
    class Assistant extends voice.Agent {
      override async onEnter() {
        this.chatCtx.addMessage({ role: 'system', content: 'The caller is a VIP.' }); // throws
      }
    }
    const agent = new Assistant({ instructions: 'Help the caller.' });
    await startSession(agent);
    // The SDK ran onEnter and logged the error; run the hook again on the active agent to see what it throws.
    await expect(agent.onEnter()).rejects.toThrow(READ_ONLY);
    expect(messages(agent.chatCtx, 'system')).not.toContain('The caller is a VIP.');
    expect(() => agent.chatCtx.items.push(llm.ChatMessage.create({ role: 'user', content: 'x' }))).toThrow(READ_ONLY);
  });

  it('❌ ctx.session.chatCtx.addMessage in a tool changes a copy: the mood is lost, with no error', async () => {
    // ❌ from docs/rules/no-readonly-chat-ctx-mutation.md
    const noteMood = llm.tool({
      description: 'Record how the caller sounds so that later agents can adapt.',
      parameters,
      execute: async ({ mood }, { ctx }) => {
        ctx.session.chatCtx.addMessage({ role: 'system', content: `Mood: ${mood}` }); // lost
        return 'Noted.';
      },
    });
    const agent = new voice.Agent({ instructions: 'Help the caller.', tools: { noteMood } });
    const session = await startSession(agent, [
      { input: 'Ugh, again?', toolCalls: [{ name: 'noteMood', args: { mood: 'tense' } }] },
    ]);
    const result = await session.run({ userInput: 'Ugh, again?' }).wait();
    result.expect.containsFunctionCallOutput({ isError: false });
    expect(messages(agent.chatCtx, 'system')).not.toContain('Mood: tense');
    expect(messages(session.history, 'system')).not.toContain('Mood: tense');
  });

  it('✅ copy(), change the copy, updateChatCtx(): both notes reach the agent', async () => {
    // ✅ from docs/rules/no-readonly-chat-ctx-mutation.md
    class Assistant extends voice.Agent {
      override async onEnter() {
        const chatCtx = this.chatCtx.copy();
        chatCtx.addMessage({ role: 'system', content: 'The caller is a VIP.' });
        await this.updateChatCtx(chatCtx);
      }
    }

    const noteMood = llm.tool({
      description: 'Record how the caller sounds so that later agents can adapt.',
      parameters,
      execute: async ({ mood }, { ctx }) => {
        const chatCtx = ctx.session.chatCtx;
        chatCtx.addMessage({ role: 'system', content: `Mood: ${mood}` });
        await ctx.session.currentAgent.updateChatCtx(chatCtx);
        return 'Noted.';
      },
    });

    const agent = new Assistant({ instructions: 'Help the caller.', tools: { noteMood } });
    const session = await startSession(agent, [
      { input: 'Ugh, again?', toolCalls: [{ name: 'noteMood', args: { mood: 'tense' } }] },
    ]);
    await expect.poll(() => messages(agent.chatCtx, 'system'), { timeout: 5000 }).toContain('The caller is a VIP.');
    const result = await session.run({ userInput: 'Ugh, again?' }).wait();
    result.expect.containsFunctionCallOutput({ isError: false });
    expect(messages(agent.chatCtx, 'system')).toContain('Mood: tense');
  });
});
