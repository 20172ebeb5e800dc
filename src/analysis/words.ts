/**
 * Splits identifiers into lower-case words: `getOrderStatus`, `get_order_status`, `get-order-status`,
 * `HTTPRequest2` all become word lists. Shared by the tool-name and sensitive-name analyses.
 * A single left-to-right scan (no regular expression), so it is linear in the name's length.
 */
const LOWER = 0;
const UPPER = 1;
const DIGIT = 2;
const OTHER = 3;

/** The kind of one code point: letters by case (any script), digits 0-9, everything else. */
function kindOf(codePoint: number): number {
  if (codePoint >= 97 && codePoint <= 122) return LOWER;
  if (codePoint >= 65 && codePoint <= 90) return UPPER;
  if (codePoint >= 48 && codePoint <= 57) return DIGIT;
  if (codePoint < 128) return OTHER;
  const char = String.fromCodePoint(codePoint);
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  if (lower !== upper) return char === lower ? LOWER : UPPER;
  return OTHER;
}

export function splitWords(name: string): string[] {
  // One pass over the code points; a word is a slice of `name` from `start` (-1: no word under way).
  const words: string[] = [];
  let start = -1;
  let previous = OTHER;
  let index = 0;
  while (index < name.length) {
    const codePoint = name.codePointAt(index)!;
    const size = codePoint > 0xffff ? 2 : 1;
    const kind = kindOf(codePoint);
    if (kind === OTHER) {
      if (start !== -1) words.push(name.slice(start, index).toLowerCase());
      start = -1;
    } else if (start === -1) {
      start = index;
    } else {
      let boundary = (kind === DIGIT) !== (previous === DIGIT) || (kind === UPPER && previous === LOWER);
      // The last capital of an acronym starts the next word: HTTPRequest → http, request
      if (!boundary && kind === UPPER && previous === UPPER) {
        const next = index + size;
        boundary = next < name.length && kindOf(name.codePointAt(next)!) === LOWER;
      }
      if (boundary) {
        words.push(name.slice(start, index).toLowerCase());
        start = index;
      }
    }
    previous = kind;
    index += size;
  }
  if (start !== -1) words.push(name.slice(start).toLowerCase());
  return words;
}

/** Filler words that add nothing to a description of what a tool does. */
const FILLER_WORDS = new Set([
  'a', 'an', 'the', 'this', 'that', 'to', 'of', 'for', 'and', 'or', 'it', 'is', 'tool', 'function', 'call',
  'calls', 'method', 'used', 'use', 'uses',
]);

/**
 * True when a text says nothing beyond the identifier it describes: every meaningful word of the text is part of
 * the name (`lookupOrder` described as "Looks up the order."). Empty texts are not judged here.
 */
export function restatesName(text: string, name: string): boolean {
  const joinedName = splitWords(name).join('');
  if (joinedName === '') return false;
  const words = splitWords(text).filter((word) => !FILLER_WORDS.has(word));
  if (words.length === 0) return false;
  return words.every((word) => joinedName.includes(word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : word));
}
