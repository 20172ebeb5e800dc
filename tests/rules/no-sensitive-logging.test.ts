import rule from '../../src/rules/no-sensitive-logging.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-sensitive-logging', rule, {
  valid: [
    {
      name: 'official style: structured log of ids, no secrets',
      code: code`
        import { llm, log } from '@livekit/agents';
        import { z } from 'zod';
        export const lookupOrder = llm.tool({
          description: 'Look up an order by number after the caller reads it out.',
          parameters: z.object({ orderId: z.string().describe('The order number') }),
          execute: async ({ orderId }) => {
            log().info({ orderId }, 'order looked up');
            return 'shipped';
          },
        });
      `,
    },
    {
      name: 'masked, sliced, hashed and boolean forms are fine',
      code: code`
        declare const cardNumber: string, password: string, apiKey: string, ssn: string;
        declare function maskCardNumber(x: string): string;
        console.log(\`charging card ending \${cardNumber.slice(-4)}\`);
        console.log({ card: maskCardNumber(cardNumber), hasPassword: Boolean(password), keyLength: apiKey.length });
        console.info('ssn', ssn.substr(-4), typeof apiKey, !!password);
      `,
    },
    {
      name: 'names about a secret are not the secret',
      code: code`
        declare const passwordResetUrl: string, tokenCount: number, apiKeyEnv: string, cardLast4: string;
        console.log({ passwordResetUrl, tokenCount, apiKeyEnv, cardLast4 });
      `,
    },
    {
      name: 'not a logger sink: a local console, an unrelated call',
      code: code`
        declare const cardNumber: string;
        function f(console: { log(x: unknown): void }) { console.log(cardNumber); }
        charge(cardNumber);
        db.insert({ cardNumber });
      `,
    },
    {
      name: 'a key that names a secret with a literal or safe value',
      code: code`
        declare const logger: { info(x: unknown, m?: string): void };
        logger.info({ password: '[redacted]', cardNumber: undefined, apiKey: process.env.API_KEY ? 'set' : 'missing' });
      `,
    },
    {
      name: 'a number that fails the Luhn check, and a timestamp',
      code: code`
        console.log('order 4111 1111 1111 1112 at 1700000000004');
      `,
    },
    {
      name: 'allowNames option',
      code: code`
        declare const pin: string;
        console.log(\`map pin \${pin}\`);
      `,
      options: [{ allowNames: ['pin'] }],
    },
    {
      name: "a local that shadows LiveKit's log is not a LiveKit logger",
      code: code`
        import { log } from '@livekit/agents';
        export function f(log: () => { info(x: string): void }, password: string) {
          log().info(password);
        }
      `,
    },
    {
      name: 'a type-only import of log is not a binding',
      code: code`
        import type { log } from '@livekit/agents';
        declare const make: typeof log;
        declare const password: string;
        make().info(password);
      `,
    },
    {
      name: 'known miss: a value passed through another function is not followed',
      code: code`
        declare const cardNumber: string;
        declare function describe(x: string): string;
        console.log(describe(cardNumber));
      `,
    },
    {
      name: 'known miss: a logger passed as a parameter under another name',
      code: code`
        declare const password: string;
        function report(out: { info(x: string): void }) { out.info(password); }
      `,
    },
    {
      name: 'a log function from another package is only a sink through a logger name',
      code: code`
        import { log } from './my-log';
        declare const password: string;
        log().info(password);
      `,
    },
  ],
  invalid: [
    {
      name: 'the issue example: a card number in a template to LiveKit log()',
      code: code`
        import { log } from '@livekit/agents';
        export async function charge(cardNumber: string) {
          log().info(\`charging \${cardNumber}\`);
        }
      `,
      errors: [
        {
          messageId: 'maskable',
          data: { name: 'cardNumber', what: 'a card number', sink: '`log().info`' },
          line: 3,
          column: 26,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'maskValue',
              data: { replacement: 'String(cardNumber).slice(-4)' },
              output: code`
                import { log } from '@livekit/agents';
                export async function charge(cardNumber: string) {
                  log().info(\`charging \${String(cardNumber).slice(-4)}\`);
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'shorthand property: the suggestion renames the key',
      code: code`
        declare const logger: { info(x: unknown, m?: string): void };
        declare const cardNumber: string, orderId: string;
        logger.info({ cardNumber, orderId }, 'charging');
      `,
      errors: [
        {
          messageId: 'maskable',
          line: 3,
          column: 15,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'maskValue',
              data: { replacement: 'cardNumberLast4: String(cardNumber).slice(-4)' },
              output: code`
                declare const logger: { info(x: unknown, m?: string): void };
                declare const cardNumber: string, orderId: string;
                logger.info({ cardNumberLast4: String(cardNumber).slice(-4), orderId }, 'charging');
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'secrets get no masking suggestion: password, cvv, token, api key',
      code: code`
        declare const password: string, cvv: string, session: { accessToken: string };
        console.log('login', password);
        console.error(\`cvv \${cvv}\`);
        console.warn({ token: session.accessToken });
        console.debug('key=' + process.env.OPENAI_API_KEY);
      `,
      errors: [
        {
          messageId: 'secret',
          data: { name: 'password', what: 'a password', sink: '`console.log`' },
          line: 2,
          suggestions: [],
        },
        { messageId: 'secret', data: { name: 'cvv', what: 'a card security code', sink: '`console.error`' }, line: 3 },
        {
          messageId: 'secret',
          data: { name: 'accessToken', what: 'an access token', sink: '`console.warn`' },
          line: 4,
        },
        { messageId: 'secret', data: { name: 'OPENAI_API_KEY', what: 'an API key', sink: '`console.debug`' }, line: 5 },
      ],
    },
    {
      name: 'JSON.stringify, arrays, spreads and nested objects',
      code: code`
        declare const logger: { warn(x: unknown): void };
        declare const payment: { iban: string }, creditCard: object, args: { ssn: string };
        logger.warn(JSON.stringify({ payment: { iban: payment.iban } }));
        logger.warn([args.ssn]);
        logger.warn({ ...creditCard });
      `,
      errors: [
        {
          messageId: 'maskable',
          data: { name: 'iban', what: 'an IBAN', sink: '`logger.warn`' },
          line: 3,
          suggestions: [
            {
              messageId: 'maskValue',
              data: { replacement: 'String(payment.iban).slice(-4)' },
              output: code`
                declare const logger: { warn(x: unknown): void };
                declare const payment: { iban: string }, creditCard: object, args: { ssn: string };
                logger.warn(JSON.stringify({ payment: { iban: String(payment.iban).slice(-4) } }));
                logger.warn([args.ssn]);
                logger.warn({ ...creditCard });
              `,
            },
          ],
        },
        {
          messageId: 'maskable',
          data: { name: 'ssn', what: 'a social security number', sink: '`logger.warn`' },
          line: 4,
          suggestions: [
            {
              messageId: 'maskValue',
              data: { replacement: 'String(args.ssn).slice(-4)' },
              output: code`
                declare const logger: { warn(x: unknown): void };
                declare const payment: { iban: string }, creditCard: object, args: { ssn: string };
                logger.warn(JSON.stringify({ payment: { iban: payment.iban } }));
                logger.warn([String(args.ssn).slice(-4)]);
                logger.warn({ ...creditCard });
              `,
            },
          ],
        },
        {
          messageId: 'maskable',
          data: { name: 'creditCard', what: 'a card number', sink: '`logger.warn`' },
          line: 5,
          suggestions: [
            {
              messageId: 'maskValue',
              data: { replacement: 'String(creditCard).slice(-4)' },
              output: code`
                declare const logger: { warn(x: unknown): void };
                declare const payment: { iban: string }, creditCard: object, args: { ssn: string };
                logger.warn(JSON.stringify({ payment: { iban: payment.iban } }));
                logger.warn([args.ssn]);
                logger.warn({ ...String(creditCard).slice(-4) });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a key that names a secret with an unknown value',
      code: code`
        declare const logger: { info(x: unknown): void };
        declare const record: { num: string };
        logger.info({ accountNumber: record.num });
      `,
      errors: [
        {
          messageId: 'maskable',
          data: { name: 'accountNumber', what: 'a bank account number', sink: '`logger.info`' },
          line: 3,
          column: 15,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Luhn-valid card number in a string literal and in template text',
      code: code`
        declare const orderId: string;
        console.log('test charge with 4111 1111 1111 1111');
        console.log(\`card 5555-5555-5555-4444 for \${orderId}\`);
      `,
      errors: [
        { messageId: 'cardLiteral', data: { sink: '`console.log`', masked: '************1111' }, line: 2, column: 13 },
        { messageId: 'cardLiteral', data: { sink: '`console.log`', masked: '************4444' }, line: 3 },
      ],
    },
    {
      name: 'one report per name in one call',
      code: code`
        declare const pin: string;
        console.log(\`pin \${pin} again \${pin}\`);
      `,
      errors: [{ messageId: 'secret', data: { name: 'pin', what: 'a PIN', sink: '`console.log`' }, column: 20 }],
    },
    {
      name: 'destructured rename and a const that holds a template',
      code: code`
        import { log } from '@livekit/agents';
        export function f(args: { cardNumber: string }) {
          const { cardNumber: n } = args;
          const line = \`card \${args.cardNumber}\`;
          const logger = log().child({ callId: 1 });
          logger.info(n);
          logger.info(line);
        }
      `,
      errors: [
        {
          messageId: 'maskable',
          data: { name: 'cardNumber', what: 'a card number', sink: '`logger.info`' },
          line: 6,
          suggestions: [
            {
              messageId: 'maskValue',
              data: { replacement: 'String(n).slice(-4)' },
              output: code`
                import { log } from '@livekit/agents';
                export function f(args: { cardNumber: string }) {
                  const { cardNumber: n } = args;
                  const line = \`card \${args.cardNumber}\`;
                  const logger = log().child({ callId: 1 });
                  logger.info(String(n).slice(-4));
                  logger.info(line);
                }
              `,
            },
          ],
        },
        {
          messageId: 'maskable',
          line: 7,
          suggestions: [
            {
              messageId: 'maskValue',
              data: { replacement: 'String(line).slice(-4)' },
              output: code`
                import { log } from '@livekit/agents';
                export function f(args: { cardNumber: string }) {
                  const { cardNumber: n } = args;
                  const line = \`card \${args.cardNumber}\`;
                  const logger = log().child({ callId: 1 });
                  logger.info(n);
                  logger.info(String(line).slice(-4));
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'aliased and namespace LiveKit log(), child bindings',
      code: code`
        import { log as lkLog } from '@livekit/agents';
        import * as agents from '@livekit/agents';
        export function f(secret: string, clientSecret: string) {
          lkLog().child({ secret }).info('started');
          agents.log().debug({ clientSecret });
        }
      `,
      errors: [
        { messageId: 'secret', data: { name: 'secret', what: 'a secret', sink: '`lkLog().child`' }, line: 4 },
        {
          messageId: 'secret',
          data: { name: 'clientSecret', what: 'a secret', sink: '`agents.log().debug`' },
          line: 5,
        },
      ],
    },
    {
      name: 'stdout, this.logger and names from options and settings',
      code: code`
        declare const password: string;
        class Desk {
          logger = { info(x: unknown) {} };
          run() { this.logger.info({ password }); }
        }
        process.stdout.write(password + '\\n');
        audit.record({ password });
        telemetry.send(password);
      `,
      options: [{ loggers: ['audit.record'] }],
      settings: { 'livekit-agents': { loggers: ['telemetry'] } },
      errors: [
        { messageId: 'secret', data: { name: 'password', what: 'a password', sink: '`this.logger.info`' }, line: 4 },
        {
          messageId: 'secret',
          data: { name: 'password', what: 'a password', sink: '`process.stdout.write`' },
          line: 6,
        },
        { messageId: 'secret', data: { name: 'password', what: 'a password', sink: '`audit.record`' }, line: 7 },
        { messageId: 'secret', data: { name: 'password', what: 'a password', sink: '`telemetry.send`' }, line: 8 },
      ],
    },
    {
      name: 'sensitiveNames from the options and from settings',
      code: code`
        declare const memberNumber: string, dob: string;
        console.log(memberNumber, dob);
      `,
      options: [{ sensitiveNames: ['memberNumber'] }],
      settings: { 'livekit-agents': { sensitiveNames: ['dob'] } },
      errors: [
        {
          messageId: 'secret',
          data: { name: 'memberNumber', what: 'sensitive data', sink: '`console.log`' },
          column: 13,
        },
        { messageId: 'secret', data: { name: 'dob', what: 'sensitive data', sink: '`console.log`' }, column: 27 },
      ],
    },
    {
      name: 'execute argument logged inside a tool (flat import)',
      code: code`
        import { tool } from '@livekit/agents';
        export const pay = tool({
          description: 'Charge the card the caller reads out, after confirming the amount.',
          execute: async ({ cardNumber, amount }: { cardNumber: string; amount: number }) => {
            console.log('charging', cardNumber, amount);
            return 'done';
          },
        });
      `,
      errors: [
        {
          messageId: 'maskable',
          line: 5,
          column: 29,
          suggestions: [
            {
              messageId: 'maskValue',
              data: { replacement: 'String(cardNumber).slice(-4)' },
              output: code`
                import { tool } from '@livekit/agents';
                export const pay = tool({
                  description: 'Charge the card the caller reads out, after confirming the amount.',
                  execute: async ({ cardNumber, amount }: { cardNumber: string; amount: number }) => {
                    console.log('charging', String(cardNumber).slice(-4), amount);
                    return 'done';
                  },
                });
              `,
            },
          ],
        },
      ],
    },
  ],
});

commonJsTester.run('no-sensitive-logging (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package named log',
      code: "const { log } = require('other'); function f(password) { log().info(password); }",
    },
  ],
  invalid: [
    {
      name: 'destructured require of LiveKit log',
      code: "const { log } = require('@livekit/agents'); function f(routingNumber) { log().info({ routingNumber }); }",
      errors: [
        {
          messageId: 'maskable',
          data: { name: 'routingNumber', what: 'a routing number', sink: '`log().info`' },
          suggestions: [
            {
              messageId: 'maskValue',
              data: { replacement: 'routingNumberLast4: String(routingNumber).slice(-4)' },
              output:
                "const { log } = require('@livekit/agents'); function f(routingNumber) { log().info({ routingNumberLast4: String(routingNumber).slice(-4) }); }",
            },
          ],
        },
      ],
    },
  ],
});
