/**
 * Splits identifiers into lower-case words: `getOrderStatus`, `get_order_status`, `get-order-status`,
 * `HTTPRequest2` all become word lists. Shared by the tool-name and sensitive-name analyses.
 */
const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

export function splitWords(name: string): string[] {
  const words: string[] = [];
  for (const match of name.matchAll(WORD)) words.push(match[0].toLowerCase());
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
