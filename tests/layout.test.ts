/**
 * The layering CONTRIBUTING describes, checked on the import statements of src/: data flows one way (rules →
 * livekit → analysis), rules never import each other, and no module imports itself back through others at run time
 * (type-only imports do not count: they vanish in the build).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Each file of src/ (relative path) → the src/ files it imports at run time. */
function runtimeImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const ast = parse(readFileSync(file, 'utf8'));
    const targets: string[] = [];
    for (const statement of ast.body) {
      if (
        (statement.type !== 'ImportDeclaration' &&
          statement.type !== 'ExportNamedDeclaration' &&
          statement.type !== 'ExportAllDeclaration') ||
        !statement.source ||
        !statement.source.value.startsWith('.')
      )
        continue;
      if (statement.type === 'ImportDeclaration') {
        const specifiers = statement.specifiers;
        const typeOnly =
          statement.importKind === 'type' ||
          (specifiers.length > 0 &&
            specifiers.every((specifier) => specifier.type === 'ImportSpecifier' && specifier.importKind === 'type'));
        if (typeOnly) continue;
      } else if (statement.exportKind === 'type') continue;
      const target = join(dirname(file), statement.source.value).replace(/\.js$/, '.ts');
      targets.push(relative(src, target));
    }
    graph.set(relative(src, file), targets);
  }
  return graph;
}

const graph = runtimeImports();
const layer = (path: string) => path.split('/')[0]!;

describe('src/ layout', () => {
  it('reads the import graph of every source file', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('livekit/program.ts')).toContain('analysis/ast.ts');
  });

  it('data flows one way: analysis/ and fix/ never import livekit/ or rules/; livekit/ never imports rules/', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = layer(file);
        const to = layer(target);
        if ((from === 'analysis' || from === 'fix') && (to === 'livekit' || to === 'rules'))
          wrong.push(`${file} → ${target}`);
        if (from === 'livekit' && to === 'rules') wrong.push(`${file} → ${target}`);
        if (from === 'rules' && to === 'rules' && !file.endsWith('index.ts')) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle at run time', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'open') cycles.push([...path.slice(path.indexOf(target)), target].join(' → '));
        else if (!state.has(target)) visit(target, [...path, target]);
      }
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
    expect(cycles).toEqual([]);
  });
});
