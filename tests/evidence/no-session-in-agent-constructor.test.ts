/**
 * Evidence for no-session-in-agent-constructor: `this.session` throws `Agent activity not found` while an Agent is
 * being constructed (in a field initialiser or the constructor), so the agent cannot even be built; in `onEnter()`
 * the session is there. The classes are the docs page's examples with `PROMPT` defined (and the event named by
 * `voice.AgentSessionEventTypes.Close`, as the page's `'close'` string does not type-check). Backed by voice/agent.ts
 * (`get session()` → `getActivityOrThrow()`).
 */
import { voice } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { startSession, systemTextsSent } from './sdk.js';

const PROMPT = 'You are a friendly assistant.';

describe('no-session-in-agent-constructor', () => {
  it('❌ reading this.session during construction throws, so the agent is never built', () => {
    // ❌ from docs/rules/no-session-in-agent-constructor.md (with a type for the field)
    class Assistant extends voice.Agent<{ name: string }> {
      userData: { name: string } = this.session.userData;

      constructor() {
        super({ instructions: PROMPT });
        this.session.on(voice.AgentSessionEventTypes.Close, () => console.log('bye'));
      }
    }
    expect(() => new Assistant()).toThrow('Agent activity not found');

    // The constructor's own read throws too, without the field.
    class ConstructorOnly extends voice.Agent {
      constructor() {
        super({ instructions: PROMPT });
        this.session.on(voice.AgentSessionEventTypes.Close, () => console.log('bye'));
      }
    }
    expect(() => new ConstructorOnly()).toThrow('Agent activity not found');
  });

  it('✅ onEnter reads the session once the agent is active and greets the caller by name', async () => {
    // ✅ from docs/rules/no-session-in-agent-constructor.md
    class Assistant extends voice.Agent<{ name: string }> {
      constructor() {
        super({ instructions: PROMPT });
      }

      override async onEnter() {
        const userData = this.session.userData;
        this.session.generateReply({ instructions: `Greet ${userData.name}.` });
      }
    }
    const session = await startSession(new Assistant(), [], { userData: { name: 'Ada' } });
    // The reply was requested from the LLM with the instruction built from the session's userData.
    await expect.poll(() => systemTextsSent(session).join('\n'), { timeout: 5000 }).toContain('Greet Ada.');
  });
});
