/**
 * The ESLint entry point never loads the audit (ts-morph is heavy and only the command needs it), and the built
 * command is an executable ESM script.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, root } from './helpers.js';

/** Every file of src/ that `entry` imports, directly or not (static relative imports). */
function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:\bfrom |\bimport\()'(\.{1,2}\/[^']+)'/g)) {
      pending.push(resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts')));
    }
    expect(text, `${relative(root, file)} must not import ts-morph`).not.toMatch(/from 'ts-morph'/);
  }
  return [...seen].map((file) => relative(root, file));
}

describe('isolation of the audit', () => {
  it('src/index.ts imports nothing from src/audit/', () => {
    const closure = importClosure(join(root, 'src/index.ts'));
    expect(closure).toContain('src/livekit/imports.ts');
    expect(closure.filter((file) => file.startsWith('src/audit/'))).toEqual([]);
  });

  it('dist/audit/cli.js starts with a node shebang', () => {
    expect(readFileSync(cli, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(manifest.bin['livekit-agents-audit']).toBe('./dist/audit/cli.js');
  });
});
