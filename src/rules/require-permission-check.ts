import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isWithin, resolveFunction } from '../analysis/ast.js';
import { WordReader, rememberByName, splitWords } from '../analysis/words.js';
import { createLiveKitRule } from '../create-rule.js';
import { stringList } from '../option-schemas.js';
import { changesOnlySessionState } from '../livekit/tool-effects.js';

type Options = [{ destructiveVerbs: string[]; permissionWords: string[] }];
type MessageIds = 'noPermissionCheck';

const DEFAULT_VERBS = ['delete', 'remove', 'cancel', 'refund', 'close', 'revoke', 'reset'];

/** Words that name a role, permission, authorisation or verified identity. */
const PERMISSION_WORDS = new Set([
  'role',
  'roles',
  'permission',
  'permissions',
  'permitted',
  'admin',
  'admins',
  'administrator',
  'owner',
  'owns',
  'owned',
  'verified',
  'verify',
  'verification',
  'authenticated',
  'authentication',
  'allowed',
  'entitled',
  'entitlement',
  'entitlements',
  'privilege',
  'privileges',
  'acl',
  'rbac',
  'scopes',
  'authorized',
  'authorised',
]);
/** Word prefixes: authorize, authorise, authorization, authorisation, ... */
const PERMISSION_PREFIXES = ['authoriz', 'authoris'];
const MAX_STRING = 40;
/** Type annotations name types, not values the code reads. */
const TYPE_ONLY = new Set<string>([
  AST_NODE_TYPES.TSTypeAnnotation,
  AST_NODE_TYPES.TSTypeParameterInstantiation,
  AST_NODE_TYPES.TSTypeParameterDeclaration,
]);

const VALUE_KEY: readonly string[] = ['value'];
const NO_KEYS: readonly string[] = [];

const firstWord = new WordReader();

/** True when a name or short text reads a permission: one of PERMISSION_WORDS, `canRefund`, `hasAccess`, an extra word. */
function computeIsPermissionName(name: string, extraWords: readonly (readonly string[])[]): boolean {
  const words = splitWords(name);
  if (words.length === 0) return false;
  if (words.some((word) => PERMISSION_WORDS.has(word) || PERMISSION_PREFIXES.some((prefix) => word.startsWith(prefix))))
    return true;
  // canRefund, canCancelOrders, hasAccess
  if ((words[0] === 'can' && words.length > 1) || (words[0] === 'has' && words[1] === 'access')) return true;
  return extraWords.some(
    (extra) =>
      extra.length > 0 && words.some((_, start) => extra.every((word, offset) => words[start + offset] === word)),
  );
}

/** What a rule configuration (the same option arrays for every file) needs, built once per configuration. */
interface Settings {
  verbs: ReadonlySet<string>;
  /** Verdicts by name: the same names (`ctx`, `orderId`, `role`) recur in every tool and file. */
  isPermissionName: (name: string) => boolean;
}

const settingsByVerbs = new WeakMap<readonly string[], WeakMap<readonly string[], Settings>>();

function settingsFor(destructiveVerbs: readonly string[], permissionWords: readonly string[]): Settings {
  let byWords = settingsByVerbs.get(destructiveVerbs);
  if (!byWords) settingsByVerbs.set(destructiveVerbs, (byWords = new WeakMap()));
  let settings = byWords.get(permissionWords);
  if (!settings) {
    const extraWords = permissionWords.map((word) => splitWords(word));
    settings = {
      verbs: new Set(destructiveVerbs.map((verb) => verb.toLowerCase())),
      isPermissionName: rememberByName((name) => computeIsPermissionName(name, extraWords)),
    };
    byWords.set(permissionWords, settings);
  }
  return settings;
}

export default createLiveKitRule<Options, MessageIds>({
  name: 'require-permission-check',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Require destructive tools (delete, cancel, refund, ...) to check a role, permission or verified identity',
      recommended: 'strict',
    },
    messages: {
      noPermissionCheck:
        "Tool '{{tool}}' is destructive ({{verb}}) but its execute never reads a role, permission or verified-identity value. Anyone on the call can talk the LLM into running it; check the caller (e.g. `ctx.userData.verified`, `user.role`) before acting.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          destructiveVerbs: stringList(
            'First words of tool names that make a tool destructive; replaces the default list.',
          ),
          permissionWords: stringList(
            'More words or names that mark a permission check in your code (e.g. `kyc`, `ensureCaller`).',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ destructiveVerbs: DEFAULT_VERBS, permissionWords: [] }],
  },
  create(context, [{ destructiveVerbs, permissionWords }], model) {
    const sourceCode = context.sourceCode;
    const { verbs, isPermissionName } = settingsFor(destructiveVerbs, permissionWords);

    /**
     * True when the function, the functions nested in it, or a same-file function it calls by name (one step) read
     * a permission-like name.
     */
    function readsPermission(root: FunctionNode, followCalls: boolean): boolean {
      const called: FunctionNode[] = [];
      const stack: TSESTree.Node[] = [root];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (TYPE_ONLY.has(node.type)) continue;
        if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.PrivateIdentifier) {
          if (isPermissionName(node.name)) return true;
        } else if (node.type === AST_NODE_TYPES.Literal) {
          if (typeof node.value === 'string' && node.value.length <= MAX_STRING && isPermissionName(node.value))
            return true;
        } else if (
          followCalls &&
          node.type === AST_NODE_TYPES.CallExpression &&
          node.callee.type === AST_NODE_TYPES.Identifier
        ) {
          const fn = resolveFunction(sourceCode, node.callee);
          if (fn && !isWithin(fn, root)) called.push(fn);
        }
        // A key written in an object literal (`{ role: 'system' }`) is not a read of a permission.
        const keys =
          node.type === AST_NODE_TYPES.Property &&
          node.parent.type === AST_NODE_TYPES.ObjectExpression &&
          !node.computed
            ? VALUE_KEY
            : (sourceCode.visitorKeys[node.type] ?? NO_KEYS);
        for (const key of keys) {
          const child = (node as unknown as Record<string, unknown>)[key];
          if (Array.isArray(child)) {
            for (const item of child) {
              if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
            }
          } else if (child && typeof (child as TSESTree.Node).type === 'string') {
            stack.push(child as TSESTree.Node);
          }
        }
      }
      return called.some((fn) => readsPermission(fn, false));
    }

    return {
      'Program:exit'() {
        for (const tool of model.tools) {
          if (tool.name === null || !tool.execute || !tool.nameNode) continue;
          const verb = firstWord.reset(tool.name).next();
          if (verb === null || !verbs.has(verb)) continue;
          if (readsPermission(tool.execute, true)) continue;
          // Removing an item from the caller's own cart in userData reaches no one else's data.
          if (changesOnlySessionState(sourceCode, tool.execute)) continue;
          context.report({ node: tool.nameNode, messageId: 'noPermissionCheck', data: { tool: tool.name, verb } });
        }
      },
    };
  },
});
