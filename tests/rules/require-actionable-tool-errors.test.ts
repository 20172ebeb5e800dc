import rule from '../../src/rules/require-actionable-tool-errors.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('require-actionable-tool-errors', rule, {
  valid: [
    {
      name: 'official style: what happened and what to do next',
      code: code`
        import { llm } from '@livekit/agents';
        throw new llm.ToolError('No order has that number; ask the caller to read it again digit by digit.');
      `,
    },
    {
      name: 'dynamic parts with real words around them, a const message, a message built elsewhere',
      code: code`
        import { ToolError } from '@livekit/agents';
        import { messageFor } from './messages';
        const NOT_FOUND = 'That order is not in our system; ask the caller to check the number.';
        function fail(orderId: string, reason: string) {
          try {
            lookup(orderId);
          } catch (error) {
            throw new ToolError(\`Payment failed: \${(error as Error).message}. Offer another payment method.\`);
          }
          if (!reason) throw new ToolError(NOT_FOUND);
          throw new ToolError(messageFor(reason));
        }
      `,
    },
    {
      name: 'a variable that is not a caught error',
      code: code`
        import { llm } from '@livekit/agents';
        function fail(message: string) {
          throw new llm.ToolError(message);
        }
      `,
    },
    {
      name: 'option minWords lowers the bar',
      code: code`
        import { llm } from '@livekit/agents';
        throw new llm.ToolError('Caller not verified.');
      `,
      options: [{ minWords: 3 }],
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { llm as lk } from '@livekit/agents';
        function build(llm: { ToolError: new (m: string) => Error }) {
          throw new llm.ToolError('Error 403');
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { ToolError } from 'other-errors';
        import { voice } from '@livekit/agents';
        throw new ToolError('Something went wrong');
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { ToolError } from '@livekit/agents';
        import { voice } from '@livekit/agents';
        declare const TE: typeof ToolError;
        throw new TE('500');
      `,
    },
  ],
  invalid: [
    {
      name: 'raw codes (namespace binding llm)',
      code: code`
        import { llm } from '@livekit/agents';
        throw new llm.ToolError('Error 403');
        throw new llm.ToolError('FORBIDDEN_RESOURCE_ACCESS');
        throw new llm.ToolError('404');
        throw new llm.ToolError('HTTP 500 Internal Server Error');
      `,
      errors: [
        { messageId: 'rawCode', data: { text: 'Error 403' }, line: 2, column: 25, endColumn: 36 },
        { messageId: 'rawCode', data: { text: 'FORBIDDEN_RESOURCE_ACCESS' }, line: 3 },
        { messageId: 'rawCode', data: { text: '404' }, line: 4 },
        { messageId: 'rawCode', line: 5 },
      ],
    },
    {
      name: 'generic phrases (flat import)',
      code: code`
        import { ToolError } from '@livekit/agents';
        throw new ToolError('Something went wrong');
        throw new ToolError('An error occurred.');
        throw new ToolError('Unknown error');
        throw new ToolError('Oops! Something went wrong, please try again later.');
      `,
      errors: [
        { messageId: 'generic', data: { text: 'Something went wrong' }, line: 2, column: 21 },
        { messageId: 'generic', line: 3 },
        { messageId: 'generic', line: 4 },
        { messageId: 'generic', line: 5 },
      ],
    },
    {
      name: 'too short (aliased import), and no message at all',
      code: code`
        import { ToolError as TE } from '@livekit/agents';
        throw new TE('Order not found');
        throw new TE();
      `,
      errors: [
        { messageId: 'tooShort', data: { count: 3, minWords: 5 }, line: 2, column: 14 },
        { messageId: 'tooShort', data: { count: 0, minWords: 5 }, line: 3, column: 7 },
      ],
    },
    {
      name: 'only the caught error (namespace import)',
      code: code`
        import * as agents from '@livekit/agents';
        async function run() {
          try {
            await work();
          } catch (e) {
            if (a) throw new agents.llm.ToolError(\`\${e}\`);
            if (b) throw new agents.llm.ToolError((e as Error).message);
            if (c) throw new agents.llm.ToolError(String(e));
            if (d) throw new agents.llm.ToolError('Error: ' + e.message);
            throw new agents.llm.ToolError(\`Failed: \${e.toString()}\`);
          }
        }
      `,
      errors: [
        { messageId: 'onlyCaughtError', line: 6, column: 43 },
        { messageId: 'onlyCaughtError', line: 7 },
        { messageId: 'onlyCaughtError', line: 8 },
        { messageId: 'onlyCaughtError', line: 9 },
        { messageId: 'onlyCaughtError', line: 10 },
      ],
    },
    {
      name: 'a same-file const message is read',
      code: code`
        import { llm } from '@livekit/agents';
        const MESSAGE = 'Unknown error';
        throw new llm.ToolError(MESSAGE);
      `,
      errors: [{ messageId: 'generic', line: 3, column: 25 }],
    },
  ],
});

commonJsTester.run('require-actionable-tool-errors (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); throw new llm.ToolError('500');",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm } = require('@livekit/agents'); throw new llm.ToolError('500');",
      errors: [{ messageId: 'rawCode', line: 1, column: 69 }],
    },
  ],
});
