import { describe, expect, it } from 'vitest';
import { findCardNumbers, luhnValid, maskCardNumber } from '../../src/analysis/luhn.js';

const digitsIn = (text: string) => findCardNumbers(text).map((match) => match.digits);

describe('luhnValid', () => {
  it('accepts well-known test card numbers', () => {
    for (const number of [
      '4111111111111111',
      '5555555555554444',
      '378282246310005',
      '6011111111111117',
      '4242424242424242',
      '2223003122003222',
    ]) {
      expect(luhnValid(number), number).toBe(true);
    }
  });

  it('rejects a changed digit, empty input and non-digits', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111a11111111111')).toBe(false);
  });
});

describe('findCardNumbers', () => {
  it('finds numbers written plain, with spaces and with dashes', () => {
    expect(digitsIn('charging 4111111111111111 now')).toEqual(['4111111111111111']);
    expect(digitsIn('card 4111 1111 1111 1111.')).toEqual(['4111111111111111']);
    expect(digitsIn('card 5555-5555-5555-4444')).toEqual(['5555555555554444']);
    expect(digitsIn('amex 3782 822463 10005')).toEqual(['378282246310005']);
  });

  it('reports positions of the first and after the last digit', () => {
    expect(findCardNumbers('x 4111-1111-1111-1111 y')).toEqual([{ start: 2, end: 21, digits: '4111111111111111' }]);
  });

  it('finds several numbers in one text', () => {
    expect(digitsIn('4111111111111111 and 4242 4242 4242 4242')).toEqual(['4111111111111111', '4242424242424242']);
  });

  it('leaves out failing checksums, wrong lengths, timestamps and digits glued to words', () => {
    expect(digitsIn('4111111111111112')).toEqual([]);
    expect(digitsIn('order 411111111111')).toEqual([]); // 12 digits
    expect(digitsIn('41111111111111111111')).toEqual([]); // 20 digits
    expect(luhnValid('1700000000004')).toBe(true);
    expect(digitsIn('at 1700000000004 ms')).toEqual([]); // a millisecond timestamp that passes Luhn
    expect(digitsIn('id4111111111111111')).toEqual([]);
    expect(digitsIn('4111111111111111abc')).toEqual([]);
    expect(digitsIn('4111  1111 1111 1111')).toEqual([]); // two spaces split the run
    expect(digitsIn('call 555-123-4567')).toEqual([]);
  });

  it('is linear on long adversarial input', () => {
    const text = '4 '.repeat(50_000) + '1-'.repeat(50_000);
    const started = performance.now();
    expect(digitsIn(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('maskCardNumber', () => {
  it('keeps the last four digits', () => {
    expect(maskCardNumber('4111111111111111')).toBe('************1111');
  });
});
