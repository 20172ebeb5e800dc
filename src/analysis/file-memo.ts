/**
 * Facts computed once per linted file and shared by every rule that asks. A helper names its slot with a
 * `MemoKey` of its own; the values live as long as the file's SourceCode (one store per file, dropped with it).
 * The LiveKit model keeps its own facts on its instance (`LiveKitModel.memo`); this store is for the helpers that
 * also run on files without LiveKit code.
 */
import type { TSESLint } from '@typescript-eslint/utils';

/** A named slot for one kind of per-file fact; `T` is the type of its value. */
export class MemoKey<T> {
  declare private readonly valueType: T;
  constructor(readonly name: string) {}
}

/** A per-file store of facts by key. */
export class FileMemo {
  private readonly values = new Map<MemoKey<unknown>, unknown>();

  /** The value in `key`'s slot, computed by `compute` the first time it is asked for. */
  get<T>(key: MemoKey<T>, compute: () => T): T {
    const values = this.values;
    if (values.has(key)) return values.get(key) as T;
    const value = compute();
    values.set(key, value);
    return value;
  }
}

const memos = new WeakMap<TSESLint.SourceCode, FileMemo>();

/** The file's memo: the one per-file cache root of the plugin (ESLint gives every linted file a new SourceCode). */
export function fileMemo(sourceCode: TSESLint.SourceCode): FileMemo {
  let memo = memos.get(sourceCode);
  if (!memo) memos.set(sourceCode, (memo = new FileMemo()));
  return memo;
}
