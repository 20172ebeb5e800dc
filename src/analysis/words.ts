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

/**
 * Reads the words of a text one at a time, exactly as `splitWords` lists them, so that a check can stop at the first
 * word that decides it instead of splitting (and allocating) the whole text. One reader can be reused: `reset` it.
 */
export class WordReader {
  private text = '';
  private index = 0;
  /** Where the word under way starts (-1: none). */
  private start = -1;
  private previous = OTHER;

  reset(text: string): this {
    this.text = text;
    this.index = 0;
    this.start = -1;
    this.previous = OTHER;
    return this;
  }

  /** The next word, lower-cased, or null at the end of the text. */
  next(): string | null {
    // Hot (every name of every file): the scan works on locals and saves its place only when it returns a word.
    const text = this.text;
    let index = this.index;
    let start = this.start;
    let previous = this.previous;
    let word: string | null = null;
    while (index < text.length && word === null) {
      const codePoint = text.codePointAt(index)!;
      const size = codePoint > 0xffff ? 2 : 1;
      const kind = kindOf(codePoint);
      if (kind === OTHER) {
        if (start !== -1) word = text.slice(start, index).toLowerCase();
        start = -1;
      } else if (start === -1) {
        start = index;
      } else {
        let boundary = (kind === DIGIT) !== (previous === DIGIT) || (kind === UPPER && previous === LOWER);
        // The last capital of an acronym starts the next word: HTTPRequest → http, request
        if (!boundary && kind === UPPER && previous === UPPER) {
          const next = index + size;
          boundary = next < text.length && kindOf(text.codePointAt(next)!) === LOWER;
        }
        if (boundary) {
          word = text.slice(start, index).toLowerCase();
          start = index;
        }
      }
      previous = kind;
      index += size;
    }
    if (word === null && start !== -1) {
      word = text.slice(start).toLowerCase();
      start = -1;
    }
    this.index = index;
    this.start = start;
    this.previous = previous;
    return word;
  }
}

/** Reused by `splitWords`, which reads a name to its end before it returns. */
const splitter = new WordReader();
/** Reused by `restatesName` (after its own `splitWords` call, never during it). */
const textReader = new WordReader();

export function splitWords(name: string): string[] {
  const words: string[] = [];
  splitter.reset(name);
  for (let word = splitter.next(); word !== null; word = splitter.next()) words.push(word);
  return words;
}

/** Filler words that add nothing to a description of what a tool does. */
const FILLER_WORDS = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'to',
  'of',
  'for',
  'and',
  'or',
  'it',
  'is',
  'tool',
  'function',
  'call',
  'calls',
  'method',
  'used',
  'use',
  'uses',
]);

/**
 * A pure function of a name (or any short string), remembered: names recur across the tools and files of a project.
 * Bounded: the memo is cleared when it holds `limit` names, so a long lint run does not keep every name it saw.
 * `compute` never returns undefined.
 */
export function rememberByName<Value>(compute: (name: string) => Value, limit = 5000): (name: string) => Value {
  const memo = new Map<string, Value>();
  return (name) => {
    let value = memo.get(name);
    if (value === undefined) {
      value = compute(name);
      if (memo.size >= limit) memo.clear();
      memo.set(name, value);
    }
    return value;
  };
}

/** A name's words run together (`lookUp_order` → `lookuporder`). */
const joinedWords = rememberByName((name) => splitWords(name).join(''));

/**
 * True when a text says nothing beyond the identifier it describes: every meaningful word of the text is part of
 * the name (`lookupOrder` described as "Looks up the order."). Empty texts are not judged here.
 */
export function restatesName(text: string, name: string): boolean {
  const joinedName = joinedWords(name);
  if (joinedName === '') return false;
  // Reads the text only up to its first meaningful word that the name does not contain.
  let meaningful = false;
  textReader.reset(text);
  for (let word = textReader.next(); word !== null; word = textReader.next()) {
    if (FILLER_WORDS.has(word)) continue;
    meaningful = true;
    if (!joinedName.includes(word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : word)) return false;
  }
  return meaningful;
}
