import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { enclosingFunction } from '../../src/analysis/ast.js';
import { type ParameterOrigin, isUndefinedValue, parameterOrigin, thisContext } from '../../src/analysis/params.js';

/** Runs `probe(x)` calls of a snippet through a rule and returns what `inspect` says about each `x`. */
function probe<T>(code: string, inspect: (sourceCode: TSESLint.SourceCode, node: TSESTree.Node) => T): T[] {
  const results: T[] = [];
  const rule = {
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe') {
            results.push(inspect(context.sourceCode, node.arguments[0]!));
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, {
    languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
    plugins: { test: { rules: { probe: rule as never } } },
    rules: { 'test/probe': 'error' },
  });
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return results;
}

function origins(code: string): ParameterOrigin[] {
  return probe(code, (sourceCode, node) => parameterOrigin(sourceCode, node, enclosingFunction(node)!)).map((origin) =>
    origin.kind === 'parameter' && origin.omitted ? { ...origin, omitted: new Set([...origin.omitted]) } : origin,
  );
}

describe('parameterOrigin', () => {
  it('follows parameters, destructuring, rests and member reads', () => {
    expect(
      origins(`
        function f(options, { chatCtx, nested: { deep } }, ...others) {
          probe(options);
          probe(options.chatCtx);
          probe(chatCtx);
          probe(deep);
          probe(others);
        }
      `),
    ).toEqual([
      { kind: 'parameter', index: 0, path: [], omitted: null },
      { kind: 'parameter', index: 0, path: ['chatCtx'], omitted: null },
      { kind: 'parameter', index: 1, path: ['chatCtx'], omitted: null },
      { kind: 'parameter', index: 1, path: ['nested', 'deep'], omitted: null },
      { kind: 'unknown' },
    ]);
  });

  it('records the keys an object rest leaves out, through a const in the function', () => {
    expect(
      origins(`
        function f(options = {}) {
          const { agentName, ...rest } = options;
          probe(rest);
          probe(agentName);
        }
      `),
    ).toEqual([
      { kind: 'parameter', index: 0, path: [], omitted: new Set(['agentName']) },
      { kind: 'parameter', index: 0, path: ['agentName'], omitted: null },
    ]);
  });

  it('treats defaults, literals, calls and outer values as other', () => {
    expect(
      origins(`
        const OUTER = 1;
        function f({ chatCtx = make() }, value) {
          probe(chatCtx);
          probe('text');
          probe(make(value));
          probe(OUTER);
          probe(globalThing);
        }
      `),
    ).toEqual([{ kind: 'other' }, { kind: 'other' }, { kind: 'other' }, { kind: 'other' }, { kind: 'other' }]);
  });

  it('is unsure about let variables and array patterns', () => {
    expect(
      origins(`
        function f(options, [first]) {
          let copy = options;
          probe(copy);
          probe(first);
        }
      `),
    ).toEqual([{ kind: 'unknown' }, { kind: 'unknown' }]);
  });
});

describe('thisContext', () => {
  const members = (code: string) =>
    probe(code, (_, node) => {
      const context = thisContext(node);
      if (!context) return null;
      const member = context.member;
      return member.type === AST_NODE_TYPES.MethodDefinition ? `method ${member.kind}` : 'field';
    });

  it('finds the instance member whose this applies; arrows are transparent', () => {
    expect(
      members(`
        class A {
          x = probe(this);
          constructor() { probe(this); }
          m() { probe(this); [1].map(() => probe(this)); }
          static s() { probe(this); }
          f() { return function () { probe(this); }; }
        }
        probe(this);
      `),
    ).toEqual(['field', 'method constructor', 'method method', 'method method', null, null, null]);
  });
});

describe('isUndefinedValue', () => {
  it('recognises undefined and void 0', () => {
    expect(
      probe('probe(undefined); probe(void 0); probe(null); probe(x);', (_, node) => isUndefinedValue(node)),
    ).toEqual([true, true, false, false]);
  });
});
