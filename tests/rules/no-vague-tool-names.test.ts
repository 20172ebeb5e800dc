import rule from '../../src/rules/no-vague-tool-names.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-vague-tool-names', rule, {
  valid: [
    {
      name: 'official style: specific names in an array registration',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const getWeather = llm.tool({ name: 'getWeather', description: 'Weather for a city.', execute: async () => 'sunny' });
        const lookupOrderStatus = llm.tool({ name: 'lookup_order_status', description: 'Order status.', execute: async () => 'ok' });
        new voice.Agent({ instructions: 'x', tools: [getWeather, lookupOrderStatus] });
      `,
    },
    {
      name: 'specific single words and map keys',
      code: code`
        import { llm, voice } from '@livekit/agents';
        new voice.Agent({
          instructions: 'x',
          tools: {
            checkout: llm.tool({ description: 'Pay for the cart.', execute: async () => 'ok' }),
            hangup: llm.tool({ description: 'End the call.', execute: async () => 'bye' }),
          },
        });
      `,
    },
    {
      name: 'an explicit no-op says exactly what it does',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'do_nothing', description: 'Call this when the caller needs no action.', execute: async () => 'ok' });
        llm.tool({ name: 'noop', description: 'Call this when the caller needs no action.', execute: async () => 'ok' });
      `,
    },
    {
      name: 'test code: a tool named for what a test exercises, in a file that imports a test runner',
      code: code`
        import { llm } from '@livekit/agents';
        import { describe } from 'node:test';
        describe('tools', () => llm.tool({ name: 'testTool', description: 'Exercise tool calling.', execute: async () => 'ok' }));
      `,
    },
    {
      name: 'a dynamic name is not judged',
      code: code`
        import { llm } from '@livekit/agents';
        const prefix = getPrefix();
        llm.tool({ name: \`\${prefix}_tool\`, description: 'x', execute: async () => 1 });
      `,
    },
    {
      name: 'option allow accepts a name as it is',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'search', description: 'Search the help centre articles.', execute: async () => 'x' });
      `,
      options: [{ allow: ['search'] }],
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { llm as lk } from '@livekit/agents';
        function build(llm: { tool(x: object): void }) {
          llm.tool({ name: 'tool1' });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { tool } from 'ai';
        import { voice } from '@livekit/agents';
        tool({ name: 'helper', execute: async () => 1 });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        declare const lk: typeof llm;
        lk.tool({ name: 'do_stuff' });
      `,
    },
    {
      name: 'keys of an object that is not a tools registration are not names',
      code: code`
        import { voice } from '@livekit/agents';
        const handlers = { run: () => 1, data: 2 };
        new voice.Agent({ instructions: 'x', metadata: { get: 1 } });
      `,
    },
  ],
  invalid: [
    {
      name: 'generic name, namespace binding llm',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'tool', description: 'x', execute: async () => 1 });
      `,
      errors: [{ messageId: 'generic', data: { name: 'tool', word: 'tool' }, line: 2, column: 18, endColumn: 24 }],
    },
    {
      name: 'numbered name, aliased flat import',
      code: code`
        import { tool as makeTool } from '@livekit/agents';
        makeTool({ name: 'action2', description: 'x', execute: async () => 1 });
      `,
      errors: [{ messageId: 'numbered', data: { name: 'action2', word: 'action' }, line: 2, column: 18 }],
    },
    {
      name: 'a generic verb with no object, namespace import',
      code: code`
        import * as agents from '@livekit/agents';
        agents.llm.tool({ name: 'lookup', description: 'x', execute: async () => 1 });
      `,
      errors: [{ messageId: 'bareVerb', data: { name: 'lookup', word: 'lookup' }, line: 2, column: 25 }],
    },
    {
      name: 'led by a vague verb, flat import',
      code: code`
        import { tool } from '@livekit/agents';
        tool({ name: 'handle_order', description: 'x', execute: async () => 1 });
      `,
      errors: [{ messageId: 'vagueVerb', data: { name: 'handle_order', word: 'handle' }, line: 2, column: 14 }],
    },
    {
      name: 'generic verb with a generic object',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'getInfo', description: 'x', execute: async () => 1 });
        llm.tool({ name: 'get_account_everything', description: 'x', execute: async () => 1 });
      `,
      errors: [
        { messageId: 'genericObject', data: { name: 'getInfo', word: 'get' }, line: 2 },
        { messageId: 'genericObject', data: { name: 'get_account_everything', word: 'get' }, line: 3 },
      ],
    },
    {
      name: 'not portable to every provider',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'orders.lookup', description: 'x', execute: async () => 1 });
        llm.tool({ name: 'look up order', description: 'x', execute: async () => 1 });
      `,
      errors: [
        { messageId: 'notPortable', data: { name: 'orders.lookup', word: '' }, line: 2 },
        { messageId: 'notPortable', line: 3 },
      ],
    },
    {
      name: 'name from the key of a same-file const map, tool from a const',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const fetcher = llm.tool({ description: 'x', execute: async () => 1 });
        const tools = { fetch_details: fetcher };
        new voice.Agent({ instructions: 'x', tools });
      `,
      errors: [
        {
          messageId: 'genericObject',
          data: { name: 'fetch_details', word: 'fetch' },
          line: 3,
          column: 17,
          endColumn: 30,
        },
      ],
    },
    {
      name: 'map key of a tool defined in another file',
      code: code`
        import { voice } from '@livekit/agents';
        import { searchTool } from './tools';
        new voice.Agent({ instructions: 'x', tools: { search: searchTool } });
      `,
      errors: [{ messageId: 'bareVerb', data: { name: 'search', word: 'search' }, line: 3, column: 47 }],
    },
    {
      name: 'an anonymous tool registered under two keys: both are checked',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const t = llm.tool({ description: 'x', execute: async () => 1 });
        new voice.Agent({ instructions: 'x', tools: { getOrderStatus: t } });
        new voice.Agent({ instructions: 'x', tools: { run: t } });
      `,
      errors: [{ messageId: 'generic', data: { name: 'run', word: 'run' }, line: 4 }],
    },
    {
      name: 'option vagueWords adds words',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'frobnicateOrder', description: 'x', execute: async () => 1 });
      `,
      options: [{ vagueWords: ['frobnicate'] }],
      errors: [{ messageId: 'vagueVerb', data: { name: 'frobnicateOrder', word: 'frobnicate' } }],
    },
    {
      name: 'Agent class super options with a map',
      code: code`
        import { voice, llm } from '@livekit/agents';
        class Desk extends voice.Agent {
          constructor() {
            super({ instructions: 'x', tools: { process_request: llm.tool({ description: 'x', execute: async () => 1 }) } });
          }
        }
      `,
      errors: [{ messageId: 'generic', data: { name: 'process_request', word: 'process' }, line: 4 }],
    },
  ],
});

commonJsTester.run('no-vague-tool-names (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); llm.tool({ name: 'tool' });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm } = require('@livekit/agents'); llm.tool({ name: 'helper', execute: async () => 1 });",
      errors: [{ messageId: 'generic', line: 1, column: 62 }],
    },
  ],
});
