import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { withModel } from '../helpers/model.js';

const text = (sourceCode: { getText(node: TSESTree.Node): string }, node: TSESTree.Node | null | undefined) =>
  node ? sourceCode.getText(node) : null;

describe('defineAgent entries and prewarms', () => {
  it('inline arrow functions', () => {
    const result = withModel(
      `import { defineAgent } from '@livekit/agents';
       export default defineAgent({ prewarm: async (proc) => {}, entry: async (ctx) => { await ctx.connect(); } });`,
      (model) =>
        model!.defineAgents.map((d) => ({ entry: d.entry?.type, prewarm: d.prewarm?.type, ctx: d.contextName })),
    );
    expect(result).toEqual([{ entry: 'ArrowFunctionExpression', prewarm: 'ArrowFunctionExpression', ctx: 'ctx' }]);
  });

  it('shorthand properties naming function declarations elsewhere in the file', () => {
    const result = withModel(
      `import { defineAgent, type JobContext } from '@livekit/agents';
       export default defineAgent({ prewarm, entry });
       async function entry(job: JobContext) { await job.connect(); }
       async function prewarm(proc: unknown) {}`,
      (model) =>
        model!.defineAgents.map((d) => ({
          entry: d.entry?.id?.name,
          prewarm: d.prewarm?.id?.name,
          ctx: d.contextName,
        })),
    );
    expect(result).toEqual([{ entry: 'entry', prewarm: 'prewarm', ctx: 'job' }]);
  });

  it('methods and consts, and an imported prewarm (not visible)', () => {
    const result = withModel(
      `import { defineAgent } from '@livekit/agents';
       import { prewarm } from './prewarm';
       const main = async (ctx) => {};
       const options = { prewarm, entry: main };
       export default defineAgent(options);
       defineAgent({ async entry(ctx) {} });`,
      (model) =>
        model!.defineAgents.map((d) => ({ entry: d.entry?.type, prewarm: d.prewarm, unresolved: d.prewarmUnresolved })),
    );
    expect(result).toEqual([
      { entry: 'ArrowFunctionExpression', prewarm: null, unresolved: true },
      { entry: 'FunctionExpression', prewarm: null, unresolved: false },
    ]);
  });

  it('a defineAgent from another package is not an entry', () => {
    expect(
      withModel(
        "import { defineAgent } from 'other'; import { llm } from '@livekit/agents'; defineAgent({ entry() {} });",
        (model) => model!.defineAgents,
      ),
    ).toEqual([]);
  });
});

describe('agent classes and constructions', () => {
  it('classes extending voice.Agent / AgentTask, directly and through a chain, and class expressions', () => {
    const names = withModel(
      `import { voice } from '@livekit/agents';
       class Base extends voice.Agent { constructor(opts) { super({ instructions: 'x', ...opts }); } }
       class Child extends Base {}
       const Task = class extends voice.AgentTask<string> {};
       class NotAgent extends Map {}`,
      (model) => model!.agentClasses.map((c) => `${c.name}:${c.base}:${c.parent?.name ?? '-'}`).sort(),
    );
    expect(names).toEqual(['Base:voice.Agent:-', 'Child:voice.Agent:Base', 'Task:voice.AgentTask:-']);
  });

  it('super options are read, a same-file const followed', () => {
    const result = withModel(
      `import { Agent } from '@livekit/agents';
       const OPTIONS = { instructions: 'Hello there' };
       class A extends Agent { constructor() { super(OPTIONS); } }`,
      (model, sourceCode) => text(sourceCode, model!.agentClasses[0]!.superOptions),
    );
    expect(result).toBe("{ instructions: 'Hello there' }");
  });

  it('every construction form', () => {
    const kinds = withModel(
      `import { voice } from '@livekit/agents';
       class Support extends voice.Agent {}
       new voice.Agent({ instructions: 'a' });
       voice.Agent.create({ instructions: 'b' });
       new Support();
       Support.create({});
       new Map();`,
      (model) =>
        model!.agentConstructions.map((c) => `${c.kind}:${c.agentClass?.name ?? 'sdk'}:${c.options ? 'options' : '-'}`),
    );
    expect(kinds.sort()).toEqual(['create:Support:options', 'create:sdk:options', 'new:Support:-', 'new:sdk:options']);
  });

  it('constructionOf follows a const in the same function', () => {
    const found = withModel(
      `import { voice } from '@livekit/agents';
       function f() { const next = new voice.Agent({ instructions: 'x' }); return next; }`,
      (model, sourceCode) => {
        const ret = (sourceCode.ast.body[1] as TSESTree.FunctionDeclaration).body.body[1] as TSESTree.ReturnStatement;
        return model!.constructionOf(ret.argument!)?.kind;
      },
    );
    expect(found).toBe('new');
  });
});

