import rule from '../../src/rules/valid-tool-registration.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('valid-tool-registration', rule, {
  valid: [
    {
      name: 'tools given to super() or updateTools(); a tools field the class declares itself; another class',
      code: code`
        import { llm, voice } from '@livekit/agents';
        export class Desk extends voice.Agent {
          constructor(tools: llm.ToolContext) {
            super({ instructions: 'Book tables.', tools });
          }
          async refresh(tools: llm.ToolContext) {
            await this.updateTools(tools);
          }
        }
        export class Catalog extends voice.Agent {
          tools: string[] = [];
          load() {
            this.tools = ['menu'];
          }
        }
        export class Registry {
          tools = {};
          set(tools: object) {
            this.tools = tools;
          }
        }
      `,
    },
    {
      name: 'official style: named tools in an array',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const getWeather = llm.tool({ name: 'getWeather', description: 'd', execute: async () => 'sunny' });
        new voice.Agent({ instructions: 'x', tools: [getWeather, llm.tool({ name: 'endCall', description: 'd', execute: async () => 1 })] });
      `,
    },
    {
      name: 'anonymous tools in a map (inline and same-file const map)',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const tools = { getWeather: llm.tool({ description: 'd', execute: async () => 'sunny' }) };
        new voice.Agent({ instructions: 'x', tools });
        voice.Agent.create({ instructions: 'x', tools: { endCall: llm.tool({ description: 'd', execute: async () => 1 }) } });
      `,
    },
    {
      name: 'the same tool twice in one array is accepted by the SDK',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const a = llm.tool({ name: 'a', description: 'd', execute: async () => 1 });
        new voice.Agent({ instructions: 'x', tools: [a, a] });
      `,
    },
    {
      name: 'the same name in two different agents',
      code: code`
        import { llm, voice } from '@livekit/agents';
        new voice.Agent({ instructions: 'x', tools: [llm.tool({ name: 'a', description: 'd', execute: async () => 1 })] });
        new voice.Agent({ instructions: 'x', tools: [llm.tool({ name: 'a', description: 'd', execute: async () => 2 })] });
      `,
    },
    {
      name: 'options with a spread may carry the name; imported tools are unknown',
      code: code`
        import { llm, voice } from '@livekit/agents';
        import { base, imported } from './tools';
        new voice.Agent({ instructions: 'x', tools: [llm.tool({ ...base, description: 'd', execute: async () => 1 }), imported] });
      `,
    },
    {
      name: '`name: undefined` is anonymous at run time',
      code: code`
        import { llm, voice } from '@livekit/agents';
        new voice.Agent({ instructions: 'x', tools: { a: llm.tool({ name: undefined, description: 'd', execute: async () => 1 }) } });
      `,
    },
    {
      name: 'shadowing local named voice',
      code: code`
        import { llm } from '@livekit/agents';
        function build(voice: { Agent: new (x: object) => object }) {
          return new voice.Agent({ tools: { a: llm.tool({ name: 'a', description: 'd', execute: async () => 1 }) } });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { Agent } from 'other-agents';
        import { llm } from '@livekit/agents';
        new Agent({ tools: { a: llm.tool({ name: 'a', description: 'd', execute: async () => 1 }) } });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { voice } from '@livekit/agents';
        import { llm } from '@livekit/agents';
        declare const V: typeof voice.Agent;
        new V({ instructions: 'x', tools: [llm.tool({ description: 'd', execute: async () => 1 })] });
      `,
    },
  ],
  invalid: [
    {
      name: 'assigning this.tools in an Agent subclass, or agent.tools on a construction, registers nothing',
      code: code`
        import { llm, voice } from '@livekit/agents';
        export class Assistant extends voice.Agent {
          setTools(tools: Record<string, llm.FunctionTool>) {
            this.tools = tools;
          }
        }
        const agent = new voice.Agent({ instructions: 'Book tables.' });
        agent.tools = {};
      `,
      errors: [
        { messageId: 'assignedTools', data: { target: 'this' }, line: 4, column: 5, endColumn: 15 },
        { messageId: 'assignedTools', data: { target: 'agent' }, line: 8 },
      ],
    },
    {
      name: 'anonymous tool in an array given to an Agent class with no constructor (the options reach voice.Agent as is)',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class Router extends voice.Agent {
          async onEnter() {}
        }
        new Router({ instructions: 'x', tools: [llm.tool({ description: 'd', execute: async () => 1 })] });
      `,
      errors: [{ messageId: 'anonymousInArray', line: 5 }],
    },
    {
      name: 'named tool in a map: drop name, or use an array (namespace binding)',
      code: code`
        import { llm, voice } from '@livekit/agents';
        new voice.Agent({
          instructions: 'x',
          tools: {
            lookupOrder: llm.tool({
              name: 'lookupOrder',
              description: 'd',
              execute: async () => 1,
            }),
          },
        });
      `,
      errors: [
        {
          messageId: 'namedInMap',
          data: { tool: "'lookupOrder'", key: 'lookupOrder' },
          line: 5,
          column: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'dropName',
              data: { key: 'lookupOrder' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                new voice.Agent({
                  instructions: 'x',
                  tools: {
                    lookupOrder: llm.tool({
                      description: 'd',
                      execute: async () => 1,
                    }),
                  },
                });
              `,
            },
            {
              messageId: 'useArray',
              output: code`
                import { llm, voice } from '@livekit/agents';
                new voice.Agent({
                  instructions: 'x',
                  tools: [
                    llm.tool({
                      name: 'lookupOrder',
                      description: 'd',
                      execute: async () => 1,
                    }),
                  ],
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a tool registered under two keys: no array suggestion (flat import)',
      code: code`
        import { tool, Agent } from '@livekit/agents';
        const endCall = tool({ description: 'd', execute: async () => 1 });
        new Agent({ instructions: 'x', tools: { greet: tool({ name: 'greet', description: 'd', execute: async () => 1 }), "end_call": endCall, endCall } });
      `,
      errors: [
        {
          messageId: 'namedInMap',
          data: { tool: "'greet'", key: 'greet' },
          line: 3,
          column: 41,
          suggestions: [
            {
              messageId: 'dropName',
              data: { key: 'greet' },
              output: code`
                import { tool, Agent } from '@livekit/agents';
                const endCall = tool({ description: 'd', execute: async () => 1 });
                new Agent({ instructions: 'x', tools: { greet: tool({ description: 'd', execute: async () => 1 }), "end_call": endCall, endCall } });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'map to array when the anonymous tool is registered only there',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const endCall = llm.tool({ description: 'd', execute: async () => 1 });
        new voice.Agent({ instructions: 'x', tools: { greet: llm.tool({ name: 'greet', description: 'd', execute: async () => 1 }), end_call: endCall } });
      `,
      errors: [
        {
          messageId: 'namedInMap',
          line: 3,
          suggestions: [
            {
              messageId: 'dropName',
              data: { key: 'greet' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                const endCall = llm.tool({ description: 'd', execute: async () => 1 });
                new voice.Agent({ instructions: 'x', tools: { greet: llm.tool({ description: 'd', execute: async () => 1 }), end_call: endCall } });
              `,
            },
            {
              messageId: 'useArray',
              output: code`
                import { llm, voice } from '@livekit/agents';
                const endCall = llm.tool({ name: 'end_call', description: 'd', execute: async () => 1 });
                new voice.Agent({ instructions: 'x', tools: [llm.tool({ name: 'greet', description: 'd', execute: async () => 1 }), endCall] });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'named tool that is also in an array elsewhere: only the array suggestion (aliased import)',
      code: code`
        import { llm as l, voice as v } from '@livekit/agents';
        const greet = l.tool({ name: 'greet', description: 'd', execute: async () => 1 });
        new v.Agent({ instructions: 'x', tools: [greet] });
        new v.Agent({ instructions: 'x', tools: { greet } });
      `,
      errors: [
        {
          messageId: 'namedInMap',
          line: 4,
          column: 43,
          suggestions: [
            {
              messageId: 'useArray',
              output: code`
                import { llm as l, voice as v } from '@livekit/agents';
                const greet = l.tool({ name: 'greet', description: 'd', execute: async () => 1 });
                new v.Agent({ instructions: 'x', tools: [greet] });
                new v.Agent({ instructions: 'x', tools: [greet] });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'named tool in a map with a spread: no array suggestion',
      code: code`
        import { llm, voice } from '@livekit/agents';
        import { more } from './more';
        new voice.Agent({ instructions: 'x', tools: { ...more, a: llm.tool({ name: 'b', description: 'd', execute: async () => 1 }) } });
      `,
      errors: [
        {
          messageId: 'namedInMap',
          data: { tool: "'b'", key: 'a' },
          suggestions: [
            {
              messageId: 'dropName',
              data: { key: 'a' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                import { more } from './more';
                new voice.Agent({ instructions: 'x', tools: { ...more, a: llm.tool({ description: 'd', execute: async () => 1 }) } });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'anonymous tool in an array: add the const name (namespace import)',
      code: code`
        import * as agents from '@livekit/agents';
        const lookupOrder = agents.llm.tool({
          description: 'd',
          execute: async () => 1,
        });
        new agents.voice.Agent({ instructions: 'x', tools: [lookupOrder] });
      `,
      errors: [
        {
          messageId: 'anonymousInArray',
          line: 6,
          column: 53,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'addName',
              data: { name: 'lookupOrder' },
              output: code`
                import * as agents from '@livekit/agents';
                const lookupOrder = agents.llm.tool({
                  name: 'lookupOrder',
                  description: 'd',
                  execute: async () => 1,
                });
                new agents.voice.Agent({ instructions: 'x', tools: [lookupOrder] });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'anonymous inline tool in an array: no name to suggest',
      code: code`
        import { llm, voice } from '@livekit/agents';
        new voice.Agent({ instructions: 'x', tools: [llm.tool({ description: 'd', execute: async () => 1 })] });
      `,
      errors: [{ messageId: 'anonymousInArray', line: 2, column: 46, suggestions: [] }],
    },
    {
      name: 'anonymous tool also registered in a map: adding a name would break the map',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const t = llm.tool({ description: 'd', execute: async () => 1 });
        new voice.Agent({ instructions: 'x', tools: { lookupOrder: t } });
        new voice.Agent({ instructions: 'x', tools: [t] });
      `,
      errors: [{ messageId: 'anonymousInArray', line: 4, suggestions: [] }],
    },
    {
      name: 'two different tools with one name in an array (Agent class, const array)',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const a = llm.tool({ name: 'lookup_order', description: 'd', execute: async () => 1 });
        const b = llm.tool({ name: 'lookup_order', description: 'd', execute: async () => 2 });
        const tools = [a, b];
        class Desk extends voice.Agent {
          constructor() {
            super({ instructions: 'x', tools });
          }
        }
      `,
      errors: [{ messageId: 'duplicateName', data: { name: 'lookup_order' }, line: 4, column: 19, endColumn: 20 }],
    },
  ],
});

commonJsTester.run('valid-tool-registration (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { voice, llm } = require('other'); new voice.Agent({ tools: [llm.tool({})] });",
    },
  ],
  invalid: [
    {
      name: 'destructured require, anonymous tool in an array',
      code: "const { voice, llm } = require('@livekit/agents'); new voice.Agent({ instructions: 'x', tools: [llm.tool({ description: 'd' })] });",
      errors: [{ messageId: 'anonymousInArray', line: 1, column: 97 }],
    },
  ],
});
