import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunTests } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-deprecated-api.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

/** A project directory whose installed @livekit/agents is `version` (for the version gate). */
function projectWithSdk(version: string): string {
  const root = mkdtempSync(join(tmpdir(), 'lk-version-'));
  const sdk = join(root, 'node_modules', '@livekit', 'agents');
  mkdirSync(sdk, { recursive: true });
  writeFileSync(join(sdk, 'package.json'), JSON.stringify({ name: '@livekit/agents', version }));
  mkdirSync(join(root, 'src'));
  return root;
}

const latestProject = projectWithSdk('1.9.0');
const oldProject = projectWithSdk('1.0.12');
const midProject = projectWithSdk('1.1.0');
/** A project with no package.json, lockfile or installation: the version is unknown. */
const bareProject = mkdtempSync(join(tmpdir(), 'lk-bare-'));
mkdirSync(join(bareProject, 'src'));

const RANGE_CHECK = (needs: string, what: string) =>
  ` Check first: the replacement needs @livekit/agents ${needs} or later, and ${what} also admits older versions.`;
const UNKNOWN_CHECK = (needs: string) =>
  ` Check first: the replacement needs @livekit/agents ${needs} or later, and no installed package, lockfile or package.json tells which version this project runs (set settings['livekit-agents'].version).`;
const useAlias = (target: string, output: string) => [{ messageId: 'useAlias' as const, data: { target }, output }];
const settings = (version: string) => ({ 'livekit-agents': { version } });

/**
 * Cases without a filename are linted as a file of a project with the latest SDK installed (the RuleTester's own
 * default filename is relative, which the rule treats as an unknown version: suggestions only).
 */
function withLatestSdk<M extends string>(tests: RunTests<M, []>): RunTests<M, []> {
  const filename = join(latestProject, 'src', 'agent.ts');
  return {
    valid: tests.valid.map((item) => (typeof item === 'string' ? { code: item, filename } : { filename, ...item })),
    invalid: tests.invalid.map((item) => ({ filename, ...item })),
  };
}

