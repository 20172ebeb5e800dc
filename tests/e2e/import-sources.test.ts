/**
 * `settings['livekit-agents'].importSources`: a project that imports LiveKit through its own wrapper module gets
 * the same problems as one that imports `@livekit/agents` directly, from every rule.
 *
 * Each file of fixtures/violations is linted three ways with the `all` config (through ESLint's Node API, from
 * src/; this test runs in `npm test`):
 * - as it is: the reference result;
 * - with its `@livekit/agents` imports pointing at a wrapper module named in `importSources`: the same rule, line
 *   and column for every problem;
 * - the control, with every `@livekit/...` import pointing elsewhere and no setting: no rule that only looks at
 *   LiveKit files reports anything, and nothing new appears.
 * Which rules only look at LiveKit files is asked of the rules themselves, not listed here: a rule that returns
 * no listeners for a file without a LiveKit import is LiveKit-only (`createLiveKitRule` returns `{}` at once).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ESLint, Linter, type Rule } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import {
  NAMESPACE,
  WRAPPER_MODULE,
  importsFromWrapper,
  markedProblems,
  violationFiles,
  violationsDir,
  withoutLiveKitImports,
} from './helpers.js';
import { createESLint } from '../helpers/lint.js';
import { rules } from '../../src/rules/index.js';

const files = violationFiles();
const settings = { [NAMESPACE]: { importSources: [WRAPPER_MODULE] } };
const direct = createESLint('all');
const throughWrapper = createESLint('all', [{ settings }]);

async function problems(eslint: ESLint, text: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return result!.messages
    .map((message) => `${message.line}:${message.column} ${message.ruleId ?? `fatal: ${message.message}`}`)
    .sort();
}

/** The rules that still listen to a file with no LiveKit import (for example, secret logging is checked everywhere). */
function rulesListeningWithoutLiveKit(): Set<string> {
  const listening = new Set<string>();
  const probe = Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => {
      const original = rule as unknown as Rule.RuleModule;
      const wrapped: Rule.RuleModule = {
        meta: original.meta,
        create(context) {
          const listeners = original.create(context);
          if (Object.keys(listeners).length > 0) listening.add(`${NAMESPACE}/${id}`);
          return listeners;
        },
      };
      return [id, wrapped];
    }),
  );
  const linter = new Linter({ configType: 'flat' });
  const text =
    "import { readFile } from 'node:fs/promises';\nexport async function load(path: string) {\n  return readFile(path, 'utf8');\n}\n";
  const messages = linter.verify(
    text,
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser },
      plugins: { [NAMESPACE]: { rules: probe } },
      rules: Object.fromEntries(Object.keys(rules).map((id) => [`${NAMESPACE}/${id}`, 'error'])),
    },
    'probe.ts',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return listening;
}

describe("settings['livekit-agents'].importSources: LiveKit imported through a wrapper module", () => {
  it('the fixture has files that import @livekit/agents', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(
      files.some((file) =>
        importsFromWrapper(readFileSync(join(violationsDir, file), 'utf8')).includes(WRAPPER_MODULE),
      ),
    ).toBe(true);
  });

  for (const file of files) {
    it(`${file}: the same rule, line and column through the wrapper`, async () => {
      const path = join(violationsDir, file);
      const text = readFileSync(path, 'utf8');
      const original = await problems(direct, text, path);
      expect(original.length).toBeGreaterThan(0);
      const wrapped = await problems(throughWrapper, importsFromWrapper(text), path);
      expect(wrapped).toEqual(original);
    });
  }

  it('every rule of the plugin that the fixture marks fires through the wrapper', async () => {
    const registered = new Set(Object.keys(rules).map((id) => `${NAMESPACE}/${id}`));
    const marked = new Set<string>();
    const reported = new Set<string>();
    for (const file of files) {
      const path = join(violationsDir, file);
      const text = readFileSync(path, 'utf8');
      for (const problem of markedProblems(text)) if (registered.has(problem.ruleId)) marked.add(problem.ruleId);
      for (const problem of await problems(throughWrapper, importsFromWrapper(text), path))
        reported.add(problem.split(' ')[1]!);
    }
    expect(marked.size).toBeGreaterThan(0);
    expect([...reported].filter((ruleId) => registered.has(ruleId)).sort()).toEqual([...marked].sort());
  });

  it('control: without the setting, a file whose LiveKit imports point elsewhere gets no LiveKit-only problem', async () => {
    const listening = rulesListeningWithoutLiveKit();
    const liveKitOnly = Object.keys(rules)
      .map((id) => `${NAMESPACE}/${id}`)
      .filter((ruleId) => !listening.has(ruleId));
    expect(liveKitOnly.length).toBeGreaterThan(0);

    let suppressed = 0;
    for (const file of files) {
      const path = join(violationsDir, file);
      const text = readFileSync(path, 'utf8');
      const original = await problems(direct, text, path);
      const control = await problems(direct, withoutLiveKitImports(text), path);
      // Nothing from a LiveKit-only rule, and nothing that the real imports did not report either.
      expect(
        control.filter((problem) => liveKitOnly.includes(problem.split(' ')[1]!)),
        file,
      ).toEqual([]);
      expect(
        control.filter((problem) => !original.includes(problem)),
        file,
      ).toEqual([]);
      suppressed += original.length - control.length;
    }
    expect(suppressed).toBeGreaterThan(0);
  });
});
