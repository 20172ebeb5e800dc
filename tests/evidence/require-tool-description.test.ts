/**
 * Evidence for require-tool-description.
 *
 * Not shown offline: that a model picks the wrong tool, or asks the caller needless questions, when a description is
 * missing or only repeats the name. That needs a real model.
 *
 * Shown here, on the docs page's tools: the SDK builds them without a word (the only checks in `tool()` are on the
 * name and the parameters, node_modules/@livekit/agents/src/llm/tool_context.ts:757-773), and the model is offered
 * exactly what was written: no description at all, `TODO`, or the name said again. The ✅ tool's description and its
 * parameter description reach the model. If the SDK starts to reject an empty description, the first test fails.
 */
import { llm, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toolsOfferedBy } from './sdk.js';

const findOrder = async (orderId: string) => ({ orderId, status: 'shipped' });
const cancel = async (orderId: string) => `cancelled ${orderId}`;
const status = async (orderId: string) => `status of ${orderId}`;
const parameters = z.object({ orderId: z.string() });

describe('require-tool-description', () => {
  it('❌ a missing, placeholder or restating description is accepted and offered to the model as is', async () => {
    // ❌ from docs/rules/require-tool-description.md (with a parameters schema for orderId)
    const lookupOrder = llm.tool({
      name: 'lookupOrder',
      // no description at all
      parameters,
      execute: async ({ orderId }: { orderId: string }) => findOrder(orderId),
    } as never);

    const cancelOrder = llm.tool({
      name: 'cancelOrder',
      description: 'TODO',
      parameters,
      execute: async ({ orderId }) => cancel(orderId),
    });

    const getOrderStatus = llm.tool({
      name: 'get_order_status',
      description: 'Gets the order status.',
      parameters,
      execute: async ({ orderId }) => status(orderId),
    });

    const agent = new voice.Agent({ instructions: '...', tools: [lookupOrder, cancelOrder, getOrderStatus] });
    const offered = await toolsOfferedBy(agent);
    expect(Object.fromEntries(offered.map((tool) => [tool.name, tool.description ?? '']))).toEqual({
      lookupOrder: '',
      cancelOrder: 'TODO',
      get_order_status: 'Gets the order status.',
    });
  });

  it('✅ the description and the parameter description reach the model', async () => {
    // ✅ from docs/rules/require-tool-description.md
    const lookupOrder = llm.tool({
      name: 'lookupOrder',
      description:
        'Look up an order by its number after the caller has read it out. Returns the status and the delivery date.',
      parameters: z.object({ orderId: z.string().describe('The order number, digits only') }),
      execute: async ({ orderId }) => findOrder(orderId),
    });

    const agent = new voice.Agent({ instructions: '...', tools: [lookupOrder] });
    const [offered] = await toolsOfferedBy(agent);
    expect(offered!.description).toContain('after the caller has read it out');
    const schema = JSON.stringify(llm.toJsonSchema(lookupOrder.parameters));
    expect(schema).toContain('The order number, digits only');
  });
});
