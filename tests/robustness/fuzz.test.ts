/**
 * The small seeded fuzz run (the long one is `npm run fuzz -- --count N --seed S`), and checks that the harness
 * really catches what it looks for: a rule that throws, a fix or suggestion that breaks the code, a fix that
 * never settles, each with a minimized program that still fails.
 */
import type { Rule } from 'eslint';
import { Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import {
  type FuzzPlugin,
  type FuzzTotals,
  buildProgram,
  checkProgram,
  createConfig,
  formatFailure,
  parseError,
  runFuzz,
} from '../../fuzz/harness.js';

const SMALL_RUN = { count: 60, seed: 20_251_127 };

describe('fuzz: random programs with LiveKit snippets, every rule', () => {
  let totals: FuzzTotals;
  beforeAll(() => {
    totals = runFuzz({ plugin, ...SMALL_RUN });
  });

  it(`no rule throws, every fix and suggestion parses, a second fix pass changes nothing (${SMALL_RUN.count} programs, seed ${SMALL_RUN.seed})`, () => {
    expect(totals.failures.map(formatFailure)).toEqual([]);
  });

  it('the programs reach the rules: they parse, LiveKit code is recognised and many rules report', () => {
    expect(totals.unbuildable).toBe(0);
    expect(totals.linted).toBe(SMALL_RUN.count);
    expect(totals.withReports).toBeGreaterThan(SMALL_RUN.count / 2);
    const reporting = Object.keys(totals.programsByRule).filter((id) => id.startsWith('livekit-agents/'));
    expect(reporting.length).toBeGreaterThanOrEqual(Math.min(12, Object.keys(plugin.rules).length));
  });

  it('a program is a pure function of the seed and its index', () => {
    expect(buildProgram(7, 3).text).toBe(buildProgram(7, 3).text);
    expect(buildProgram(7, 3).text).not.toBe(buildProgram(7, 4).text);
    expect(buildProgram(8, 3).text).not.toBe(buildProgram(7, 3).text);
  });
});

/** A plugin with one faulty rule, triggered by any `description` property (every tool snippet has one). */
function faultyPlugin(kind: 'throws' | 'bad-fix' | 'bad-suggestion' | 'unstable-fix' | 'slow'): FuzzPlugin {
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', fixable: 'code', hasSuggestions: true, schema: [], messages: { m: 'm' } },
    create(context) {
      return {
        Property(node) {
          if (node.key.type !== 'Identifier' || node.key.name !== 'description') return;
          if (kind === 'throws') throw new TypeError('Cannot read properties of undefined (reading "x")');
          if (kind === 'slow') {
            const until = performance.now() + 30;
            while (performance.now() < until) {
              // a rule that burns time on every tool
            }
          }
          if (kind === 'bad-fix')
            context.report({ node, messageId: 'm', fix: (fixer) => fixer.insertTextAfter(node, ' )(') });
          if (kind === 'bad-suggestion') {
            context.report({
              node,
              messageId: 'm',
              suggest: [{ messageId: 'm', fix: (fixer) => fixer.replaceText(node, 'description: {') }],
            });
          }
        },
        'Program:exit'(node) {
          // Adds a comment on every pass: a fix that never settles.
          if (kind === 'unstable-fix' && context.sourceCode.text.includes('description')) {
            context.report({
              node,
              messageId: 'm',
              fix: (fixer) => fixer.insertTextAfterRange([node.range[1], node.range[1]], '\n// again'),
            });
          }
        },
      };
    },
  };
  const faulty: FuzzPlugin & { rules: Record<string, Rule.RuleModule> } = {
    rules: { faulty: rule },
    configs: { all: {} },
  };
  faulty.configs.all = { plugins: { test: faulty }, rules: { 'test/faulty': 'error' } };
  return faulty;
}

describe('fuzz harness catches faulty rules', () => {
  it('slow: a program that takes longer than the limit is reported with the slowest rule', () => {
    const run = runFuzz({ plugin: faultyPlugin('slow'), count: 10, seed: 5, maxFailures: 1, slowMs: 20 });
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]).toMatchObject({ kind: 'slow', ruleId: 'test/faulty', seed: 5 });
    expect(run.failures[0]!.message).toMatch(/slowest rule test\/faulty \d+ ms/);
  });

  const cases = [
    ['throws', 'crash'],
    ['bad-fix', 'fix-unparsable'],
    ['bad-suggestion', 'suggestion-unparsable'],
    ['unstable-fix', 'fix-not-idempotent'],
  ] as const;
  for (const [fault, kind] of cases) {
    it(`${fault}: reported as ${kind}, with the seed, the index and a smaller program that still fails`, () => {
      const faulty = faultyPlugin(fault);
      const run = runFuzz({ plugin: faulty, count: 20, seed: 5, maxFailures: 1, minimizeChecks: 200 });
      expect(run.failures).toHaveLength(1);
      const failure = run.failures[0]!;
      expect(failure.kind).toBe(kind);
      expect(failure.ruleId).toBe('test/faulty');
      expect(formatFailure(failure)).toContain(`--seed 5 --start ${failure.index} --count 1`);
      expect(buildProgram(5, failure.index).text).toBe(failure.program);
      const minimized = failure.minimized!;
      expect(minimized.length).toBeLessThan(failure.program.length / 2);
      expect(parseError(minimized)).toBeNull();
      const again = checkProgram(new Linter(), createConfig(faulty), minimized).failure;
      expect(again?.kind).toBe(kind);
    });
  }
});
