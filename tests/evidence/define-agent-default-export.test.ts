/**
 * Evidence for define-agent-default-export: the job process imports the agent file and takes its default export;
 * with the `defineAgent(...)` result exported only by name it dies with `Unable to load agent: Missing or invalid
 * default export`, so no job can run; with `export default` it loads and gets ready for calls. The files are the docs
 * page's examples (as JavaScript modules importing the SDK under test, `cli.runApp` included: it does nothing in the
 * job process), loaded by the SDK's own job process. Backed by ipc/job_proc_lazy_main.ts (the default-export check).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInJobProcess, sdkUrl, tempModules } from './sdk.js';

const incorrect = `import { ServerOptions, cli, defineAgent } from '${sdkUrl()}';
import { fileURLToPath } from 'node:url';

export const agent = defineAgent({
  entry: async (ctx) => { /* ... */ },
});

cli.runApp(new ServerOptions({ agent: fileURLToPath(import.meta.url) }));
`;

const correct = `import { ServerOptions, cli, defineAgent } from '${sdkUrl()}';
import { fileURLToPath } from 'node:url';

export default defineAgent({
  entry: async (ctx) => { /* ... */ },
});

cli.runApp(new ServerOptions({ agent: fileURLToPath(import.meta.url) }));
`;

describe('define-agent-default-export', () => {
  it('❌ a named export only: the job process cannot load the agent, and dies', async () => {
    const dir = tempModules({ 'agent.mjs': incorrect });
    const { loaded, stderr, code } = await loadInJobProcess(join(dir, 'agent.mjs'));
    expect(loaded).toBe(false);
    expect(code).not.toBe(0);
    expect(stderr).toContain('Unable to load agent: Missing or invalid default export');
  });

  it('✅ the default export: the job process loads the agent and is ready for a call', async () => {
    const dir = tempModules({ 'agent.mjs': correct });
    const { loaded, stderr } = await loadInJobProcess(join(dir, 'agent.mjs'));
    expect(stderr).not.toContain('Unable to load agent');
    expect(loaded).toBe(true);
  });
});
