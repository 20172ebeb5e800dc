/**
 * Card numbers written in text: runs of 13 to 19 digits, optionally grouped by single spaces or dashes
 * (`4111 1111 1111 1111`, `4111-1111-1111-1111`), that pass the Luhn check.
 * One left-to-right scan, no regular expression: linear in the text's length.
 */

export interface CardNumberMatch {
  /** Offset of the first digit in the text. */
  start: number;
  /** Offset just after the last digit. */
  end: number;
  /** The digits alone. */
  digits: string;
}

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  return isDigit(char) || char.toLowerCase() !== char.toUpperCase() || char === '_';
}

/** False when the text cannot hold a card number: it has fewer digits than the shortest one (a quick test). */
export function mayHoldCardNumber(text: string): boolean {
  let digits = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57 && ++digits >= MIN_DIGITS) return true;
  }
  return false;
}

/** The Luhn checksum (ISO/IEC 7812) of a string of digits. */
export function luhnValid(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    const char = digits[index]!;
    if (!isDigit(char)) return false;
    let value = char.charCodeAt(0) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Card numbers in a text. A candidate starts with 2–6 (the major networks; this also leaves out millisecond
 * timestamps, which start with 1), is not glued to letters or other digits, and passes the Luhn check.
 */
export function findCardNumbers(text: string): CardNumberMatch[] {
  const result: CardNumberMatch[] = [];
  if (!mayHoldCardNumber(text)) return result;
  let index = 0;
  while (index < text.length) {
    if (!isDigit(text[index]) || isWordChar(text[index - 1])) {
      index++;
      continue;
    }
    // A run of digits in which single spaces or dashes may separate groups.
    const start = index;
    let digits = '';
    let end = index;
    let cursor = index;
    while (cursor < text.length) {
      const char = text[cursor];
      if (isDigit(char)) {
        digits += char;
        cursor++;
        end = cursor;
      } else if ((char === ' ' || char === '-') && isDigit(text[cursor + 1]) && isDigit(text[cursor - 1])) {
        cursor++;
      } else {
        break;
      }
    }
    index = end;
    if (isWordChar(text[end])) continue;
    if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) continue;
    const first = digits[0]!;
    if (first < '2' || first > '6') continue;
    if (luhnValid(digits)) result.push({ start, end, digits });
  }
  return result;
}

/** `4111111111111111` → `************1111`: every digit but the last four replaced. */
export function maskCardNumber(digits: string): string {
  return '*'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
}
