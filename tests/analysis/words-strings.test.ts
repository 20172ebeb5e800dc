import { describe, expect, it } from 'vitest';
import { WordReader, rememberByName, restatesName, splitWords } from '../../src/analysis/words.js';
import { countWords } from '../../src/analysis/strings.js';
import { withModel } from '../helpers/model.js';
import { staticText } from '../../src/analysis/strings.js';
import type { TSESTree } from '@typescript-eslint/utils';

describe('splitWords', () => {
  it.each([
    ['getOrderStatus', ['get', 'order', 'status']],
    ['get_order_status', ['get', 'order', 'status']],
    ['get-order-status', ['get', 'order', 'status']],
    ['HTTPRequest2', ['http', 'request', '2']],
    ['tool1', ['tool', '1']],
    ['cardLast4', ['card', 'last', '4']],
    ['API_KEY', ['api', 'key']],
    ['ssn', ['ssn']],
    ['', []],
    ['__proto__', ['proto']],
    ['naïveCafé', ['naïve', 'café']],
  ])('%s', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });

  it('is linear on long adversarial input', () => {
    const start = performance.now();
    splitWords('A'.repeat(200_000) + 'a'.repeat(200_000));
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('rememberByName', () => {
  it('computes each name once, and again after the memo fills up', () => {
    const seen: string[] = [];
    const length = rememberByName((name) => {
      seen.push(name);
      return name.length;
    }, 2);
    expect([length('ab'), length('ab'), length('abc')]).toEqual([2, 2, 3]);
    expect(seen).toEqual(['ab', 'abc']);
    length('abcd'); // full: starts over
    length('ab');
    expect(seen).toEqual(['ab', 'abc', 'abcd', 'ab']);
  });
});

describe('WordReader', () => {
  it.each(['getOrderStatus', 'HTTPRequest2 x', '  Look up the order, then read it out. ', 'naïveCafé', 'a', '', '-_-'])(
    'reads the words splitWords lists: %s',
    (text) => {
      const reader = new WordReader().reset(text);
      const words: string[] = [];
      for (let word = reader.next(); word !== null; word = reader.next()) words.push(word);
      expect(words).toEqual(splitWords(text));
      expect(reader.next()).toBeNull();
    },
  );

  it('starts over on reset', () => {
    const reader = new WordReader().reset('one two');
    expect(reader.next()).toBe('one');
    expect(reader.reset('threeFour').next()).toBe('three');
    expect(reader.next()).toBe('four');
  });
});

describe('restatesName', () => {
  it.each([
    ['Gets the order status.', 'get_order_status', true],
    ['Looks up the order', 'lookupOrder', true],
    ['Look up an order after the caller reads the number out', 'lookupOrder', false],
    ['', 'lookupOrder', false],
  ])('%j vs %s', (text, name, expected) => {
    expect(restatesName(text, name)).toBe(expected);
  });
});

describe('staticText', () => {
  const read = (expression: string, prelude = '') =>
    withModel(`import '@livekit/agents';\n${prelude}\nconst value = ${expression};`, (_model, sourceCode) => {
      const declaration = sourceCode.ast.body.at(-1) as TSESTree.VariableDeclaration;
      return staticText(declaration.declarations[0]!.init, sourceCode);
    });

  it('reads strings, templates, dedent tags, concatenation, joins and consts', () => {
    expect(read("'plain'")).toEqual({ text: 'plain', complete: true });
    expect(read('`a ${x} b`')).toEqual({ text: 'a   b', complete: false });
    expect(read('dedent`You are a helper`')).toEqual({ text: 'You are a helper', complete: true });
    expect(read("'a' + 'b'")).toEqual({ text: 'ab', complete: true });
    expect(read("['one', 'two'].join(' ')")).toEqual({ text: 'one two', complete: true });
    expect(read("['one', 'two'].join()")).toEqual({ text: 'one,two', complete: true });
    expect(read('PROMPT', "const PROMPT = 'from a const';")).toEqual({ text: 'from a const', complete: true });
  });

  it('returns null for values it cannot read', () => {
    expect(read('loadPrompt()')).toBeNull();
    expect(read('unknownTag`x`')).toBeNull();
    expect(read('42')).toBeNull();
  });

  it('countWords counts words in any script', () => {
    expect(countWords("You are Sam, the caller's first contact.")).toBe(7);
    expect(countWords('')).toBe(0);
  });

  it('countWords stops at a limit', () => {
    expect(countWords("You are Sam, the caller's first contact.", 3)).toBe(3);
    expect(countWords("You are Sam, the caller's first contact.", 20)).toBe(7);
    expect(countWords('one two', 0)).toBe(0);
  });
});
