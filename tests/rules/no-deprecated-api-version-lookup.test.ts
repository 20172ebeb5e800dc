/**
 * no-deprecated-api finds the project's SDK version (package files on disk) only once the file uses something
 * deprecated: spelling a deprecated name somewhere else (a comment, another object's option) is not enough.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const lookups = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/livekit/version.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/livekit/version.js')>();
  return {
    ...actual,
    projectVersion: (...args: Parameters<typeof actual.projectVersion>) => {
      lookups.count++;
      return actual.projectVersion(...args);
    },
  };
});

const { default: plugin } = await import('../../src/index.js');

function lint(text: string): Linter.LintMessage[] {
  return new Linter().verify(
    text,
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser },
      plugins: { 'livekit-agents': plugin },
      rules: { 'livekit-agents/no-deprecated-api': 'error' },
      settings: { 'livekit-agents': { version: '1.9.0' } },
    },
    'agent.ts',
  );
}

describe('no-deprecated-api looks the SDK version up only for a deprecated use', () => {
  beforeEach(() => {
    lookups.count = 0;
  });

  it('not for a file that spells a deprecated name outside an SDK use', () => {
    const messages = lint(
      [
        "import { voice } from '@livekit/agents';",
        '// turnDetection and WorkerOptions are only named here',
        'const settings = { turnDetection: "vad", allowInterruptions: true };',
        'new voice.Agent({ instructions: "Be brief." });',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
    expect(lookups.count).toBe(0);
  });

  it('once for a file with deprecated uses, which are reported', () => {
    const messages = lint(
      [
        "import { WorkerOptions, voice } from '@livekit/agents';",
        'new voice.Agent({ instructions: "Be brief.", turnDetection: "vad", allowInterruptions: true });',
        'export default new WorkerOptions({ agent: "agent.js" });',
      ].join('\n'),
    );
    expect(messages.map((message) => message.ruleId)).toEqual(Array(4).fill('livekit-agents/no-deprecated-api'));
    expect(lookups.count).toBe(1);
  });
});
