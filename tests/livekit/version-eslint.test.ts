/**
 * The SDK version seen through ESLint's Node API over a real folder tree, as `eslint .` and `eslint --fix` run it:
 * one run, several packages on different SDK versions.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const AGENT = [
  "import { WorkerOptions, cli, voice } from '@livekit/agents';",
  "new voice.AgentSession({ turnDetection: 'vad' });",
  "cli.runApp(new WorkerOptions({ agent: 'agent.js' }));",
  '',
].join('\n');

function tree(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'lk-eslint-version-'));
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

function eslint(cwd: string, fix: boolean): ESLint {
  return new ESLint({
    cwd,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' } },
      {
        plugins: { 'livekit-agents': plugin as unknown as ESLint.Plugin },
        rules: { 'livekit-agents/no-deprecated-api': 'error' },
      },
    ],
  });
}

/** The workspace: four packages, each on its own SDK version (or none known). */
function monorepo(): string {
  return tree({
    'package.json': { name: 'mono', private: true },
    'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\ncatalogs:\n  next:\n    '@livekit/agents': ^1.4.0\n",
    'pnpm-lock.yaml': [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .: {}',
      '  apps/pinned:',
      '    dependencies:',
      "      '@livekit/agents':",
      '        specifier: 1.0.3',
      '        version: 1.0.3(@livekit/rtc-node@0.13.18)',
      '  apps/current:',
      '    dependencies:',
      "      '@livekit/agents':",
      '        specifier: ^1.5.0',
      '        version: 1.9.0(@livekit/rtc-node@0.13.31)(zod@4.1.8)',
      '  apps/legacy:',
      '    dependencies:',
      "      '@livekit/agents':",
      '        specifier: ^0.7.9',
      '        version: 0.7.9',
      '',
    ].join('\n'),
    'apps/pinned/package.json': { name: 'pinned', dependencies: { '@livekit/agents': '1.0.3' } },
    'apps/pinned/src/agent.ts': AGENT,
    'apps/current/package.json': { name: 'current', dependencies: { '@livekit/agents': '^1.5.0' } },
    'apps/current/src/agent.ts': AGENT,
    'apps/legacy/package.json': { name: 'legacy', dependencies: { '@livekit/agents': '^0.7.9' } },
    'apps/legacy/src/agent.ts': AGENT,
    // Not installed, not locked: only the catalog range says which versions it may get.
    'apps/fresh/package.json': { name: 'fresh', dependencies: { '@livekit/agents': 'catalog:next' } },
    'apps/fresh/src/agent.ts': AGENT,
    // No package.json names the SDK: unknown.
    'scripts/agent.ts': AGENT,
  });
}

describe('no-deprecated-api over a monorepo, through ESLint', () => {
  it('each package is judged by its own SDK version in one run', async () => {
    const root = monorepo();
    const results = await eslint(root, false).lintFiles(['**/*.ts']);
    const byFile = Object.fromEntries(
      results.map((result) => [
        result.filePath.slice(root.length + 1),
        result.messages.map(
          (message) => `${message.line}:${message.fix ? 'fix' : `suggest${message.suggestions?.length ?? 0}`}`,
        ),
      ]),
    );
    expect(byFile).toEqual({
      // 1.0.3: no ServerOptions, no turnHandling yet.
      'apps/pinned/src/agent.ts': [],
      // 1.9.0: both, and the rename is an autofix.
      'apps/current/src/agent.ts': ['1:fix', '2:suggest1', '3:fix'],
      // 0.x: no 1.x-only advice.
      'apps/legacy/src/agent.ts': [],
      // ^1.4.0: every admitted version has both replacements.
      'apps/fresh/src/agent.ts': ['1:fix', '2:suggest1', '3:fix'],
      // Unknown: reported, suggestions only.
      'scripts/agent.ts': ['1:suggest1', '2:suggest1', '3:suggest1'],
    });
    const unknown = results.find((result) => result.filePath.endsWith(join('scripts', 'agent.ts')))!;
    expect(unknown.messages[0]!.message).toContain('the replacement needs @livekit/agents 1.0.16 or later');
  });

  it('--fix renames only where the version is known to have the new name', async () => {
    const root = monorepo();
    await ESLint.outputFixes(await eslint(root, true).lintFiles(['**/*.ts']));
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    expect(read('apps/current/src/agent.ts')).toBe(AGENT.replaceAll('WorkerOptions', 'ServerOptions'));
    expect(read('apps/fresh/src/agent.ts')).toBe(AGENT.replaceAll('WorkerOptions', 'ServerOptions'));
    for (const path of ['apps/pinned/src/agent.ts', 'apps/legacy/src/agent.ts', 'scripts/agent.ts'])
      expect(read(path)).toBe(AGENT);
  });
});
