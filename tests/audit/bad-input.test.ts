/**
 * Bad input gets a clear message on stderr and exit code 2; usage errors too.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, tempProject } from './helpers.js';

const agentFile = `import { voice } from '@livekit/agents';
export const agent = new voice.Agent({ instructions: 'You are a helpful assistant for the shop.' });
`;

describe('bad input', () => {
  it('a missing folder', () => {
    const run = audit(['fixtures/audit/does-not-exist']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('livekit-agents-audit: no such file or folder: fixtures/audit/does-not-exist\n');
    expect(run.stdout).toBe('');
  });

  it('a folder with no JS/TS files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livekit-audit-empty-'));
    const run = audit([dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^livekit-agents-audit: no JavaScript or TypeScript files in /);
  });

  it('a folder with no LiveKit code', () => {
    const dir = tempProject({
      'src/index.ts': "export const greeting = 'hello';\n",
      'src/util.js': 'export const two = 2;\n',
    });
    const run = audit([dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^livekit-agents-audit: no LiveKit Agents code in .*: none of its 2 JS\/TS files imports '@livekit\/agents'/,
    );
  });

  it('a broken tsconfig.json, with the position of the error', () => {
    const dir = tempProject({
      'tsconfig.json': '{\n  "compilerOptions": { "strict": true,, },\n  "include": ["src"]\n}\n',
      'src/agent.ts': agentFile,
    });
    const run = audit([dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^livekit-agents-audit: cannot read .*tsconfig\.json: .*tsconfig\.json:2:\d+: /);
  });

  it('a tsconfig.json that matches no files', () => {
    const dir = tempProject({ 'tsconfig.json': '{ "include": ["nothing-here"] }\n', 'src/agent.ts': agentFile });
    const run = audit([dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('matches no source files');
  });

  it('a tsconfig.json that extends a missing file', () => {
    const dir = tempProject({
      'tsconfig.json': '{ "extends": "./missing.json", "include": ["src"] }\n',
      'src/agent.ts': agentFile,
    });
    const run = audit([dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.json');
  });

  it('a file that is not a tsconfig', () => {
    const run = audit(['agent.ts'], tempProject({ 'agent.ts': agentFile }));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('livekit-agents-audit: agent.ts is a file: give the project folder or its tsconfig.json\n');
  });
});

describe('usage', () => {
  it('rejects an unknown option', () => {
    const run = audit(['--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--colour'");
  });

  it('rejects an unknown format', () => {
    const run = audit(['fixtures/reference-agent', '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "livekit-agents-audit: --format must be one of text, markdown, json, sarif, html (got 'pdf')\n",
    );
  });

  it('rejects unknown --only/--skip names, listing the known ones, before reading the project', () => {
    const run = audit([
      'fixtures/reference-agent',
      '--only',
      'unreachable-agent,no-such-check',
      '--skip',
      'livekit-agents/no-such-rule',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe(
      'livekit-agents-audit: unknown check, rule or checklist item: no-such-check, livekit-agents/no-such-rule',
    );
    expect(lines[1]).toMatch(/^ {2}checks: handoff-drops-chat-ctx, unreachable-agent, /);
    expect(lines[2]).toMatch(/^ {2}checklist items: distinct-roles, /);
    expect(lines[3]).toMatch(/^ {2}rules: .*require-tool-description/);
  });

  it('rejects an unknown --lint-config', () => {
    const run = audit(['.', '--lint-config', 'mine']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "livekit-agents-audit: --lint-config must be one of project, recommended, strict, all (got 'mine')\n",
    );
  });

  it('rejects an unknown --fail-on level and more than one path', () => {
    expect(audit(['.', '--fail-on', 'sometimes']).code).toBe(2);
    expect(audit(['a', 'b']).stderr).toContain('expected one project path, got 2');
  });

  it('prints help and exits 0', () => {
    const run = audit(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: livekit-agents-audit \[path\] \[options\]/);
    expect(run.stdout).toContain('--fail-on <level>');
    // Which ESLint config the rules run with is part of the help.
    expect(run.stdout).toContain('the config ESLint itself would use for each file');
  });
});
