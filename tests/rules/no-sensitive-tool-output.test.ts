import rule from '../../src/rules/no-sensitive-tool-output.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-sensitive-tool-output', rule, {
  valid: [
    {
      name: 'official style: a tool returns a confirmation with the last 4 digits',
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        export const chargeCard = llm.tool({
          description: 'Charge the card the caller reads out, after confirming the amount.',
          parameters: z.object({ cardNumber: z.string().describe('The card number, digits only') }),
          execute: async ({ cardNumber }) => \`Charged the card ending in \${cardNumber.slice(-4)}.\`,
        });
      `,
    },
    {
      name: 'returns that do not carry the value: booleans, lengths, literals, masked forms',
      code: code`
        import { llm } from '@livekit/agents';
        declare function mask(x: string): string;
        llm.tool({
          description: 'Check the account the caller gives and confirm it is on file.',
          execute: async ({ accountNumber, pin }: { accountNumber: string; pin: string }) => {
            if (!pin) return 'Please say your PIN.';
            if (pin.length !== 4) return { ok: false, reason: 'PIN must have 4 digits' };
            return { ok: true, account: mask(accountNumber), pinSet: Boolean(pin) };
          },
        });
      `,
    },
    {
      name: 'a secret used inside a nested function is not a return of execute',
      code: code`
        import { llm } from '@livekit/agents';
        declare const api: { call(f: () => string): Promise<string> };
        llm.tool({
          description: 'Look up the caller in the CRM and report their tier.',
          execute: async ({ apiKey }: { apiKey: string }) => {
            const tier = await api.call(() => { return apiKey; });
            return tier;
          },
        });
      `,
    },
    {
      name: 'a handoff whose returns text is harmless (the agent itself is not tool output text)',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          description: 'Transfer the caller to billing once they have given their card.',
          execute: async ({ cardNumber }: { cardNumber: string }) =>
            llm.handoff({ agent: new voice.Agent({ instructions: cardNumber }), returns: 'Transferring you to billing.' }),
        });
      `,
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { llm as lk } from '@livekit/agents';
        function build(llm: { tool(x: object): void }) {
          llm.tool({ execute: async ({ password }: { password: string }) => password });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { tool } from 'ai';
        tool({ execute: async ({ password }: { password: string }) => password });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        declare const l: typeof llm;
        l.tool({ description: 'x', execute: async ({ password }: { password: string }) => password });
      `,
    },
    {
      name: 'allowNames option',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({ description: 'Tell the caller where their map pin is.', execute: async ({ pin }: { pin: string }) => \`Pin at \${pin}\` });
      `,
      options: [{ allowNames: ['pin'] }],
    },
    {
      name: 'known miss: a value built by another function is not followed',
      code: code`
        import { llm } from '@livekit/agents';
        declare function summary(x: string): string;
        llm.tool({ description: 'Summarise the payment for the caller.', execute: async ({ cardNumber }: { cardNumber: string }) => summary(cardNumber) });
      `,
    },
  ],
  invalid: [
    {
      name: 'a template that reads the card number back',
      code: code`
        import { llm } from '@livekit/agents';
        export const chargeCard = llm.tool({
          name: 'chargeCard',
          description: 'Charge the card the caller reads out, after confirming the amount.',
          execute: async ({ cardNumber }: { cardNumber: string }) => \`Charged card \${cardNumber}.\`,
        });
      `,
      errors: [
        {
          messageId: 'maskable',
          data: { tool: "'chargeCard'", name: 'cardNumber', what: 'a card number' },
          line: 5,
          column: 78,
          endColumn: 88,
        },
      ],
    },
    {
      name: 'an object with a secret value and a key that names a secret (aliased flat import)',
      code: code`
        import { tool as defineTool } from '@livekit/agents';
        declare const vault: { read(id: string): Promise<string> };
        defineTool({
          name: 'lookupCustomer',
          description: 'Look up the customer record by their phone number.',
          execute: async ({ id }: { id: string }) => {
            const customer = { ssn: '', apiToken: '' };
            return { ssn: customer.ssn, password: await vault.read(id) };
          },
        });
      `,
      errors: [
        {
          messageId: 'maskable',
          data: { tool: "'lookupCustomer'", name: 'ssn', what: 'a social security number' },
          line: 8,
          column: 19,
        },
        {
          messageId: 'secret',
          data: { tool: "'lookupCustomer'", name: 'password', what: 'a password' },
          line: 8,
          column: 33,
        },
      ],
    },
    {
      name: 'a bare secret returned, and a JSON string (namespace import, map-registered name)',
      code: code`
        import * as agents from '@livekit/agents';
        const resetPin = agents.llm.tool({
          description: 'Reset the PIN and tell the caller what happens next.',
          execute: async ({ cvv }: { cvv: string }) => {
            if (cvv) return JSON.stringify({ cvv });
            const newPin = '1234';
            return newPin;
          },
        });
        new agents.voice.Agent({ instructions: 'x', tools: { resetPin } });
      `,
      errors: [
        { messageId: 'secret', data: { tool: "'resetPin'", name: 'cvv', what: 'a card security code' }, line: 5 },
        { messageId: 'secret', data: { tool: "'resetPin'", name: 'newPin', what: 'a PIN' }, line: 7 },
      ],
    },
    {
      name: 'a handoff whose returns text carries the secret',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          name: 'toBilling',
          description: 'Transfer the caller to billing once they have given their card.',
          execute: async ({ accountNumber }: { accountNumber: string }) =>
            llm.handoff({ agent: new voice.Agent({ instructions: 'billing' }), returns: \`Transferring account \${accountNumber}\` }),
        });
      `,
      errors: [
        {
          messageId: 'maskable',
          data: { tool: "'toBilling'", name: 'accountNumber', what: 'a bank account number' },
          line: 6,
        },
      ],
    },
    {
      name: 'execute named by a same-file function, sensitiveNames from settings',
      code: code`
        import { llm } from '@livekit/agents';
        async function lookupMember({ memberNumber }: { memberNumber: string }) {
          return \`Member \${memberNumber} found\`;
        }
        llm.tool({ name: 'lookupMember', description: 'Look up a member by the number they read out.', execute: lookupMember });
      `,
      settings: { 'livekit-agents': { sensitiveNames: ['memberNumber'] } },
      errors: [
        {
          messageId: 'secret',
          data: { tool: "'lookupMember'", name: 'memberNumber', what: 'sensitive data' },
          line: 3,
        },
      ],
    },
  ],
});

commonJsTester.run('no-sensitive-tool-output (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); llm.tool({ execute: async ({ password }) => password });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm } = require('@livekit/agents'); llm.tool({ name: 'login', description: 'Log the caller in.', execute: async ({ password }) => `Your password is ${password}` });",
      errors: [{ messageId: 'secret', data: { tool: "'login'", name: 'password', what: 'a password' } }],
    },
  ],
});
