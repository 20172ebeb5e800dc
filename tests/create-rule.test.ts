import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../src/create-rule.js';

type Options = [{ max?: number; names?: string[] }];

/** A rule that records the options its `create` receives, one entry per linted file. */
function recordingRule(seen: Readonly<Options>[]) {
  return createRule<Options, 'never'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'Records its options', recommended: 'strict' },
      messages: { never: 'never' },
      schema: [
        {
          type: 'object',
          properties: { max: { type: 'integer' }, names: { type: 'array', items: { type: 'string' } } },
          additionalProperties: false,
        },
      ],
      defaultOptions: [{ max: 3, names: [] }],
    },
    create(context, options) {
      seen.push(options);
      return {};
    },
  });
}

describe('createRule', () => {
  it('merges default options with the configured ones for every file, also when the configuration changes', () => {
    const seen: Readonly<Options>[] = [];
    const plugin = { rules: { recording: recordingRule(seen) } } as unknown as ESLint.Plugin;
    const linter = new Linter();
    const lint = (ruleConfig: Linter.RuleEntry) =>
      linter.verify('x;', [{ plugins: { test: plugin }, rules: { 'test/recording': ruleConfig } }], 'file.js');

    lint('error');
    lint('error');
    lint(['error', { max: 5 }]);
    lint(['error', { max: 5, names: ['a'] }]);
    lint(['error', { max: 5, names: ['b'] }]);
    lint('error');

    expect(seen).toEqual([
      [{ max: 3, names: [] }],
      [{ max: 3, names: [] }],
      [{ max: 5, names: [] }],
      [{ max: 5, names: ['a'] }],
      [{ max: 5, names: ['b'] }],
      [{ max: 3, names: [] }],
    ]);
    // Equal configurations share one merged object: the merge ran once for them.
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[1]);
  });
});
