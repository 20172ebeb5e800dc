import rule from '../../src/rules/no-python-style-api.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-python-style-api', rule, {
  valid: [
    {
      name: 'official style: camelCase names, milliseconds, positional connect',
      code: code`
        import { AutoSubscribe, defineAgent, llm, voice } from '@livekit/agents';
        import * as silero from '@livekit/agents-plugin-silero';
        class Greeter extends voice.Agent {
          async onEnter() {
            this.session.generateReply({ instructions: 'Greet the caller.' });
          }
        }
        const lookup = llm.tool({
          description: 'Look up an order by number.',
          execute: async (_args, { ctx }) => ctx.userData.orderId,
        });
        export default defineAgent({
          prewarm: async (proc) => {
            proc.userData.vad = await silero.VAD.load({ minSilenceDuration: 550, prefixPaddingDuration: 0 });
          },
          entry: async (ctx) => {
            await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY);
            const session = new voice.AgentSession({ userData: {}, vad: ctx.proc.userData.vad as silero.VAD });
            await session.start({ agent: new Greeter({ instructions: 'x', tools: [lookup] }), room: ctx.room });
            session.userData = { name: 'caller' };
          },
        });
      `,
    },
    {
      name: 'snake_case on objects that are not LiveKit objects',
      code: code`
        import { voice } from '@livekit/agents';
        const row = { user_id: 1, chat_ctx: null };
        export function read(session: { userdata: unknown }, db: { generate_reply(): void }) {
          db.generate_reply();
          return [row.chat_ctx, session.userdata];
        }
      `,
    },
    {
      name: 'snake_case inside a nested option value is not an option name (user data, provider options)',
      code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ userData: { caller_id: '1', account_number: null } });
      `,
    },
    {
      name: 'shadowing local named session in a tool',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const session = new voice.AgentSession({});
        function helper(session: { chat_ctx: number }) {
          return session.chat_ctx;
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { AgentSession } from 'some-python-port';
        const session = new AgentSession({ user_data: 1 });
        session.generate_reply();
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { voice } from '@livekit/agents';
        declare const Session: typeof voice.AgentSession;
        const session = new Session({ turn_detection: 'vad' });
      `,
    },
    {
      name: 'durations that are plainly milliseconds, zero, or not literals',
      code: code`
        import { inference } from '@livekit/agents';
        import * as silero from '@livekit/agents-plugin-silero';
        const seconds = 0.5;
        new inference.VAD({ minSilenceDuration: 300, minSpeechDuration: 50, maxBufferedSpeech: 60000, activationThreshold: 0.5 });
        silero.VAD.load({ prefixPaddingDuration: 0, minSilenceDuration: seconds * 1000 });
      `,
    },
    {
      name: 'ctx.connect with a real E2EE options object, or no arguments',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await ctx.connect({ keyProviderOptions: { sharedKey: new Uint8Array(8) } });
            await ctx.connect();
          },
        });
      `,
    },
    {
      name: 'a snake_case method that is not a hook name',
      code: code`
        import { voice } from '@livekit/agents';
        class Greeter extends voice.Agent {
          format_greeting() {
            return 'hello';
          }
        }
      `,
    },
    {
      name: 'this in a static method of an Agent class is the class, not an agent',
      code: code`
        import { voice } from '@livekit/agents';
        class Greeter extends voice.Agent {
          static describe() {
            return this.chat_ctx;
          }
        }
      `,
    },
    {
      name: 'known miss: a session that comes from a helper is not recognised',
      code: code`
        import { voice } from '@livekit/agents';
        declare function startSession(): voice.AgentSession;
        startSession().generate_reply();
      `,
    },
  ],
  invalid: [
    {
      name: 'seconds in every session duration option: voiceOptions, turnHandling groups, top level',
      code: code`
        import { voice } from '@livekit/agents';
        const session = new voice.AgentSession({
          voiceOptions: { minInterruptionDuration: 0.5, maxEndpointingDelay: 6000 },
          turnHandling: { endpointing: { minDelay: 0.3 }, interruption: { falseInterruptionTimeout: 2 } },
          aecWarmupDuration: 3,
          userAwayTimeout: 15,
        });
      `,
      errors: [
        {
          messageId: 'secondsDuration',
          data: { name: 'voiceOptions.minInterruptionDuration', value: '0.5', milliseconds: '500' },
          line: 3,
          column: 44,
          suggestions: [
            {
              messageId: 'toMilliseconds',
              data: { milliseconds: '500' },
              output: code`
                import { voice } from '@livekit/agents';
                const session = new voice.AgentSession({
                  voiceOptions: { minInterruptionDuration: 500, maxEndpointingDelay: 6000 },
                  turnHandling: { endpointing: { minDelay: 0.3 }, interruption: { falseInterruptionTimeout: 2 } },
                  aecWarmupDuration: 3,
                  userAwayTimeout: 15,
                });
              `,
            },
          ],
        },
        {
          messageId: 'secondsDuration',
          data: { name: 'turnHandling.endpointing.minDelay', value: '0.3', milliseconds: '300' },
          line: 4,
          suggestions: [
            {
              messageId: 'toMilliseconds',
              data: { milliseconds: '300' },
              output: code`
                import { voice } from '@livekit/agents';
                const session = new voice.AgentSession({
                  voiceOptions: { minInterruptionDuration: 0.5, maxEndpointingDelay: 6000 },
                  turnHandling: { endpointing: { minDelay: 300 }, interruption: { falseInterruptionTimeout: 2 } },
                  aecWarmupDuration: 3,
                  userAwayTimeout: 15,
                });
              `,
            },
          ],
        },
        {
          messageId: 'secondsDuration',
          data: { name: 'turnHandling.interruption.falseInterruptionTimeout', value: '2', milliseconds: '2000' },
          line: 4,
          suggestions: [
            {
              messageId: 'toMilliseconds',
              data: { milliseconds: '2000' },
              output: code`
                import { voice } from '@livekit/agents';
                const session = new voice.AgentSession({
                  voiceOptions: { minInterruptionDuration: 0.5, maxEndpointingDelay: 6000 },
                  turnHandling: { endpointing: { minDelay: 0.3 }, interruption: { falseInterruptionTimeout: 2000 } },
                  aecWarmupDuration: 3,
                  userAwayTimeout: 15,
                });
              `,
            },
          ],
        },
        {
          messageId: 'secondsDuration',
          data: { name: 'aecWarmupDuration', value: '3', milliseconds: '3000' },
          line: 5,
          suggestions: [
            {
              messageId: 'toMilliseconds',
              data: { milliseconds: '3000' },
              output: code`
                import { voice } from '@livekit/agents';
                const session = new voice.AgentSession({
                  voiceOptions: { minInterruptionDuration: 0.5, maxEndpointingDelay: 6000 },
                  turnHandling: { endpointing: { minDelay: 0.3 }, interruption: { falseInterruptionTimeout: 2 } },
                  aecWarmupDuration: 3000,
                  userAwayTimeout: 15,
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'userdata option and session.userdata read',
      code: code`
        import { voice } from '@livekit/agents';
        const session = new voice.AgentSession({ userdata: { name: '' } });
        console.log(session.userdata);
      `,
      errors: [
        {
          messageId: 'pythonOption',
          data: { name: 'userdata', target: 'AgentSession', jsName: 'userData' },
          line: 2,
          column: 42,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userData' },
              output: code`
                import { voice } from '@livekit/agents';
                const session = new voice.AgentSession({ userData: { name: '' } });
                console.log(session.userdata);
              `,
            },
          ],
        },
        {
          messageId: 'pythonMember',
          data: { name: 'userdata', receiver: 'AgentSession', jsName: 'userData' },
          line: 3,
          column: 21,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userData' },
              output: code`
                import { voice } from '@livekit/agents';
                const session = new voice.AgentSession({ userdata: { name: '' } });
                console.log(session.userData);
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'Python names on the AgentContext of a hook and on a parameter annotated as a session',
      code: code`
        import type { voice } from '@livekit/agents';
        import { Agent } from '@livekit/agents';
        export function report(session: voice.AgentSession) {
          return session.userdata;
        }
        export const greeter = Agent.create({
          instructions: 'Greet the caller.',
          onEnter: async (hook) => hook.chat_ctx,
        });
      `,
      errors: [
        {
          messageId: 'pythonMember',
          data: { name: 'userdata', receiver: 'AgentSession', jsName: 'userData' },
          line: 4,
          column: 18,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userData' },
              output: code`
                import type { voice } from '@livekit/agents';
                import { Agent } from '@livekit/agents';
                export function report(session: voice.AgentSession) {
                  return session.userData;
                }
                export const greeter = Agent.create({
                  instructions: 'Greet the caller.',
                  onEnter: async (hook) => hook.chat_ctx,
                });
              `,
            },
          ],
        },
        {
          messageId: 'pythonMember',
          data: { name: 'chat_ctx', receiver: 'AgentContext', jsName: 'chatCtx' },
          line: 8,
          column: 33,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'chatCtx' },
              output: code`
                import type { voice } from '@livekit/agents';
                import { Agent } from '@livekit/agents';
                export function report(session: voice.AgentSession) {
                  return session.userdata;
                }
                export const greeter = Agent.create({
                  instructions: 'Greet the caller.',
                  onEnter: async (hook) => hook.chatCtx,
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'shorthand userdata option keeps its value',
      code: code`
        import { AgentSession } from '@livekit/agents';
        const userdata = { name: '' };
        new AgentSession({ userdata });
      `,
      errors: [
        {
          messageId: 'pythonOption',
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userData' },
              output: code`
                import { AgentSession } from '@livekit/agents';
                const userdata = { name: '' };
                new AgentSession({ userData: userdata });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'Agent class: on_enter hook, this.session.generate_reply, this.chat_ctx, chat_ctx option',
      code: code`
        import { voice } from '@livekit/agents';
        class Greeter extends voice.Agent {
          constructor(ctx: unknown) {
            super({ instructions: 'Greet the caller.', chat_ctx: ctx });
          }
          async on_enter() {
            const copy = this.chat_ctx;
            this.session.generate_reply({ instructions: 'Greet the caller.' });
          }
        }
      `,
      errors: [
        {
          messageId: 'pythonOption',
          data: { name: 'chat_ctx', target: 'Agent', jsName: 'chatCtx' },
          line: 4,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'chatCtx' },
              output: code`
                import { voice } from '@livekit/agents';
                class Greeter extends voice.Agent {
                  constructor(ctx: unknown) {
                    super({ instructions: 'Greet the caller.', chatCtx: ctx });
                  }
                  async on_enter() {
                    const copy = this.chat_ctx;
                    this.session.generate_reply({ instructions: 'Greet the caller.' });
                  }
                }
              `,
            },
          ],
        },
        {
          messageId: 'pythonHook',
          data: { name: 'on_enter', jsName: 'onEnter' },
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'onEnter' },
              output: code`
                import { voice } from '@livekit/agents';
                class Greeter extends voice.Agent {
                  constructor(ctx: unknown) {
                    super({ instructions: 'Greet the caller.', chat_ctx: ctx });
                  }
                  async onEnter() {
                    const copy = this.chat_ctx;
                    this.session.generate_reply({ instructions: 'Greet the caller.' });
                  }
                }
              `,
            },
          ],
        },
        {
          messageId: 'pythonMember',
          data: { name: 'chat_ctx', receiver: 'Agent', jsName: 'chatCtx' },
          line: 7,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'chatCtx' },
              output: code`
                import { voice } from '@livekit/agents';
                class Greeter extends voice.Agent {
                  constructor(ctx: unknown) {
                    super({ instructions: 'Greet the caller.', chat_ctx: ctx });
                  }
                  async on_enter() {
                    const copy = this.chatCtx;
                    this.session.generate_reply({ instructions: 'Greet the caller.' });
                  }
                }
              `,
            },
          ],
        },
        {
          messageId: 'pythonMember',
          data: { name: 'generate_reply', receiver: 'AgentSession', jsName: 'generateReply' },
          line: 8,
          column: 18,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'generateReply' },
              output: code`
                import { voice } from '@livekit/agents';
                class Greeter extends voice.Agent {
                  constructor(ctx: unknown) {
                    super({ instructions: 'Greet the caller.', chat_ctx: ctx });
                  }
                  async on_enter() {
                    const copy = this.chat_ctx;
                    this.session.generateReply({ instructions: 'Greet the caller.' });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'on_user_turn_completed next to an existing onUserTurnCompleted: reported, no suggestion',
      code: code`
        import { Agent } from '@livekit/agents';
        class Desk extends Agent {
          async onUserTurnCompleted() {}
          async on_user_turn_completed() {}
        }
      `,
      errors: [
        {
          messageId: 'pythonHook',
          data: { name: 'on_user_turn_completed', jsName: 'onUserTurnCompleted' },
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      name: 'tool execute: ctx.userdata and ctx.session.update_agent, namespace import',
      code: code`
        import * as agents from '@livekit/agents';
        export const transfer = agents.llm.tool({
          description: 'Transfer the caller to billing.',
          execute: async (_args, { ctx: run }) => {
            run.userdata.transferred = true;
            run.session.update_agent(new agents.voice.Agent({ instructions: 'x' }));
          },
        });
      `,
      errors: [
        {
          messageId: 'pythonMember',
          data: { name: 'userdata', receiver: 'RunContext', jsName: 'userData' },
          line: 5,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userData' },
              output: code`
                import * as agents from '@livekit/agents';
                export const transfer = agents.llm.tool({
                  description: 'Transfer the caller to billing.',
                  execute: async (_args, { ctx: run }) => {
                    run.userData.transferred = true;
                    run.session.update_agent(new agents.voice.Agent({ instructions: 'x' }));
                  },
                });
              `,
            },
          ],
        },
        {
          messageId: 'pythonMember',
          data: { name: 'update_agent', receiver: 'AgentSession', jsName: 'updateAgent' },
          line: 6,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'updateAgent' },
              output: code`
                import * as agents from '@livekit/agents';
                export const transfer = agents.llm.tool({
                  description: 'Transfer the caller to billing.',
                  execute: async (_args, { ctx: run }) => {
                    run.userdata.transferred = true;
                    run.session.updateAgent(new agents.voice.Agent({ instructions: 'x' }));
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'tool execute with an options parameter: options.ctx.session.chat_ctx',
      code: code`
        import { tool } from '@livekit/agents';
        tool({ description: 'Summarise the call so far.', execute: async (_args, options) => options.ctx.session.chat_ctx });
      `,
      errors: [
        {
          messageId: 'pythonMember',
          data: { name: 'chat_ctx', receiver: 'AgentSession', jsName: 'chatCtx' },
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'chatCtx' },
              output: code`
        import { tool } from '@livekit/agents';
        tool({ description: 'Summarise the call so far.', execute: async (_args, options) => options.ctx.session.chatCtx });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'entry and prewarm: proc.userdata, ctx.proc.userdata, ctx.wait_for_participant',
      code: code`
        import { defineAgent } from '@livekit/agents';
        import * as silero from '@livekit/agents-plugin-silero';
        export default defineAgent({
          prewarm: async (proc) => {
            proc.userdata.vad = await silero.VAD.load();
          },
          entry: async (ctx) => {
            await ctx.connect();
            await ctx.wait_for_participant();
            const vad = ctx.proc.userdata.vad;
          },
        });
      `,
      errors: [
        {
          messageId: 'pythonMember',
          data: { name: 'userdata', receiver: 'JobProcess', jsName: 'userData' },
          line: 5,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userData' },
              output: code`
          import { defineAgent } from '@livekit/agents';
          import * as silero from '@livekit/agents-plugin-silero';
          export default defineAgent({
            prewarm: async (proc) => {
              proc.userData.vad = await silero.VAD.load();
            },
            entry: async (ctx) => {
              await ctx.connect();
              await ctx.wait_for_participant();
              const vad = ctx.proc.userdata.vad;
            },
          });
        `,
            },
          ],
        },
        {
          messageId: 'pythonMember',
          data: { name: 'wait_for_participant', receiver: 'JobContext', jsName: 'waitForParticipant' },
          line: 9,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'waitForParticipant' },
              output: code`
          import { defineAgent } from '@livekit/agents';
          import * as silero from '@livekit/agents-plugin-silero';
          export default defineAgent({
            prewarm: async (proc) => {
              proc.userdata.vad = await silero.VAD.load();
            },
            entry: async (ctx) => {
              await ctx.connect();
              await ctx.waitForParticipant();
              const vad = ctx.proc.userdata.vad;
            },
          });
        `,
            },
          ],
        },
        {
          messageId: 'pythonMember',
          data: { name: 'userdata', receiver: 'JobProcess', jsName: 'userData' },
          line: 10,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userData' },
              output: code`
          import { defineAgent } from '@livekit/agents';
          import * as silero from '@livekit/agents-plugin-silero';
          export default defineAgent({
            prewarm: async (proc) => {
              proc.userdata.vad = await silero.VAD.load();
            },
            entry: async (ctx) => {
              await ctx.connect();
              await ctx.wait_for_participant();
              const vad = ctx.proc.userData.vad;
            },
          });
        `,
            },
          ],
        },
      ],
    },
    {
      name: 'VAD durations in seconds (×1000), with a snake_case key renamed separately',
      code: code`
        import * as silero from '@livekit/agents-plugin-silero';
        export const load = () => silero.VAD.load({ minSilenceDuration: 0.55, min_speech_duration: 0.05 });
      `,
      errors: [
        {
          messageId: 'secondsDuration',
          data: { name: 'minSilenceDuration', value: '0.55', milliseconds: '550' },
          line: 2,
          column: 65,
          endColumn: 69,
          suggestions: [
            {
              messageId: 'toMilliseconds',
              data: { milliseconds: '550' },
              output: code`
                import * as silero from '@livekit/agents-plugin-silero';
                export const load = () => silero.VAD.load({ minSilenceDuration: 550, min_speech_duration: 0.05 });
              `,
            },
          ],
        },
        {
          messageId: 'pythonOption',
          data: { name: 'min_speech_duration', target: 'silero.VAD.load()', jsName: 'minSpeechDuration' },
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'minSpeechDuration' },
              output: code`
                import * as silero from '@livekit/agents-plugin-silero';
                export const load = () => silero.VAD.load({ minSilenceDuration: 0.55, minSpeechDuration: 0.05 });
              `,
            },
          ],
        },
        {
          messageId: 'secondsDuration',
          data: { name: 'minSpeechDuration', value: '0.05', milliseconds: '50' },
          suggestions: [
            {
              messageId: 'toMilliseconds',
              data: { milliseconds: '50' },
              output: code`
                import * as silero from '@livekit/agents-plugin-silero';
                export const load = () => silero.VAD.load({ minSilenceDuration: 0.55, min_speech_duration: 50 });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'inference.VAD: maxBufferedSpeech 60 (Python seconds) and a force_cpu option it does not have',
      code: code`
        import { inference } from '@livekit/agents';
        new inference.VAD({ maxBufferedSpeech: 60, force_cpu: true });
      `,
      errors: [
        {
          messageId: 'secondsDuration',
          data: { name: 'maxBufferedSpeech', value: '60', milliseconds: '60000' },
          suggestions: [
            {
              messageId: 'toMilliseconds',
              data: { milliseconds: '60000' },
              output: code`
                import { inference } from '@livekit/agents';
                new inference.VAD({ maxBufferedSpeech: 60000, force_cpu: true });
              `,
            },
          ],
        },
        {
          messageId: 'unknownPythonOption',
          data: { name: 'force_cpu', target: 'inference.VAD', jsName: 'forceCPU' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'silero force_cpu maps to forceCPU (not forceCpu)',
      code: code`
        import { VAD } from '@livekit/agents-plugin-silero';
        VAD.load({ force_cpu: true });
      `,
      errors: [
        {
          messageId: 'pythonOption',
          data: { name: 'force_cpu', target: 'silero.VAD.load()', jsName: 'forceCPU' },
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'forceCPU' },
              output: code`
        import { VAD } from '@livekit/agents-plugin-silero';
        VAD.load({ forceCPU: true });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'AgentSession Python options: a rename where JS has it, none where it does not',
      code: code`
        import { voice } from '@livekit/agents';
        const session = new voice.AgentSession({ max_tool_steps: 5, allow_interruptions: false });
      `,
      errors: [
        {
          messageId: 'pythonOption',
          data: { name: 'max_tool_steps', target: 'AgentSession', jsName: 'maxToolSteps' },
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'maxToolSteps' },
              output: code`
            import { voice } from '@livekit/agents';
            const session = new voice.AgentSession({ maxToolSteps: 5, allow_interruptions: false });
          `,
            },
          ],
        },
        {
          messageId: 'unknownPythonOption',
          data: { name: 'allow_interruptions', target: 'AgentSession', jsName: 'allowInterruptions' },
        },
      ],
    },
    {
      name: 'session.start and session.say options; Python hooks in Agent.create',
      code: code`
        import { voice } from '@livekit/agents';
        export async function run(room: never) {
          const session = new voice.AgentSession({});
          await session.start({ agent: voice.Agent.create({ instructions: 'x', on_enter: async () => {} }), room, room_input_options: {} });
          session.say('Hello', { allow_interruptions: false });
        }
      `,
      errors: [
        {
          messageId: 'pythonOption',
          data: { name: 'on_enter', target: 'Agent.create', jsName: 'onEnter' },
          line: 4,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'onEnter' },
              output: code`
            import { voice } from '@livekit/agents';
            export async function run(room: never) {
              const session = new voice.AgentSession({});
              await session.start({ agent: voice.Agent.create({ instructions: 'x', onEnter: async () => {} }), room, room_input_options: {} });
              session.say('Hello', { allow_interruptions: false });
            }
          `,
            },
          ],
        },
        {
          messageId: 'unknownPythonOption',
          data: { name: 'room_input_options', target: 'session.start()', jsName: 'roomInputOptions' },
          line: 4,
        },
        {
          messageId: 'pythonOption',
          data: { name: 'allow_interruptions', target: 'session.say()', jsName: 'allowInterruptions' },
          line: 5,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'allowInterruptions' },
              output: code`
            import { voice } from '@livekit/agents';
            export async function run(room: never) {
              const session = new voice.AgentSession({});
              await session.start({ agent: voice.Agent.create({ instructions: 'x', on_enter: async () => {} }), room, room_input_options: {} });
              session.say('Hello', { allowInterruptions: false });
            }
          `,
            },
          ],
        },
      ],
    },
    {
      name: 'ctx.connect with a Python-style object: positional suggestion',
      code: code`
        import { AutoSubscribe, defineAgent } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            await ctx.connect({ auto_subscribe: AutoSubscribe.AUDIO_ONLY });
          },
        });
      `,
      errors: [
        {
          messageId: 'connectObject',
          line: 4,
          column: 23,
          suggestions: [
            {
              messageId: 'positionalConnect',
              data: { args: 'undefined, AutoSubscribe.AUDIO_ONLY' },
              output: code`
                import { AutoSubscribe, defineAgent } from '@livekit/agents';
                export default defineAgent({
                  entry: async (ctx) => {
                    await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY);
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'ctx.connect({}) and an unknown key: reported; the empty object becomes no argument',
      code: code`
        import { defineAgent } from '@livekit/agents';
        async function entry(ctx) {
          await ctx.connect({});
          await ctx.connect({ timeout: 5 });
        }
        export default defineAgent({ entry });
      `,
      errors: [
        {
          messageId: 'connectObject',
          line: 3,
          suggestions: [
            {
              messageId: 'positionalConnect',
              data: { args: '' },
              output: code`
            import { defineAgent } from '@livekit/agents';
            async function entry(ctx) {
              await ctx.connect();
              await ctx.connect({ timeout: 5 });
            }
            export default defineAgent({ entry });
          `,
            },
          ],
        },
        { messageId: 'connectObject', line: 4, suggestions: [] },
      ],
    },
    {
      name: 'defineAgent entrypoint_fnc and ServerOptions (via WorkerOptions) agent_name',
      code: code`
        import { WorkerOptions, defineAgent } from '@livekit/agents';
        export default defineAgent({ entrypoint_fnc: async () => {} });
        export const options = new WorkerOptions({ agent: 'a.js', agent_name: 'desk', ws_url: 'ws://x' });
      `,
      errors: [
        {
          messageId: 'pythonOption',
          data: { name: 'entrypoint_fnc', target: 'defineAgent', jsName: 'entry' },
          line: 2,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'entry' },
              output: code`
          import { WorkerOptions, defineAgent } from '@livekit/agents';
          export default defineAgent({ entry: async () => {} });
          export const options = new WorkerOptions({ agent: 'a.js', agent_name: 'desk', ws_url: 'ws://x' });
        `,
            },
          ],
        },
        {
          messageId: 'pythonOption',
          data: { name: 'agent_name', target: 'ServerOptions', jsName: 'agentName' },
          line: 3,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'agentName' },
              output: code`
          import { WorkerOptions, defineAgent } from '@livekit/agents';
          export default defineAgent({ entrypoint_fnc: async () => {} });
          export const options = new WorkerOptions({ agent: 'a.js', agentName: 'desk', ws_url: 'ws://x' });
        `,
            },
          ],
        },
        {
          messageId: 'pythonOption',
          data: { name: 'ws_url', target: 'ServerOptions', jsName: 'wsURL' },
          line: 3,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'wsURL' },
              output: code`
          import { WorkerOptions, defineAgent } from '@livekit/agents';
          export default defineAgent({ entrypoint_fnc: async () => {} });
          export const options = new WorkerOptions({ agent: 'a.js', agent_name: 'desk', wsURL: 'ws://x' });
        `,
            },
          ],
        },
      ],
    },
    {
      name: 'llm.function_tool does not exist',
      code: code`
        import { llm } from '@livekit/agents';
        export const t = llm.function_tool({ description: 'x' });
      `,
      errors: [
        { messageId: 'pythonFunction', data: { name: 'llm.function_tool', jsName: 'llm.tool' }, line: 2, column: 18 },
      ],
    },
    {
      name: 'aliased flat import: session options and members',
      code: code`
        import { AgentSession as Session } from '@livekit/agents';
        const session = new Session({ user_away_timeout: 30 });
        session.chat_ctx;
      `,
      errors: [
        {
          messageId: 'pythonOption',
          data: { name: 'user_away_timeout', target: 'AgentSession', jsName: 'userAwayTimeout' },
          line: 2,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userAwayTimeout' },
              output: code`
          import { AgentSession as Session } from '@livekit/agents';
          const session = new Session({ userAwayTimeout: 30 });
          session.chat_ctx;
        `,
            },
          ],
        },
        {
          messageId: 'pythonMember',
          data: { name: 'chat_ctx', receiver: 'AgentSession', jsName: 'chatCtx' },
          line: 3,
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'chatCtx' },
              output: code`
          import { AgentSession as Session } from '@livekit/agents';
          const session = new Session({ user_away_timeout: 30 });
          session.chatCtx;
        `,
            },
          ],
        },
      ],
    },
    {
      name: 'after the rename suggestion the code is clean (see the first valid case for the renamed forms)',
      code: code`
        import { voice } from '@livekit/agents';
        const session = new voice.AgentSession({});
        session.update_agent(new voice.Agent({ instructions: 'x' }));
      `,
      errors: [
        {
          messageId: 'pythonMember',
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'updateAgent' },
              output: code`
        import { voice } from '@livekit/agents';
        const session = new voice.AgentSession({});
        session.updateAgent(new voice.Agent({ instructions: 'x' }));
      `,
            },
          ],
        },
      ],
    },
  ],
});

commonJsTester.run('no-python-style-api (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { voice } = require('other'); const s = new voice.AgentSession({ userdata: {} }); s.userdata;",
    },
  ],
  invalid: [
    {
      name: 'destructured require: session option and member',
      code: "const { voice } = require('@livekit/agents'); const s = new voice.AgentSession({ userdata: {} }); s.userdata;",
      errors: [
        {
          messageId: 'pythonOption',
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userData' },
              output:
                "const { voice } = require('@livekit/agents'); const s = new voice.AgentSession({ userData: {} }); s.userdata;",
            },
          ],
        },
        {
          messageId: 'pythonMember',
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'userData' },
              output:
                "const { voice } = require('@livekit/agents'); const s = new voice.AgentSession({ userdata: {} }); s.userData;",
            },
          ],
        },
      ],
    },
    {
      name: 'flat AgentSession through a namespace require',
      code: "const agents = require('@livekit/agents'); const s = new agents.AgentSession({ turn_detection: 'vad' });",
      errors: [
        {
          messageId: 'pythonOption',
          data: { name: 'turn_detection', target: 'AgentSession', jsName: 'turnDetection' },
          suggestions: [
            {
              messageId: 'rename',
              data: { jsName: 'turnDetection' },
              output:
                "const agents = require('@livekit/agents'); const s = new agents.AgentSession({ turnDetection: 'vad' });",
            },
          ],
        },
      ],
    },
  ],
});
