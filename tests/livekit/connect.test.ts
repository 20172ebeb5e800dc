import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getLiveKitModel } from '../../src/livekit/program.js';

interface FlowView {
  awaits: string[];
  calls: string[];
  via: string[];
  connects: boolean;
  opaque: boolean;
}

/** What runs before connect in the first entry of `code`, read through a probe rule that records the code paths. */
function flowOf(code: string): FlowView | null {
  let result: FlowView | null = null;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(`import { defineAgent } from '@livekit/agents';\n${code}`, {
    languageOptions: { parser: tsParser as Linter.Parser },
    plugins: {
      probe: {
        rules: {
          flow: {
            create(context) {
              const ruleContext = context as unknown as TSESLint.RuleContext<string, []>;
              const model = getLiveKitModel(ruleContext)!;
              const flow = model.connectFlow(ruleContext);
              return {
                ...(flow.recorder() as object),
                'Program:exit'() {
                  const info = flow.entryConnect(model.entryFunctions[0]!);
                  const text = (node: { range: [number, number] }) => ruleContext.sourceCode.text.slice(...node.range);
                  result = info && {
                    awaits: info.awaits.map(({ node }) => text(node)),
                    calls: info.calls.map(({ node }) => text(node)),
                    via: info.awaits.map(({ via }) => via.map((fn) => model.callGraph.nameOf(fn)).join(' → ')),
                    connects: info.connects,
                    opaque: info.opaque,
                  };
                },
              };
            },
          },
        },
      },
    },
    rules: { 'probe/flow': 'error' },
  });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  return result;
}

describe('before connect (code paths)', () => {
  it('awaits on the way to ctx.connect(), not after it', () => {
    expect(
      flowOf(
        `export default defineAgent({ entry: async (ctx) => { const a = await x(); await ctx.connect(); await y(); } });`,
      ),
    ).toMatchObject({
      awaits: ['await x()'],
      connects: true,
      opaque: false,
    });
  });

  it('the official starter: session.start({ room: ctx.room }) connects, so nothing is before it', () => {
    expect(
      flowOf(`export default defineAgent({ entry: async (ctx) => {
        const session = new voice.AgentSession({});
        await session.start({ agent, room: ctx.room });
        await ctx.connect();
      } });`),
    ).toMatchObject({ awaits: [], connects: true });
  });

  it('a kept call handed ctx or ctx.room may connect (opaque); a logger or a used value does not', () => {
    expect(
      flowOf(`export default defineAgent({ entry: async (ctx) => { await setup(ctx); await x(); } });`),
    ).toMatchObject({
      awaits: [],
      opaque: true,
    });
    expect(
      flowOf(
        `export default defineAgent({ entry: async (ctx) => { logger.info({ ctx }); const m = parse(ctx); await x(m); await setup({ room: ctx.room }); } });`,
      ),
    ).toMatchObject({ awaits: ['await x(m)'], opaque: true });
  });

  it('an entry that never connects visibly reports nothing', () => {
    expect(
      flowOf(`export default defineAgent({ entry: async (ctx) => { await x(); ctx.addShutdownCallback(f); } });`),
    ).toMatchObject({
      awaits: [],
      connects: false,
    });
  });

  it('callbacks do not run on the path; an inline callback that connects is a connect', () => {
    expect(
      flowOf(
        `export default defineAgent({ entry: async (ctx) => { const later = async () => { await z(); }; await retry(() => ctx.connect()); await y(); } });`,
      ),
    ).toMatchObject({ awaits: [], connects: true });
  });

  it('branches: an if that connects leaves the other path unconnected; a path that never connects again is not reported', () => {
    expect(
      flowOf(
        `export default defineAgent({ entry: async (ctx) => { if (a) await ctx.connect(); await x(); await session.start({ room: ctx.room }); } });`,
      ),
    ).toMatchObject({ awaits: ['await x()'] });
    expect(
      flowOf(
        `export default defineAgent({ entry: async (ctx) => { try { await ctx.connect(); } catch (e) { await report(e); throw e; } } });`,
      ),
    ).toMatchObject({ awaits: [], connects: true });
  });

  it('follows same-file functions: a delegate that connects is analysed with its chain; one that never connects is a plain call', () => {
    const view = flowOf(`
      async function prepare(ctx) { await warm(); await ctx.connect(); }
      function meta(ctx) { return ctx.job.metadata; }
      export default defineAgent({ entry: async (ctx) => { const m = meta(ctx); await load(m); await prepare(ctx); await after(); } });`);
    expect(view).toMatchObject({ awaits: ['await warm()', 'await load(m)'], via: ['prepare', ''], connects: true });
    expect(view?.calls).toContain('meta(ctx)');
    expect(view?.calls).not.toContain('after()');
  });

  it('a delegate that connects on some paths only leaves the caller unconnected after it', () => {
    expect(
      flowOf(`
        async function maybe(ctx) { if (flag) await ctx.connect(); }
        export default defineAgent({ entry: async (ctx) => { await maybe(ctx); await x(); await ctx.connect(); } });`),
    ).toMatchObject({ awaits: ['await x()'] });
  });

  it('recursion and deep chains end', () => {
    expect(
      flowOf(`
        async function a(ctx) { await w(); await b(ctx); }
        async function b(ctx) { await a(ctx); await ctx.connect(); }
        export default defineAgent({ entry: (ctx) => a(ctx) });`),
    ).toMatchObject({ connects: true });
  });

  it('no context parameter: nothing to compute', () => {
    expect(flowOf(`export default defineAgent({ entry: async () => { await x(); } });`)).toBeNull();
  });
});
