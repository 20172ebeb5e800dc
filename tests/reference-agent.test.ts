/**
 * The reference agent is the plugin's promise: realistic code that follows the checklist gets no message from any
 * rule, and it is real code: it type-checks against the installed @livekit/agents (its runtime tests, driven by
 * voice.testing.FakeLLM, live in fixtures/reference-agent/tests and run in this suite too).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintFiles } from './helpers/lint.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const agentDir = `${root}fixtures/reference-agent`;
const require = createRequire(import.meta.url);

describe('fixtures/reference-agent', () => {
  it('gets zero messages under the all config', async () => {
    const messages = await lintFiles([agentDir], 'all');
    expect(
      messages.map(
        (message) => `${message.file.slice(agentDir.length)}:${message.line} ${message.ruleId}: ${message.message}`,
      ),
    ).toEqual([]);
    // It is a real project: several agents, tools, handoffs, and tests.
    const files = readdirSync(agentDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it('type-checks against the real @livekit/agents', () => {
    const tsc = require.resolve('typescript/bin/tsc');
    expect(() =>
      execFileSync(process.execPath, [tsc, '-p', `${agentDir}/tsconfig.json`], { stdio: 'pipe' }),
    ).not.toThrow();
    const manifest = readFileSync(`${root}node_modules/@livekit/agents/package.json`, 'utf8');
    const version = (JSON.parse(manifest) as { version: string }).version;
    expect(version).toBe('1.9.0');
  }, 120_000);
});
