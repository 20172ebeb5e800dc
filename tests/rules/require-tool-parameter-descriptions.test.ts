import rule from '../../src/rules/require-tool-parameter-descriptions.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('require-tool-parameter-descriptions', rule, {
  valid: [
    {
      name: 'official style: every field described',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'lookupWeather',
          description: 'd',
          parameters: z.object({
            city: z.string().describe('The city name'),
            days: z.number().int().min(1).optional().describe('How many days of forecast'),
          }),
          execute: async () => 'sunny',
        });
      `,
    },
    {
      name: 'zod-4 meta and check(z.describe()), JSON Schema with descriptions, no parameters',
      code: code`
        import { llm } from '@livekit/agents';
        import * as z from 'zod';
        llm.tool({ name: 'a', description: 'd', parameters: z.object({ when: z.iso.datetime().meta({ description: 'ISO time' }) }), execute: async () => 1 });
        llm.tool({ name: 'b', description: 'd', parameters: z.object({ n: z.string().check(z.describe('A name')) }), execute: async () => 1 });
        llm.tool({
          name: 'c',
          description: 'd',
          parameters: { type: 'object', properties: { city: { type: 'string', description: 'The city' } }, required: ['city'] },
          execute: async () => 1,
        });
        llm.tool({ name: 'd', description: 'd', execute: async () => 1 });
      `,
    },
    {
      name: 'fields that cannot be read here are not judged',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        import { orderIdField, sharedShape, schema } from './schemas';
        llm.tool({ name: 'a', description: 'd', parameters: z.object({ orderId: orderIdField, ...sharedShape }), execute: async () => 1 });
        llm.tool({ name: 'b', description: 'd', parameters: schema, execute: async () => 1 });
      `,
    },
    {
      name: 'another validation library is not Zod',
      code: code`
        import { llm } from '@livekit/agents';
        import * as v from 'valibot';
        llm.tool({ name: 'a', description: 'd', parameters: v.object({ city: v.string() }), execute: async () => 1 });
      `,
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { llm as lk } from '@livekit/agents';
        import { z } from 'zod';
        function build(llm: { tool(x: object): void }) {
          llm.tool({ parameters: z.object({ city: z.string() }) });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { tool } from 'ai';
        import { voice } from '@livekit/agents';
        import { z } from 'zod';
        tool({ parameters: z.object({ city: z.string() }) });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        import { z } from 'zod';
        declare const lk: typeof llm;
        lk.tool({ name: 'a', description: 'd', parameters: z.object({ city: z.string() }), execute: async () => 1 });
      `,
    },
  ],
  invalid: [
    {
      name: 'zod fields without describe (namespace binding llm)',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'lookupOrder',
          description: 'd',
          parameters: z.object({
            orderId: z.string(),
            email: z.string().email().optional(),
            note: z.string().describe('Anything the caller adds'),
          }),
          execute: async () => 1,
        });
      `,
      errors: [
        { messageId: 'zodField', data: { field: 'orderId', tool: "'lookupOrder'" }, line: 7, column: 5, endColumn: 12 },
        { messageId: 'zodField', data: { field: 'email', tool: "'lookupOrder'" }, line: 8, column: 5 },
      ],
    },
    {
      name: 'schema in a same-file const, name from the map key (aliased flat import)',
      code: code`
        import { tool as t, Agent } from '@livekit/agents';
        import { z as zod } from 'zod';
        const schema = zod.object({ city: zod.string() });
        new Agent({ instructions: 'x', tools: { getWeather: t({ description: 'd', parameters: schema, execute: async () => 1 }) } });
      `,
      errors: [{ messageId: 'zodField', data: { field: 'city', tool: "'getWeather'" }, line: 3, column: 29 }],
    },
    {
      name: 'a field shared by two tools is reported once (namespace import)',
      code: code`
        import * as agents from '@livekit/agents';
        import { z } from 'zod';
        const base = z.object({ orderId: z.string() });
        agents.llm.tool({ name: 'a', description: 'd', parameters: base.extend({ reason: z.string().describe('Why') }), execute: async () => 1 });
        agents.llm.tool({ name: 'b', description: 'd', parameters: base, execute: async () => 1 });
      `,
      errors: [{ messageId: 'zodField', data: { field: 'orderId', tool: "'a'" }, line: 3, column: 25 }],
    },
    {
      name: 'JSON Schema property without description (flat import)',
      code: code`
        import { tool } from '@livekit/agents';
        tool({
          name: 'lookupWeather',
          description: 'd',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
          execute: async () => 1,
        });
      `,
      errors: [{ messageId: 'jsonProperty', data: { field: 'city', tool: "'lookupWeather'" }, line: 5, column: 47 }],
    },
  ],
});

commonJsTester.run('require-tool-parameter-descriptions (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); const { z } = require('zod'); llm.tool({ parameters: z.object({ a: z.string() }) });",
    },
  ],
  invalid: [
    {
      name: 'destructured require of both packages',
      code: "const { llm } = require('@livekit/agents'); const { z } = require('zod'); llm.tool({ name: 'x', parameters: z.object({ city: z.string() }) });",
      errors: [{ messageId: 'zodField', line: 1, column: 120 }],
    },
  ],
});
