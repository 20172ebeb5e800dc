import rule from '../../src/rules/require-llm-handoff.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('require-llm-handoff', rule, {
  valid: [
    {
      name: 'official style: return llm.handoff(...)',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          description: 'Transfer to billing.',
          execute: async (_, { ctx }) => {
            return llm.handoff({
              agent: new voice.Agent({ instructions: 'x', chatCtx: ctx.session.history }),
              returns: 'Transferring you to billing now.',
            });
          },
        });
      `,
    },
    {
      name: 'returning a string or an object is a normal tool result',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ description: 'Look up an order.', execute: async () => ({ status: 'shipped' }) });
        llm.tool({ description: 'Look up an order.', execute: async () => ['shipped', 'today'] });
      `,
    },
    {
      name: 'an agent returned from a parameter or an imported factory is not judged',
      code: code`
        import { llm, voice } from '@livekit/agents';
        import { makeAgent } from './agents';
        export const build = (fallback: voice.Agent) =>
          llm.tool({
            description: 'Pick an agent.',
            execute: async () => (Math.random() > 0.5 ? fallback : makeAgent()),
          });
      `,
    },
    {
      name: 'an agent returned from a nested function (not from execute) is not judged',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          description: 'List agents.',
          execute: async () => {
            const make = () => {
              return new voice.Agent({ instructions: 'x' });
            };
            return String(make());
          },
        });
      `,
    },
    {
      name: 'a function outside any tool may return an agent',
      code: code`
        import { voice } from '@livekit/agents';
        export function makeAgent() {
          return new voice.Agent({ instructions: 'x' });
        }
      `,
    },
    {
      name: 'shadowing local named voice',
      code: code`
        import { llm } from '@livekit/agents';
        export const build = (voice: { Agent: new (o: object) => object }) =>
          llm.tool({ description: 'Build an object.', execute: async () => new voice.Agent({}) });
      `,
    },
    {
      name: 'same-named imports from another package',
      code: code`
        import { tool, Agent } from 'other-agents';
        tool({ execute: async () => new Agent({ instructions: 'x' }) });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { voice } from '@livekit/agents';
        import { llm } from '@livekit/agents';
        declare const Agent: typeof voice.Agent;
        llm.tool({ description: 'Build.', execute: async () => new Agent({ instructions: 'x' }) });
      `,
    },
    {
      name: 'a two-element array with a non-agent object is an ordinary result',
      code: code`
        import { llm } from '@livekit/agents';
        import { Receipt } from './receipts';
        llm.tool({ description: 'Print a receipt.', execute: async () => [new Receipt(), 'printed'] });
        llm.tool({ description: 'Date and label.', execute: async () => [new Date(), 'now'] });
      `,
    },
  ],
  invalid: [
    {
      name: 'ported Python tuple with an imported agent class',
      code: code`
        import { llm } from '@livekit/agents';
        import { SupportAgent } from './support';
        llm.tool({ description: 'Transfer to support.', execute: async () => [new SupportAgent(), 'Transferring you.'] });
      `,
      errors: [
        {
          messageId: 'tuple',
          line: 3,
          column: 70,
          suggestions: [
            {
              messageId: 'useHandoff',
              data: { handoff: 'llm.handoff' },
              output: code`
                import { llm } from '@livekit/agents';
                import { SupportAgent } from './support';
                llm.tool({ description: 'Transfer to support.', execute: async () => llm.handoff({ agent: new SupportAgent(), returns: 'Transferring you.' }) });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'returning a new agent from execute',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          description: 'Transfer to billing.',
          execute: async () => {
            return new voice.Agent({ instructions: 'You are billing.' });
          },
        });
      `,
      errors: [
        {
          messageId: 'bareAgent',
          line: 5,
          column: 12,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useHandoff',
              data: { handoff: 'llm.handoff' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                llm.tool({
                  description: 'Transfer to billing.',
                  execute: async () => {
                    return llm.handoff({ agent: new voice.Agent({ instructions: 'You are billing.' }) });
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'Python-style tuple [agent, message], agent from a same-function const',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class BillingAgent extends voice.Agent {}
        llm.tool({
          description: 'Transfer to billing.',
          execute: async () => {
            const billing = new BillingAgent({ instructions: 'You are billing.' });
            return [billing, 'Transferring you to billing.'];
          },
        });
      `,
      errors: [
        {
          messageId: 'tuple',
          line: 7,
          column: 12,
          suggestions: [
            {
              messageId: 'useHandoff',
              output: code`
                import { llm, voice } from '@livekit/agents';
                class BillingAgent extends voice.Agent {}
                llm.tool({
                  description: 'Transfer to billing.',
                  execute: async () => {
                    const billing = new BillingAgent({ instructions: 'You are billing.' });
                    return llm.handoff({ agent: billing, returns: 'Transferring you to billing.' });
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'arrow body and flat handoff binding',
      code: code`
        import { tool, handoff, Agent } from '@livekit/agents';
        tool({ description: 'Transfer to billing.', execute: async () => Agent.create({ instructions: 'x' }) });
      `,
      errors: [
        {
          messageId: 'bareAgent',
          suggestions: [
            {
              messageId: 'useHandoff',
              data: { handoff: 'handoff' },
              output: code`
                import { tool, handoff, Agent } from '@livekit/agents';
                tool({ description: 'Transfer to billing.', execute: async () => handoff({ agent: Agent.create({ instructions: 'x' }) }) });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'no binding that reaches handoff: reported without a suggestion',
      code: code`
        import { tool, Agent } from '@livekit/agents';
        tool({ description: 'Transfer to billing.', execute: async () => new Agent({ instructions: 'x' }) });
      `,
      errors: [{ messageId: 'bareAgent', suggestions: [] }],
    },
    {
      name: 'one branch of a conditional, awaited same-file static factory',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class StoryAgent extends voice.Agent {
          static async create(name: string) {
            return new StoryAgent({ instructions: 'You tell stories to ' + name });
          }
        }
        llm.tool({
          description: 'Start a story.',
          execute: async ({ name }: { name: string }) => (name ? await StoryAgent.create(name) : 'Ask for the name first.'),
        });
      `,
      errors: [
        {
          messageId: 'bareAgent',
          line: 9,
          suggestions: [
            {
              messageId: 'useHandoff',
              output: code`
                import { llm, voice } from '@livekit/agents';
                class StoryAgent extends voice.Agent {
                  static async create(name: string) {
                    return new StoryAgent({ instructions: 'You tell stories to ' + name });
                  }
                }
                llm.tool({
                  description: 'Start a story.',
                  execute: async ({ name }: { name: string }) => (name ? llm.handoff({ agent: await StoryAgent.create(name) }) : 'Ask for the name first.'),
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import',
      code: code`
        import * as agents from '@livekit/agents';
        agents.llm.tool({ description: 'Transfer.', execute: async () => [new agents.voice.Agent({ instructions: 'x' })] });
      `,
      errors: [
        {
          messageId: 'tuple',
          suggestions: [
            {
              messageId: 'useHandoff',
              data: { handoff: 'agents.llm.handoff' },
              output: code`
                import * as agents from '@livekit/agents';
                agents.llm.tool({ description: 'Transfer.', execute: async () => agents.llm.handoff({ agent: new agents.voice.Agent({ instructions: 'x' }) }) });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'aliased imports, execute named by a same-file function',
      code: code`
        import { llm as lk, voice as v } from '@livekit/agents';
        async function transfer() {
          return new v.Agent({ instructions: 'x' });
        }
        lk.tool({ description: 'Transfer.', execute: transfer });
      `,
      errors: [
        {
          messageId: 'bareAgent',
          line: 3,
          suggestions: [
            {
              messageId: 'useHandoff',
              data: { handoff: 'lk.handoff' },
              output: code`
                import { llm as lk, voice as v } from '@livekit/agents';
                async function transfer() {
                  return lk.handoff({ agent: new v.Agent({ instructions: 'x' }) });
                }
                lk.tool({ description: 'Transfer.', execute: transfer });
              `,
            },
          ],
        },
      ],
    },
  ],
});

commonJsTester.run('require-llm-handoff (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm, voice } = require('other'); llm.tool({ execute: async () => new voice.Agent({}) });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm, voice } = require('@livekit/agents'); llm.tool({ execute: async () => new voice.Agent({ instructions: 'x' }) });",
      errors: [
        {
          messageId: 'bareAgent',
          suggestions: [
            {
              messageId: 'useHandoff',
              output:
                "const { llm, voice } = require('@livekit/agents'); llm.tool({ execute: async () => llm.handoff({ agent: new voice.Agent({ instructions: 'x' }) }) });",
            },
          ],
        },
      ],
    },
  ],
});
