/**
 * Evidence for no-sensitive-logging: LiveKit's `log()` is a pino logger with no `redact`, so a card number, its
 * security code and a secret logged by a tool are written out whole; the ✅ tool writes only the last four digits
 * and whether the key is set. The tools are the docs page's, called by an offline session's LLM, with the logger at
 * `debug` (the page's ❌ logs at debug and info) and its output (stdout) and the console captured. Backed by log.ts
 * (`pino({ level, serializers, ... })`: no `redact` option).
 */
import { initializeLogger, llm, log, voice } from '@livekit/agents';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { callTool } from './sdk.js';

const CARD = '4242424242424242';
const CVV = '737';
const SECRET = 'sk_test_evidence_51Hx';

let written: string[];
/** What was written while the tool's execute ran: the tool's own lines, not the SDK's lines about the call. */
let byTool: string[];
let inTool = false;

beforeEach(() => {
  written = [];
  byTool = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    if (inTool) byTool.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => capture(args.join(' ')));
  vi.stubEnv('STRIPE_SECRET_KEY', SECRET);
  initializeLogger({ pretty: false, level: 'debug' });
});

afterEach(() => {
  initializeLogger({ pretty: false, level: 'fatal' });
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function charge(chargeCard: unknown) {
  // Mark the time the tool's own code runs, so that the SDK's lines about the call (see the last test) are left out.
  const tool = chargeCard as { execute: (...args: unknown[]) => Promise<unknown> };
  const execute = tool.execute;
  tool.execute = async (...args) => {
    inTool = true;
    try {
      return await execute(...args);
    } finally {
      inTool = false;
    }
  };
  const agent = new voice.Agent({ instructions: 'Take payments.', tools: [chargeCard as never] });
  const output = await callTool(agent, 'chargeCard', { cardNumber: CARD, cvv: CVV, amount: 42 });
  return { output: JSON.parse(output) as string, logs: byTool.join('') };
}

describe('no-sensitive-logging', () => {
  it('❌ the card number, its security code and the secret key are written out whole', async () => {
    // ❌ from docs/rules/no-sensitive-logging.md
    const chargeCard = llm.tool({
      name: 'chargeCard',
      description: 'Charge the card the caller reads out, after confirming the amount.',
      parameters: z.object({ cardNumber: z.string(), cvv: z.string(), amount: z.number() }),
      execute: async ({ cardNumber, cvv, amount }: { cardNumber: string; cvv: string; amount: number }) => {
        log().info(`charging ${cardNumber} for ${amount}`);
        log().debug({ cardNumber, cvv }, 'card details');
        console.log('key', process.env.STRIPE_SECRET_KEY);
        console.log('test charge with 4111 1111 1111 1111');
        return 'Charged.';
      },
    });
    const { output, logs } = await charge(chargeCard);
    expect(output).toBe('Charged.');
    expect(logs).toContain(`charging ${CARD} for 42`);
    expect(logs).toContain(`"cardNumber":"${CARD}","cvv":"${CVV}"`);
    expect(logs).toContain(SECRET);
    expect(logs).toContain('4111 1111 1111 1111');
  });

  it('✅ only the last four digits and whether the key is set are written', async () => {
    // ✅ from docs/rules/no-sensitive-logging.md
    const chargeCard = llm.tool({
      name: 'chargeCard',
      description: 'Charge the card the caller reads out, after confirming the amount.',
      parameters: z.object({ cardNumber: z.string(), amount: z.number() }),
      execute: async ({ cardNumber, amount }: { cardNumber: string; amount: number }) => {
        log().info({ cardLast4: cardNumber.slice(-4), amount }, 'charging card');
        console.log('stripe key set:', Boolean(process.env.STRIPE_SECRET_KEY));
        return 'Charged.';
      },
    });
    const { output, logs } = await charge(chargeCard);
    expect(output).toBe('Charged.');
    expect(logs).toContain('"cardLast4":"4242"');
    expect(logs).toContain('stripe key set: true');
    expect(logs).not.toContain(CARD);
    expect(logs).not.toContain(SECRET);
  });

  it("note: the SDK itself writes every tool call's arguments at info level, card number included", async () => {
    // voice/generation.ts:1408 logs `'lk.pii.arguments': parsedArgs` at info ("Executing LLM tool call"), and
    // voice/agent_activity.ts:4806 again at debug ("Tool call execution finished"). The `lk.pii.` prefix is honoured
    // by LiveKit Cloud's log exporter, not by the stdout stream. So even the ✅ tool's card number reaches the logs.
    initializeLogger({ pretty: false, level: 'info' });
    const quiet = llm.tool({
      name: 'chargeCard',
      description: 'Charge the card the caller reads out, after confirming the amount.',
      parameters: z.object({ cardNumber: z.string(), amount: z.number() }),
      execute: async () => 'Charged.',
    });
    await charge(quiet);
    const sdkLine = written.find((line) => line.includes('"msg":"Executing LLM tool call"'));
    expect(sdkLine).toContain(`"cardNumber":"${CARD}"`);
  });
});
