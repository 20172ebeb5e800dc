import { describe, expect, it } from 'vitest';
import { getEntryConnect } from '../../src/livekit/connect.js';
import { withModel } from '../helpers/model.js';

/** The connect point of the first entry in `code`: its kind, the call's text and the texts that run before it. */
function connectOf(code: string) {
  return withModel(`import { defineAgent, voice } from '@livekit/agents';\n${code}`, (model, sourceCode) => {
    const entry = model!.defineAgents[0]!.entry!;
    const info = getEntryConnect(sourceCode, entry);
    if (!info) return null;
    const point = info.point;
    return point
      ? { kind: point.kind, call: sourceCode.getText(point.call), before: point.before.map((node) => sourceCode.getText(node)) }
      : 'none';
  });
}

describe('connect point', () => {
  it('ctx.connect(), with the statements before it', () => {
    expect(connectOf(`defineAgent({ entry: async (ctx) => { const a = await x(); await ctx.connect(); await y(); } });`)).toEqual({
      kind: 'connect',
      call: 'ctx.connect()',
      before: ['const a = await x();'],
    });
  });

  it("the official starter: session.start({ room: ctx.room }) comes first, then ctx.connect()", () => {
    expect(
      connectOf(`defineAgent({ entry: async (ctx) => {
        const session = new voice.AgentSession({});
        await session.start({ agent, room: ctx.room });
        await ctx.connect();
      } });`),
    ).toEqual({ kind: 'session-start', call: 'session.start({ agent, room: ctx.room })', before: ['const session = new voice.AgentSession({});'] });
  });

  it('a call handed ctx or ctx.room (also through a const alias or inside an object) stops the search', () => {
    expect(connectOf(`defineAgent({ entry: async (ctx) => { await setup(ctx); } });`)).toMatchObject({ kind: 'passes-context' });
    expect(connectOf(`defineAgent({ entry: async (ctx) => { const r = ctx.room; new Avatar({ room: r }); } });`)).toMatchObject({
      kind: 'passes-context',
      call: 'new Avatar({ room: r })',
    });
  });

  it('methods called on ctx and members of ctx passed along are not connect points', () => {
    expect(
      connectOf(`defineAgent({ entry: async (ctx) => { ctx.addShutdownCallback(f); log(ctx.room.name, ctx.job.metadata); } });`),
    ).toBe('none');
  });

  it('nested functions are not looked into, except a local function or an inline callback that connects', () => {
    expect(connectOf(`defineAgent({ entry: async (ctx) => { session.on('x', () => ctx.connect()); } });`)).toMatchObject({
      kind: 'connecting-function',
    });
    expect(connectOf(`defineAgent({ entry: async (ctx) => { const later = () => ctx.connect(); await x(); } });`)).toBe('none');
    expect(
      connectOf(`defineAgent({ entry: async (ctx) => { const join = async () => { await ctx.connect(); }; await x(); await join(); } });`),
    ).toMatchObject({ kind: 'connecting-function', call: 'join()', before: ['const join = async () => { await ctx.connect(); };', 'await x();'] });
  });

  it('finds points in statements that name ctx only through a const or a function declared in entry', () => {
    expect(
      connectOf(`defineAgent({ entry: async (ctx) => { const options = { agent, room: ctx.room }; await x(); await session.start(options); } });`),
    ).toEqual({
      kind: 'session-start',
      call: 'session.start(options)',
      before: ['const options = { agent, room: ctx.room };', 'await x();'],
    });
    expect(
      connectOf(`defineAgent({ entry: async (ctx) => { await x(); await join(); async function join() { await ctx.connect(); } } });`),
    ).toMatchObject({ kind: 'connecting-function', call: 'join()', before: ['await x();'] });
  });

  it('going down blocks to the call: earlier statements of each block and if tests run before it', () => {
    expect(
      connectOf(`defineAgent({ entry: async (ctx) => { await a(); try { await b(); if (await c()) { await d(); await ctx.connect(); } } catch {} } });`),
    ).toEqual({ kind: 'connect', call: 'ctx.connect()', before: ['await a();', 'await b();', 'await c()', 'await d();'] });
  });

  it('no context parameter, or an expression body: nothing to compute', () => {
    expect(connectOf(`defineAgent({ entry: async ({ room }) => { await x(); } });`)).toBeNull();
    expect(connectOf(`defineAgent({ entry: async (ctx) => ctx.connect() });`)).toBeNull();
  });

  it('is computed once per entry function', () => {
    const same = withModel(
      `import { defineAgent } from '@livekit/agents'; defineAgent({ entry: async (ctx) => { await ctx.connect(); } });`,
      (model, sourceCode) => {
        const entry = model!.defineAgents[0]!.entry!;
        return getEntryConnect(sourceCode, entry) === getEntryConnect(sourceCode, entry);
      },
    );
    expect(same).toBe(true);
  });
});
