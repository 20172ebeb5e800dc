import { describe, expect, it } from 'vitest';
import { FileMemo, MemoKey } from '../../src/analysis/file-memo.js';
import { withModel } from '../helpers/model.js';
import { fileMemo } from '../../src/analysis/file-memo.js';

describe('FileMemo', () => {
  it('computes a slot once and keeps slots apart', () => {
    const memo = new FileMemo();
    const first = new MemoKey<number>('first');
    const second = new MemoKey<number>('second');
    let calls = 0;
    expect(memo.get(first, () => ++calls)).toBe(1);
    expect(memo.get(first, () => ++calls)).toBe(1);
    expect(memo.get(second, () => ++calls)).toBe(2);
    expect(calls).toBe(2);
  });

  it('remembers a null or undefined answer too', () => {
    const memo = new FileMemo();
    const key = new MemoKey<null>('nothing');
    let calls = 0;
    memo.get(key, () => (calls++, null));
    memo.get(key, () => (calls++, null));
    expect(calls).toBe(1);
  });

  it('gives each linted file its own store, and one store per file', () => {
    const key = new MemoKey<string>('text');
    const texts = ['const a = 1;', 'const b = 2;'].map((code) =>
      withModel(code, (_model, sourceCode) => {
        expect(fileMemo(sourceCode)).toBe(fileMemo(sourceCode));
        return fileMemo(sourceCode).get(key, () => sourceCode.text);
      }),
    );
    expect(texts).toEqual(['const a = 1;', 'const b = 2;']);
  });
});
