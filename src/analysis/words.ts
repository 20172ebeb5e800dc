/**
 * Splits identifiers into lower-case words: `getOrderStatus`, `get_order_status`, `get-order-status`,
 * `HTTPRequest2` all become word lists. Shared by the tool-name and sensitive-name analyses.
 * A single left-to-right scan (no regular expression), so it is linear in the name's length.
 */
type CharKind = 'upper' | 'lower' | 'digit' | 'other';

function kindOf(char: string): CharKind {
  if (char >= 'a' && char <= 'z') return 'lower';
  if (char >= 'A' && char <= 'Z') return 'upper';
  if (char >= '0' && char <= '9') return 'digit';
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  if (lower !== upper) return char === lower ? 'lower' : 'upper';
  return 'other';
}

export function splitWords(name: string): string[] {
  const words: string[] = [];
  let current = '';
  let previous: CharKind = 'other';
  const chars = [...name];
  chars.forEach((char, index) => {
    const kind = kindOf(char);
    if (kind === 'other') {
      if (current) words.push(current.toLowerCase());
      current = '';
    } else {
      const next = chars[index + 1];
      const boundary =
        current !== '' &&
        ((kind === 'digit') !== (previous === 'digit') ||
          (kind === 'upper' && previous === 'lower') ||
          // The last capital of an acronym starts the next word: HTTPRequest → http, request
          (kind === 'upper' && previous === 'upper' && next !== undefined && kindOf(next) === 'lower'));
      if (boundary) {
        words.push(current.toLowerCase());
        current = '';
      }
      current += char;
    }
    previous = kind;
  });
  if (current) words.push(current.toLowerCase());
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
