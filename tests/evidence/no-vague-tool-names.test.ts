/**
 * Evidence for no-vague-tool-names.
 *
 * Not shown offline: the rule's two claims are about LLM providers. Which tool a model picks for "I want to cancel
 * my order" from `handle_order` and `search` needs a real model; that OpenAI, Anthropic and Google reject a name
 * such as `orders.lookup` (letters, digits, `_` and `-` only) needs their APIs. Neither runs here.
 *
 * Shown here, on the docs page's agents: the SDK checks nothing about a name but that it is non-empty
 * (node_modules/@livekit/agents/src/llm/tool_context.ts:757), so the vague names, and a dotted one, build without a
 * word and reach the model exactly as written: the model's choice rests on them alone, and the only check before the
 * provider is this rule. If the SDK starts to check or rewrite names, these tests fail and the rule should be looked at.
 */
import { llm, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { toolsOfferedBy } from './sdk.js';

const names = async (agent: voice.Agent) => (await toolsOfferedBy(agent)).map((tool) => tool.name).sort();

describe('no-vague-tool-names', () => {
  it('❌ vague names are accepted and offered to the model as they are', async () => {
    // ❌ from docs/rules/no-vague-tool-names.md
    const handleOrder = llm.tool({ name: 'handle_order', description: '...', execute: async () => '...' });
    const search = llm.tool({ name: 'search', description: '...', execute: async () => '...' });

    const first = new voice.Agent({
      instructions: '...',
      tools: [handleOrder, search],
    });

    const second = new voice.Agent({
      instructions: '...',
      tools: { getInfo: llm.tool({ description: '...', execute: async () => '...' }) },
    });

    expect(await names(first)).toEqual(['handle_order', 'search']);
    expect(await names(second)).toEqual(['getInfo']);
  });

  it('❌ a name some providers reject (orders.lookup) is accepted by the SDK and sent unchanged', async () => {
    const lookup = llm.tool({ name: 'orders.lookup', description: '...', execute: async () => '...' });
    expect(await names(new voice.Agent({ instructions: '...', tools: [lookup] }))).toEqual(['orders.lookup']);
  });

  it('✅ specific names reach the model as written', async () => {
    // ✅ from docs/rules/no-vague-tool-names.md
    const cancelOrder = llm.tool({ name: 'cancelOrder', description: '...', execute: async () => '...' });
    const searchHelpArticles = llm.tool({
      name: 'search_help_articles',
      description: '...',
      execute: async () => '...',
    });

    const agent = new voice.Agent({
      instructions: '...',
      tools: [
        cancelOrder,
        searchHelpArticles,
        llm.tool({ name: 'hangup', description: '...', execute: async () => '...' }),
      ],
    });
    expect(await names(agent)).toEqual(['cancelOrder', 'hangup', 'search_help_articles']);
  });
});
