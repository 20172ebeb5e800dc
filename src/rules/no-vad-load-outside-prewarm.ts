import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, calleeText, enclosingFunction } from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';
import { stringList } from '../option-schemas.js';
import { type HotKind, type LiveKitModel } from '../livekit/program.js';

type Options = [{ loaders: string[] }];
type MessageIds = 'outsidePrewarm';

const WHERE: Record<HotKind | 'module', string> = {
  entry: 'in entry, on every call',
  execute: "in a tool's execute, on every tool call",
  'agent-method': 'in an Agent method, on every call',
  'agent-hook': 'in an agent hook, on every call',
  'session-listener': 'in a session listener, on every event',
  module: 'at module scope, on import in every process (the main server process too) and outside prewarm',
};

/** The variable that names a function (`function f`, `const f = () => ...`), if any. */
function functionVariable(sourceCode: TSESLint.SourceCode, fn: FunctionNode): TSESLint.Scope.Variable | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    return sourceCode.scopeManager!.getDeclaredVariables(fn).find((variable) => variable.name === fn.id!.name) ?? null;
  }
  const parent = fn.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === fn &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    return sourceCode.scopeManager!.getDeclaredVariables(parent)[0] ?? null;
  }
  return null;
}

/**
 * Where a heavy load runs, when that is not prewarm: the hot path it is on, module scope, or a helper function of
 * this file called from a hot path or at module scope. Null in prewarm, and wherever the callers are not visible.
 */
function placeOf(model: LiveKitModel, call: TSESTree.CallExpression): string | null {
  if (model.isInPrewarm(call)) return null;
  const hot = model.hotPath(call);
  if (hot)
    return hot.via.length === 0
      ? WHERE[hot.kind]
      : `in ${model.callGraph.nameOf(hot.via.at(-1)!)}(), called ${WHERE[hot.kind]}`;
  let outer = enclosingFunction(call);
  if (!outer) return WHERE.module;
  for (let next = enclosingFunction(outer); next; next = enclosingFunction(next)) outer = next;
  const variable = functionVariable(model.sourceCode, outer);
  // A helper whose name says prewarm, or whose callers we cannot see (exported, passed along): not judged.
  if (!variable || variable.name.toLowerCase().includes('prewarm')) return null;
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (model.isInPrewarm(identifier)) continue;
    const kind = model.hotPathOf(identifier);
    if (kind) return `in ${variable.name}(), called ${WHERE[kind]}`;
    const isCall = identifier.parent?.type === AST_NODE_TYPES.CallExpression && identifier.parent.callee === identifier;
    if (isCall && !enclosingFunction(identifier)) return `in ${variable.name}(), called ${WHERE.module}`;
  }
  return null;
}

export default createLiveKitRule<Options, MessageIds>({
  name: 'no-vad-load-outside-prewarm',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the VAD model (and other heavy static models) to be loaded in prewarm',
      recommended: 'recommended',
    },
    messages: {
      outsidePrewarm:
        '`{{callee}}()` loads a model {{where}}, which takes about half a second (more on a busy machine) each time. Load it once per process in prewarm (`proc.userData.vad = await silero.VAD.load()`) and read it in entry (`ctx.proc.userData.vad`).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          loaders: stringList(
            'More callee paths to treat as heavy static loads that belong in prewarm, as written (`myModels.loadClassifier`).',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ loaders: [] }],
  },
  create(context, [{ loaders }], model) {
    const custom: TSESTree.CallExpression[] = [];
    const check = (call: TSESTree.CallExpression): void => {
      const where = placeOf(model, call);
      if (where) {
        context.report({
          node: call,
          messageId: 'outsidePrewarm',
          data: { callee: calleeText(call) ?? 'VAD.load', where },
        });
      }
    };
    const programExit = (): void => {
      const calls = new Set([...model.imports.calls('silero:VAD.load'), ...custom]);
      for (const call of [...calls].sort((a, b) => a.range[0] - b.range[0])) check(call);
    };
    // Without custom loaders, the model's import index has every call; no listener on each call of the file.
    if (loaders.length === 0) return { 'Program:exit': programExit };
    return {
      CallExpression(node) {
        const text = calleeText(node);
        if (text !== null && loaders.includes(text)) custom.push(node);
      },
      'Program:exit': programExit,
    };
  },
});
