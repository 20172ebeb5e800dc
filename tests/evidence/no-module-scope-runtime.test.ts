/**
 * Evidence for no-module-scope-runtime: the job process imports the agent file before it sets up LiveKit's logger
 * (ipc/job_proc_lazy_main.ts imports the file, then calls `initializeLogger` on its first IPC message), so `log()` or
 * an `inference.STT` created at module scope throws `logger not initialized` and the job process dies before any
 * call; the same objects created in entry are fine. The files are the docs page's examples (as JavaScript modules
 * importing the SDK under test), loaded by the SDK's own job process. Backed by log_core.ts (`log()` throws when no
 * logger is set).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInJobProcess, sdkUrl, tempModules } from './sdk.js';

const NOT_INITIALIZED = 'logger not initialized. did you forget to run initializeLogger()?';
// inference.STT needs credentials to be built at all; fake ones are enough offline.
const env = { LIVEKIT_API_KEY: 'evidence-key', LIVEKIT_API_SECRET: 'evidence-secret' };

const incorrect = `import { defineAgent, inference, log, voice } from '${sdkUrl()}';

const logger = log();
const stt = new inference.STT({ model: 'deepgram/nova-3' });

export default defineAgent({
  entry: async (ctx) => {
    logger.info('job started');
    const session = new voice.AgentSession({ stt });
  },
});
`;

const sttOnly = `import { defineAgent, inference, voice } from '${sdkUrl()}';

const stt = new inference.STT({ model: 'deepgram/nova-3' });

export default defineAgent({
  entry: async (ctx) => {
    const session = new voice.AgentSession({ stt });
  },
});
`;

const correct = `import { defineAgent, inference, log, voice } from '${sdkUrl()}';

export default defineAgent({
  entry: async (ctx) => {
    const logger = log();
    logger.info('job started');
    const session = new voice.AgentSession({ stt: new inference.STT({ model: 'deepgram/nova-3' }) });
  },
});
`;

describe('no-module-scope-runtime', () => {
  it('❌ log() and new inference.STT() at module scope kill the job process while it loads the file', async () => {
    const dir = tempModules({ 'agent.mjs': incorrect, 'stt-only.mjs': sttOnly });
    const runs = await Promise.all(['agent.mjs', 'stt-only.mjs'].map((file) => loadInJobProcess(join(dir, file), env)));
    for (const { loaded, stderr } of runs) {
      expect(loaded).toBe(false);
      expect(stderr).toContain(NOT_INITIALIZED);
    }
  });

  it('✅ created inside entry, the file loads and the process gets ready for calls', async () => {
    const dir = tempModules({ 'agent.mjs': correct });
    const { loaded, stderr } = await loadInJobProcess(join(dir, 'agent.mjs'), env);
    expect(stderr).not.toContain(NOT_INITIALIZED);
    expect(loaded).toBe(true);
  });

  it('✅ the entry itself runs once the logger is set up (as it is in a job)', async () => {
    const dir = tempModules({ 'agent.mjs': correct });
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const agent = ((await import(join(dir, 'agent.mjs'))) as { default: { entry: (ctx: unknown) => Promise<void> } })
        .default;
      await expect(agent.entry({})).resolves.toBeUndefined();
    } finally {
      process.env = saved;
    }
  });
});
