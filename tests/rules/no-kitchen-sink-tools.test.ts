import rule from '../../src/rules/no-kitchen-sink-tools.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-kitchen-sink-tools', rule, {
  valid: [
    {
      // Was invalid with the old limit of 6: the rule counts the required fields of one action as one responsibility.
      name: 'the seven required fields of one booking are not a kitchen sink',
      code: code`
        import { tool as t } from '@livekit/agents';
        import { z } from 'zod';
        const schema = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string(), f: z.string(), g: z.string() });
        t({ name: 'fileClaim', description: 'd', parameters: schema, execute: async () => 1 });
      `,
    },
    {
      name: 'test code: a spec file',
      filename: 'src/tools.spec.ts',
      code: code`
        import { tool as t } from '@livekit/agents';
        import { z } from 'zod';
        const schema = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string(), f: z.string(), g: z.string(), h: z.string(), i: z.string(), j: z.string(), k: z.string() });
        t({ name: 'fileClaim', description: 'd', parameters: schema, execute: async () => 1 });
      `,
    },
    {
      name: 'official style: a focused tool',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'lookupOrderStatus',
          description: 'd',
          parameters: z.object({ orderId: z.string().describe('The order number'), includeItems: z.boolean().describe('List items') }),
          execute: async () => 1,
        });
      `,
    },
    {
      name: 'booleans that do not switch parts of the result on; exactly the maximum of parameters',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'bookTable',
          description: 'd',
          parameters: z.object({
            date: z.string(), time: z.string(), guests: z.number(),
            outdoor: z.boolean(), highChair: z.boolean(), accessible: z.boolean(),
          }),
          execute: async () => 1,
        });
      `,
    },
    {
      name: 'flag-named fields that are not booleans',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'x',
          description: 'd',
          parameters: z.object({ includeFields: z.array(z.string()), withTax: z.string(), showAs: z.enum(['a', 'b']) }),
          execute: async () => 1,
        });
      `,
    },
    {
      name: 'options raise the limits',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'x',
          description: 'd',
          parameters: z.object({ includeA: z.boolean(), includeB: z.boolean(), includeC: z.boolean() }),
          execute: async () => 1,
        });
      `,
      options: [{ maxBooleanFlags: 4, maxParameters: 10 }],
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { llm as lk } from '@livekit/agents';
        import { z } from 'zod';
        function build(llm: { tool(x: object): void }) {
          llm.tool({ parameters: z.object({ includeA: z.boolean(), includeB: z.boolean(), includeC: z.boolean() }) });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { tool } from 'ai';
        import { voice } from '@livekit/agents';
        import { z } from 'zod';
        tool({ parameters: z.object({ includeA: z.boolean(), includeB: z.boolean(), includeC: z.boolean() }) });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        import { z } from 'zod';
        declare const lk: typeof llm;
        lk.tool({ parameters: z.object({ includeA: z.boolean(), includeB: z.boolean(), includeC: z.boolean() }) });
      `,
    },
  ],
  invalid: [
    {
      name: 'three include/with/show flags (namespace binding llm)',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'getCustomer',
          description: 'd',
          parameters: z.object({
            customerId: z.string(),
            includeOrders: z.boolean().optional(),
            with_invoices: z.boolean(),
            showNotes: z.coerce.boolean(),
          }),
          execute: async () => 1,
        });
      `,
      errors: [
        {
          messageId: 'tooManyFlags',
          data: { tool: "'getCustomer'", count: 3, flags: 'includeOrders, with_invoices, showNotes' },
          line: 6,
          column: 3,
          endColumn: 13,
        },
      ],
    },
    {
      name: 'more than ten parameters, schema in a const (aliased flat import)',
      code: code`
        import { tool as t } from '@livekit/agents';
        import { z } from 'zod';
        const schema = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string(), e: z.string(), f: z.string(), g: z.string(), h: z.string(), i: z.string(), j: z.string(), k: z.string() });
        t({ name: 'fileClaim', description: 'd', parameters: schema, execute: async () => 1 });
      `,
      errors: [
        { messageId: 'tooManyParameters', data: { tool: "'fileClaim'", count: 11, max: 10 }, line: 4, column: 42 },
      ],
    },
    {
      name: 'both problems on one tool, JSON Schema (namespace import)',
      code: code`
        import * as agents from '@livekit/agents';
        agents.llm.tool({
          name: 'x',
          description: 'd',
          parameters: {
            type: 'object',
            properties: {
              includeA: { type: 'boolean' }, returnB: { type: 'boolean' }, fetchC: { type: 'boolean' },
              d: { type: 'string' }, e: { type: 'string' }, f: { type: 'string' }, g: { type: 'string' },
            },
          },
          execute: async () => 1,
        });
      `,
      errors: [
        { messageId: 'tooManyFlags', data: { tool: "'x'", count: 3, flags: 'includeA, returnB, fetchC' }, line: 5 },
        { messageId: 'tooManyParameters', data: { tool: "'x'", count: 7, max: 6 }, line: 5 },
      ],
      // The option keeps the old limit of 6 here so that one tool shows both problems.
      options: [{ maxParameters: 6 }],
    },
    {
      name: 'option maxBooleanFlags lowers the limit (flat import)',
      code: code`
        import { tool } from '@livekit/agents';
        import { z } from 'zod';
        tool({ name: 'x', description: 'd', parameters: z.object({ includeA: z.boolean(), showB: z.boolean() }), execute: async () => 1 });
      `,
      options: [{ maxBooleanFlags: 2 }],
      errors: [{ messageId: 'tooManyFlags', line: 3 }],
    },
  ],
});

commonJsTester.run('no-kitchen-sink-tools (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); const { z } = require('zod'); llm.tool({ parameters: z.object({ includeA: z.boolean(), includeB: z.boolean(), includeC: z.boolean() }) });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm } = require('@livekit/agents'); const { z } = require('zod'); llm.tool({ parameters: z.object({ includeA: z.boolean(), includeB: z.boolean(), includeC: z.boolean() }) });",
      errors: [
        {
          messageId: 'tooManyFlags',
          data: { tool: '(unnamed)', count: 3, flags: 'includeA, includeB, includeC' },
          line: 1,
        },
      ],
    },
  ],
});
