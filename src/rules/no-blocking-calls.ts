import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { memberName, skipTSWrappers } from '../analysis/ast.js';
import { mayLoadModule, resolveModuleMember } from '../analysis/node-modules.js';
import { syncSleepCall } from '../analysis/sync-sleep.js';
import { createLiveKitRule } from '../create-rule.js';
import { stringList } from '../option-schemas.js';
import { type HotKind } from '../livekit/program.js';

type Options = [{ allow: string[] }];
type MessageIds = 'blockingCall';

/** Node modules whose `*Sync` exports block the event loop (I/O, child processes, compression, key derivation). */
const BLOCKING_MODULES = new Set(['fs', 'child_process', 'zlib', 'crypto']);

const WHERE: Readonly<Record<HotKind, string>> = {
  entry: "the job's entry function",
  execute: "a tool's execute",
  'agent-method': 'an Agent method',
  'agent-hook': 'an agent hook',
  'session-listener': 'a session event listener',
};

/** A synchronous export's name: `readFileSync`, not `Sync` alone. */
function isSyncName(name: string): boolean {
  return name.endsWith('Sync') && name !== 'Sync';
}

/** The asynchronous API to use instead, for the message. */
function alternativeFor(module: string, name: string): string {
  const base = name.slice(0, -'Sync'.length);
  if (module === 'fs') {
    if (name === 'existsSync') return "`await access(...)` from 'node:fs/promises'";
    return `\`await ${base}(...)\` from 'node:fs/promises'`;
  }
  return `\`${base}\` from 'node:${module}' (with a callback, or \`promisify\` from 'node:util')`;
}

export default createLiveKitRule<Options, MessageIds>({
  name: 'no-blocking-calls',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow synchronous fs, child_process, zlib and crypto calls in entry, tools, agents and session listeners',
      recommended: 'recommended',
    },
    messages: {
      blockingCall:
        '`{{call}}` runs synchronously in {{where}}: it blocks the event loop, and with it the audio of every call this process serves, until it finishes. Use {{alternative}}, or do it once in prewarm.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: stringList('Calls to accept, by export name (`existsSync`) or module and name (`fs.existsSync`).'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow }], model) {
    const sourceCode = context.sourceCode;
    // Most agent files load none of these modules: then no call of theirs can block.
    if (!mayLoadModule(sourceCode, BLOCKING_MODULES)) return {};
    const allowed = new Set(allow);
    return {
      CallExpression(call) {
        // The export's name ends the callee when it is a member (`fs.readFileSync`): no `…Sync`, no blocking call.
        // A plain name (`read`) may be an alias of one, so only names go on to be resolved.
        const callee = skipTSWrappers(call.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const method = memberName(callee);
          if (method === null || !isSyncName(method)) return;
        } else if (callee.type !== AST_NODE_TYPES.Identifier) {
          return;
        }
        const member = resolveModuleMember(sourceCode, call.callee);
        if (!member || !BLOCKING_MODULES.has(member.module) || member.path.length !== 1) return;
        const name = member.path[0]!;
        if (!isSyncName(name)) return;
        if (allowed.has(name) || allowed.has(`${member.module}.${name}`)) return;
        const hot = model.hotPath(call);
        if (!hot) return;
        // A sync sleep (`execSync('sleep 1')`) is no-sync-sleep's to report: one report per problem.
        if (syncSleepCall(sourceCode, call)) return;
        context.report({
          node: call.callee,
          messageId: 'blockingCall',
          data: {
            call: name,
            // A helper reached from a hot path names the chain of calls: `loadFile`, called from a tool's execute.
            where:
              hot.via.length === 0
                ? WHERE[hot.kind]
                : `\`${model.callGraph.nameOf(hot.via.at(-1)!)}\` (called from ${WHERE[hot.kind]}${
                    hot.via.length > 1
                      ? ` through ${hot.via
                          .slice(0, -1)
                          .map((fn) => `\`${model.callGraph.nameOf(fn)}\``)
                          .join(', ')}`
                      : ''
                  })`,
            alternative: alternativeFor(member.module, name),
          },
        });
      },
    };
  },
});
