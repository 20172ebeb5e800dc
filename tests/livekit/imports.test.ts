import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { withModel } from '../helpers/model.js';

/** Canonical paths of every call in the snippet whose callee resolves to a LiveKit API. */
function resolvedCalls(code: string, options: Parameters<typeof withModel>[2] = {}): string[] {
  return withModel(
    code,
    (model, sourceCode) => {
      if (!model) return [];
      const found: string[] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const record = node as { type?: string; callee?: unknown; parent?: unknown };
        if (
          (record.type === AST_NODE_TYPES.CallExpression || record.type === AST_NODE_TYPES.NewExpression) &&
          record.callee
        ) {
          const resolved = model.imports.resolve(record.callee as never);
          if (resolved) found.push(resolved.path);
        }
        for (const [key, value] of Object.entries(record)) {
          if (key === 'parent') continue;
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object' && 'type' in value) visit(value);
        }
      };
      visit(sourceCode.ast);
      return found;
    },
    options,
  );
}

describe('LiveKit bindings', () => {
  it('named imports of namespaces', () => {
    expect(resolvedCalls("import { voice, llm } from '@livekit/agents'; new voice.Agent({}); llm.tool({});")).toEqual([
      'voice.Agent',
      'llm.tool',
    ]);
  });

  it('aliased flat imports map to their namespace', () => {
    expect(
      resolvedCalls("import { Agent as A, tool as t, handoff } from '@livekit/agents'; new A({}); t({}); handoff({});"),
    ).toEqual(['voice.Agent', 'llm.tool', 'llm.handoff']);
  });

  it('namespace import, with namespaced and flat members', () => {
    expect(
      resolvedCalls(
        "import * as agents from '@livekit/agents'; agents.llm.tool({}); agents.tool({}); agents.voice.Agent.create({});",
      ),
    ).toEqual(['llm.tool', 'llm.tool', 'voice.Agent.create']);
  });

  it('deprecated aliases are canonicalised, the raw path is kept', () => {
    const paths = withModel(
      "import { WorkerOptions } from '@livekit/agents'; new WorkerOptions({ agent: 'x' });",
      (model) => {
        const binding = model!.imports.bindings[0]!;
        const reference = binding.variable.references[0]!.identifier;
        return model!.imports.resolve(reference);
      },
    );
    expect(paths).toMatchObject({ path: 'ServerOptions', rawPath: 'WorkerOptions' });
  });

  it('plugins resolve under their own prefix, namespace and named', () => {
    expect(
      resolvedCalls(
        "import * as silero from '@livekit/agents-plugin-silero'; import { VAD } from '@livekit/agents-plugin-silero'; silero.VAD.load(); VAD.load();",
      ),
    ).toEqual(['silero:VAD.load', 'silero:VAD.load']);
  });

  it('CommonJS require: destructured, renamed and whole-module', () => {
    expect(
      resolvedCalls(
        "const { voice, llm: l } = require('@livekit/agents'); const agents = require('@livekit/agents'); new voice.Agent({}); l.tool({}); agents.llm.handoff({});",
        { sourceType: 'script' },
      ),
    ).toEqual(['voice.Agent', 'llm.tool', 'llm.handoff']);
  });

  it('local aliases of a binding are followed (const destructuring and member)', () => {
    expect(
      resolvedCalls(
        "import { llm, voice } from '@livekit/agents'; const { tool } = llm; const Agent = voice.Agent; tool({}); new Agent({});",
      ),
    ).toEqual(['llm.tool', 'voice.Agent']);
  });

  it('type-only imports are not bindings', () => {
    expect(
      resolvedCalls(
        "import type { llm } from '@livekit/agents'; import { type voice } from '@livekit/agents'; declare const x: any; x.tool();",
      ),
    ).toEqual([]);
    expect(withModel("import type { llm } from '@livekit/agents'; export const a = 1;", (model) => model)).toBeNull();
  });

  it('same names from other packages are not bindings', () => {
    expect(resolvedCalls("import { tool } from 'ai'; import { llm } from './my-llm'; tool({}); llm.tool({});")).toEqual(
      [],
    );
    expect(resolvedCalls("import { Room } from '@livekit/rtc-node'; new Room();")).toEqual([]);
  });

  it('a shadowing local is not the import', () => {
    expect(
      resolvedCalls("import { llm } from '@livekit/agents'; function f(llm: any) { llm.tool({}); } llm.tool({});"),
    ).toEqual(['llm.tool']);
  });

  it('settings importSources: a wrapper module counts as @livekit/agents', () => {
    const code = "import { llm } from '#lk'; llm.tool({});";
    expect(resolvedCalls(code)).toEqual([]);
    expect(resolvedCalls(code, { settings: { 'livekit-agents': { importSources: ['#lk'] } } })).toEqual(['llm.tool']);
  });

  it('files with no LiveKit import get no model (early return)', () => {
    expect(withModel('const voice = { Agent: class {} }; new voice.Agent();', (model) => model)).toBeNull();
    expect(withModel("// talks about '@livekit/agents' in a comment only\nexport {};", (model) => model)).toBeNull();
  });

  it('localNameFor finds the file’s own spelling of an API', () => {
    expect(
      withModel("import { llm } from '@livekit/agents'; export {};", (model) =>
        model!.imports.localNameFor('llm.handoff'),
      ),
    ).toBe('llm.handoff');
    expect(
      withModel("import { handoff } from '@livekit/agents'; export {};", (model) =>
        model!.imports.localNameFor('llm.handoff'),
      ),
    ).toBe('handoff');
    expect(
      withModel("import * as lk from '@livekit/agents'; export {};", (model) =>
        model!.imports.localNameFor('llm.ToolError'),
      ),
    ).toBe('lk.llm.ToolError');
    expect(
      withModel("import { voice } from '@livekit/agents'; export {};", (model) =>
        model!.imports.localNameFor('llm.ToolError'),
      ),
    ).toBeNull();
  });
});
