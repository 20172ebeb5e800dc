import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, lookupName } from '../analysis/ast.js';
import { requiredModule, resolveModuleMember } from '../analysis/node-modules.js';
import { type SyncSleep, busyWaitLoop, syncSleepCall } from '../analysis/sync-sleep.js';
import { createLiveKitRule } from '../create-rule.js';
import { stringList } from '../option-schemas.js';

type Options = [{ sleepFunctions: string[] }];
type MessageIds = 'syncSleep' | 'busyWait' | 'useTimersPromises';

const NAME_CANDIDATES = ['delay', 'sleep', 'wait', 'pause', 'delayMs'];

export default createLiveKitRule<Options, MessageIds>({
  name: 'no-sync-sleep',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow synchronous sleeps and busy-waits that freeze the event loop for every call in the process',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      syncSleep:
        '{{what}} sleeps synchronously: the whole Node process stops, so every conversation it serves goes silent until it returns. Wait with `await setTimeout(ms)` from `node:timers/promises` instead.',
      busyWait:
        'This loop spins on the clock until time passes: it keeps the CPU busy and the event loop blocked, so every conversation in the process goes silent. Wait with `await setTimeout(ms)` from `node:timers/promises` instead.',
      useTimersPromises:
        "Replace with `await {{name}}({{delay}})`, {{name}} being `setTimeout` from 'node:timers/promises'.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          sleepFunctions: stringList('More callee texts that sleep synchronously (for example `utils.blockFor`).'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sleepFunctions: [] }],
  },
  create(context, [{ sleepFunctions }]) {
    const sourceCode = context.sourceCode;

    /** The variable, at the file's top scope, bound to `setTimeout` from `node:timers/promises`, if any. */
    function timersVariable(): TSESLint.Scope.Variable | null {
      const globalScope = sourceCode.scopeManager?.globalScope;
      const topScope = globalScope?.childScopes.find((scope) => scope.type === 'module') ?? globalScope;
      for (const variable of topScope?.variables ?? []) {
        const definition = variable.defs[0];
        const member = definition ? resolveModuleMember(sourceCode, definition.name) : null;
        if (member?.module === 'timers/promises' && member.path.join('.') === 'setTimeout') return variable;
      }
      return null;
    }

    /** A name for the import that no scope of the file uses. */
    function freshName(): string | null {
      const used = new Set<string>();
      for (const scope of sourceCode.scopeManager?.scopes ?? []) {
        for (const variable of scope.variables) used.add(variable.name);
        for (const reference of scope.through) used.add(reference.identifier.name);
      }
      return NAME_CANDIDATES.find((name) => !used.has(name)) ?? null;
    }

    function importFix(fixer: TSESLint.RuleFixer, name: string): TSESLint.RuleFix {
      const body = sourceCode.ast.body;
      if (sourceCode.ast.sourceType === 'module') {
        const imports = body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
        const text = `import { setTimeout as ${name} } from 'node:timers/promises';`;
        const last = imports[imports.length - 1];
        return last ? fixer.insertTextAfter(last, `\n${text}`) : fixer.insertTextBefore(body[0]!, `${text}\n`);
      }
      const text = `const { setTimeout: ${name} } = require('node:timers/promises');`;
      const requires = body.filter(
        (statement) =>
          statement.type === AST_NODE_TYPES.VariableDeclaration &&
          statement.declarations.some(
            (declarator) => declarator.init && requiredModule(sourceCode, declarator.init) !== null,
          ),
      );
      const last = requires[requires.length - 1];
      if (last) return fixer.insertTextAfter(last, `\n${text}`);
      const first = body.find(
        (statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive),
      );
      return first
        ? fixer.insertTextBefore(first, `${text}\n`)
        : fixer.insertTextAfterRange([0, sourceCode.text.length], `\n${text}`);
    }

    function suggest(sleep: SyncSleep): TSESLint.ReportSuggestionArray<MessageIds> {
      const call = sleep.node;
      if (sleep.delay === null || call.type !== AST_NODE_TYPES.CallExpression) return [];
      if (call.parent.type !== AST_NODE_TYPES.ExpressionStatement) return [];
      if (!enclosingFunction(call)?.async) return [];
      const variable = timersVariable();
      const existing = variable && lookupName(sourceCode, call, variable.name) === variable ? variable.name : null;
      if (variable && !existing) return [];
      const name = existing ?? freshName();
      if (name === null) return [];
      const delay = sleep.delay;
      return [
        {
          messageId: 'useTimersPromises',
          data: { name, delay },
          fix: (fixer) => {
            const fixes = [fixer.replaceText(call, `await ${name}(${delay})`)];
            if (!existing) fixes.push(importFix(fixer, name));
            return fixes;
          },
        },
      ];
    }

    function checkLoop(loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement): void {
      const sleep = busyWaitLoop(sourceCode, loop);
      if (!sleep) return;
      const end = loop.type === AST_NODE_TYPES.DoWhileStatement ? loop.loc.end : (loop.test ?? loop).loc.end;
      context.report({ node: loop, loc: { start: loop.loc.start, end }, messageId: 'busyWait' });
    }

    return {
      CallExpression(call) {
        const sleep = syncSleepCall(sourceCode, call, sleepFunctions);
        if (sleep)
          context.report({
            node: call,
            messageId: 'syncSleep',
            data: { what: `\`${sleep.text}\`` },
            suggest: suggest(sleep),
          });
      },
      WhileStatement: checkLoop,
      DoWhileStatement: checkLoop,
      ForStatement: checkLoop,
    };
  },
});
