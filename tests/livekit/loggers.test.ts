import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type LoggerSinkOptions, loggerSinkOf } from '../../src/livekit/loggers.js';
import { getLiveKitModel } from '../../src/livekit/program.js';
import { type ProbeOptions, probe } from '../helpers/probe.js';

/** Every call in the code, as `kind method text` (with ` bindings` when so), or '-' when it is no sink. */
function sinks(code: string, options: LoggerSinkOptions = {}, probeOptions: ProbeOptions = {}): string[] {
  return probe(
    code,
    'CallExpression',
    (node, context) => {
      const sink = loggerSinkOf(node as TSESTree.CallExpression, context, getLiveKitModel(context), options);
      return sink ? `${sink.kind} ${sink.method} ${sink.text}${sink.bindings ? ' bindings' : ''}` : '-';
    },
    probeOptions,
  );
}

describe('loggerSinkOf', () => {
  it('console methods on the global console, in a file with no LiveKit import', () => {
    expect(sinks(`console.log(a); console.error(b); console.table(c); console.time('x'); console.assert(d);`)).toEqual([
      'console log console.log',
      'console error console.error',
      'console table console.table',
      '-',
      '-',
    ]);
  });

  it('every way of writing the method: computed keys, optional calls, wrappers, comments and line breaks', () => {
    expect(
      sinks(`
        console['log'](a); console[\`warn\`](b); logger?.info(c); (logger.error as any)(d); logger.warn!(e);
        logger /* x */ . /* y */ debug(f);
        logger
          .child({ g })
          .info('h');
        const info = logger.info; info(i); logger.info; const { log } = console; other['info'];
      `),
    ).toEqual([
      'console log console.log',
      'console warn console.warn',
      'named info logger.info',
      'named error logger.error',
      'named warn logger.warn',
      'named debug logger.debug',
      '-', // a named logger's child is not followed (a LiveKit one's is)
      'named child logger.child bindings',
      '-',
    ]);
  });

  it('a local named console is not the console', () => {
    expect(sinks(`function f(console: { log(x: unknown): void }) { console.log(1); }`)).toEqual(['-']);
  });

  it('process.stdout.write and process.stderr.write, unless process is shadowed', () => {
    expect(
      sinks(`
        process.stdout.write('a'); process.stderr.write('b'); process.stdout.end();
        function g(process: any) { process.stdout.write('c'); }
      `),
    ).toEqual(['stdout write process.stdout.write', 'stdout write process.stderr.write', '-', '-']);
  });

  it("LiveKit's log(): direct, through a const, .child(), an alias, a namespace and a class field", () => {
    expect(
      sinks(`
        import { log, log as lkLog } from '@livekit/agents';
        import * as agents from '@livekit/agents';
        export async function entry() {
          log().info('a');
          const l = log();
          l.warn({ x: 1 }, 'b');
          const child = l.child({ job: 1 });
          child.error('c');
          lkLog().debug('d');
          agents.log().info('e');
          l.isLevelEnabled('debug');
        }
        class Desk {
          #out = log();
          run() { this.#out.info('f'); }
        }
      `),
    ).toEqual([
      'livekit info log().info',
      '-',
      '-',
      'livekit warn l.warn',
      'livekit child l.child bindings',
      'livekit error child.error',
      'livekit debug lkLog().debug',
      '-',
      'livekit info agents.log().info',
      '-',
      '-',
      '-',
      'livekit info this.#out.info',
    ]);
  });

  it("only a pino method that writes makes a LiveKit logger call a sink, whatever the logger's variable is named", () => {
    expect(
      sinks(`
        import { log } from '@livekit/agents';
        const out = log();
        out.fatal('a'); out.setBindings({ b }); out.silent('c'); out.flush(); out.on('level-change', f);
      `),
    ).toEqual(['-', 'livekit fatal out.fatal', 'livekit setBindings out.setBindings bindings', '-', '-', '-']);
  });

  it('a log function from another package is not LiveKit’s, but a receiver named logger still is', () => {
    expect(
      sinks(`
        import { log } from './my-log';
        log().info('a');
        const logger = log();
        logger.info('b');
      `),
    ).toEqual(['-', '-', '-', 'named info logger.info']);
  });

  it('receivers named logger / log / *Logger with pino methods', () => {
    expect(
      sinks(`
        logger.info(a); log.warn(b); this.logger.error(c); ctx.log.debug(d); auditLogger.fatal(e);
        logger.child({ a }); logger.flush(); Math.log(2); logger.send(x); blog.info(y);
      `),
    ).toEqual([
      'named info logger.info',
      'named warn log.warn',
      'named error this.logger.error',
      'named debug ctx.log.debug',
      'named fatal auditLogger.fatal',
      'named child logger.child bindings',
      '-',
      '-',
      '-',
      '-',
    ]);
  });

  it('names from settings and from the options: callee texts and receivers', () => {
    const code = `audit.record(a); audit.other(b); telemetry.send(c); telemetry.flush(); track(d); other(e);`;
    expect(sinks(code, {}, { settings: { 'livekit-agents': { loggers: ['audit.record', 'telemetry'] } } })).toEqual([
      'settings record audit.record',
      '-',
      'settings send telemetry.send',
      'settings flush telemetry.flush',
      '-',
      '-',
    ]);
    expect(sinks(code, { loggers: ['track'] })).toEqual(['-', '-', '-', '-', 'settings track track', '-']);
  });

  it('shortens a long callee for messages', () => {
    expect(
      sinks(`
        import { log } from '@livekit/agents';
        export function f() { log().child({ requestId: 1, participant: 'p' }).info('x'); }
      `)[0],
    ).toBe('livekit info ….info');
  });

  it('a let reassigned to something else is not a LiveKit logger', () => {
    expect(
      sinks(`
        import { log } from '@livekit/agents';
        let out = log();
        out = makeOther();
        out.info('a');
      `),
    ).toEqual(['-', '-', '-']);
  });
});
