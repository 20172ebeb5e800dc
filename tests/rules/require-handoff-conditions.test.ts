import rule from '../../src/rules/require-handoff-conditions.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

const TOOL = code`
  const transferToDesk = llm.tool({
    name: 'transferToDesk',
    description: 'Move the caller to the other desk.',
    execute: async (_, { ctx }) =>
      llm.handoff({ agent: new DeskAgent({ chatCtx: ctx.session.history }), returns: 'One moment please, caller.' }),
  });
`
  .trimEnd()
  .replaceAll('\n', '\n        ');

ruleTester.run('require-handoff-conditions', rule, {
  valid: [
    {
      name: "the condition is in the handoff tool's description, which the LLM reads when it picks the tool",
      code: code`
        import { llm, voice } from '@livekit/agents';
        class GameAgent extends voice.Agent {}
        new voice.Agent({
          instructions: 'You are a helpful assistant.',
          tools: [
            llm.tool({
              name: 'playGame',
              description: 'Called when the user wants to play a number game.',
              execute: async () => llm.handoff({ agent: new GameAgent({ instructions: 'x' }), returns: 'The game starts now.' }),
            }),
          ],
        });
      `,
    },
    {
      name: 'test code: a handoff fixture in a test file',
      filename: 'tests/handoff.ts',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class DeskAgent extends voice.Agent {}
        ${TOOL}
        new voice.Agent({ instructions: 'Task A', tools: [transferToDesk] });
      `,
    },
    {
      name: 'official style: the instructions say when to transfer',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class DeskAgent extends voice.Agent {}
        ${TOOL}
        new voice.Agent({
          instructions: 'You are reception. Transfer the caller when they ask about an invoice.',
          tools: [transferToDesk],
        });
      `,
    },
    {
      name: "the instructions name the target agent's purpose (class name words)",
      code: code`
        import { llm, voice } from '@livekit/agents';
        class BillingAgent extends voice.Agent {}
        const toBilling = llm.tool({
          description: 'Move the caller along.',
          execute: async () => llm.handoff({ agent: new BillingAgent({ instructions: 'x' }), returns: 'One moment please, caller.' }),
        });
        new voice.Agent({ instructions: 'You are reception. Invoice questions go to billing.', tools: [toBilling] });
      `,
    },
    {
      name: 'the target is named by its const and its id option',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const toDesk = llm.tool({
          description: 'Move the caller along.',
          execute: async () => {
            const refundsDesk = new voice.Agent({ id: 'claims', instructions: 'x' });
            return llm.handoff({ agent: refundsDesk, returns: 'One moment please, caller.' });
          },
        });
        new voice.Agent({ instructions: 'You are reception. Refund requests belong to the refunds desk.', tools: [toDesk] });
        new voice.Agent({ instructions: 'You are reception. Claims are not yours.', tools: [toDesk] });
      `,
    },
    {
      name: 'the instructions say when to hand back',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class DeskAgent extends voice.Agent {}
        ${TOOL}
        new voice.Agent({
          instructions: 'You are the weather desk. Give the forecast, then hand back when the caller is done.',
          tools: [transferToDesk],
        });
      `,
    },
    {
      name: 'an agent with no handoff tool',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const lookup = llm.tool({ description: 'Look up an order.', execute: async () => 'shipped' });
        new voice.Agent({ instructions: 'You are the order desk.', tools: [lookup] });
      `,
    },
    {
      name: 'dynamic instructions are not guessed',
      code: code`
        import { llm, voice } from '@livekit/agents';
        import { policy } from './policy';
        class DeskAgent extends voice.Agent {}
        ${TOOL}
        new voice.Agent({ instructions: \`You are reception. \${policy}\`, tools: [transferToDesk] });
      `,
    },
    {
      name: 'tools that are not visible in this file are not judged',
      code: code`
        import { voice } from '@livekit/agents';
        import { tools } from './tools';
        new voice.Agent({ instructions: 'You are reception.', tools });
      `,
    },
    {
      name: 'option transferPhrases',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class DeskAgent extends voice.Agent {}
        ${TOOL}
        new voice.Agent({ instructions: 'You are reception. Pass them along to a colleague for invoices.', tools: [transferToDesk] });
      `,
      options: [{ transferPhrases: ['pass them along'] }],
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { voice } from '@livekit/agents';
        export function build(llm: { tool(o: object): object; handoff(o: object): object }) {
          const t = llm.tool({ execute: async () => llm.handoff({}) });
          return new voice.Agent({ instructions: 'You are reception.', tools: [t] });
        }
      `,
    },
    {
      name: 'same-named imports from another package',
      code: code`
        import { tool, handoff, Agent } from 'other-agents';
        const t = tool({ execute: async () => handoff({}) });
        new Agent({ instructions: 'You are reception.', tools: [t] });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        import { voice } from '@livekit/agents';
        declare const tool: typeof llm.tool;
        declare const handoff: typeof llm.handoff;
        const t = tool({ description: 'x', execute: async () => handoff({ agent: new voice.Agent({ instructions: 'x' }) }) });
        new voice.Agent({ instructions: 'You are reception.', tools: [t] });
      `,
    },
  ],
  invalid: [
    {
      name: "a tool description that only names the action states no condition: 'Transfer the call to Alloy.'",
      code: code`
        import { llm, voice } from '@livekit/agents';
        class Alloy extends voice.Agent {}
        new voice.Agent({
          instructions: 'Your name is Kelly.',
          tools: [
            llm.tool({
              name: 'transferToAlloy',
              description: 'Transfer the call to Alloy.',
              execute: async () => llm.handoff({ agent: new Alloy({ instructions: 'x' }), returns: 'Transfer complete.' }),
            }),
          ],
        });
      `,
      errors: [{ messageId: 'noConditions', data: { tool: "'transferToAlloy'" }, line: 4 }],
    },
    {
      name: 'the instructions never say when to transfer',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class DeskAgent extends voice.Agent {}
        ${TOOL}
        new voice.Agent({
          instructions: 'You are reception. Greet callers warmly and answer questions about opening hours.',
          tools: [transferToDesk],
        });
      `,
      errors: [{ messageId: 'noConditions', data: { tool: "'transferToDesk'" }, line: 10, column: 17 }],
    },
    {
      name: 'an Agent class with a map of tools, instructions from a const, constructed twice',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const PROMPT = 'You are reception. Greet callers warmly.';
        class DeskAgent extends voice.Agent {}
        class Reception extends voice.Agent {
          constructor() {
            super({
              instructions: PROMPT,
              tools: {
                moveCaller: llm.tool({
                  description: 'Move the caller.',
                  execute: async () => llm.handoff({ agent: new DeskAgent({ instructions: 'x' }) }),
                }),
              },
            });
          }
        }
        new Reception();
        new Reception();
      `,
      errors: [{ messageId: 'noConditions', data: { tool: "'moveCaller'" }, line: 7 }],
    },
    {
      name: 'a map of tools given to an Agent class with no constructor: the key names the tool',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class DeskAgent extends voice.Agent {}
        class Router extends voice.Agent {
          async onEnter() {}
        }
        new Router({
          instructions: 'You are reception. Greet callers warmly.',
          tools: {
            playGame: llm.tool({
              description: 'Move the caller.',
              execute: async () => llm.handoff({ agent: new DeskAgent({ instructions: 'x' }) }),
            }),
          },
        });
      `,
      errors: [{ messageId: 'noConditions', data: { tool: "'playGame'" }, line: 7 }],
    },
    {
      name: 'tools passed to a class that forwards them, aliased imports',
      code: code`
        import { tool as defineTool, handoff as transferTo, Agent as VoiceAgent } from '@livekit/agents';
        class DeskAgent extends VoiceAgent {}
        class Reception extends VoiceAgent {
          constructor(options: { tools: object[] }) {
            super({ instructions: 'You are reception. Greet callers warmly.', ...options });
          }
        }
        const move = defineTool({ description: 'Move the caller.', execute: async () => transferTo({ agent: new DeskAgent({ instructions: 'x' }) }) });
        new Reception({ tools: [move] });
      `,
      errors: [{ messageId: 'noConditions', data: { tool: '(unnamed)' }, line: 5 }],
    },
    {
      name: 'namespace import',
      code: code`
        import * as agents from '@livekit/agents';
        const move = agents.llm.tool({
          name: 'move',
          description: 'Move the caller.',
          execute: async () => agents.llm.handoff({ agent: new agents.voice.Agent({ instructions: 'x' }) }),
        });
        new agents.voice.Agent({ instructions: 'You are reception.', tools: [move] });
      `,
      errors: [{ messageId: 'noConditions', line: 7 }],
    },
  ],
});

commonJsTester.run('require-handoff-conditions (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm, voice } = require('other'); const t = llm.tool({ execute: async () => llm.handoff({}) }); new voice.Agent({ instructions: 'x', tools: [t] });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm, voice } = require('@livekit/agents'); const t = llm.tool({ description: 'x', execute: async () => llm.handoff({ agent: new voice.Agent({}) }) }); new voice.Agent({ instructions: 'You are reception.', tools: [t] });",
      errors: [{ messageId: 'noConditions' }],
    },
    {
      name: 'namespace require with flat names',
      code: "const a = require('@livekit/agents'); const t = a.tool({ description: 'x', execute: async () => a.handoff({ agent: new a.Agent({}) }) }); new a.Agent({ instructions: 'You are reception.', tools: [t] });",
      errors: [{ messageId: 'noConditions' }],
    },
  ],
});
