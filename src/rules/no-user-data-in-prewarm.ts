import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  calleeText,
  findVariable,
  firstParameterVariable,
  type FunctionNode,
  skipTSWrappers,
  walkOwnBody,
} from '../analysis/ast.js';
import { resolveModuleMember } from '../analysis/node-modules.js';
import { followPattern, forEachPathUse } from '../analysis/paths.js';
import { createLiveKitRule } from '../create-rule.js';

type MessageIds = 'network' | 'jobData' | 'jobContext';

/** HTTP clients: calls on them are network requests, except their setup functions. */
const CLIENTS = new Set(['axios', 'got', 'ky', 'node-fetch', 'cross-fetch']);
const CLIENT_SETUP = new Set([
  'create',
  'extend',
  'isAxiosError',
  'isCancel',
  'mergeConfig',
  'toFormData',
  'formToJSON',
  'getAdapter',
]);
/** Modules whose listed functions send a request. */
const REQUEST_FUNCTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  http: new Set(['request', 'get']),
  https: new Set(['request', 'get']),
  http2: new Set(['connect']),
  undici: new Set(['request', 'fetch', 'stream', 'pipeline']),
};
/** What a job has and a process does not. */
const JOB_DATA = new Set(['room', 'participant', 'job']);

export default createLiveKitRule<[], MessageIds>({
  name: 'no-user-data-in-prewarm',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow network requests and per-call job data in prewarm',
      recommended: 'recommended',
    },
    messages: {
      network:
        '`{{callee}}()` makes a network request in prewarm, which runs once per process before any caller exists: it cannot fetch anything about the user, and a slow request delays or kills the process (prewarm must finish within `initializeProcessTimeout`). Fetch per-call data in entry, after connecting.',
      jobData:
        'prewarm reads `{{name}}`, but prewarm gets the process (`JobProcess`), not a job: there is no room, participant or job metadata yet. Read it in entry from `ctx.{{property}}`.',
      jobContext:
        '`{{callee}}()` throws in prewarm: it runs before any job exists. Read job data in entry (`ctx.room`, `ctx.job.metadata`).',
    },
    schema: [],
  },
  create(context, _options, model) {
    const sourceCode = context.sourceCode;

    /** The callee text of a network call (`fetch`, `axios.get`, a client constructor), or null for other calls. */
    const networkCallee = (call: TSESTree.CallExpression): string | null => {
      const callee = skipTSWrappers(call.callee);
      const text = (): string => calleeText(call) ?? 'this call';
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'fetch') {
        const variable = findVariable(sourceCode, callee);
        if (!variable || variable.defs.length === 0) return text(); // the global fetch
      }
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const object = skipTSWrappers(callee.object);
        if (
          object.type === AST_NODE_TYPES.Identifier &&
          object.name === 'globalThis' &&
          text() === 'globalThis.fetch'
        ) {
          const variable = findVariable(sourceCode, object);
          if (!variable || variable.defs.length === 0) return text();
        }
      }
      const member = resolveModuleMember(sourceCode, callee);
      if (!member) return null;
      if (CLIENTS.has(member.module)) {
        if (member.path.length > 1 || (member.path.length === 1 && CLIENT_SETUP.has(member.path[0]!))) return null;
        return text();
      }
      const functions = REQUEST_FUNCTIONS[member.module];
      if (functions && member.path.length === 1 && functions.has(member.path[0]!)) return text();
      return null;
    };

    const check = (prewarm: FunctionNode): void => {
      walkOwnBody(
        prewarm.body,
        (node) => {
          if (node.type !== AST_NODE_TYPES.CallExpression) return;
          const network = networkCallee(node);
          if (network !== null) {
            context.report({ node, messageId: 'network', data: { callee: network } });
            return;
          }
          const callee = skipTSWrappers(node.callee);
          if (model.imports.is(callee, 'getJobContext')) {
            const first = node.arguments[0];
            const optional = first?.type === AST_NODE_TYPES.Literal && first.value === false;
            if (!optional)
              context.report({ node, messageId: 'jobContext', data: { callee: calleeText(node) ?? 'getJobContext' } });
          }
        },
        sourceCode.visitorKeys,
      );
      // proc.room, proc.job.metadata, const { participant } = proc: a process has none of these.
      const reportUse = (use: { node: TSESTree.Node; kind: string; path: readonly string[] }): void => {
        if (use.path.length !== 1 || use.kind === 'reference' || !JOB_DATA.has(use.path[0]!)) return;
        const property = use.path[0]!;
        const node = use.kind === 'property' ? (use.node as TSESTree.Property).key : use.node;
        const name = use.kind === 'property' ? `{ ${property} }` : sourceCode.getText(use.node);
        context.report({ node, messageId: 'jobData', data: { name, property } });
      };
      const variable = firstParameterVariable(sourceCode, prewarm);
      if (variable) forEachPathUse(sourceCode, variable, [], reportUse);
      else if (prewarm.params[0]) followPattern(sourceCode, prewarm.params[0], prewarm, [], reportUse, 0);
    };

    return {
      'Program:exit'() {
        for (const prewarm of model.prewarmFunctions) check(prewarm);
      },
    };
  },
});
