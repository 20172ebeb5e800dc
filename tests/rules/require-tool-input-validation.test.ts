import rule from '../../src/rules/require-tool-input-validation.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

const LK = "import { llm } from '@livekit/agents';";
const ZOD = "import { z } from 'zod';";

ruleTester.run('require-tool-input-validation', rule, {
  valid: [
    {
      name: 'official style: formats in the schema (zod 3 methods and zod 4 factories)',
      code: code`
        ${LK}
        ${ZOD}
        export const book = llm.tool({
          description: 'Book a visit and send the confirmation to the caller.',
          parameters: z.object({
            email: z.string().email().describe('Where to send the confirmation'),
            website: z.url(),
            phoneNumber: z.string().regex(/^\\+?[0-9 ]{7,15}$/u).describe('Digits only'),
            visitDate: z.iso.date(),
            startDate: z.string().datetime(),
            zipCode: z.string().length(5),
            callbackPhone: z.e164(),
          }),
          execute: async ({ email, website, phoneNumber, visitDate, startDate, zipCode, callbackPhone }) =>
            [email, website, phoneNumber, visitDate, startDate, zipCode, callbackPhone].join(' '),
        });
      `,
    },
    {
      name: 'checked in execute: regex test, match, validator call, new URL, Date.parse, a length test',
      code: code`
        ${LK}
        ${ZOD}
        import validator from 'validator';
        const EMAIL = /^[^@\\s]+@[^@\\s]+$/u;
        llm.tool({
          description: 'Update the contact details the caller reads out.',
          parameters: z.object({ email: z.string(), phone: z.string(), homepage: z.string(), dob: z.string(), zip: z.string(), postalCode: z.string() }),
          execute: async (args) => {
            if (!EMAIL.test(args.email)) throw new llm.ToolError('That email does not look right; ask the caller to spell it.');
            const digits = args.phone.match(/\\d/gu);
            const site = new URL(args.homepage);
            if (Number.isNaN(Date.parse(args.dob))) return 'Ask for the date again.';
            if (args.zip.length !== 5) return 'Ask for the five-digit ZIP code.';
            if (!validator.isPostalCode(args.postalCode, 'US')) return 'Ask again.';
            return \`\${digits} \${site}\`;
          },
        });
      `,
    },
    {
      name: 'an object-level refinement validates the whole input',
      code: code`
        ${LK}
        ${ZOD}
        llm.tool({
          description: 'Send the receipt to the caller by email.',
          parameters: z.object({ email: z.string() }).refine((value) => value.email.includes('@')),
          execute: async ({ email }) => email,
        });
      `,
    },
    {
      name: 'names that are not formats, non-string fields, enums and unused parameters',
      code: code`
        ${LK}
        ${ZOD}
        llm.tool({
          description: 'Search orders by their details for the caller.',
          parameters: z.object({
            emailSubject: z.string(),
            dateFormat: z.string(),
            phoneCount: z.number(),
            deliveryDate: z.date(),
            zip: z.enum(['10001', '10002']),
            url: z.string(),
          }),
          execute: async ({ emailSubject, dateFormat, phoneCount, deliveryDate, zip }) =>
            \`\${emailSubject} \${dateFormat} \${phoneCount} \${deliveryDate} \${zip}\`,
        });
      `,
    },
    {
      name: 'JSON Schema with a format or a pattern',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({
          description: 'Send the receipt to the caller by email.',
          parameters: {
            type: 'object',
            properties: { email: { type: 'string', format: 'email' }, zip: { type: 'string', pattern: '^[0-9]{5}$' } },
          },
          execute: async ({ email, zip }: { email: string; zip: string }) => email + zip,
        });
      `,
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { llm as lk } from '@livekit/agents';
        import { z } from 'zod';
        function build(llm: { tool(x: object): void }) {
          llm.tool({ parameters: z.object({ email: z.string() }), execute: async ({ email }: { email: string }) => email });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { tool } from 'ai';
        import { z } from 'zod';
        tool({ parameters: z.object({ email: z.string() }), execute: async ({ email }: { email: string }) => email });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        import { z } from 'zod';
        declare const l: typeof llm;
        l.tool({ description: 'x', parameters: z.object({ email: z.string() }), execute: async ({ email }: { email: string }) => email });
      `,
    },
    {
      name: 'a local z is not Zod',
      code: code`
        import { llm } from '@livekit/agents';
        const z = { object: (x: object) => x, string: () => ({}) };
        llm.tool({ description: 'Send the receipt to the caller.', parameters: z.object({ email: z.string() }), execute: async ({ email }: { email: string }) => email });
      `,
    },
    {
      name: 'known miss: arguments passed on whole cannot be followed',
      code: code`
        ${LK}
        ${ZOD}
        declare function save(x: object): Promise<string>;
        llm.tool({
          description: 'Save the contact details the caller reads out.',
          parameters: z.object({ email: z.string() }),
          execute: async (args) => save(args),
        });
      `,
    },
  ],
  invalid: [
    {
      name: 'a free-string email used without a check',
      code: code`
        ${LK}
        ${ZOD}
        declare function sendReceipt(to: string): Promise<void>;
        export const emailReceipt = llm.tool({
          name: 'emailReceipt',
          description: 'Send the receipt of the last order to the caller by email.',
          parameters: z.object({ email: z.string().describe('The email address the caller spells out') }),
          execute: async ({ email }) => {
            await sendReceipt(email);
            return 'Sent.';
          },
        });
      `,
      errors: [
        {
          messageId: 'zodField',
          data: {
            field: 'email',
            tool: "'emailReceipt'",
            what: 'an email address',
            heard: "'john at example dot com'",
            fix: '`.email()` (or `z.email()`)',
          },
          line: 7,
          column: 26,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'each format, read through args.x, optional wrappers and a const schema (flat aliased import)',
      code: code`
        import { tool as defineTool } from '@livekit/agents';
        import * as z from 'zod';
        declare const crm: { update(x: object): Promise<void> };
        const schema = z.object({
          phoneNumber: z.string().min(7),
          websiteUrl: z.string().optional(),
          dateOfBirth: z.string(),
          postal_code: z.optional(z.string()),
        });
        defineTool({
          name: 'updateContact',
          description: 'Update the contact details the caller reads out.',
          parameters: schema,
          execute: async (args) => {
            const { dateOfBirth } = args;
            await crm.update({ phone: args.phoneNumber, url: args.websiteUrl, dob: dateOfBirth, zip: args.postal_code });
            return 'Updated.';
          },
        });
      `,
      errors: [
        {
          messageId: 'zodField',
          data: {
            field: 'phoneNumber',
            tool: "'updateContact'",
            what: 'a phone number',
            heard: "'five five five, one two three four'",
            fix: '`.regex(...)` (or `z.e164()`)',
          },
          line: 5,
        },
        {
          messageId: 'zodField',
          data: {
            field: 'websiteUrl',
            tool: "'updateContact'",
            what: 'a URL',
            heard: "'example dot com slash help'",
            fix: '`.url()` (or `z.url()`)',
          },
          line: 6,
        },
        {
          messageId: 'zodField',
          data: {
            field: 'dateOfBirth',
            tool: "'updateContact'",
            what: 'a date',
            heard: "'next Tuesday'",
            fix: '`.date()` / `.datetime()` (or `z.iso.date()`)',
          },
          line: 7,
        },
        {
          messageId: 'zodField',
          data: {
            field: 'postal_code',
            tool: "'updateContact'",
            what: 'a postal code',
            heard: "'nine oh two one oh'",
            fix: '`.regex(...)`',
          },
          line: 8,
        },
      ],
    },
    {
      name: 'a presence check is not a format check (namespace import)',
      code: code`
        import * as agents from '@livekit/agents';
        import { z } from 'zod';
        agents.llm.tool({
          name: 'scheduleCallback',
          description: 'Schedule a call back to the number the caller gives.',
          parameters: z.object({ phone: z.string() }),
          execute: async ({ phone }) => {
            if (!phone) return 'Ask for the number.';
            return \`Calling \${phone} back.\`;
          },
        });
      `,
      errors: [
        {
          messageId: 'zodField',
          data: {
            field: 'phone',
            tool: "'scheduleCallback'",
            what: 'a phone number',
            heard: "'five five five, one two three four'",
            fix: '`.regex(...)` (or `z.e164()`)',
          },
          line: 6,
        },
      ],
    },
    {
      name: 'JSON Schema string without format',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({
          name: 'emailReceipt',
          description: 'Send the receipt of the last order to the caller by email.',
          parameters: { type: 'object', properties: { email: { type: 'string', description: 'The address' } } },
          execute: async ({ email }: { email: string }) => \`Sent to \${email}\`,
        });
      `,
      errors: [
        {
          messageId: 'jsonProperty',
          data: {
            field: 'email',
            tool: "'emailReceipt'",
            what: 'an email address',
            heard: "'john at example dot com'",
            fix: "`format: 'email'`",
          },
          line: 5,
          column: 47,
        },
      ],
    },
  ],
});

commonJsTester.run('require-tool-input-validation (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); const { z } = require('zod'); llm.tool({ parameters: z.object({ email: z.string() }), execute: async ({ email }) => email });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm } = require('@livekit/agents'); const { z } = require('zod'); llm.tool({ name: 'emailReceipt', description: 'Email the receipt.', parameters: z.object({ email: z.string() }), execute: async ({ email }) => `Sent to ${email}` });",
      errors: [
        {
          messageId: 'zodField',
          data: {
            field: 'email',
            tool: "'emailReceipt'",
            what: 'an email address',
            heard: "'john at example dot com'",
            fix: '`.email()` (or `z.email()`)',
          },
        },
      ],
    },
  ],
});
