import { describe, expect, it } from 'vitest';
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { globToRegExp, matchesAnyGlob } from '../../src/analysis/globs.js';
import { DEFAULT_TEST_FILES } from '../../src/livekit/settings.js';
import { importsTestRunner, isTestCode, pathForGlobs } from '../../src/livekit/test-code.js';

const program = (code: string) => parse(code, { sourceType: 'module' }) as TSESTree.Program;
const AGENT = "import { voice } from '@livekit/agents';";

describe('globs', () => {
  it.each([
    ['**/*.test.*', 'src/agent.test.ts', true],
    ['**/*.test.*', 'agent.test.mjs', true],
    ['**/*.test.*', 'src/agent.ts', false],
    ['**/test/**', 'plugins/test/src/llm.ts', true],
    ['**/test/**', 'test/llm.ts', true],
    ['**/test/**', 'src/testing/llm.ts', false],
    ['**/fixtures/**', 'a/fixtures/b/c.ts', true],
    ['*.spec.ts', 'deep/in/a.spec.ts', true], // no slash: the base name, in any folder
    ['src/*.ts', 'src/a/b.ts', false],
    ['src/{agents,tools}/*.ts', 'src/tools/x.ts', true],
    ['src/[ab].ts', 'src/b.ts', true],
    ['src/?.ts', 'src/ab.ts', false],
    ['./scripts/**', 'scripts/x/y.ts', true],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('a list matches when one of its globs does, and an empty list matches nothing', () => {
    const list = ['**/*.test.*', 'src/{agents,tools}/*.ts', 'a{b.ts'];
    expect(['x/a.test.ts', 'src/tools/t.ts', 'a{b.ts'].map((path) => matchesAnyGlob(path, list))).toEqual([
      true,
      true,
      true,
    ]);
    expect(matchesAnyGlob('src/agent.ts', list)).toBe(false);
    expect(matchesAnyGlob('src/agent.ts', [])).toBe(false);
  });

  it('takes an unclosed brace literally instead of throwing', () => {
    expect(matchesAnyGlob('a{b.ts', ['a{b.ts'])).toBe(true);
  });
});

describe('test code', () => {
  it('the default globs cover test names and folders', () => {
    for (const path of [
      'src/agent.test.ts',
      'src/agent.spec.js',
      'examples/comprehensive_test.ts',
      'tests/e2e/agent.mjs',
      'src/__tests__/a.ts',
      'fixtures/a.ts',
    ]) {
      expect(isTestCode(program(AGENT), `/repo/${path}`, '/repo', DEFAULT_TEST_FILES)).toBe(true);
    }
    expect(isTestCode(program(AGENT), '/repo/src/agent.ts', '/repo', DEFAULT_TEST_FILES)).toBe(false);
  });

  it('paths are relative to the working directory: the folders above it do not count', () => {
    expect(
      isTestCode(program(AGENT), '/home/me/tests/project/src/agent.ts', '/home/me/tests/project', DEFAULT_TEST_FILES),
    ).toBe(false);
    expect(pathForGlobs('/elsewhere/x.ts', '/repo')).toBe('/elsewhere/x.ts');
    expect(pathForGlobs('<input>', '/repo')).toBeNull();
  });

  it('a file that imports or requires a test runner is test code, whatever its name', () => {
    expect(importsTestRunner(program(`${AGENT} import { it } from 'vitest';`))).toBe(true);
    expect(importsTestRunner(program(`${AGENT} import test from 'node:test';`))).toBe(true);
    expect(importsTestRunner(program(`const { describe } = require('mocha');`))).toBe(true);
    expect(importsTestRunner(program(`import { expect } from '@jest/globals';`))).toBe(true);
    expect(importsTestRunner(program(`${AGENT} import { z } from 'zod';`))).toBe(false);
    expect(isTestCode(program(`${AGENT} import { it } from 'vitest';`), '/repo/src/agent.ts', '/repo', [])).toBe(true);
  });

  it('the setting replaces the default globs', () => {
    expect(isTestCode(program(AGENT), '/repo/src/agent.test.ts', '/repo', ['qa/**'])).toBe(false);
    expect(isTestCode(program(AGENT), '/repo/qa/agent.ts', '/repo', ['qa/**'])).toBe(true);
  });
});
