/**
 * The RuleTester wired to vitest, and small helpers shared by the rule tests.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** TypeScript files parsed as ES modules (the default), as agent code is written. */
export const ruleTester = new RuleTester();

/** Plain CommonJS JavaScript (`require`), parsed as a script. */
export const commonJsTester = new RuleTester({
  languageOptions: { parserOptions: { sourceType: 'script' } },
});

/** Trims a shared indentation so that test code reads naturally in template literals. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce(
    (text, part, index) => text + part + (index < values.length ? String(values[index]) : ''),
    '',
  );
  const lines = raw.replace(/^\n/, '').trimEnd().split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.match(/^ */)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n') + '\n';
}
