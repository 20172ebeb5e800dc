/**
 * Evidence for no-deprecated-api, on the docs page's examples:
 * - `new voice.Agent({ allowInterruptions: false, turnHandling })`: once `turnHandling` is set, the deprecated option
 *   is dropped, and the agent's speech can be interrupted after all; in `turnHandling.interruption` it holds
 *   (voice/turn_config/utils.ts, `migrateTurnHandling` returns `turnHandling` as it is);
 * - `WorkerOptions`/`Worker` are the very objects `ServerOptions`/`AgentServer` (nothing breaks today: the rule is
 *   about the release that removes the alias, which cannot be shown before it exists);
 * - `metrics.UsageCollector` sums every model together; `metrics.ModelUsageCollector`
 *   reports each model.
 * The session options of the page (`turnDetection`, `preemptiveGeneration` at the top level) are still migrated by
 * 1.9.0 (voice/turn_config/utils.ts, `migrateLegacyOptions`): no failure to show there yet.
 */
import { AgentServer, ServerOptions, Worker, WorkerOptions, metrics, voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { startSession } from './sdk.js';

const instructions = 'You book appointments.';
/**
 * 1.9.0 types `voice.Agent`'s `turnHandling` as the full TurnHandlingOptions (all four keys required), though the
 * runtime takes any part of it (voice/agent.ts:176 vs voice/agent_session.ts:358): the page's partial objects need
 * this cast to compile.
 */
type AgentTurnHandling = NonNullable<ConstructorParameters<typeof voice.Agent>[0]['turnHandling']>;

/** Whether the agent's next reply may be interrupted by the caller, as the running session decides it. */
async function replyIsInterruptible(agent: voice.Agent): Promise<boolean> {
  const session = await startSession(agent);
  return session.generateReply({ instructions: 'Greet the caller.' }).allowInterruptions;
}

function llmMetrics(model: string, promptTokens: number) {
  return {
    type: 'llm_metrics',
    label: model,
    requestId: model,
    timestamp: 0,
    durationMs: 1,
    ttftMs: 1,
    cancelled: false,
    completionTokens: 1,
    promptTokens,
    promptCachedTokens: 0,
    totalTokens: promptTokens + 1,
    tokensPerSecond: 1,
    metadata: { modelProvider: 'openai', modelName: model },
  } as unknown as metrics.AgentMetrics;
}

describe('no-deprecated-api', () => {
  it('❌ allowInterruptions: false next to turnHandling is ignored: the caller can interrupt', async () => {
    // ❌ from docs/rules/no-deprecated-api.md
    const agent = new voice.Agent({
      instructions,
      allowInterruptions: false,
      turnHandling: { endpointing: { minDelay: 300 } } as AgentTurnHandling,
    });
    expect(await replyIsInterruptible(agent)).toBe(true);
    // Without turnHandling the same deprecated option still works: it is the mix that drops it.
    expect(await replyIsInterruptible(new voice.Agent({ instructions, allowInterruptions: false }))).toBe(false);
  });

  it('✅ interruption.enabled: false in turnHandling holds: the reply cannot be interrupted', async () => {
    // ✅ from docs/rules/no-deprecated-api.md
    const agent = new voice.Agent({
      instructions,
      turnHandling: { endpointing: { minDelay: 300 }, interruption: { enabled: false } } as AgentTurnHandling,
    });
    expect(await replyIsInterruptible(agent)).toBe(false);
  });

  it('WorkerOptions and Worker are the same objects as ServerOptions and AgentServer', () => {
    expect(WorkerOptions).toBe(ServerOptions);
    expect(Worker).toBe(AgentServer);
  });

  it('❌ metrics.UsageCollector sums every model into one total; ✅ ModelUsageCollector keeps each model', () => {
    const old = new metrics.UsageCollector();
    const perModel = new metrics.ModelUsageCollector();
    for (const sample of [llmMetrics('gpt-4.1-mini', 100), llmMetrics('gpt-4.1', 1000)]) {
      old.collect(sample);
      perModel.collect(sample);
    }
    expect(old.getSummary()).toMatchObject({ llmPromptTokens: 1100 });
    expect(Object.keys(old.getSummary())).not.toContain('model');
    expect(perModel.flatten().map((usage) => [usage.model, 'inputTokens' in usage ? usage.inputTokens : 0])).toEqual([
      ['gpt-4.1-mini', 100],
      ['gpt-4.1', 1000],
    ]);
  });
});
