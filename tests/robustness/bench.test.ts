/**
 * The small version of the benchmark's checks that do not depend on timing (timing is `npm run bench`): the
 * corpus generator is deterministic and writes files that parse and that the rules recognise, and linting many
 * files keeps no file alive (no per-file cache; the shared model is a WeakMap keyed by SourceCode).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { generateCorpus } from '../../bench/generate.js';

const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
  },
  plugin.configs.all as Linter.Config,
];

type Corpus = ReturnType<typeof generateCorpus>;

describe('bench corpus and memory', () => {
  const dirs: string[] = [];
  let first: Corpus;
  let second: Corpus;
  let agentFiles: string[];
  beforeAll(() => {
    dirs.push(mkdtempSync(join(tmpdir(), 'lk-bench-')), mkdtempSync(join(tmpdir(), 'lk-bench-')));
    const options = { seed: 3, files: 40, plain: 15, parts: 1 };
    first = generateCorpus({ ...options, dir: dirs[0] });
    second = generateCorpus({ ...options, dir: dirs[1] });
    agentFiles = first.agentParts[0]!;
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('the same seed writes the same corpus', () => {
    const read = (files: string[]) => files.map((file) => readFileSync(file, 'utf8'));
    expect(read(second.agentParts[0]!)).toEqual(read(agentFiles));
    expect(read(second.plainFiles)).toEqual(read(first.plainFiles));
    expect(new Set(read(agentFiles)).size).toBe(agentFiles.length);
  });

  it('agent files parse, and the rules find LiveKit code in them; plain files parse and hold no LiveKit import', () => {
    const linter = new Linter();
    const reporting = new Set<string>();
    for (const file of agentFiles) {
      const messages = linter.verify(readFileSync(file, 'utf8'), config, { filename: basename(file) });
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      for (const message of messages) reporting.add(message.ruleId!);
    }
    expect(reporting.size).toBeGreaterThanOrEqual(Math.min(5, Object.keys(plugin.rules).length));
    for (const file of first.plainFiles) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain('@livekit/');
      expect(linter.verify(text, config, { filename: basename(file) }).filter((message) => message.fatal)).toEqual([]);
    }
  });

  it('linting many files keeps none of them alive', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const linter = new Linter();
    const refs: WeakRef<object>[] = [];
    for (const file of agentFiles) {
      linter.verify(readFileSync(file, 'utf8'), config, { filename: basename(file) });
      refs.push(new WeakRef(linter.getSourceCode()!));
    }
    // WeakRefs created in this job hold their targets until it ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    gc();
    const alive = refs.filter((ref) => ref.deref() !== undefined).length;
    // The linter keeps its last SourceCode (getSourceCode()); every other file must be collectable.
    expect(alive).toBeLessThanOrEqual(1);
  });
});
