/**
 * Evidence for no-blocking-calls: a `readFileSync` in a tool holds the event loop for as long as the read takes, so
 * another conversation in the process gets no answer meanwhile; `await readFile(...)` reads as long without holding
 * anyone. The tools are the docs page's, called by an offline session's LLM. A slow disk is played by a named pipe
 * (`faq.json` is a FIFO that a separate process fills 600 ms after the question), so the read takes the same time in both runs on
 * any machine. Linux and macOS only (mkfifo).
 */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { llm, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { longestTimerGap, startSession, tempModules } from './sdk.js';

const DISK_LATENCY = 600;
/** The other caller's LLM takes this long to answer, so its turn is still open when the FAQ tool starts reading. */
const OTHER_ANSWER_TIME = 100;
const parameters = z.object({ question: z.string() });

/** Makes `faq.json` a named pipe in a temp folder; `fill()` has another process write it DISK_LATENCY ms later. */
function slowFaq(): { dir: string; fill: () => void } {
  const dir = tempModules({});
  const file = join(dir, 'faq.json');
  execFileSync('mkfifo', [file]);
  const body = JSON.stringify({ 'Do you ship abroad?': 'Yes, to 30 countries.' });
  const fill = () => {
    spawn('sh', ['-c', `sleep ${DISK_LATENCY / 1000}; printf '%s' '${body}' > '${file}'`], { stdio: 'ignore' });
  };
  return { dir, fill };
}

/** One caller asks the FAQ tool while another caller asks a simple question; returns the other call's wait. */
async function faqCallWithAnotherCall(
  lookupFaq: llm.FunctionTool<{ question: string }, never, unknown>,
  fill: () => void,
) {
  const question = 'Do you ship abroad?';
  const faqCaller = await startSession(new voice.Agent({ instructions: 'Answer from the FAQ.', tools: [lookupFaq] }), [
    { input: question, toolCalls: [{ name: 'lookupFaq', args: { question } }] },
  ]);
  const other = await startSession(new voice.Agent({ instructions: 'You answer opening hours.' }), [
    { input: 'When do you open?', content: 'At nine.', ttft: OTHER_ANSWER_TIME },
  ]);
  let output = '';
  let answeredAfter = 0;
  const stall = await longestTimerGap(async () => {
    fill();
    const asked = performance.now();
    const faq = faqCaller.run({ userInput: question }).wait();
    const answer = other
      .run({ userInput: 'When do you open?' })
      .wait()
      .then(() => (answeredAfter = performance.now() - asked));
    const [result] = await Promise.all([faq, answer]);
    output = result.expect.containsFunctionCallOutput().event().item.output;
  });
  return { output: JSON.parse(output) as string, answeredAfter, stall };
}

describe.skipIf(process.platform === 'win32')('no-blocking-calls', () => {
  it('❌ readFileSync in a tool stalls the process: the other call waits for the disk', async () => {
    const { dir, fill } = slowFaq();
    // ❌ from docs/rules/no-blocking-calls.md ('faq.json' read from the temp folder)
    const lookupFaq = llm.tool({
      name: 'lookupFaq',
      description: 'Answer a question from the store FAQ.',
      parameters,
      execute: async ({ question }: { question: string }) => {
        const faq = JSON.parse(readFileSync(join(dir, 'faq.json'), 'utf8'));
        return faq[question] ?? 'No answer on file.';
      },
    });
    const { output, answeredAfter, stall } = await faqCallWithAnotherCall(lookupFaq, fill);
    expect(output).toBe('Yes, to 30 countries.');
    expect(stall).toBeGreaterThanOrEqual(DISK_LATENCY - 200);
    expect(answeredAfter).toBeGreaterThanOrEqual(DISK_LATENCY - 100);
  });

  it('✅ await readFile reads the same slow file while the other call is answered', async () => {
    const { dir, fill } = slowFaq();
    // ✅ from docs/rules/no-blocking-calls.md
    const lookupFaq = llm.tool({
      name: 'lookupFaq',
      description: 'Answer a question from the store FAQ.',
      parameters,
      execute: async ({ question }: { question: string }) => {
        const faq = JSON.parse(await readFile(join(dir, 'faq.json'), 'utf8'));
        return faq[question] ?? 'No answer on file.';
      },
    });
    const { output, answeredAfter, stall } = await faqCallWithAnotherCall(lookupFaq, fill);
    expect(output).toBe('Yes, to 30 countries.');
    expect(stall).toBeLessThan(DISK_LATENCY / 2);
    expect(answeredAfter).toBeLessThan(DISK_LATENCY - 200);
  });
});
