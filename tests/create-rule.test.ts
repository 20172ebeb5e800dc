import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createLiveKitRule, createRule } from '../src/create-rule.js';

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

  it('the kernel: no listeners without LiveKit code, test code skipped on request, every file when declared', async () => {
    const parser = await import('@typescript-eslint/parser');
    const ran: string[] = [];
    const meta = {
      type: 'problem' as const,
      docs: { description: 'Records the files it reads', recommended: 'strict' as const },
      messages: { never: 'never' },
      schema: [],
    };
    const rules = {
      model: createLiveKitRule<[], 'never'>({
        name: 'model',
        meta,
        create: (_context, _options, model) => (ran.push(`model:${model.tools.length}`), {}),
      }),
      quality: createLiveKitRule<[], 'never'>({
        name: 'quality',
        meta,
        skipTestCode: true,
        create: () => (ran.push('quality'), {}),
      }),
      every: createLiveKitRule<[], 'never'>({
        name: 'every',
        meta,
        everyFile: true,
        create: () => (ran.push('every'), {}),
      }),
    };
    const plugin = { rules } as unknown as ESLint.Plugin;
    const linter = new Linter();
    const lint = (code: string, filename: string) =>
      linter.verify(
        code,
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser },
            plugins: { test: plugin },
            rules: { 'test/model': 'error', 'test/quality': 'error', 'test/every': 'error' },
          },
        ],
        filename,
      );
    const livekit =
      "import { llm } from '@livekit/agents';\nexport const t = llm.tool({ description: 'd', execute: async () => 'x' });\n";

    lint('export const x = 1;\n', 'src/plain.ts');
    expect(ran).toEqual(['every']);
    ran.length = 0;
    lint(livekit, 'src/agent.ts');
    expect(ran.sort()).toEqual(['every', 'model:1', 'quality']);
    ran.length = 0;
    lint(livekit, 'src/agent.test.ts');
    expect(ran.sort()).toEqual(['every', 'model:1']);
  });
});
