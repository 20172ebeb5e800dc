import rule from '../../src/rules/define-agent-default-export.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('define-agent-default-export', rule, {
  valid: [
    {
      name: 'official starter: export default defineAgent({...}) beside cli.runApp',
      code: code`
        import { ServerOptions, cli, defineAgent } from '@livekit/agents';
        import { fileURLToPath } from 'node:url';
        export default defineAgent({
          entry: async (ctx) => {
            await ctx.connect();
          },
        });
        cli.runApp(new ServerOptions({ agent: fileURLToPath(import.meta.url) }));
      `,
    },
    {
      name: 'a const exported as default, by export default, by a specifier, with a satisfies wrapper',
      code: code`
        import { defineAgent } from '@livekit/agents';
        const agent = defineAgent({ entry: async () => {} });
        export default agent;
      `,
    },
    {
      name: 'export { agent as default }',
      code: code`
        import { defineAgent, type AgentDefinition } from '@livekit/agents';
        const agent = defineAgent({ entry: async () => {} }) satisfies AgentDefinition;
        export { agent as default };
      `,
    },
    {
      name: 'TypeScript export assignment',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export = defineAgent({ entry: async () => {} });
      `,
    },
    {
      name: 'known miss: exported by name from a file that does not start the server (another file may re-export it as default)',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export const agent = defineAgent({ entry: async () => {} });
      `,
    },
    {
      name: 'returned from a factory, or handed to another function: a caller may export it',
      code: code`
        import { defineAgent } from '@livekit/agents';
        export function makeAgent(options) {
          return defineAgent({ entry: async () => {}, ...options });
        }
        const agent = defineAgent({ entry: async () => {} });
        export default withTracing(agent);
      `,
    },
    {
      name: 'shadowing local named defineAgent',
      code: code`
        import { voice } from '@livekit/agents';
        function build(defineAgent: (options: object) => void) {
          defineAgent({ entry: async () => {} });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { voice } from '@livekit/agents';
        import { defineAgent } from 'other-framework';
        defineAgent({ entry: async () => {} });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { defineAgent } from '@livekit/agents';
        declare const define: typeof defineAgent;
        define({ entry: async () => {} });
      `,
    },
  ],
  invalid: [
    {
      name: 'flat import: the result is never exported; suggestion adds the default export',
      code: code`
        import { ServerOptions, cli, defineAgent } from '@livekit/agents';
        import { fileURLToPath } from 'node:url';
        const agent = defineAgent({
          entry: async (ctx) => {
            await ctx.connect();
          },
        });
        cli.runApp(new ServerOptions({ agent: fileURLToPath(import.meta.url) }));
      `,
      errors: [
        {
          messageId: 'notDefaultExport',
          line: 3,
          column: 15,
          endLine: 7,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'addDefaultExport',
              data: { name: 'agent' },
              output: code`
                import { ServerOptions, cli, defineAgent } from '@livekit/agents';
                import { fileURLToPath } from 'node:url';
                const agent = defineAgent({
                  entry: async (ctx) => {
                    await ctx.connect();
                  },
                });
                cli.runApp(new ServerOptions({ agent: fileURLToPath(import.meta.url) }));
                export default agent;
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'aliased import: exported by name from the file that starts the server',
      code: code`
        import { cli, defineAgent as define, ServerOptions } from '@livekit/agents';
        export const agent = define({ entry: async () => {} });
        cli.runApp(new ServerOptions({ agent: import.meta.filename }));
      `,
      errors: [
        {
          messageId: 'notDefaultExport',
          line: 2,
          suggestions: [
            {
              messageId: 'addDefaultExport',
              data: { name: 'agent' },
              output: code`
                import { cli, defineAgent as define, ServerOptions } from '@livekit/agents';
                export const agent = define({ entry: async () => {} });
                cli.runApp(new ServerOptions({ agent: import.meta.filename }));
                export default agent;
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import: result discarded; another default export already there, so no suggestion',
      code: code`
        import * as agents from '@livekit/agents';
        agents.defineAgent({ entry: async () => {} });
        const unused = agents.defineAgent({ entry: async () => {} });
        export default function main() {}
      `,
      errors: [
        { messageId: 'notDefaultExport', line: 2, column: 1 },
        { messageId: 'notDefaultExport', line: 3, suggestions: [] },
      ],
    },
    {
      name: 'an ES module that also writes module.exports, with `module` a configured global: no ESM suggestion',
      code: code`
        import { defineAgent } from '@livekit/agents';
        const agent = defineAgent({ entry: async () => {} });
        module.exports.helper = () => {};
      `,
      languageOptions: { globals: { module: 'readonly' } },
      errors: [{ messageId: 'notDefaultExport', line: 2, suggestions: [] }],
    },
    {
      name: 'the same with `exports` declared by a global comment',
      code: code`
        /* global exports */
        import { defineAgent } from '@livekit/agents';
        const agent = defineAgent({ entry: async () => {} });
        exports.helper = () => {};
      `,
      errors: [{ messageId: 'notDefaultExport', line: 3, suggestions: [] }],
    },
  ],
});

commonJsTester.run('define-agent-default-export (CommonJS)', rule, {
  valid: [
    {
      name: 'module.exports = defineAgent(...)',
      code: "const { defineAgent } = require('@livekit/agents'); module.exports = defineAgent({ entry: async () => {} });",
    },
    {
      name: 'exports.default = agent, and module.exports = { default: agent }',
      code: "const { defineAgent } = require('@livekit/agents'); const a = defineAgent({}); exports.default = a; const b = defineAgent({}); module.exports = { default: b };",
    },
    {
      name: 'require of another package',
      code: "const { defineAgent } = require('other'); defineAgent({});",
    },
  ],
  invalid: [
    {
      name: 'destructured require: a discarded result is reported; a named CommonJS export is left alone',
      code: "const { defineAgent } = require('@livekit/agents'); module.exports.agent = defineAgent({ entry: async () => {} }); defineAgent({});",
      errors: [{ messageId: 'notDefaultExport', column: 116 }],
    },
    {
      name: 'namespace require: a const never exported gets no ESM suggestion',
      code: "const agents = require('@livekit/agents'); const agent = agents.defineAgent({ entry: async () => {} });",
      errors: [{ messageId: 'notDefaultExport', suggestions: [] }],
    },
  ],
});