ruleTester.run(
  'no-deprecated-api',
  rule,
  withLatestSdk({
    valid: [
      {
        name: 'official style: ServerOptions, turnHandling, ModelUsageCollector',
        code: code`
        import { ServerOptions, cli, defineAgent, metrics, voice } from '@livekit/agents';
        export default defineAgent({
          entry: async (ctx) => {
            const usage = new metrics.ModelUsageCollector();
            const session = new voice.AgentSession({ turnHandling: { turnDetection: 'vad', preemptiveGeneration: { enabled: true } } });
            await session.start({ agent: new voice.Agent({ instructions: 'x', turnHandling: { interruption: { enabled: false } } }), room: ctx.room });
          },
        });
        cli.runApp(new ServerOptions({ agent: 'agent.js' }));
      `,
      },
      {
        name: 'shadowing local named WorkerOptions',
        code: code`
        import { cli } from '@livekit/agents';
        function start(WorkerOptions: new (o: object) => object) {
          return new WorkerOptions({});
        }
      `,
      },
      {
        name: 'same-named import from another package',
        code: code`
        import { Worker } from 'node:worker_threads';
        import { llm } from '@livekit/agents';
        new Worker('./job.js');
      `,
      },
      {
        name: 'type-only import is not a binding',
        code: code`
        import type { WorkerOptions } from '@livekit/agents';
        import { cli } from '@livekit/agents';
        declare const options: WorkerOptions;
      `,
      },
      {
        name: 'turnDetection on an unrelated object is not a session option',
        code: code`
        import { voice } from '@livekit/agents';
        const config = { turnDetection: 'vad', allowInterruptions: false };
        new voice.AgentSession({ turnHandling: { turnDetection: config.turnDetection } });
      `,
      },
      {
        name: 'known miss: a dynamic import is not a binding',
        code: code`
        import { cli } from '@livekit/agents';
        const { WorkerOptions } = await import('@livekit/agents');
        cli.runApp(new WorkerOptions({ agent: 'agent.js' }));
      `,
      },
      {
        name: 'version gate: WorkerOptions before 1.0.16 has no replacement (setting)',
        code: code`
        import { WorkerOptions, cli } from '@livekit/agents';
        cli.runApp(new WorkerOptions({ agent: 'agent.js' }));
      `,
        settings: settings('1.0.12'),
      },
      {
        name: 'version gate: WorkerOptions before 1.0.16 has no replacement (detected from node_modules)',
        code: code`
        import { WorkerOptions, cli } from '@livekit/agents';
        cli.runApp(new WorkerOptions({ agent: 'agent.js' }));
      `,
        filename: join(oldProject, 'src', 'agent.ts'),
      },
      {
        name: 'version gate: turnDetection before 1.2.0 has no turnHandling to move to (detected)',
        code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ turnDetection: 'vad', voiceOptions: { maxToolSteps: 5 } });
        new voice.Agent({ instructions: 'x', allowInterruptions: false });
      `,
        filename: join(midProject, 'src', 'agent.ts'),
      },
      {
        name: 'version gate: top-level preemptiveGeneration is current before 1.2.8',
        code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ preemptiveGeneration: true });
      `,
        settings: settings('1.2.7'),
      },
      {
        name: 'version gate: ~1.0.12 admits no version with turnHandling (1.2.0)',
        code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ turnDetection: 'vad' });
      `,
        settings: settings('~1.0.12'),
      },
      {
        name: 'version gate: a 0.x project gets no 1.x-only advice',
        code: code`
        import { WorkerOptions, cli, metrics, voice } from '@livekit/agents';
        const usage = new metrics.UsageCollector();
        new voice.AgentSession({ turnDetection: 'vad' });
        cli.runApp(new WorkerOptions({ agent: 'a.js' }));
      `,
        settings: settings('^0.7.9'),
      },
    ],
    invalid: [
      {
        name: 'WorkerOptions: import specifier and reference renamed (autofix)',
        code: code`
        import { WorkerOptions, cli } from '@livekit/agents';
        cli.runApp(new WorkerOptions({ agent: 'agent.js' }));
      `,
        output: code`
        import { ServerOptions, cli } from '@livekit/agents';
        cli.runApp(new ServerOptions({ agent: 'agent.js' }));
      `,
        errors: [
          {
            messageId: 'alias',
            data: { check: '', name: 'WorkerOptions', target: 'ServerOptions', since: '1.0.16' },
            line: 1,
            column: 10,
            endColumn: 23,
          },
          { messageId: 'alias', line: 2, column: 16, endColumn: 29 },
        ],
      },
      {
        name: 'Worker → AgentServer, with the latest version set explicitly',
        code: code`
        import { Worker, ServerOptions } from '@livekit/agents';
        const worker = new Worker(new ServerOptions({ agent: 'a.js' }));
        await worker.run();
      `,
        output: code`
        import { AgentServer, ServerOptions } from '@livekit/agents';
        const worker = new AgentServer(new ServerOptions({ agent: 'a.js' }));
        await worker.run();
      `,
        settings: settings('1.9.0'),
        errors: [
          { messageId: 'alias', data: { check: '', name: 'Worker', target: 'AgentServer', since: '1.0.16' } },
          { messageId: 'alias' },
        ],
      },
      {
        name: 'two aliases in one file: overlapping whole-file fixes are applied in two passes',
        code: code`
        import { Worker, WorkerOptions } from '@livekit/agents';
        export const server = new Worker(new WorkerOptions({ agent: 'a.js' }));
      `,
        output: [
          code`
          import { AgentServer, WorkerOptions } from '@livekit/agents';
          export const server = new AgentServer(new WorkerOptions({ agent: 'a.js' }));
        `,
          code`
          import { AgentServer, ServerOptions } from '@livekit/agents';
          export const server = new AgentServer(new ServerOptions({ agent: 'a.js' }));
        `,
        ],
        errors: [
          { messageId: 'alias', data: { check: '', name: 'Worker', target: 'AgentServer', since: '1.0.16' }, line: 1 },
          {
            messageId: 'alias',
            data: { check: '', name: 'WorkerOptions', target: 'ServerOptions', since: '1.0.16' },
            line: 1,
          },
          { messageId: 'alias', data: { check: '', name: 'Worker', target: 'AgentServer', since: '1.0.16' }, line: 2 },
          {
            messageId: 'alias',
            data: { check: '', name: 'WorkerOptions', target: 'ServerOptions', since: '1.0.16' },
            line: 2,
          },
        ],
      },
      {
        name: 'both names imported: the deprecated specifier is dropped and references use the existing binding',
        code: code`
        import { ServerOptions, WorkerOptions, cli } from '@livekit/agents';
        export const a = new ServerOptions({ agent: 'a.js' });
        export const b = new WorkerOptions({ agent: 'b.js' });
      `,
        output: code`
        import { ServerOptions, cli } from '@livekit/agents';
        export const a = new ServerOptions({ agent: 'a.js' });
        export const b = new ServerOptions({ agent: 'b.js' });
      `,
        errors: [
          { messageId: 'alias', line: 1 },
          { messageId: 'alias', line: 3 },
        ],
      },
      {
        name: 'both names, the replacement under an alias of its own and in another import',
        code: code`
        import { ServerOptions as Options } from '@livekit/agents';
        import { WorkerOptions } from '@livekit/agents';
        export const b = new WorkerOptions({ agent: 'b.js' });
        export const a = new Options({ agent: 'a.js' });
      `,
        output: code`
        import { ServerOptions as Options } from '@livekit/agents';
        export const b = new Options({ agent: 'b.js' });
        export const a = new Options({ agent: 'a.js' });
      `,
        errors: [
          { messageId: 'alias', line: 2 },
          { messageId: 'alias', line: 3 },
        ],
      },
      {
        name: 'aliased import: only the imported name changes',
        code: code`
        import { WorkerOptions as Opts, cli } from '@livekit/agents';
        cli.runApp(new Opts({ agent: 'agent.js' }));
      `,
        output: code`
        import { ServerOptions as Opts, cli } from '@livekit/agents';
        cli.runApp(new Opts({ agent: 'agent.js' }));
      `,
        errors: [{ messageId: 'alias', line: 1, column: 10 }],
      },
      {
        name: 'namespace import: the member is renamed',
        code: code`
        import * as agents from '@livekit/agents';
        agents.cli.runApp(new agents.WorkerOptions({ agent: 'agent.js' }));
        const W = agents.Worker;
      `,
        output: code`
        import * as agents from '@livekit/agents';
        agents.cli.runApp(new agents.ServerOptions({ agent: 'agent.js' }));
        const W = agents.AgentServer;
      `,
        errors: [
          { messageId: 'alias', line: 2, column: 30, endColumn: 43 },
          { messageId: 'alias', data: { check: '', name: 'Worker', target: 'AgentServer', since: '1.0.16' }, line: 3 },
        ],
      },
      {
        name: 'object shorthand and re-export keep their public names',
        code: code`
        import { WorkerOptions } from '@livekit/agents';
        export const registry = { WorkerOptions };
        export { WorkerOptions };
      `,
        output: code`
        import { ServerOptions } from '@livekit/agents';
        export const registry = { WorkerOptions: ServerOptions };
        export { ServerOptions as WorkerOptions };
      `,
        errors: [
          { messageId: 'alias', line: 1 },
          { messageId: 'alias', line: 2 },
          { messageId: 'alias', line: 3 },
        ],
      },
      {
        name: 'no autofix when the new name is taken where the old one is used',
        code: code`
        import { WorkerOptions } from '@livekit/agents';
        function build(ServerOptions: unknown) {
          return new WorkerOptions({ agent: String(ServerOptions) });
        }
      `,
        output: null,
        errors: [
          { messageId: 'alias', line: 1 },
          { messageId: 'alias', line: 3 },
        ],
      },
      {
        name: 'a wrapper module (importSources) gets a suggestion, not an autofix',
        code: code`
        import { WorkerOptions } from '#livekit';
        export const options = new WorkerOptions({ agent: 'a.js' });
      `,
        settings: { 'livekit-agents': { importSources: ['#livekit'] } },
        output: null,
        errors: [
          {
            messageId: 'alias',
            line: 1,
            suggestions: [
              {
                messageId: 'useAlias',
                data: { name: 'WorkerOptions', target: 'ServerOptions', since: '1.0.16' },
                output: code`
                import { ServerOptions } from '#livekit';
                export const options = new ServerOptions({ agent: 'a.js' });
              `,
              },
            ],
          },
          {
            messageId: 'alias',
            line: 2,
            suggestions: [
              {
                messageId: 'useAlias',
                output: code`
                import { ServerOptions } from '#livekit';
                export const options = new ServerOptions({ agent: 'a.js' });
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'metrics.UsageCollector: suggestion when the collector is only collect()-ed',
        code: code`
        import { metrics, voice } from '@livekit/agents';
        export function track(session: voice.AgentSession) {
          const usage = new metrics.UsageCollector();
          session.on(voice.AgentSessionEventTypes.MetricsCollected, (ev) => usage.collect(ev.metrics));
        }
      `,
        errors: [
          {
            messageId: 'api',
            data: {
              check: '',
              name: 'metrics.UsageCollector',
              since: '1.2.0',
              replacement: 'metrics.ModelUsageCollector (per model and provider; read it with flatten())',
            },
            line: 3,
            column: 21,
            endColumn: 43,
            suggestions: [
              {
                messageId: 'useModelUsageCollector',
                output: code`
                import { metrics, voice } from '@livekit/agents';
                export function track(session: voice.AgentSession) {
                  const usage = new metrics.ModelUsageCollector();
                  session.on(voice.AgentSessionEventTypes.MetricsCollected, (ev) => usage.collect(ev.metrics));
                }
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'flat UsageCollector read with getSummary(): no suggestion (the API differs)',
        code: code`
        import { UsageCollector } from '@livekit/agents';
        const usage = new UsageCollector();
        console.log(usage.getSummary());
      `,
        errors: [
          {
            messageId: 'api',
            data: {
              check: '',
              name: 'UsageCollector',
              since: '1.2.0',
              replacement: 'metrics.ModelUsageCollector (per model and provider; read it with flatten())',
            },
            line: 2,
            suggestions: [],
          },
        ],
      },
      {
        name: 'livekit plugin turn detector: suggestion to inference.TurnDetector',
        code: code`
        import { inference, voice } from '@livekit/agents';
        import * as livekit from '@livekit/agents-plugin-livekit';
        new voice.AgentSession({ turnHandling: { turnDetection: new livekit.turnDetector.MultilingualModel() } });
      `,
        errors: [
          {
            messageId: 'api',
            data: {
              check: '',
              name: 'livekit.turnDetector.MultilingualModel',
              since: '1.4.7',
              replacement:
                'inference.TurnDetector from @livekit/agents (or omit it: AgentSession provisions one by default)',
            },
            line: 3,
            suggestions: [
              {
                messageId: 'useInferenceTurnDetector',
                output: code`
                import { inference, voice } from '@livekit/agents';
                import * as livekit from '@livekit/agents-plugin-livekit';
                new voice.AgentSession({ turnHandling: { turnDetection: new inference.TurnDetector() } });
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'livekit plugin turn detector, named import and no inference binding: no suggestion',
        code: code`
        import { turnDetector } from '@livekit/agents-plugin-livekit';
        export const detector = new turnDetector.EnglishModel();
      `,
        errors: [
          {
            messageId: 'api',
            data: {
              check: '',
              name: 'turnDetector.EnglishModel',
              since: '1.4.7',
              replacement:
                'inference.TurnDetector from @livekit/agents (or omit it: AgentSession provisions one by default)',
            },
            suggestions: [],
          },
        ],
      },
      {
        name: 'AgentSession turnDetection moves into a new turnHandling',
        code: code`
        import { voice } from '@livekit/agents';
        const session = new voice.AgentSession({ llm: 'openai/gpt-4.1-mini', turnDetection: 'vad' });
      `,
        errors: [
          {
            messageId: 'option',
            data: {
              check: '',
              owner: 'AgentSession',
              option: 'turnDetection',
              since: '1.2.0',
              replacement: 'turnHandling.turnDetection',
            },
            line: 2,
            column: 70,
            suggestions: [
              {
                messageId: 'moveToTurnHandling',
                output: code`
                import { voice } from '@livekit/agents';
                const session = new voice.AgentSession({ llm: 'openai/gpt-4.1-mini', turnHandling: { turnDetection: 'vad' } });
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'AgentSession preemptiveGeneration moves into an existing multi-line turnHandling',
        code: code`
        import { AgentSession } from '@livekit/agents';
        const session = new AgentSession({
          preemptiveGeneration: false,
          turnHandling: {
            endpointing: { minDelay: 300 },
          },
        });
      `,
        errors: [
          {
            messageId: 'option',
            data: {
              check: '',
              owner: 'AgentSession',
              option: 'preemptiveGeneration',
              since: '1.2.8',
              replacement: 'turnHandling.preemptiveGeneration.enabled',
            },
            line: 3,
            suggestions: [
              {
                messageId: 'moveToTurnHandling',
                output: code`
                import { AgentSession } from '@livekit/agents';
                const session = new AgentSession({
                  turnHandling: {
                    endpointing: { minDelay: 300 },
                    preemptiveGeneration: { enabled: false },
                  },
                });
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'no suggestion when the new place is already set',
        code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ turnDetection: 'stt', turnHandling: { turnDetection: 'vad' } });
      `,
        errors: [{ messageId: 'option', suggestions: [] }],
      },
      {
        name: 'voiceOptions flattened to top-level options and turnHandling',
        code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ voiceOptions: { maxToolSteps: 5, minEndpointingDelay: 400, allowInterruptions: false, maxEndpointingDelay: 6000 } });
      `,
        errors: [
          {
            messageId: 'option',
            data: {
              check: '',
              owner: 'AgentSession',
              option: 'voiceOptions',
              since: '1.2.0',
              replacement: 'top-level session options and turnHandling',
            },
            suggestions: [
              {
                messageId: 'flattenVoiceOptions',
                output: code`
                import { voice } from '@livekit/agents';
                new voice.AgentSession({ maxToolSteps: 5, turnHandling: { endpointing: { minDelay: 400, maxDelay: 6000 }, interruption: { enabled: false } } });
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'voiceOptions.preemptiveGeneration stays top-level before 1.2.8',
        code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ voiceOptions: { preemptiveGeneration: true } });
      `,
        settings: settings('1.2.0'),
        errors: [
          {
            messageId: 'option',
            suggestions: [
              {
                messageId: 'flattenVoiceOptions',
                output: code`
                import { voice } from '@livekit/agents';
                new voice.AgentSession({ preemptiveGeneration: true });
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'voiceOptions with an unknown field: reported, no suggestion',
        code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ voiceOptions: { ...defaults } });
      `,
        errors: [{ messageId: 'option', suggestions: [] }],
      },
      {
        name: 'Agent options in super(), through a subclass',
        code: code`
        import { voice } from '@livekit/agents';
        class Greeter extends voice.Agent {
          constructor() {
            super({ instructions: 'Greet the caller.', allowInterruptions: false });
          }
        }
      `,
        errors: [
          {
            messageId: 'option',
            data: {
              check: '',
              owner: 'Agent',
              option: 'allowInterruptions',
              since: '1.2.0',
              replacement: 'turnHandling.interruption.enabled',
            },
            line: 4,
            suggestions: [
              {
                messageId: 'moveToTurnHandling',
                output: code`
                import { voice } from '@livekit/agents';
                class Greeter extends voice.Agent {
                  constructor() {
                    super({ instructions: 'Greet the caller.', turnHandling: { interruption: { enabled: false } } });
                  }
                }
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'Agent option ignored because the agent also sets turnHandling',
        code: code`
        import { voice } from '@livekit/agents';
        voice.Agent.create({ instructions: 'x', turnDetection: 'vad', turnHandling: { interruption: { minDuration: 400 } } });
      `,
        errors: [
          {
            messageId: 'ignoredOption',
            data: { check: '', option: 'turnDetection', replacement: 'turnHandling.turnDetection' },
            suggestions: [
              {
                messageId: 'moveToTurnHandling',
                output: code`
                import { voice } from '@livekit/agents';
                voice.Agent.create({ instructions: 'x', turnHandling: { interruption: { minDuration: 400 }, turnDetection: 'vad' } });
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'version gate: at 1.2.0 turnDetection is reported but top-level preemptiveGeneration is not',
        code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ turnDetection: 'vad', preemptiveGeneration: true });
      `,
        settings: settings('1.2.0'),
        errors: [
          {
            messageId: 'option',
            data: {
              check: '',
              owner: 'AgentSession',
              option: 'turnDetection',
              since: '1.2.0',
              replacement: 'turnHandling.turnDetection',
            },
            suggestions: [
              {
                messageId: 'moveToTurnHandling',
                data: {
                  owner: 'AgentSession',
                  option: 'turnDetection',
                  since: '1.2.0',
                  replacement: 'turnHandling.turnDetection',
                },
                output: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ turnHandling: { turnDetection: 'vad' }, preemptiveGeneration: true });
      `,
              },
            ],
          },
        ],
      },
      {
        name: 'version gate: at 1.1.0 (detected) WorkerOptions is reported, turnDetection is not',
        code: code`
        import { WorkerOptions, voice } from '@livekit/agents';
        new voice.AgentSession({ turnDetection: 'vad' });
        new WorkerOptions({ agent: 'a.js' });
      `,
        filename: join(midProject, 'src', 'agent.ts'),
        output: code`
        import { ServerOptions, voice } from '@livekit/agents';
        new voice.AgentSession({ turnDetection: 'vad' });
        new ServerOptions({ agent: 'a.js' });
      `,
        errors: [
          { messageId: 'alias', line: 1 },
          { messageId: 'alias', line: 3 },
        ],
      },
      {
        name: 'range ^1.0.5 admits 1.0.16: reported, but as a suggestion naming the version it needs (no autofix)',
        code: code`
        import { Worker } from '@livekit/agents';
        new Worker({});
      `,
        settings: settings('^1.0.5'),
        output: null,
        errors: [
          {
            messageId: 'alias',
            data: {
              name: 'Worker',
              target: 'AgentServer',
              since: '1.0.16',
              check: RANGE_CHECK('1.0.16', "the version setting '^1.0.5'"),
            },
            line: 1,
            suggestions: [
              {
                messageId: 'useAlias',
                data: { target: 'AgentServer' },
                output: code`
            import { AgentServer } from '@livekit/agents';
            new AgentServer({});
          `,
              },
            ],
          },
          {
            messageId: 'alias',
            line: 2,
            suggestions: [
              {
                messageId: 'useAlias',
                data: { target: 'AgentServer' },
                output: code`
            import { AgentServer } from '@livekit/agents';
            new AgentServer({});
          `,
              },
            ],
          },
        ],
      },
      {
        name: 'range ~1.0.12 admits 1.0.16 (ServerOptions): suggestion only',
        code: code`
        import { WorkerOptions } from '@livekit/agents';
        export const options = new WorkerOptions({ agent: 'a.js' });
      `,
        settings: settings('~1.0.12'),
        output: null,
        errors: [
          {
            messageId: 'alias',
            data: {
              name: 'WorkerOptions',
              target: 'ServerOptions',
              since: '1.0.16',
              check: RANGE_CHECK('1.0.16', "the version setting '~1.0.12'"),
            },
            line: 1,
            suggestions: useAlias(
              'ServerOptions',
              code`
            import { ServerOptions } from '@livekit/agents';
            export const options = new ServerOptions({ agent: 'a.js' });
          `,
            ),
          },
          {
            messageId: 'alias',
            line: 2,
            suggestions: useAlias(
              'ServerOptions',
              code`
            import { ServerOptions } from '@livekit/agents';
            export const options = new ServerOptions({ agent: 'a.js' });
          `,
            ),
          },
        ],
      },
      {
        name: 'range ^1.0.27 admits 1.2.0: turnDetection reported with the version turnHandling needs',
        code: code`
        import { voice } from '@livekit/agents';
        new voice.AgentSession({ turnDetection: 'vad' });
      `,
        settings: settings('^1.0.27'),
        errors: [
          {
            messageId: 'option',
            data: {
              owner: 'AgentSession',
              option: 'turnDetection',
              since: '1.2.0',
              replacement: 'turnHandling.turnDetection',
              check: RANGE_CHECK('1.2.0', "the version setting '^1.0.27'"),
            },
            suggestions: [
              {
                messageId: 'moveToTurnHandling',
                data: { option: 'turnDetection', replacement: 'turnHandling.turnDetection' },
                output: code`
                import { voice } from '@livekit/agents';
                new voice.AgentSession({ turnHandling: { turnDetection: 'vad' } });
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'range 1.x admits every replacement: reported, suggestions only',
        code: code`
        import { Worker } from '@livekit/agents';
        new Worker({});
      `,
        settings: settings('1.x'),
        output: null,
        errors: [
          {
            messageId: 'alias',
            data: {
              name: 'Worker',
              target: 'AgentServer',
              since: '1.0.16',
              check: RANGE_CHECK('1.0.16', "the version setting '1.x'"),
            },
            suggestions: useAlias(
              'AgentServer',
              code`
            import { AgentServer } from '@livekit/agents';
            new AgentServer({});
          `,
            ),
          },
          {
            messageId: 'alias',
            suggestions: useAlias(
              'AgentServer',
              code`
            import { AgentServer } from '@livekit/agents';
            new AgentServer({});
          `,
            ),
          },
        ],
      },
      {
        name: 'unknown version (no package, lockfile or package.json): suggestion, never an autofix',
        code: code`
        import { WorkerOptions, cli } from '@livekit/agents';
        cli.runApp(new WorkerOptions({ agent: 'agent.js' }));
      `,
        filename: join(bareProject, 'src', 'agent.ts'),
        output: null,
        errors: [
          {
            messageId: 'alias',
            data: { name: 'WorkerOptions', target: 'ServerOptions', since: '1.0.16', check: UNKNOWN_CHECK('1.0.16') },
            line: 1,
            suggestions: [
              {
                messageId: 'useAlias',
                data: { target: 'ServerOptions' },
                output: code`
            import { ServerOptions, cli } from '@livekit/agents';
            cli.runApp(new ServerOptions({ agent: 'agent.js' }));
          `,
              },
            ],
          },
          {
            messageId: 'alias',
            line: 2,
            suggestions: useAlias(
              'ServerOptions',
              code`
            import { ServerOptions, cli } from '@livekit/agents';
            cli.runApp(new ServerOptions({ agent: 'agent.js' }));
          `,
            ),
          },
        ],
      },
      {
        name: 'a version setting that is no version is treated as unknown: suggestion only',
        code: code`
        import { Worker } from '@livekit/agents';
        new Worker({});
      `,
        settings: settings('one point nine'),
        output: null,
        errors: [
          {
            messageId: 'alias',
            data: { name: 'Worker', target: 'AgentServer', since: '1.0.16', check: UNKNOWN_CHECK('1.0.16') },
            suggestions: useAlias(
              'AgentServer',
              code`
            import { AgentServer } from '@livekit/agents';
            new AgentServer({});
          `,
            ),
          },
          {
            messageId: 'alias',
            suggestions: useAlias(
              'AgentServer',
              code`
            import { AgentServer } from '@livekit/agents';
            new AgentServer({});
          `,
            ),
          },
        ],
      },
      {
        name: 'one problem, one report: a deprecated option holding a deprecated value',
        code: code`
        import { inference, voice } from '@livekit/agents';
        import * as livekit from '@livekit/agents-plugin-livekit';
        new voice.AgentSession({ turnDetection: new livekit.turnDetector.MultilingualModel() });
      `,
        errors: [
          {
            messageId: 'optionWithValue',
            data: {
              owner: 'AgentSession',
              option: 'turnDetection',
              since: '1.2.0',
              replacement: 'turnHandling.turnDetection',
              name: 'livekit.turnDetector.MultilingualModel',
              valueSince: '1.4.7',
              valueReplacement:
                'inference.TurnDetector from @livekit/agents (or omit it: AgentSession provisions one by default)',
              check: '',
            },
            line: 3,
            column: 26,
            suggestions: [
              {
                messageId: 'moveToTurnHandling',
                data: { option: 'turnDetection', replacement: 'turnHandling.turnDetection' },
                output: code`
                import { inference, voice } from '@livekit/agents';
                import * as livekit from '@livekit/agents-plugin-livekit';
                new voice.AgentSession({ turnHandling: { turnDetection: new livekit.turnDetector.MultilingualModel() } });
              `,
              },
              {
                messageId: 'useInferenceTurnDetector',
                output: code`
                import { inference, voice } from '@livekit/agents';
                import * as livekit from '@livekit/agents-plugin-livekit';
                new voice.AgentSession({ turnDetection: new inference.TurnDetector() });
              `,
              },
            ],
          },
        ],
      },
      {
        name: 'one report per problem, with the later version in the check when the version is unknown',
        code: code`
        import { voice } from '@livekit/agents';
        import { turnDetector } from '@livekit/agents-plugin-livekit';
        new voice.Agent({ instructions: 'x', turnDetection: new turnDetector.EnglishModel() });
      `,
        filename: join(bareProject, 'src', 'agent.ts'),
        errors: [
          {
            messageId: 'optionWithValue',
            data: {
              owner: 'Agent',
              option: 'turnDetection',
              since: '1.2.0',
              replacement: 'turnHandling.turnDetection',
              name: 'turnDetector.EnglishModel',
              valueSince: '1.4.7',
              valueReplacement:
                'inference.TurnDetector from @livekit/agents (or omit it: AgentSession provisions one by default)',
              check: UNKNOWN_CHECK('1.4.7'),
            },
            line: 3,
            // Moving it is offered; the value's own fix is not (no inference binding in the file to use).
            suggestions: [
              {
                messageId: 'moveToTurnHandling',
                data: { option: 'turnDetection', replacement: 'turnHandling.turnDetection' },
                output: code`
                import { voice } from '@livekit/agents';
                import { turnDetector } from '@livekit/agents-plugin-livekit';
                new voice.Agent({ instructions: 'x', turnHandling: { turnDetection: new turnDetector.EnglishModel() } });
              `,
              },
            ],
          },
        ],
      },
    ],
  }),
);

commonJsTester.run(
  'no-deprecated-api (CommonJS)',
  rule,
  withLatestSdk({
    valid: [
      {
        name: 'require of another package',
        code: "const { WorkerOptions } = require('other'); new WorkerOptions({});",
      },
    ],
    invalid: [
      {
        name: 'destructured require: property and references renamed',
        code: "const { WorkerOptions, cli } = require('@livekit/agents'); cli.runApp(new WorkerOptions({ agent: __filename }));",
        output:
          "const { ServerOptions, cli } = require('@livekit/agents'); cli.runApp(new ServerOptions({ agent: __filename }));",
        errors: [
          { messageId: 'alias', column: 9 },
          { messageId: 'alias', column: 75 },
        ],
      },
      {
        name: 'destructured require with both names: the deprecated property is dropped',
        code: "const { ServerOptions, WorkerOptions: Opts } = require('@livekit/agents'); new Opts({}); new ServerOptions({});",
        output:
          "const { ServerOptions, ServerOptions: Opts } = require('@livekit/agents'); new Opts({}); new ServerOptions({});",
        errors: [{ messageId: 'alias', column: 24 }],
      },
      {
        name: 'namespace require',
        code: "const agents = require('@livekit/agents'); new agents.Worker({});",
        output: "const agents = require('@livekit/agents'); new agents.AgentServer({});",
        errors: [{ messageId: 'alias', data: { check: '', name: 'Worker', target: 'AgentServer', since: '1.0.16' } }],
      },
    ],
  }),
);
