/**
 * Evidence for valid-tool-registration: the three registrations the docs page shows throw when the agent is built,
 * with the messages the rule quotes; the ✅ forms build an agent whose tools carry the intended names. The code is
 * the docs page's, with `byNumber`/`byEmail` defined. Backed by llm/tool_context.ts (the tools map/array checks).
 */
import { llm, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { callTool } from './sdk.js';

const byNumber = async () => 'order by number';
const byEmail = async () => 'order by email';

describe('valid-tool-registration', () => {
  it('❌ each wrong registration throws where the agent is constructed', () => {
    const lookupOrder = llm.tool({ description: '...', execute: async () => '...' }); // anonymous

    expect(() => new voice.Agent({ instructions: '...', tools: [lookupOrder] as never })).toThrow(
      'unknown tool type: object',
    );

    expect(
      () =>
        new voice.Agent({
          instructions: '...',
          tools: {
            cancelOrder: llm.tool({ name: 'cancelOrder', description: '...', execute: async () => '...' }),
          } as never,
        }),
    ).toThrow('tools object entry "cancelOrder" must be anonymous');

    expect(
      () =>
        new voice.Agent({
          instructions: '...',
          tools: [
            llm.tool({ name: 'findOrder', description: 'Find an order by its number.', execute: byNumber }),
            llm.tool({ name: 'findOrder', description: 'Find an order by the email on it.', execute: byEmail }),
          ],
        }),
    ).toThrow('duplicate function name: findOrder');
  });

  it('✅ an array of named tools and a map of anonymous tools both build, and the LLM reaches each tool by its name', async () => {
    const lookupOrder = llm.tool({ name: 'lookupOrder', description: '...', execute: async () => '...' });

    const fromArray = new voice.Agent({ instructions: '...', tools: [lookupOrder] });
    const fromMap = new voice.Agent({
      instructions: '...',
      tools: { cancelOrder: llm.tool({ description: '...', execute: async () => '...' }) },
    });
    const twoNames = new voice.Agent({
      instructions: '...',
      tools: [
        llm.tool({ name: 'findOrderByNumber', description: 'Find an order by its number.', execute: byNumber }),
        llm.tool({ name: 'findOrderByEmail', description: 'Find an order by the email on it.', execute: byEmail }),
      ],
    });

    expect(JSON.parse(await callTool(fromArray, 'lookupOrder'))).toBe('...');
    expect(JSON.parse(await callTool(fromMap, 'cancelOrder'))).toBe('...');
    expect(JSON.parse(await callTool(twoNames, 'findOrderByEmail'))).toBe('order by email');
  });
});
