#!/usr/bin/env node
// Writes a synthetic LiveKit agent project of N files (default 200) for timing `livekit-agents-audit`:
// an entry, agent classes in their own files behind a barrel, shared tool files, handoffs between agents (and
// back to the hub), and vitest files that start agents and assert handoffs.
//   node bench/audit/generate-project.js [outDir] [fileCount]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pad = (n) => String(n).padStart(3, '0');

export function generateProject(dir, fileCount = 200) {
  const fixed = 4; // tsconfig.json is not counted; agent.ts, index.ts, user-data.ts, tools index
  const agents = Math.max(2, Math.round((fileCount - fixed) * 0.4));
  const toolFiles = Math.max(1, Math.round((fileCount - fixed) * 0.3));
  const tests = Math.max(1, fileCount - fixed - agents - toolFiles);
  rmSync(dir, { recursive: true, force: true });
  const write = (path, text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    'tsconfig.json',
    JSON.stringify(
      {
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true },
        include: ['src', 'tests'],
      },
      null,
      2,
    ),
  );
  write('src/user-data.ts', 'export interface DeskData {\n  caller: string | null;\n  notes: string[];\n}\n');
  write(
    'src/agent.ts',
    `import { type JobContext, type JobProcess, defineAgent, metrics, voice } from '@livekit/agents';
import * as silero from '@livekit/agents-plugin-silero';
import { Agent000 } from './agents/index.js';
import type { DeskData } from './user-data.js';

export default defineAgent({
  prewarm: async (proc: JobProcess) => {
    proc.userData.vad = await silero.VAD.load();
  },
  entry: async (ctx: JobContext) => {
    await ctx.connect();
    const session = new voice.AgentSession<DeskData>({ llm: 'openai/gpt-4.1-mini', userData: { caller: null, notes: [] } });
    session.on(voice.AgentSessionEventTypes.MetricsCollected, (event) => metrics.logMetrics(event.metrics));
    await session.start({ agent: new Agent000(), room: ctx.room });
  },
});
`,
  );
  let toolsIndex = '';
  for (let t = 0; t < toolFiles; t++) {
    toolsIndex += `export * from './tools-${pad(t)}.js';\n`;
    write(
      `src/tools/tools-${pad(t)}.ts`,
      `import { llm } from '@livekit/agents';
import { z } from 'zod';

export const lookupRecord${pad(t)} = llm.tool({
  name: 'lookupRecord${pad(t)}',
  description: 'Look up record set ${t} of the caller by the reference number they read out, and return its status.',
  parameters: z.object({ reference: z.string().regex(/^R-\\d+$/).describe('The reference number, for example R-123') }),
  execute: async ({ reference }) => {
    if (!reference) throw new llm.ToolError('Ask the caller to read the reference number again, digit by digit.');
    return { reference, status: 'open' };
  },
});
`,
    );
  }
  write('src/tools/index.ts', toolsIndex);
  let barrel = '';
  for (let a = 0; a < agents; a++) {
    barrel += `export * from './agent-${pad(a)}.js';\n`;
    const next = (a + 1) % agents;
    const back = a === 0 ? null : 0;
    const handoffs = [[`Agent${pad(next)}`, `transferToDesk${pad(next)}`]];
    if (back !== null && back !== next) handoffs.push([`Agent${pad(back)}`, 'returnToFrontDesk']);
    const imports = [...new Set(handoffs.map(([name]) => name))].filter((name) => name !== `Agent${pad(a)}`);
    write(
      `src/agents/agent-${pad(a)}.ts`,
      `import { llm, voice } from '@livekit/agents';
import { lookupRecord${pad(a % toolFiles)} } from '../tools/index.js';
import type { DeskData } from '../user-data.js';
${imports.length > 0 ? `import { ${imports.join(', ')} } from './index.js';\n` : ''}
export class Agent${pad(a)} extends voice.Agent<DeskData> {
  constructor({ chatCtx }: { chatCtx?: llm.ChatContext } = {}) {
    super({
      instructions:
        'You are desk ${a} of the support line, named Desk${pad(a)}. Help callers with topic ${a} and look up their records. ' +
        'Transfer to desk ${next} for topic ${next}${back === null ? '' : ', and return to the front desk for anything else'}. Keep answers short and spoken.',
      chatCtx,
      tools: [
        lookupRecord${pad(a % toolFiles)},
${handoffs
  .map(
    ([target, tool]) => `        llm.tool({
          name: '${tool}',
          description: 'Transfer the caller to ${target} when the request belongs there; the conversation goes along.',
          execute: async (_args, { ctx }: llm.ToolOptions<DeskData>) =>
            llm.handoff({ agent: new ${target}({ chatCtx: ctx.session.history }), returns: 'Transferring you now, one moment please.' }),
        }),`,
  )
  .join('\n')}
      ],
    });
  }
}
`,
    );
  }
  write('src/agents/index.ts', barrel);
  for (let t = 0; t < tests; t++) {
    const a = t % agents;
    const next = (a + 1) % agents;
    write(
      `tests/agent-${pad(t)}.test.ts`,
      `import { voice } from '@livekit/agents';
import { expect, it } from 'vitest';
import { Agent${pad(a)}, Agent${pad(next)} } from '../src/agents/index.js';

it('desk ${a} hands off to desk ${next} and keeps the notes', async () => {
  const session = new voice.AgentSession({
    llm: new voice.testing.FakeLLM([{ input: 'next please', toolCalls: [{ name: 'transferToDesk${pad(next)}', args: {} }] }]),
    userData: { caller: null, notes: [] },
  });
  await session.start({ agent: new Agent${pad(a)}() });
  const result = await session.run({ userInput: 'next please' }).wait();
  result.expect.containsFunctionCall({ name: 'transferToDesk${pad(next)}' });
  result.expect.containsAgentHandoff({ newAgentType: Agent${pad(next)} });
  expect(session.userData.notes).toEqual([]);
  await session.close();
});
`,
    );
  }
  return { agents, toolFiles, tests, files: fixed + agents + toolFiles + tests };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(tmpdir(), 'livekit-audit-bench-200');
  const count = Number(process.argv[3] ?? 200);
  const summary = generateProject(dir, count);
  console.log(
    `${dir}: ${summary.files} files (${summary.agents} agents, ${summary.toolFiles} tool files, ${summary.tests} tests)`,
  );
}
