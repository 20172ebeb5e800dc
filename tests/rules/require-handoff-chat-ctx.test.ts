import rule from '../../src/rules/require-handoff-chat-ctx.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('require-handoff-chat-ctx', rule, {
  valid: [
    {
      name: 'handing back to the agent that already ran (given to session.start) keeps its own history',
      code: code`
        import { defineAgent, llm, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const router = new voice.Agent({
              instructions: 'Route the caller to the right desk.',
              tools: [llm.tool({ description: 'Go to billing.', execute: async () => llm.handoff({ agent: billing }) })],
            });
            const billing = new voice.Agent({
              instructions: 'Answer billing questions; hand back when done.',
              chatCtx: router.chatCtx,
              tools: [llm.tool({ description: 'Back to the router.', execute: async () => llm.handoff({ agent: router }) })],
            });
            const session = new voice.AgentSession({});
            await session.start({ agent: router, room: ctx.room });
          },
        });
      `,
    },
    {
      name: 'handing back to an agent kept in userData',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const main = new voice.Agent({ instructions: 'Greet and route.' });
        const session = new voice.AgentSession({ userData: { main } });
        export const back = llm.tool({ description: 'Return to the main desk.', execute: async () => llm.handoff({ agent: main }) });
      `,
    },
    {
      name: 'official style: handoff passes the session history',
      code: code`
        import { llm, voice } from '@livekit/agents';
        export const transfer = llm.tool({
          description: 'Transfer the caller to billing when they ask about an invoice.',
          execute: async (_, { ctx }) =>
            llm.handoff({
              agent: new voice.Agent({ instructions: 'You are billing.', chatCtx: ctx.session.history }),
              returns: 'Transferring you to billing now.',
            }),
        });
      `,
    },
    {
      name: 'an explicit fresh start with llm.ChatContext.empty() is accepted',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.handoff({ agent: new voice.Agent({ instructions: 'x', chatCtx: llm.ChatContext.empty() }) });
      `,
    },
    {
      name: 'agent from a parameter is not judged',
      code: code`
        import { llm, voice } from '@livekit/agents';
        export function transferTo(agent: voice.Agent) {
          return llm.handoff({ agent, returns: 'Transferring you now.' });
        }
      `,
    },
    {
      name: 'imported factory call is not judged',
      code: code`
        import { llm } from '@livekit/agents';
        import { makeBillingAgent } from './agents';
        llm.handoff({ agent: makeBillingAgent(), returns: 'Transferring you now.' });
      `,
    },
    {
      name: 'non-literal argument to an imported class is not judged',
      code: code`
        import { llm, voice } from '@livekit/agents';
        export function transferTo(options: voice.AgentOptions<unknown>) {
          return llm.handoff({ agent: new voice.Agent(options) });
        }
      `,
    },
    {
      name: 'class forwards its options with a spread, and the construction passes chatCtx',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor(options: Partial<voice.AgentOptions<unknown>>) {
            super({ instructions: 'You are sales.', ...options });
          }
        }
        llm.tool({
          description: 'Transfer to sales.',
          execute: async (_, { ctx }) => llm.handoff({ agent: new SalesAgent({ chatCtx: ctx.session.history }) }),
        });
      `,
    },
    {
      name: 'class forwards a destructured chatCtx',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor({ chatCtx, region }: { chatCtx: llm.ChatContext; region: string }) {
            super({ instructions: 'You are sales for ' + region, chatCtx });
          }
        }
        export const go = (history: llm.ChatContext) => llm.handoff({ agent: new SalesAgent({ chatCtx: history, region: 'EU' }) });
      `,
    },
    {
      name: 'class forwards a positional chatCtx parameter',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor(chatCtx?: llm.ChatContext) {
            super({ instructions: 'You are sales.', chatCtx });
          }
        }
        export const go = (history: llm.ChatContext) => llm.handoff({ agent: new SalesAgent(history) });
      `,
    },
    {
      name: 'class forwards options renamed through a const rest (official summarization example)',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class BaseAgent extends voice.Agent {
          constructor(options: voice.AgentOptions<unknown> & { agentName: string }) {
            const { agentName, ...opts } = options;
            super(opts);
          }
        }
        export const go = (history: llm.ChatContext) =>
          llm.handoff({ agent: new BaseAgent({ agentName: 'x', instructions: 'y', chatCtx: history }) });
      `,
    },
    {
      name: 'class without a constructor passes its options to voice.Agent',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {}
        export const go = (history: llm.ChatContext) => llm.handoff({ agent: new SalesAgent({ instructions: 'x', chatCtx: history }) });
      `,
    },
    {
      name: 'class builds its own chatCtx in super()',
      code: code`
        import { llm, voice } from '@livekit/agents';
        import { loadHistory } from './history';
        class SalesAgent extends voice.Agent {
          constructor() {
            super({ instructions: 'x', chatCtx: loadHistory() });
          }
        }
        llm.handoff({ agent: new SalesAgent() });
      `,
    },
    {
      name: 'a default value for the forwarded chatCtx counts as passing one',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor({ chatCtx = llm.ChatContext.empty() }: { chatCtx?: llm.ChatContext } = {}) {
            super({ instructions: 'x', chatCtx });
          }
        }
        llm.handoff({ agent: new SalesAgent() });
      `,
    },
    {
      name: 'a class default chatCtx that callers may override',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor(options: Partial<voice.AgentOptions<unknown>> = {}) {
            super({ instructions: 'x', chatCtx: llm.ChatContext.empty(), ...options });
          }
        }
        llm.handoff({ agent: new SalesAgent() });
        llm.handoff({ agent: new SalesAgent({ instructions: 'y' }) });
      `,
    },
    {
      name: 'unsure: two super() calls',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor(vip: boolean) {
            if (vip) super({ instructions: 'vip' });
            else super({ instructions: 'regular' });
          }
        }
        llm.handoff({ agent: new SalesAgent(true) });
      `,
    },
    {
      name: 'unsure: a spread of an unknown object in the options',
      code: code`
        import { llm, voice } from '@livekit/agents';
        import { baseOptions } from './options';
        llm.handoff({ agent: new voice.Agent({ ...baseOptions, instructions: 'x' }) });
      `,
    },
    {
      name: 'the agent held in a const gets its history with updateChatCtx before the handoff',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          description: 'Transfer to sales.',
          execute: async (_, { ctx }) => {
            const sales = new voice.Agent({ instructions: 'x' });
            await sales.updateChatCtx(ctx.session.history.copy());
            return llm.handoff({ agent: sales });
          },
        });
      `,
    },
    {
      name: 'the class merges the previous agent history itself in onEnter',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SpecialistAgent extends voice.Agent<{ prevAgent?: voice.Agent }> {
          async onEnter() {
            const chatCtx = this.chatCtx.copy();
            const previous = this.session.userData.prevAgent;
            if (previous) chatCtx.merge(previous.chatCtx.copy({ excludeInstructions: true }));
            await this.updateChatCtx(chatCtx);
          }
        }
        llm.handoff({ agent: new SpecialistAgent({ instructions: 'x' }) });
      `,
    },
    {
      name: 'the constructor sets the history itself with updateChatCtx',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor(history: llm.ChatContext) {
            super({ instructions: 'x' });
            void this.updateChatCtx(history);
          }
        }
        export const go = (history: llm.ChatContext) => llm.handoff({ agent: new SalesAgent(history) });
      `,
    },
    {
      name: 'a same-file static factory that passes chatCtx',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class StoryAgent extends voice.Agent {
          static create(chatCtx: llm.ChatContext) {
            return new StoryAgent({ instructions: 'You are a storyteller.', chatCtx });
          }
        }
        llm.tool({
          description: 'Start the story.',
          execute: async (_, { ctx }) => llm.handoff({ agent: StoryAgent.create(ctx.session.history) }),
        });
      `,
    },
    {
      name: 'known miss: a factory with several returns is not followed',
      code: code`
        import { llm, voice } from '@livekit/agents';
        function makeAgent(vip: boolean) {
          if (vip) return new voice.Agent({ instructions: 'vip' });
          return new voice.Agent({ instructions: 'regular' });
        }
        llm.handoff({ agent: makeAgent(true) });
      `,
    },
    {
      name: 'shadowing local named llm is not a handoff',
      code: code`
        import { voice } from '@livekit/agents';
        export function go(llm: { handoff(x: object): void }) {
          llm.handoff({ agent: new voice.Agent({ instructions: 'x' }) });
        }
      `,
    },
    {
      name: 'same-named imports from another package',
      code: code`
        import { handoff, Agent } from 'other-agents';
        handoff({ agent: new Agent({ instructions: 'x' }) });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm, voice } from '@livekit/agents';
        declare const handoff: typeof llm.handoff;
        declare const Agent: typeof voice.Agent;
        handoff({ agent: new Agent({ instructions: 'x' }) });
      `,
    },
    {
      name: 'known miss: updateAgent on a session the file cannot name (a helper returns it, no annotation)',
      code: code`
        import { voice } from '@livekit/agents';
        declare function currentSession(): any;
        export function escalate() {
          currentSession().updateAgent(new voice.Agent({ instructions: 'x' }));
        }
      `,
    },
    {
      name: 'updateAgent on an object that is not a session',
      code: code`
        import { voice } from '@livekit/agents';
        export function swap(router: { updateAgent(agent: unknown): void }) {
          router.updateAgent(new voice.Agent({ instructions: 'x' }));
        }
      `,
    },
    {
      name: 'updateAgent with an agent that has the history',
      code: code`
        import { voice } from '@livekit/agents';
        export function escalate(session: voice.AgentSession) {
          session.updateAgent(new voice.Agent({ instructions: 'x', chatCtx: session.history }));
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'a same-file factory passed as a parameter builds the agent handed off to',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class Desk extends voice.Agent {
          constructor() {
            super({ instructions: 'Take the caller name and route them.' });
          }
        }
        function makeWeather(returnHome) {
          return new voice.Agent({
            instructions: 'Give the forecast, then hand back.',
            chatCtx: llm.ChatContext.empty(),
            tools: [llm.tool({ description: 'Finish the forecast.', execute: async () => llm.handoff({ agent: returnHome() }) })],
          });
        }
        export const weather = makeWeather(() => new Desk());
      `,
      errors: [{ messageId: 'dropped', data: { agent: 'Desk' }, line: 11 }],
    },
    {
      name: 'inline agent in a tool: suggestion uses execute context name',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          description: 'Transfer to billing.',
          execute: async (_, { ctx }) => llm.handoff({ agent: new voice.Agent({ instructions: 'x' }), returns: 'ok' }),
        });
      `,
      errors: [
        {
          messageId: 'missing',
          data: { agent: 'The new agent' },
          line: 4,
          column: 55,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'addChatCtx',
              data: { property: 'chatCtx: ctx.session.history' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                llm.tool({
                  description: 'Transfer to billing.',
                  execute: async (_, { ctx }) => llm.handoff({ agent: new voice.Agent({ instructions: 'x', chatCtx: ctx.session.history }), returns: 'ok' }),
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'renamed context ({ ctx: runCtx }) and a multi-line object with a trailing comma',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          description: 'Transfer to billing.',
          execute: async (_, { ctx: runCtx }) => {
            const billing = new voice.Agent({
              instructions: 'You are billing.',
            });
            return llm.handoff({ agent: billing, returns: 'Transferring you to billing.' });
          },
        });
      `,
      errors: [
        {
          messageId: 'missing',
          line: 8,
          suggestions: [
            {
              messageId: 'addChatCtx',
              output: code`
                import { llm, voice } from '@livekit/agents';
                llm.tool({
                  description: 'Transfer to billing.',
                  execute: async (_, { ctx: runCtx }) => {
                    const billing = new voice.Agent({
                      instructions: 'You are billing.',
                      chatCtx: runCtx.session.history,
                    });
                    return llm.handoff({ agent: billing, returns: 'Transferring you to billing.' });
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'execute context as a whole parameter, multi-line object without a trailing comma',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          description: 'Transfer to billing.',
          execute: async (_, options) => {
            return llm.handoff({
              agent: new voice.Agent({
                instructions: 'You are billing.'
              }),
            });
          },
        });
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          suggestions: [
            {
              messageId: 'addChatCtx',
              data: { property: 'chatCtx: options.ctx.session.history' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                llm.tool({
                  description: 'Transfer to billing.',
                  execute: async (_, options) => {
                    return llm.handoff({
                      agent: new voice.Agent({
                        instructions: 'You are billing.',
                        chatCtx: options.ctx.session.history
                      }),
                    });
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'execute without a context parameter: reported with no suggestion',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.tool({
          description: 'Transfer to billing.',
          execute: async () => llm.handoff({ agent: new voice.Agent({ instructions: 'x' }) }),
        });
      `,
      errors: [{ messageId: 'missing', line: 4, suggestions: [] }],
    },
    {
      name: 'class that forwards its options, constructed with an empty object',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor(options: Partial<voice.AgentOptions<unknown>>) {
            super({ instructions: 'You are sales.', ...options });
          }
        }
        llm.tool({
          description: 'Transfer to sales.',
          execute: async (_, { ctx }) => llm.handoff({ agent: new SalesAgent({}) }),
        });
      `,
      errors: [
        {
          messageId: 'missing',
          data: { agent: 'SalesAgent' },
          line: 9,
          suggestions: [
            {
              messageId: 'addChatCtx',
              output: code`
                import { llm, voice } from '@livekit/agents';
                class SalesAgent extends voice.Agent {
                  constructor(options: Partial<voice.AgentOptions<unknown>>) {
                    super({ instructions: 'You are sales.', ...options });
                  }
                }
                llm.tool({
                  description: 'Transfer to sales.',
                  execute: async (_, { ctx }) => llm.handoff({ agent: new SalesAgent({ chatCtx: ctx.session.history }) }),
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'class that forwards optional options, constructed with no argument',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor(options?: Partial<voice.AgentOptions<unknown>>) {
            super({ ...options, instructions: 'You are sales.' });
          }
        }
        llm.tool({
          description: 'Transfer to sales.',
          execute: async (_, { ctx }) => llm.handoff({ agent: new SalesAgent() }),
        });
      `,
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addChatCtx',
              output: code`
                import { llm, voice } from '@livekit/agents';
                class SalesAgent extends voice.Agent {
                  constructor(options?: Partial<voice.AgentOptions<unknown>>) {
                    super({ ...options, instructions: 'You are sales.' });
                  }
                }
                llm.tool({
                  description: 'Transfer to sales.',
                  execute: async (_, { ctx }) => llm.handoff({ agent: new SalesAgent({ chatCtx: ctx.session.history }) }),
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'positional chatCtx parameter left out: suggestion adds the argument',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class SalesAgent extends voice.Agent {
          constructor(region: string, history?: llm.ChatContext) {
            super({ instructions: 'You are sales for ' + region, chatCtx: history });
          }
        }
        llm.tool({
          description: 'Transfer to sales.',
          execute: async (_, { ctx }) => llm.handoff({ agent: new SalesAgent('EU') }),
        });
      `,
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              messageId: 'addChatCtx',
              data: { property: 'ctx.session.history' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                class SalesAgent extends voice.Agent {
                  constructor(region: string, history?: llm.ChatContext) {
                    super({ instructions: 'You are sales for ' + region, chatCtx: history });
                  }
                }
                llm.tool({
                  description: 'Transfer to sales.',
                  execute: async (_, { ctx }) => llm.handoff({ agent: new SalesAgent('EU', ctx.session.history) }),
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a class whose constructor never passes chatCtx to super',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class BillingAgent extends voice.Agent {
          constructor() {
            super({ instructions: 'You are billing.' });
          }
        }
        llm.tool({
          description: 'Transfer to billing.',
          execute: async (_, { ctx }) => llm.handoff({ agent: new BillingAgent() }),
        });
      `,
      errors: [{ messageId: 'dropped', data: { agent: 'BillingAgent' }, line: 9, column: 55, suggestions: [] }],
    },
    {
      name: 'a class that destructures chatCtx out of the options it forwards',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class BillingAgent extends voice.Agent {
          constructor({ chatCtx, ...rest }: voice.AgentOptions<unknown>) {
            super({ ...rest });
            console.log(chatCtx);
          }
        }
        export const go = (history: llm.ChatContext) => llm.handoff({ agent: new BillingAgent({ instructions: 'x', chatCtx: history }) });
      `,
      errors: [{ messageId: 'dropped', data: { agent: 'BillingAgent' } }],
    },
    {
      name: 'a subclass that drops what its parent would forward',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class BaseAgent extends voice.Agent {
          constructor(options: voice.AgentOptions<unknown>) {
            super({ ...options });
          }
        }
        class SalesAgent extends BaseAgent {
          constructor() {
            super({ instructions: 'You are sales.' });
          }
        }
        llm.handoff({ agent: new SalesAgent() });
      `,
      errors: [{ messageId: 'dropped', data: { agent: 'SalesAgent' } }],
    },
    {
      name: 'chatCtx: undefined is the same as leaving it out',
      code: code`
        import { llm, voice } from '@livekit/agents';
        llm.handoff({ agent: new voice.Agent({ instructions: 'x', chatCtx: undefined }) });
      `,
      errors: [{ messageId: 'missing', suggestions: [] }],
    },
    {
      name: 'updateAgent in an Agent method: suggestion uses this.chatCtx',
      code: code`
        import { voice } from '@livekit/agents';
        class TriageAgent extends voice.Agent {
          async escalate() {
            this.session.updateAgent(new voice.Agent({ instructions: 'You are a supervisor.' }));
          }
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 4,
          suggestions: [
            {
              messageId: 'addChatCtx',
              data: { property: 'chatCtx: this.chatCtx' },
              output: code`
                import { voice } from '@livekit/agents';
                class TriageAgent extends voice.Agent {
                  async escalate() {
                    this.session.updateAgent(new voice.Agent({ instructions: 'You are a supervisor.', chatCtx: this.chatCtx }));
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'updateAgent in entry: suggestion uses the session being updated',
      code: code`
        import { defineAgent, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const session = new voice.AgentSession({});
            session.on('close', () => {});
            session.updateAgent(new voice.Agent({ instructions: 'x' }));
          },
        });
      `,
      errors: [
        {
          messageId: 'missing',
          line: 6,
          suggestions: [
            {
              messageId: 'addChatCtx',
              data: { property: 'chatCtx: session.history' },
              output: code`
                import { defineAgent, voice } from '@livekit/agents';
                export default defineAgent({
                  entry: async (ctx) => {
                    const session = new voice.AgentSession({});
                    session.on('close', () => {});
                    session.updateAgent(new voice.Agent({ instructions: 'x', chatCtx: session.history }));
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'updateAgent on a parameter annotated as a session',
      code: code`
        import { voice } from '@livekit/agents';
        export function escalate(session: voice.AgentSession) {
          session.updateAgent(new voice.Agent({ instructions: 'x' }));
        }
      `,
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 23,
          suggestions: [
            {
              messageId: 'addChatCtx',
              data: { property: 'chatCtx: session.history' },
              output: code`
                import { voice } from '@livekit/agents';
                export function escalate(session: voice.AgentSession) {
                  session.updateAgent(new voice.Agent({ instructions: 'x', chatCtx: session.history }));
                }
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'updateAgent in a same-file helper that a tool hands its RunContext to',
      code: code`
        import { llm, voice } from '@livekit/agents';
        function transfer(runCtx) {
          runCtx.session.updateAgent(new voice.Agent({ instructions: 'x' }));
        }
        export const escalate = llm.tool({
          description: 'Transfer the caller to a human supervisor.',
          execute: async (_args, { ctx }) => transfer(ctx),
        });
      `,
      errors: [
        {
          messageId: 'missing',
          line: 3,
          column: 30,
          suggestions: [
            {
              messageId: 'addChatCtx',
              data: { property: 'chatCtx: runCtx.session.history' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                function transfer(runCtx) {
                  runCtx.session.updateAgent(new voice.Agent({ instructions: 'x', chatCtx: runCtx.session.history }));
                }
                export const escalate = llm.tool({
                  description: 'Transfer the caller to a human supervisor.',
                  execute: async (_args, { ctx }) => transfer(ctx),
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a hook of voice.Agent.create: suggestion uses its context',
      code: code`
        import { voice } from '@livekit/agents';
        export const greeter = voice.Agent.create({
          instructions: 'x',
          onEnter: async (hookCtx) => {
            hookCtx.session.updateAgent(voice.Agent.create({ instructions: 'y' }));
          },
        });
      `,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          suggestions: [
            {
              messageId: 'addChatCtx',
              output: code`
                import { voice } from '@livekit/agents';
                export const greeter = voice.Agent.create({
                  instructions: 'x',
                  onEnter: async (hookCtx) => {
                    hookCtx.session.updateAgent(voice.Agent.create({ instructions: 'y', chatCtx: hookCtx.chatCtx }));
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'official story example: a same-file static factory builds the agent without chatCtx',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class StoryAgent extends voice.Agent {
          static create(name: string) {
            return new StoryAgent({ instructions: 'You are a storyteller for ' + name });
          }
        }
        llm.tool({
          description: 'Start the story once the name is known.',
          execute: async ({ name }: { name: string }, { ctx }) => {
            const storyAgent = StoryAgent.create(name);
            return llm.handoff({ agent: storyAgent, returns: "Let's start the story!" });
          },
        });
      `,
      errors: [{ messageId: 'missing', data: { agent: 'StoryAgent' }, line: 11, suggestions: [] }],
    },
    {
      name: 'a same-file factory function',
      code: code`
        import { llm, voice } from '@livekit/agents';
        function makeBillingAgent() {
          const agent = new voice.Agent({ instructions: 'You are billing.' });
          return agent;
        }
        llm.handoff({ agent: makeBillingAgent() });
      `,
      errors: [{ messageId: 'missing', line: 6, suggestions: [] }],
    },
    {
      name: 'aliased flat imports',
      code: code`
        import { handoff as transferTo, Agent as VoiceAgent } from '@livekit/agents';
        transferTo({ agent: new VoiceAgent({ instructions: 'x' }) });
      `,
      errors: [{ messageId: 'missing', line: 2, column: 21 }],
    },
    {
      name: 'namespace import and voice.Agent.create',
      code: code`
        import * as agents from '@livekit/agents';
        agents.llm.handoff({ agent: agents.voice.Agent.create({ instructions: 'x' }) });
      `,
      errors: [{ messageId: 'missing' }],
    },
  ],
});

commonJsTester.run('require-handoff-chat-ctx (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm, voice } = require('other'); llm.handoff({ agent: new voice.Agent({ instructions: 'x' }) });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm, voice } = require('@livekit/agents'); llm.handoff({ agent: new voice.Agent({ instructions: 'x' }) });",
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'namespace require with flat names',
      code: "const agents = require('@livekit/agents'); agents.handoff({ agent: new agents.Agent({ instructions: 'x' }) });",
      errors: [{ messageId: 'missing' }],
    },
  ],
});
