/**
 * *Test code* (docs/concepts.md#test-code): files that match `settings['livekit-agents'].testFiles` (globs relative to the working
 * directory; by default `*.test.*`, `*.spec.*` and the `test/`, `tests/`, `__tests__/`, `e2e/`, `fixtures/` folders)
 * and files that import a test runner. Tools, prompts and agents there exist to exercise the runtime, so the rules
 * that judge their quality stay silent; the rules that catch bugs keep working.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { matchesAnyGlob } from '../analysis/globs.js';
import { skipTSWrappers } from '../analysis/ast.js';

/** Modules whose import makes a file a test file, whatever its name. */
const TEST_RUNNERS = new Set(['vitest', 'jest', '@jest/globals', 'mocha', 'node:test']);

function isRequireOf(node: TSESTree.Node | null | undefined): boolean {
  if (!node) return false;
  const expression = skipTSWrappers(node);
  const call = expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
  if (call.type === AST_NODE_TYPES.CallExpression) {
    const argument = call.arguments[0];
    const isRequire = call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'require';
    return (
      isRequire &&
      argument?.type === AST_NODE_TYPES.Literal &&
      typeof argument.value === 'string' &&
      TEST_RUNNERS.has(argument.value)
    );
  }
  if (call.type === AST_NODE_TYPES.ImportExpression) {
    return (
      call.source.type === AST_NODE_TYPES.Literal &&
      typeof call.source.value === 'string' &&
      TEST_RUNNERS.has(call.source.value)
    );
  }
  return false;
}

/** True when the program imports (or requires, at its top level) a test runner. */
export function importsTestRunner(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    const type = statement.type;
    if (type === AST_NODE_TYPES.ImportDeclaration) {
      if (TEST_RUNNERS.has(statement.source.value)) return true;
    } else if (type === AST_NODE_TYPES.VariableDeclaration) {
      if (statement.declarations.some((declarator) => isRequireOf(declarator.init))) return true;
    } else if (type === AST_NODE_TYPES.ExpressionStatement) {
      if (isRequireOf(statement.expression)) return true;
    }
  }
  return false;
}

/** The file's path as the globs see it: relative to `cwd` with forward slashes (absolute when outside `cwd`). */
export function pathForGlobs(filename: string, cwd: string): string | null {
  if (!filename || !isAbsolute(filename))
    return filename && !filename.startsWith('<') ? filename.split(sep).join('/') : null;
  // Most files lie under cwd: a prefix cut, without path.relative's resolving of both paths.
  const under = cwd !== '' && filename.startsWith(cwd) && filename[cwd.length] === sep;
  const inside = under ? filename.slice(cwd.length + 1) : cwd ? relative(cwd, filename) : '';
  const path = inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : filename;
  return sep === '/' ? path : path.split(sep).join('/'); // split and join cost more than the rest, for nothing on POSIX
}

/** True when the file is test code: its path matches one of `testFiles`, or it imports a test runner. */
export function isTestCode(
  program: TSESTree.Program,
  filename: string,
  cwd: string,
  testFiles: readonly string[],
): boolean {
  const path = pathForGlobs(filename, cwd);
  if (path !== null && testFiles.length > 0 && matchesAnyGlob(path, testFiles)) return true;
  return importsTestRunner(program);
}

/** Where command-line scripts live: their output is for the person at the terminal, not for the agent's logs. */
const SCRIPT_FOLDERS: readonly string[] = ['**/scripts/**', '**/bin/**'];

/** True when the file is a command-line script: it starts with a shebang (`#!`), or lies under `scripts/` or `bin/`. */
export function isCliScript(text: string, filename: string, cwd: string): boolean {
  if (text.startsWith('#!')) return true;
  const path = pathForGlobs(filename, cwd);
  return path !== null && matchesAnyGlob(path, SCRIPT_FOLDERS);
}
