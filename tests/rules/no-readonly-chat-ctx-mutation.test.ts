import rule from '../../src/rules/no-readonly-chat-ctx-mutation.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-readonly-chat-ctx-mutation', rule, {
  valid: [
    {
      name: 'official style: copy, change, updateChatCtx',
      code: code`
        import { voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          async onEnter() {
            const chatCtx = this.chatCtx.copy();
            chatCtx.addMessage({ role: 'system', content: 'The caller is a VIP.' });
            chatCtx.items.push(...[]);
            await this.updateChatCtx(chatCtx);
          }
        }
      `,
    },
    {
      name: 'reading the chat context is fine',
      code: code`
        import { voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          async onEnter() {
            const last = this.chatCtx.items.at(-1);
            const count = this.chatCtx.items.length;
            console.log(last, count, this.chatCtx.items.map((item) => item.id));
          }
        }
      `,
    },
    {
      name: 'onUserTurnCompleted may change the turn context it is given',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          async onUserTurnCompleted(chatCtx: llm.ChatContext) {
            chatCtx.addMessage({ role: 'system', content: 'Relevant: order 42 shipped.' });
          }
        }
      `,
    },
    {
      name: 'a session copy kept in a variable and applied',
      code: code`
        import { voice } from '@livekit/agents';
        export async function note(session: voice.AgentSession, agent: voice.Agent) {
          const chatCtx = session.chatCtx;
          chatCtx.addMessage({ role: 'system', content: 'note' });
          await agent.updateChatCtx(chatCtx);
          const trimmed = session.chatCtx.truncate(10);
          await agent.updateChatCtx(trimmed);
        }
      `,
    },
    {
      name: 'session.history is the live context, not a copy',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async () => {
            const session = new voice.AgentSession({});
            session.history.addMessage({ role: 'system', content: 'note' });
          },
        });
      `,
    },
    {
      name: 'this.chatCtx in a class that is not an Agent',
      code: code`
        import { llm } from '@livekit/agents';
        export class Notes {
          chatCtx = llm.ChatContext.empty();
          add() {
            this.chatCtx.addMessage({ role: 'user', content: 'x' });
          }
        }
      `,
    },
    {
      name: 'an Agent class that declares its own chatCtx member',
      code: code`
        import { llm, voice } from '@livekit/agents';
        export class Custom extends voice.Agent {
          declare chatCtx: llm.ChatContext;
          add() {
            this.chatCtx.addMessage({ role: 'user', content: 'x' });
          }
        }
      `,
    },
    {
      name: 'this inside a nested plain function is not the agent',
      code: code`
        import { voice } from '@livekit/agents';
        export class Assistant extends voice.Agent {
          register() {
            return function (this: { chatCtx: { addMessage(x: object): void } }) {
              this.chatCtx.addMessage({});
            };
          }
        }
      `,
    },
    {
      name: 'shadowing local named voice',
      code: code`
        import { llm } from '@livekit/agents';
        export function make(voice: { Agent: new () => object }) {
          return class extends voice.Agent {
            add(this: { chatCtx: llm.ChatContext }) {
              this.chatCtx.addMessage({ role: 'user', content: 'x' });
            }
          };
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { Agent } from 'other-agents';
        export class Assistant extends Agent {
          add() {
            this.chatCtx.addMessage({ role: 'user', content: 'x' });
          }
        }
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { voice } from '@livekit/agents';
        declare const Base: typeof voice.Agent;
        export class Assistant extends Base {
          add() {
            this.chatCtx.addMessage({ role: 'user', content: 'x' });
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'this.chatCtx.addMessage in an Agent method',
      code: code`
        import { voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          async onEnter() {
            this.chatCtx.addMessage({ role: 'system', content: 'The caller is a VIP.' });
          }
        }
      `,
      errors: [
        {
          messageId: 'readonly',
          data: { target: 'this.chatCtx', operation: 'calling `addMessage()`', apply: 'this.updateChatCtx' },
          line: 4,
          column: 5,
          endColumn: 81,
        },
      ],
    },
    {
      name: 'items.push, items.splice, assignment into items, insert and truncate',
      code: code`
        import { voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          trim = () => {
            this.chatCtx.items.push(...[]);
            this.chatCtx.items.splice(0, 2);
            this.chatCtx.items[0] = this.chatCtx.items[1]!;
            this.chatCtx.items.length = 0;
            this.chatCtx.insert([]);
            this.chatCtx.truncate(5);
          };
        }
      `,
      errors: [
        {
          messageId: 'readonly',
          data: { target: 'this.chatCtx', operation: 'calling `items.push()`', apply: 'this.updateChatCtx' },
          line: 4,
        },
        { messageId: 'readonly', line: 5 },
        {
          messageId: 'readonly',
          data: { target: 'this.chatCtx', operation: 'assigning into `items`', apply: 'this.updateChatCtx' },
          line: 6,
        },
        { messageId: 'readonly', line: 7 },
        { messageId: 'readonly', line: 8 },
        { messageId: 'readonly', line: 9 },
      ],
    },
    {
      name: 'through a const alias, and assigning chatCtx itself',
      code: code`
        import { voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          async onEnter() {
            const history = this.chatCtx;
            history.addMessage({ role: 'system', content: 'x' });
            this.chatCtx = history;
          }
        }
      `,
      errors: [
        { messageId: 'readonly', line: 5 },
        {
          messageId: 'readonly',
          data: {
            target: 'this.chatCtx',
            operation: 'assigning to `chatCtx` (it has only a getter)',
            apply: 'this.updateChatCtx',
          },
          line: 6,
        },
      ],
    },
    {
      name: 'a subclass of a file Agent class, aliased import',
      code: code`
        import { Agent as BaseAgent } from '@livekit/agents';
        class Base extends BaseAgent {}
        export class Sales extends Base {
          async note() {
            this.chatCtx.items.unshift();
          }
        }
      `,
      errors: [{ messageId: 'readonly', line: 5 }],
    },
    {
      name: 'a voice.Agent.create hook context and an agent held in a const',
      code: code`
        import { voice } from '@livekit/agents';
        export const agent = voice.Agent.create({
          instructions: 'x',
          onEnter: async (ctx) => {
            ctx.chatCtx.addMessage({ role: 'system', content: 'x' });
          },
        });
        agent.chatCtx.items.pop();
      `,
      errors: [
        {
          messageId: 'readonly',
          data: { target: 'ctx.chatCtx', operation: 'calling `addMessage()`', apply: 'ctx.agent.updateChatCtx' },
          line: 5,
        },
        {
          messageId: 'readonly',
          data: { target: 'agent.chatCtx', operation: 'calling `items.pop()`', apply: 'agent.updateChatCtx' },
          line: 8,
        },
      ],
    },
    {
      name: 'the current agent of a session in a tool',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({
          description: 'Remember a note about the caller.',
          execute: async (_, { ctx }) => {
            ctx.session.currentAgent.chatCtx.addMessage({ role: 'system', content: 'x' });
            return 'noted';
          },
        });
      `,
      errors: [
        {
          messageId: 'readonly',
          data: {
            target: 'ctx.session.currentAgent.chatCtx',
            operation: 'calling `addMessage()`',
            apply: 'ctx.session.currentAgent.updateChatCtx',
          },
        },
      ],
    },
    {
      name: "a tool's session copy: the change is lost",
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({
          description: 'Remember a note about the caller.',
          execute: async (_, { ctx: runCtx }) => {
            runCtx.session.chatCtx.addMessage({ role: 'system', content: 'x' });
            return 'noted';
          },
        });
      `,
      errors: [
        {
          messageId: 'copy',
          data: {
            target: 'runCtx.session.chatCtx',
            operation: 'calling `addMessage()`',
            apply: 'runCtx.session.currentAgent.updateChatCtx',
          },
          line: 5,
          column: 5,
        },
      ],
    },
    {
      name: 'a session variable in entry, and this.session in an Agent',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          async onEnter() {
            this.session.chatCtx.items.push();
          }
        }
        export default defineAgent({
          entry: async () => {
            const session = new voice.AgentSession({});
            await session.chatCtx.truncate(4);
          },
        });
      `,
      errors: [
        {
          messageId: 'copy',
          data: { target: 'this.session.chatCtx', operation: 'calling `items.push()`', apply: 'this.updateChatCtx' },
          line: 4,
        },
        {
          messageId: 'copy',
          data: {
            target: 'session.chatCtx',
            operation: 'calling `truncate()`',
            apply: 'session.currentAgent.updateChatCtx',
          },
          line: 10,
        },
      ],
    },
    {
      name: 'namespace import',
      code: code`
        import * as agents from '@livekit/agents';
        export class Assistant extends agents.voice.AgentTask {
          async onEnter() {
            this.chatCtx.merge(agents.llm.ChatContext.empty());
          }
        }
      `,
      errors: [{ messageId: 'readonly' }],
    },
  ],
});

commonJsTester.run('no-readonly-chat-ctx-mutation (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { voice } = require('other'); class A extends voice.Agent { f() { this.chatCtx.addMessage({}); } }",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { voice } = require('@livekit/agents'); class A extends voice.Agent { f() { this.chatCtx.addMessage({}); } }",
      errors: [{ messageId: 'readonly' }],
    },
    {
      name: 'namespace require with a flat name',
      code: "const agents = require('@livekit/agents'); class A extends agents.Agent { f() { this.chatCtx.items.push(1); } }",
      errors: [{ messageId: 'readonly' }],
    },
  ],
});
