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

  it('this is the agent in instance methods, fields and their arrow functions, not where it is rebound', () => {
    const code = `
      import { voice } from '@livekit/agents';
      class Desk extends voice.Agent {
        greet = () => this.session.say('a');
        async onEnter(greeting = this.instructions) {
          setTimeout(() => this.session.say('b'));
          const inner = class extends Base { run() { return this.session; } };
        }
        static make() { return this.session; }
        handler = function () { return this.session; };
        get label() { return this.id; }
      }`;
    expect(sdkMembers(code)).toEqual([
      'AgentSession.say()',
      'Agent.session',
      'Agent.instructions',
      'AgentSession.say()',
      'Agent.session',
      'Agent.id',
    ]);
  });

  it('follows the AgentContext a voice.Agent.create hook receives, inline or a same-file function', () => {
    const code = `
      import { voice } from '@livekit/agents';
      async function onExit(agentCtx) { agentCtx.agent.updateInstructions('bye'); }
      export const greeter = voice.Agent.create({
        instructions: 'x',
        onEnter: async (hookCtx) => { hookCtx.session.updateAgent(other); },
        onExit,
        tools: { lookup: (notAHook) => notAHook.session },
      });`;
    expect(sdkMembers(code)).toEqual([
      'Agent.updateInstructions()',
      'AgentContext.agent',
      'AgentSession.updateAgent()',
      'AgentContext.session',
    ]);
  });

  it('follows an SDK object handed to a same-file function, once per parameter', () => {
    const code = `
      import { llm } from '@livekit/agents';
      async function transfer(runCtx, note) { runCtx.session.say(note); again(runCtx); }
      function again(ctx) { return transfer(ctx, 'x'); }
      function other(session) { session.interrupt(); }
      const handOff = llm.tool({ description: 'd', execute: async (args, { ctx }) => { await transfer(ctx, 'bye'); other(ctx.session); } });`;
    expect(sdkMembers(code)).toEqual([
      'AgentSession.say()',
      'RunContext.session',
      'AgentSession.interrupt()',
      'RunContext.session',
    ]);
  });

  it('knows parameters annotated with an SDK class, through any import of the core package', () => {
    const code = `
      import type { JobContext, voice as v } from '@livekit/agents';
      import * as agents from '@livekit/agents';
      import { RunContext } from 'elsewhere';
      export function escalate(session: v.AgentSession, other: agents.voice.Agent, job: JobContext = undefined) {
        session.updateAgent(other); other.updateInstructions('x'); job.connect();
      }
      export function notOurs(run: RunContext, plain: v.AgentSessionOptions) { run.session; plain.session; }`;
    expect(sdkMembers(code)).toEqual([
      'AgentSession.updateAgent()',
      'Agent.updateInstructions()',
      'JobContext.connect()',
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
