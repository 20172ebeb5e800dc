import rule from '../../src/rules/prefer-tool-error.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('prefer-tool-error', rule, {
  valid: [
    {
      name: 'test code: a harness tool that fails on purpose, under a test folder',
      filename: 'plugins/test/src/llm.ts',
      code: code`
        import { llm } from '@livekit/agents';
        export const failing = llm.tool({
          name: 'simulateFailure',
          description: 'Fails on purpose so that the test sees the error path.',
          execute: async () => {
            throw new Error('simulated failure');
          },
        });
      `,
    },
    {
      name: 'official style: ToolError in execute',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({
          name: 'lookupOrder',
          description: 'd',
          execute: async ({ orderId }: { orderId: string }) => {
            if (!orderId) throw new llm.ToolError('No order number was given; ask the caller to read it out.');
            return 'shipped';
          },
        });
      `,
    },
    {
      name: 'a throw caught by a try inside execute, a rethrow of a variable, a custom error class',
      code: code`
        import { llm } from '@livekit/agents';
        class NotFound extends Error {}
        llm.tool({
          name: 'lookupOrder',
          description: 'd',
          execute: async () => {
            try {
              throw new Error('not found');
            } catch (error) {
              if (error instanceof NotFound) throw error;
              throw new llm.ToolError('The order system did not answer; offer to call back later.');
            }
          },
        });
      `,
    },
    {
      name: 'a throw in a nested function expression does not end execute',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({
          name: 'x',
          description: 'd',
          execute: async () => {
            const parse = function (text: string) {
              if (!text) throw new Error('empty');
              return text;
            };
            return parse('a');
          },
        });
      `,
    },
    {
      name: 'throws outside execute: entry, helpers, module scope',
      code: code`
        import { defineAgent } from '@livekit/agents';
        function check(value: string) {
          if (!value) throw new Error('missing');
        }
        export default defineAgent({
          entry: async () => {
            throw new Error('config missing');
          },
        });
      `,
    },
    {
      name: 'a local class named Error is not the built-in',
      code: code`
        import { llm } from '@livekit/agents';
        import { Error } from './errors';
        llm.tool({ name: 'x', description: 'd', execute: async () => { throw new Error('x'); } });
      `,
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { llm as lk } from '@livekit/agents';
        function build(llm: { tool(x: object): void }) {
          llm.tool({ execute: async () => { throw new Error('x'); } });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { tool } from 'ai';
        import { voice } from '@livekit/agents';
        tool({ execute: async () => { throw new Error('x'); } });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        declare const lk: typeof llm;
        lk.tool({ name: 'x', description: 'd', execute: async () => { throw new Error('x'); } });
      `,
    },
  ],
  invalid: [
    {
      name: 'settings testFiles replaces the default globs: a test folder the project does not count as tests',
      filename: 'plugins/test/src/llm.ts',
      settings: { 'livekit-agents': { testFiles: ['**/*.test.ts'] } },
      code: code`
        import { llm } from '@livekit/agents';
        export const failing = llm.tool({
          name: 'simulateFailure',
          description: 'Fails on purpose so that the test sees the error path.',
          execute: async () => {
            throw new Error('simulated failure');
          },
        });
      `,
      errors: [
        {
          messageId: 'preferToolError',
          line: 6,
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'llm.ToolError' },
              output: code`
                import { llm } from '@livekit/agents';
                export const failing = llm.tool({
                  name: 'simulateFailure',
                  description: 'Fails on purpose so that the test sees the error path.',
                  execute: async () => {
                    throw new llm.ToolError('simulated failure');
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'new Error in execute: use llm.ToolError (namespace binding)',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({
          name: 'lookupOrder',
          description: 'd',
          execute: async () => {
            throw new Error('Order not found');
          },
        });
      `,
      errors: [
        {
          messageId: 'preferToolError',
          data: { error: 'Error' },
          line: 6,
          column: 11,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'llm.ToolError' },
              output: code`
                import { llm } from '@livekit/agents';
                llm.tool({
                  name: 'lookupOrder',
                  description: 'd',
                  execute: async () => {
                    throw new llm.ToolError('Order not found');
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'flat import without ToolError: add it to the import',
      code: code`
        import { tool, voice } from '@livekit/agents';
        tool({ name: 'x', description: 'd', execute: async () => { throw new TypeError('bad input'); } });
      `,
      errors: [
        {
          messageId: 'preferToolError',
          data: { error: 'TypeError' },
          line: 2,
          column: 66,
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'ToolError' },
              output: code`
                import { tool, voice, ToolError } from '@livekit/agents';
                tool({ name: 'x', description: 'd', execute: async () => { throw new ToolError('bad input'); } });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'aliased ToolError import is reused',
      code: code`
        import { tool as t, ToolError as TE } from '@livekit/agents';
        t({ name: 'x', description: 'd', execute: async () => { throw new RangeError('too many'); } });
      `,
      errors: [
        {
          messageId: 'preferToolError',
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'TE' },
              output: code`
                import { tool as t, ToolError as TE } from '@livekit/agents';
                t({ name: 'x', description: 'd', execute: async () => { throw new TE('too many'); } });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import: agents.llm.ToolError; Error() without new becomes new',
      code: code`
        import * as agents from '@livekit/agents';
        agents.llm.tool({ name: 'x', description: 'd', execute: async () => { throw Error('nope'); } });
      `,
      errors: [
        {
          messageId: 'preferToolError',
          line: 2,
          column: 77,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'agents.llm.ToolError' },
              output: code`
                import * as agents from '@livekit/agents';
                agents.llm.tool({ name: 'x', description: 'd', execute: async () => { throw new agents.llm.ToolError('nope'); } });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'llm shadowed at the throw: add ToolError to the import',
      code: code`
        import { llm } from '@livekit/agents';
        llm.tool({
          name: 'x',
          description: 'd',
          execute: async ({ llm }: { llm: string }) => {
            throw new Error(llm);
          },
        });
      `,
      errors: [
        {
          messageId: 'preferToolError',
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'ToolError' },
              output: code`
                import { llm, ToolError } from '@livekit/agents';
                llm.tool({
                  name: 'x',
                  description: 'd',
                  execute: async ({ llm }: { llm: string }) => {
                    throw new ToolError(llm);
                  },
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when the message would not compile or the name is taken',
      code: code`
        import { tool } from '@livekit/agents';
        tool({
          name: 'x',
          description: 'd',
          execute: async (args: { a: string }, opts: unknown) => {
            const ToolError = 1;
            if (!args.a) throw new Error();
            if (args.a === 'b') throw new Error('b', { cause: opts });
            if (args.a === 'c') throw new AggregateError([], 'c');
            throw new Error('x');
          },
        });
      `,
      errors: [
        { messageId: 'preferToolError', line: 7, suggestions: [] },
        { messageId: 'preferToolError', line: 8, suggestions: [] },
        { messageId: 'preferToolError', data: { error: 'AggregateError' }, line: 9, suggestions: [] },
        { messageId: 'preferToolError', line: 10, suggestions: [] },
      ],
    },
    {
      name: 'ToolError imported type-only and no llm binding: adding it again would not compile',
      code: code`
        import { type ToolError, tool } from '@livekit/agents';
        tool({ name: 'x', description: 'd', execute: async () => { throw new Error('x'); } });
      `,
      errors: [{ messageId: 'preferToolError', line: 2, suggestions: [] }],
    },
    {
      name: 'in an arrow inside execute, in a catch, after a try with only finally; execute as a function declaration',
      code: code`
        import { llm, voice } from '@livekit/agents';
        async function execute({ ids }: { ids: string[] }) {
          ids.forEach((id) => {
            if (!id) throw new Error('empty id');
          });
          try {
            await fetch('x');
          } catch {
            throw new Error('fetch failed');
          }
          try {
            throw new Error('in try without catch');
          } finally {
            ids.length = 0;
          }
        }
        new voice.Agent({ instructions: 'x', tools: { lookupOrders: llm.tool({ description: 'd', execute }) } });
      `,
      errors: [
        {
          messageId: 'preferToolError',
          line: 4,
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'llm.ToolError' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                async function execute({ ids }: { ids: string[] }) {
                  ids.forEach((id) => {
                    if (!id) throw new llm.ToolError('empty id');
                  });
                  try {
                    await fetch('x');
                  } catch {
                    throw new Error('fetch failed');
                  }
                  try {
                    throw new Error('in try without catch');
                  } finally {
                    ids.length = 0;
                  }
                }
                new voice.Agent({ instructions: 'x', tools: { lookupOrders: llm.tool({ description: 'd', execute }) } });
              `,
            },
          ],
        },
        {
          messageId: 'preferToolError',
          line: 9,
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'llm.ToolError' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                async function execute({ ids }: { ids: string[] }) {
                  ids.forEach((id) => {
                    if (!id) throw new Error('empty id');
                  });
                  try {
                    await fetch('x');
                  } catch {
                    throw new llm.ToolError('fetch failed');
                  }
                  try {
                    throw new Error('in try without catch');
                  } finally {
                    ids.length = 0;
                  }
                }
                new voice.Agent({ instructions: 'x', tools: { lookupOrders: llm.tool({ description: 'd', execute }) } });
              `,
            },
          ],
        },
        {
          messageId: 'preferToolError',
          line: 12,
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'llm.ToolError' },
              output: code`
                import { llm, voice } from '@livekit/agents';
                async function execute({ ids }: { ids: string[] }) {
                  ids.forEach((id) => {
                    if (!id) throw new Error('empty id');
                  });
                  try {
                    await fetch('x');
                  } catch {
                    throw new Error('fetch failed');
                  }
                  try {
                    throw new llm.ToolError('in try without catch');
                  } finally {
                    ids.length = 0;
                  }
                }
                new voice.Agent({ instructions: 'x', tools: { lookupOrders: llm.tool({ description: 'd', execute }) } });
              `,
            },
          ],
        },
      ],
    },
  ],
});

commonJsTester.run('prefer-tool-error (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); llm.tool({ execute: async () => { throw new Error('x'); } });",
    },
  ],
  invalid: [
    {
      name: 'destructured require with llm: llm.ToolError',
      code: "const { llm } = require('@livekit/agents'); llm.tool({ name: 'x', execute: async () => { throw new Error('x'); } });",
      errors: [
        {
          messageId: 'preferToolError',
          line: 1,
          column: 96,
          suggestions: [
            {
              messageId: 'useToolError',
              data: { replacement: 'llm.ToolError' },
              output:
                "const { llm } = require('@livekit/agents'); llm.tool({ name: 'x', execute: async () => { throw new llm.ToolError('x'); } });",
            },
          ],
        },
      ],
    },
    {
      name: 'destructured require without llm: no import to extend, no suggestion',
      code: "const { tool } = require('@livekit/agents'); tool({ name: 'x', execute: async () => { throw new Error('x'); } });",
      errors: [{ messageId: 'preferToolError', suggestions: [] }],
    },
  ],
});
