import { describe, expect, it } from 'vitest';
import { withModel } from '../helpers/model.js';

/** `receiver.name` of every SDK member access the model found, in order. */
function sdkMembers(code: string): string[] {
  return withModel(code, (model) =>
    (model?.sdkMembers ?? []).map(({ receiver, name, call }) => `${receiver}.${name}${call ? '()' : ''}`),
  );
}

describe('model.sdkMembers', () => {
  it('follows the entry context, ctx.proc and prewarm', () => {
    const code = `
      import { defineAgent } from '@livekit/agents';
      export default defineAgent({
        prewarm: (proc) => { proc.userData.vad = 1; },
        entry: async (job) => { await job.connect(); const vad = job.proc.userData.vad; },
      });`;
    expect(sdkMembers(code)).toEqual([
      'JobProcess.userData',
      'JobContext.connect()',
      // Traversal order: the outer member `job.proc.userData` before the `job.proc` it starts with.
      'JobProcess.userData',
      'JobContext.proc',
    ]);
  });

  it('follows sessions, the RunContext of execute and this in Agent classes', () => {
    const code = `
      import { llm, voice } from '@livekit/agents';
      class Greeter extends voice.Agent {
        async onEnter() { this.session.say('hi'); }
        helper() { return function () { return this.session; }; }
      }
      const lookup = llm.tool({ description: 'd', execute: async (args, { ctx: run }) => run.session.userData });
      const session = new voice.AgentSession({});
      session.start({ agent: new Greeter() });`;
    expect(sdkMembers(code)).toEqual([
      'AgentSession.say()',
      'Agent.session',
      'AgentSession.userData',
      'RunContext.session',
      'AgentSession.start()',
    ]);
  });

  it('does not follow a shadowing local of the same name', () => {
    const code = `
      import { defineAgent } from '@livekit/agents';
      export default defineAgent({
        entry: async (ctx) => { const inner = (ctx) => ctx.connect(); await inner({ connect() {} }); },
      });`;
    expect(sdkMembers(code)).toEqual([]);
  });
});
