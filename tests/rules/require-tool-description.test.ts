import rule from '../../src/rules/require-tool-description.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('require-tool-description', rule, {
  valid: [
    {
      name: 'official style: named tool with a real description',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        export const lookupWeather = llm.tool({
          name: 'lookupWeather',
          description: 'Look up the current weather for a city; call it when the user asks about weather.',
          parameters: z.object({ city: z.string().describe('The city name') }),
          execute: async ({ city }) => \`Sunny in \${city}\`,
        });
      `,
    },
    {
      name: 'description from a same-file const',
      code: code`
        import { llm } from '@livekit/agents';
        const DESCRIPTION = 'Cancel an order that has not shipped yet, after the caller confirms.';
        llm.tool({ description: DESCRIPTION, execute: async () => 'ok' });
      `,
    },
    {
      name: 'dynamic description is not guessed',
      code: code`
        import { llm } from '@livekit/agents';
        import { describeTool } from './descriptions';
        llm.tool({ description: describeTool('x'), execute: async () => 'ok' });
        llm.tool({ description: \`\${prefix}\`, execute: async () => 'ok' });
      `,
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { llm as lk } from '@livekit/agents';
        function build(llm: { tool(x: object): void }) {
          llm.tool({ execute: () => 1 });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { tool } from 'ai';
        tool({ execute: async () => 1 });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        declare const llm2: typeof llm;
        llm2.tool({ execute: async () => 1 });
      `,
    },
    {
      name: 'no LiveKit import at all',
      code: code`
        const llm = { tool: (x: object) => x };
        llm.tool({});
      `,
    },
    {
      name: 'option minLength lowers the bar',
      code: code`
        import { tool } from '@livekit/agents';
        tool({ name: 'endCall', description: 'Hang up politely.', execute: async () => 'bye' });
      `,
      options: [{ minLength: 10 }],
    },
    {
      name: 'a short description that adds meaning is fine: no length floor by default',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'save_name', description: 'Save the user name.', execute: async () => 'ok' });
      `,
    },
    {
      name: 'test code: fixture tools in a spec file and under a test folder',
      filename: 'plugins/test/src/llm.ts',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'simulateFailure', description: 'Simulate a failure.', execute: async () => 'ok' });
        llm.tool({ name: 'playMusic', execute: async () => 'ok' });
      `,
    },
    {
      name: 'a spread may carry the description',
      code: code`
        import { llm } from '@livekit/agents';
        import { base } from './base';
        llm.tool({ ...base, name: 'lookupOrder', execute: async () => 'ok' });
      `,
    },
    {
      name: 'words beyond the name are not a restatement; a real sentence that mentions a tool is not a placeholder',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'get_order_status', description: 'Gets the order status after the caller gives the order number.', execute: async () => 'ok' });
        llm.tool({ name: 'x', description: 'This tool transfers the caller to a human agent.', execute: async () => 'ok' });
        llm.tool({ name: 'todoList', description: 'Read the caller their open to-do items for today.', execute: async () => 'ok' });
      `,
    },
    {
      name: 'options object not visible (imported) is not judged',
      code: code`
        import { llm } from '@livekit/agents';
        import { options } from './options';
        llm.tool(options);
      `,
    },
  ],
  invalid: [
    {
      name: 'missing description, namespace binding llm',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'lookupOrder', execute: async () => 'ok' });
      `,
      errors: [{ messageId: 'missing', data: { tool: "'lookupOrder'" }, line: 2, column: 1, endColumn: 9 }],
    },
    {
      name: 'missing description, flat import',
      code: code`
        import { tool } from '@livekit/agents';
        tool({ name: 'lookupOrder', execute: async () => 'ok' });
      `,
      errors: [{ messageId: 'missing', data: { tool: "'lookupOrder'" }, line: 2, column: 1, endColumn: 5 }],
    },
    {
      name: 'empty description, aliased flat import',
      code: code`
        import { tool as defineTool } from '@livekit/agents';
        defineTool({ name: 'lookupOrder', description: '', execute: async () => 'ok' });
        defineTool({ name: 'cancelOrder', description: '   ', execute: async () => 'ok' });
      `,
      errors: [
        { messageId: 'empty', data: { tool: "'lookupOrder'" }, line: 2, column: 48, endColumn: 50 },
        { messageId: 'empty', data: { tool: "'cancelOrder'" }, line: 3, column: 48 },
      ],
    },
    {
      name: 'placeholder description, namespace import',
      code: code`
        import * as agents from '@livekit/agents';
        agents.llm.tool({ name: 'lookupOrder', description: 'TODO', execute: async () => 'ok' });
      `,
      errors: [
        { messageId: 'placeholder', data: { tool: "'lookupOrder'", text: 'TODO' }, line: 2, column: 53, endColumn: 59 },
      ],
    },
    {
      name: 'placeholders: a TODO note, filler words, N/A',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'a', description: 'TODO: write a proper description later', execute: async () => 'ok' });
        llm.tool({ name: 'b', description: 'This is a tool description.', execute: async () => 'ok' });
        llm.tool({ name: 'c', description: 'N/A', execute: async () => 'ok' });
        llm.tool({ name: 'd', description: 'Does something', execute: async () => 'ok' });
      `,
      errors: [
        { messageId: 'placeholder', data: { tool: "'a'", text: 'TODO: write a proper description later' }, line: 2 },
        { messageId: 'placeholder', data: { tool: "'b'", text: 'This is a tool description.' }, line: 3 },
        { messageId: 'placeholder', data: { tool: "'c'", text: 'N/A' }, line: 4 },
        { messageId: 'placeholder', data: { tool: "'d'", text: 'Does something' }, line: 5 },
      ],
    },
    {
      name: 'too short, name from the registration map key',
      code: code`
        import { voice, llm } from '@livekit/agents';
        new voice.Agent({
          instructions: 'x',
          tools: { transferCall: llm.tool({ description: 'Moves calls.', execute: async () => 'ok' }) },
        });
      `,
      // The 20-character floor was the default; the rule dropped it (a short description can add meaning), so the
      // option asks for it here.
      options: [{ minLength: 20 }],
      errors: [
        {
          messageId: 'tooShort',
          data: { tool: "'transferCall'", length: 12, minLength: 20 },
          line: 4,
          column: 50,
          endColumn: 64,
        },
      ],
    },
    {
      name: 'description only restates the name',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'get_order_status', description: 'Gets the order status.', execute: async () => 'ok' });
        llm.tool({ name: 'lookupCustomerAccountBalanceInformation', description: 'Look up the customer account balance information', execute: async () => 'ok' });
      `,
      errors: [
        { messageId: 'restatesName', data: { tool: "'get_order_status'" }, line: 2, column: 51, endColumn: 75 },
        { messageId: 'restatesName', data: { tool: "'lookupCustomerAccountBalanceInformation'" }, line: 3 },
      ],
    },
    {
      name: 'template literal with only static text is read',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ name: 'lookupOrder', description: \`tool\`, execute: async () => 'ok' });
      `,
      errors: [{ messageId: 'placeholder', data: { tool: "'lookupOrder'", text: 'tool' }, line: 2, column: 46 }],
    },
    {
      name: 'tool held in a const and registered in a const map',
      code: code`
        import { voice, llm } from '@livekit/agents';
        const refund = llm.tool({ execute: async () => 'ok' });
        const tools = { refundPayment: refund };
        new voice.Agent({ instructions: 'x', tools });
      `,
      errors: [{ messageId: 'missing', data: { tool: "'refundPayment'" }, line: 2, column: 16 }],
    },
    {
      name: 'local alias of the namespace member; an anonymous unregistered tool',
      code: code`
        import { llm } from '@livekit/agents';
        const { tool } = llm;
        tool({ name: 'x_y', execute: async () => 'ok' });
        tool({ execute: async () => 'ok' });
      `,
      errors: [
        { messageId: 'missing', data: { tool: "'x_y'" }, line: 3, column: 1 },
        { messageId: 'missing', data: { tool: '(unnamed)' }, line: 4, column: 1 },
      ],
    },
  ],
});

commonJsTester.run('require-tool-description (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); llm.tool({});",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm } = require('@livekit/agents'); llm.tool({ name: 'lookupOrder', execute: async () => 1 });",
      errors: [{ messageId: 'missing', line: 1, column: 45 }],
    },
    {
      name: 'namespace require with flat name',
      code: "const agents = require('@livekit/agents'); agents.tool({ name: 'lookupOrder', description: '' });",
      errors: [{ messageId: 'empty', line: 1, column: 92 }],
    },
  ],
});
