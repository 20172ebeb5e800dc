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
    {
      name: 'fields whose type lists every value: enum, literal, union of literals, boolean, bounded number, arrays of those',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'bookRoom',
          description: 'Book a room once the caller has agreed to the read-back.',
          parameters: z.object({
            roomType: z.enum(['single', 'double']),
            channel: z.literal('phone'),
            view: z.union([z.literal('sea'), z.literal('garden')]),
            smoking: z.boolean().default(false),
            month: z.number().int().min(1).max(12),
            extras: z.array(z.enum(['breakfast', 'parking'])),
          }),
          execute: async () => 1,
        });
        llm.tool({
          name: 'rate',
          description: 'Record how the caller rates the call.',
          parameters: { type: 'object', properties: { score: { type: 'integer', enum: [1, 2, 3] }, happy: { type: 'boolean' } } },
          execute: async () => 1,
        });
      `,
    },
    {
      // Judged noise on real code: a name that says what the value is and in what form needs no description.
      name: 'self-explaining names: a person, a phone, an email, free text, a place, a count of people',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'takeMessage',
          description: 'Take a message for a guest.',
          parameters: z.object({
            callerName: z.string(),
            callerPhone: z.string(),
            email: z.string().email().optional(),
            message: z.string(),
            city: z.string(),
            partySize: z.number().int().min(1),
          }),
          execute: async () => 1,
        });
      `,
    },
    {
      // Judged noise on real code: the LLM knows what a flight number or a booking reference looks like.
      name: 'self-explaining two-word names: a phone or room number, a flight number, a booking reference',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'requestFlightCheck',
          description: 'Ask the concierge to reconfirm a flight.',
          parameters: z.object({
            roomNumber: z.string(),
            phoneNumber: z.string(),
            flightNumber: z.string(),
            bookingReference: z.string(),
          }),
          execute: async () => 1,
        });
      `,
    },
    {
      name: 'the tool description explains the parameter by name',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'verifyByCard',
          description: 'Verify the booking by the last four digits of the card and its security code.',
          parameters: z.object({ cardLast4: z.string(), securityCode: z.string() }),
          execute: async () => 1,
        });
      `,
    },
    {
      name: 'test code: undescribed fixture parameters in a test file',
      filename: 'src/tools.test.ts',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({ name: 'pickColor', description: 'd', parameters: z.object({ shade: z.string() }), execute: async () => 1 });
      `,
    },
  ],
  invalid: [
    {
      name: 'a date or a time needs its format, even when its name is clear or the description names it',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'bookTable',
          description: 'Book a table for the date and time the caller gives.',
          parameters: z.object({ date: z.string(), pickupTime: z.string(), guests: z.number().int() }),
          execute: async () => 1,
        });
      `,
      errors: [
        { messageId: 'zodField', data: { field: 'date', tool: "'bookTable'" }, line: 6 },
        { messageId: 'zodField', data: { field: 'pickupTime', tool: "'bookTable'" }, line: 6 },
      ],
    },
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
            accountNumber: z.string(),
            since: z.string().optional(),
            note: z.string().describe('Anything the caller adds'),
          }),
          execute: async () => 1,
        });
      `,
      // (\`since\` replaces an \`email\` field: an email address is a self-explaining name, see the valid cases.)
      errors: [
        { messageId: 'zodField', data: { field: 'orderId', tool: "'lookupOrder'" }, line: 7, column: 5, endColumn: 12 },
        { messageId: 'zodField', data: { field: 'accountNumber', tool: "'lookupOrder'" }, line: 8, column: 5 },
        { messageId: 'zodField', data: { field: 'since', tool: "'lookupOrder'" }, line: 9, column: 5 },
      ],
    },
    {
      name: 'schema in a same-file const, name from the map key (aliased flat import)',
      code: code`
        import { tool as t, Agent } from '@livekit/agents';
        import { z as zod } from 'zod';
        const schema = zod.object({ date: zod.string() });
        new Agent({ instructions: 'x', tools: { getWeather: t({ description: 'd', parameters: schema, execute: async () => 1 }) } });
      `,
      errors: [{ messageId: 'zodField', data: { field: 'date', tool: "'getWeather'" }, line: 3, column: 29 }],
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
          parameters: { type: 'object', properties: { day: { type: 'string' } } },
          execute: async () => 1,
        });
      `,
      errors: [{ messageId: 'jsonProperty', data: { field: 'day', tool: "'lookupWeather'" }, line: 5, column: 47 }],
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
      code: "const { llm } = require('@livekit/agents'); const { z } = require('zod'); llm.tool({ name: 'x', parameters: z.object({ time: z.string() }) });",
      errors: [{ messageId: 'zodField', line: 1, column: 120 }],
    },
  ],
});