describe('tools', () => {
  it('names from `name`, from map keys, and from keys of a const map holding tool consts', () => {
    const names = withModel(
      `import { llm, voice } from '@livekit/agents';
       const refund = llm.tool({ description: 'd', execute: async () => 1 });
       const tools = { refundPayment: refund, 'look-up': llm.tool({ description: 'd', execute: async () => 1 }) };
       new voice.Agent({ instructions: 'x', tools });
       voice.Agent.create({ instructions: 'y', tools: [llm.tool({ name: 'named', description: 'd', execute: async () => 1 })] });`,
      (model) => model!.tools.map((t) => `${t.name}:${t.registrations.map((r) => r.registration.style).join(',')}`),
    );
    expect(names).toEqual(['refundPayment:map', 'look-up:map', 'named:array']);
  });

  it('a class of this file with no constructor takes its options as the SDK class does: map keys name its tools', () => {
    const names = withModel(
      `import { llm, voice } from '@livekit/agents';
       class Router extends voice.Agent { async onEnter() {} }
       class Picky extends voice.Agent { constructor(opts) { super({ ...opts, instructions: 'fixed' }); } }
       new Router({ instructions: 'x', tools: { playGame: llm.tool({ description: 'd', execute: async () => 1 }) } });
       new Picky({ tools: { unknownHere: llm.tool({ description: 'd', execute: async () => 1 }) } });`,
      (model) => model!.tools.map((t) => `${t.name}:${t.registrations.map((r) => r.registration.style).join(',')}`),
    );
    expect(names).toEqual(['playGame:map', 'null:']);
  });

  it('execute: inline, method shorthand, and a named function; its context parameter name', () => {
    const result = withModel(
      `import { tool } from '@livekit/agents';
       async function run(args, { ctx: runCtx }) {}
       tool({ name: 'a', description: 'd', execute: async (args, { ctx }) => 1 });
       tool({ name: 'b', description: 'd', async execute(args, options) { return 1; } });
       tool({ name: 'c', description: 'd', execute: run });`,
      (model) => model!.tools.map((t) => `${t.name}:${t.execute?.type}:${t.executeContextName}`),
    );
    expect(result).toEqual([
      'a:ArrowFunctionExpression:ctx',
      'b:FunctionExpression:options.ctx',
      'c:FunctionDeclaration:runCtx',
    ]);
  });

  it('registrations record unknown entries (spreads) and their owner', () => {
    const result = withModel(
      `import { llm, voice } from '@livekit/agents';
       import { shared } from './shared';
       class A extends voice.Agent { constructor() { super({ instructions: 'x', tools: [...shared, llm.tool({ name: 'n', description: 'd', execute: async () => 1 })] }); } }`,
      (model) =>
        model!.registrations.map((r) => ({
          style: r.style,
          unknown: r.hasUnknownEntries,
          owner: r.owner.agentClass?.name,
          n: r.entries.length,
        })),
    );
    expect(result).toEqual([{ style: 'array', unknown: true, owner: 'A', n: 1 }]);
  });
});

describe('handoffs, sessions and hot paths', () => {
  const code = `import { defineAgent, llm, voice } from '@livekit/agents';
    import { readFileSync } from 'node:fs';
    class Support extends voice.Agent { async onEnter() { marker('method'); } }
    const t = llm.tool({ name: 'go', description: 'd', execute: async (_, { ctx }) => { marker('execute'); return llm.handoff({ agent: new Support(), returns: 'Moving you now' }); } });
    export default defineAgent({
      prewarm: async (proc) => { marker('prewarm'); },
      entry: async (ctx) => {
        marker('entry');
        const session = new voice.AgentSession({ llm: 'openai/gpt-4.1-mini' });
        session.on('metrics_collected', (ev) => { marker('listener'); });
        [1].forEach(() => marker('nested'));
        await session.start({ agent: new Support(), room: ctx.room });
        session.usage;
      },
    });
    marker('module');
    function helper() { marker('helper'); }`;

  it('handoffs expose agent and returns', () => {
    const result = withModel(code, (model, sourceCode) =>
      model!.handoffs.map((h) => [text(sourceCode, h.agent), text(sourceCode, h.returnsProperty?.value)]),
    );
    expect(result).toEqual([['new Support()', "'Moving you now'"]]);
  });

  it('sessions record starts, listeners and other members', () => {
    const result = withModel(code, (model) =>
      model!.sessions.map((s) => ({
        starts: s.starts.length,
        listeners: s.listeners.length,
        members: s.members.length,
        options: !!s.options,
      })),
    );
    expect(result).toEqual([{ starts: 1, listeners: 1, members: 1, options: true }]);
  });

  it('hotPathOf tells where code runs', () => {
    const result = withModel(code, (model, sourceCode) => {
      const out: Record<string, string | null> = {};
      const visit = (node: TSESTree.Node): void => {
        if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'marker') {
          const label = (node.arguments[0] as TSESTree.StringLiteral).value;
          out[label] = model!.hotPathOf(node);
        }
        for (const [key, value] of Object.entries(node)) {
          if (key === 'parent') continue;
          if (Array.isArray(value)) value.forEach((v) => v && typeof v === 'object' && 'type' in v && visit(v));
          else if (value && typeof value === 'object' && 'type' in value) visit(value as TSESTree.Node);
        }
      };
      visit(sourceCode.ast as TSESTree.Node);
      return out;
    });
    expect(result).toEqual({
      method: 'agent-method',
      execute: 'execute',
      prewarm: null,
      entry: 'entry',
      listener: 'session-listener',
      nested: 'entry',
      module: null,
      helper: null,
    });
  });
});
