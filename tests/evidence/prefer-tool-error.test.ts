/**
 * Evidence for prefer-tool-error: a plain `Error` thrown in a tool reaches the LLM only as "An internal error
 * occurred"; an `llm.ToolError` reaches it with its message. The ❌/✅ tools are the docs page's examples, with an
 * in-memory `orders` store standing in for the database. Backed by voice/generation.ts (the `isToolError` branch).
 */
import { llm, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSession, toolOutputs } from './sdk.js';

const orders = { find: async (orderId: string) => (orderId === '100' ? { status: 'shipped' } : undefined) };
const parameters = z.object({ orderId: z.string() });

// ❌ from docs/rules/prefer-tool-error.md
const lookupOrderIncorrect = llm.tool({
  name: 'lookupOrder',
  description: '...',
  parameters,
  execute: async ({ orderId }) => {
    const order = await orders.find(orderId);
    if (!order) throw new Error(`Order ${orderId} not found`);
    return order.status;
  },
});

// ✅ from docs/rules/prefer-tool-error.md
const lookupOrderCorrect = llm.tool({
  name: 'lookupOrder',
  description: '...',
  parameters,
  execute: async ({ orderId }) => {
    const order = await orders.find(orderId);
    if (!order) throw new llm.ToolError(`No order ${orderId}; ask the caller to read the number again.`);
    return order.status;
  },
});

async function askForUnknownOrder(tool: typeof lookupOrderCorrect) {
  const session = await startSession(new voice.Agent({ instructions: 'Help with orders.', tools: [tool] }), [
    { input: 'Where is order 999?', toolCalls: [{ name: 'lookupOrder', args: { orderId: '999' } }] },
  ]);
  const result = await session.run({ userInput: 'Where is order 999?' }).wait();
  const output = result.expect.containsFunctionCallOutput({ isError: true }).event().item;
  return { output: output.output, history: toolOutputs(session.history) };
}

describe('prefer-tool-error', () => {
  it('❌ a thrown Error reaches the LLM as "An internal error occurred", without its message', async () => {
    const { output, history } = await askForUnknownOrder(lookupOrderIncorrect);
    expect(output).toBe('An internal error occurred');
    expect(history.join('\n')).not.toContain('999');
  });

  it('✅ a ToolError reaches the LLM with its message, so the model can ask again', async () => {
    const { output } = await askForUnknownOrder(lookupOrderCorrect);
    expect(output).toBe('No order 999; ask the caller to read the number again.');
  });
});
