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
    const dir = tempProject({ 'src/index.ts': "export const greeting = 'hello';\n", 'src/util.js': 'export const two = 2;\n' });
    const run = audit([dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^livekit-agents-audit: no LiveKit Agents code in .*: none of its 2 JS\/TS files imports '@livekit\/agents'/);
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
    const dir = tempProject({ 'tsconfig.json': '{ "extends": "./missing.json", "include": ["src"] }\n', 'src/agent.ts': agentFile });
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
    const run = audit(['fixtures/reference-agent', '--format', 'html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("livekit-agents-audit: --format must be one of text, markdown, json, sarif (got 'html')\n");
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
  });
});
