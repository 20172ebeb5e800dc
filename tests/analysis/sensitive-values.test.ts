import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { SensitiveNameClassifier } from '../../src/analysis/sensitive-names.js';
import { findSensitiveValues, isSanitizerName } from '../../src/analysis/sensitive-values.js';
import { probe } from '../helpers/probe.js';

const classifier = new SensitiveNameClassifier();

/** The sensitive values in each `check(...)` argument, as `source:name` strings. */
function found(code: string, cardNumbers = false): string[][] {
  return probe(code, 'CallExpression[callee.name="check"]', (node, context) =>
    findSensitiveValues((node as TSESTree.CallExpression).arguments[0]!, {
      classifier,
      sourceCode: context.sourceCode,
      cardNumbers,
    }).map((value) => `${value.source}:${value.name}`),
  );
}

describe('findSensitiveValues', () => {
  it('finds references in templates, concatenations, arrays, conditionals and awaits', () => {
    expect(
      found(`
        declare const cardNumber: string, cvv: string, orderId: string, p: Promise<string>, user: { password: string };
        declare function check(x: unknown): void;
        check(\`charging \${cardNumber} for \${orderId}\`);
        check('cvv ' + cvv);
        check([orderId, user.password]);
        check(orderId ? cardNumber : 'none');
        check(async () => { check(await user.password) });
      `),
    ).toEqual([['name:cardNumber'], ['name:cvv'], ['name:password'], ['name:cardNumber'], [], ['name:password']]);
  });

  it('finds object values, shorthand properties, spreads and keys that name a secret', () => {
    expect(
      found(`
        declare const cardNumber: string, payment: { number: string; card: object }, creditCard: object, orderId: string;
        declare function check(x: unknown): void;
        check({ cardNumber, orderId });
        check({ card: { ...creditCard } });
        check({ cardNumber: payment.number });
        check({ cardNumber: '**** 1111', password: undefined, apiKey: process.env.API_KEY ? 'set' : 'missing' });
      `),
    ).toEqual([['name:cardNumber'], ['name:creditCard'], ['key:cardNumber'], []]);
  });

  it('follows JSON.stringify, String, content methods and util.format', () => {
    expect(
      found(`
        import util from 'node:util';
        declare const secret: string, ssn: string, accessToken: string, iban: string;
        declare function check(x: unknown): void;
        check(JSON.stringify({ secret }));
        check(String(ssn).trim());
        check(accessToken.toString());
        check(util.format('%s', iban));
      `),
    ).toEqual([['name:secret'], ['name:ssn'], ['name:accessToken'], ['name:iban']]);
  });

  it('leaves sanitised values out', () => {
    expect(
      found(`
        declare const cardNumber: string, password: string, ssn: string, apiKey: string;
        declare function maskCard(x: string): string;
        declare function check(x: unknown): void;
        check(\`card \${maskCard(cardNumber)}\`);
        check(\`card ending \${cardNumber.slice(-4)}\`);
        check(ssn.substr(-4));
        check(cardNumber.slice(cardNumber.length - 4));
        check(cardNumber.substring(cardNumber.length - 4));
        check({ length: password.length, set: Boolean(apiKey), has: !!password, kind: typeof ssn });
        check(password === 'x');
        check(redactSecrets({ password }));
        check(crypto.createHash('sha256').update(password).digest('hex'));
        check(sha256(password));
      `),
    ).toEqual([[], [], [], [], [], [], [], [], [], []]);
  });

  it('slices that keep the start are not sanitisers, and unknown calls are not guessed', () => {
    expect(
      found(`
        declare const cardNumber: string;
        declare function lookup(x: string): string;
        declare function check(x: unknown): void;
        check(cardNumber.slice(0, 12));
        check(lookup(cardNumber));
        check({ cardNumber: lookup('x') });
      `),
    ).toEqual([[], [], ['key:cardNumber']]);
  });

  it('follows a const one step and destructured keys', () => {
    expect(
      found(`
        declare const args: { cardNumber: string; pin: string };
        declare function check(x: unknown): void;
        const line = \`card \${args.cardNumber}\`;
        const { cardNumber: n } = args;
        const masked = args.cardNumber.slice(-4);
        const handler = ({ pin: code }: { pin: string }) => check(code);
        check(line);
        check(n);
        check(masked);
        check(\`\${line}\`);
      `),
    ).toEqual([['name:pin'], ['name:cardNumber'], ['name:cardNumber'], [], ['name:cardNumber']]);
  });

  it('names that are about a secret or say it is safe are not sensitive', () => {
    expect(
      found(`
        declare const passwordResetUrl: string, tokenCount: number, apiKeyEnv: string, cardLast4: string, hasPassword: boolean;
        declare function check(x: unknown): void;
        check({ passwordResetUrl, tokenCount, apiKeyEnv, cardLast4, hasPassword });
      `),
    ).toEqual([[]]);
  });

  it('finds Luhn-valid card numbers in literals and template text only when asked', () => {
    const code = `
      declare const orderId: string;
      declare function check(x: unknown): void;
      check('charging 4111 1111 1111 1111');
      check(\`card 4242-4242-4242-4242 for \${orderId}\`);
      check('order 4111111111111112');
    `;
    expect(found(code, true)).toEqual([['literal:4111111111111111'], ['literal:4242424242424242'], []]);
    expect(found(code, false)).toEqual([[], [], []]);
  });

  it('marks shorthand properties and plain references for fixes', () => {
    const values = probe(
      `
        declare const cardNumber: string, payment: { cardNumber: string } | undefined;
        declare function check(x: unknown): void;
        check({ cardNumber });
        check(payment?.cardNumber);
      `,
      'CallExpression[callee.name="check"]',
      (node, context) =>
        findSensitiveValues((node as TSESTree.CallExpression).arguments[0]!, {
          classifier,
          sourceCode: context.sourceCode,
        }).map((value) => ({ shorthand: value.shorthand !== null, reference: value.reference !== null })),
    );
    expect(values).toEqual([[{ shorthand: true, reference: true }], [{ shorthand: false, reference: false }]]);
  });
});

describe('isSanitizerName', () => {
  it.each([
    ['maskCardNumber', true],
    ['redact', true],
    ['hashPii', true],
    ['obfuscateEmail', true],
    ['censor', true],
    ['encryptField', true],
    ['toLast4', true],
    ['lastFourOf', true],
    ['sha256', true],
    ['unmask', false],
    ['shadow', false],
    ['format', false],
    ['lookupCustomer', false],
  ])('%s → %s', (name, expected) => {
    expect(isSanitizerName(name)).toBe(expected);
  });
});
