import rule from '../../src/rules/prefer-structured-logging.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('prefer-structured-logging', rule, {
  valid: [
    {
      name: 'official style: log() with fields first and a fixed message',
      code: code`
        import { log } from '@livekit/agents';
        export function lookup(orderId: string) {
          const logger = log().child({ component: 'orders' });
          logger.info({ orderId }, 'order looked up');
          log().warn('order service is slow');
        }
      `,
    },
    {
      name: 'a template with no values, or only const text, is a fixed message',
      code: code`
        import { log } from '@livekit/agents';
        const SERVICE = 'orders';
        log().info(\`service started\`);
        log().info(\`\${SERVICE} service started\`);
        log().info('service ' + SERVICE + ' started');
      `,
    },
    {
      name: 'fields object already given alongside a template message',
      code: code`
        import { log } from '@livekit/agents';
        log().info({ orderId }, \`order \${orderId} looked up\`);
      `,
    },
    {
      name: 'no LiveKit import: console and templates are not this rule’s business',
      code: code`
        const logger = console;
        console.log('starting');
        logger.info(\`user \${id}\`);
      `,
    },
    {
      name: 'type-only LiveKit import is not a binding',
      code: code`
        import type { JobContext } from '@livekit/agents';
        console.log('x');
      `,
    },
    {
      name: 'shadowing local named console, and a logger-named value used for arithmetic',
      code: code`
        import { voice } from '@livekit/agents';
        export function f(console: { log(x: unknown): void }, logger: { info(n: number): void }) {
          console.log('x');
          logger.info(a + b);
        }
      `,
    },
    {
      name: 'same-named import from another package: a log() that is not LiveKit’s',
      code: code`
        import { llm } from '@livekit/agents';
        import { log } from 'other-logging';
        log().info(\`user \${id}\`);
      `,
    },
    {
      name: 'console at module scope: log() would throw there (the logger is set up after import)',
      code: code`
        import { Plugin } from '@livekit/agents';
        console.warn('[my-plugin] This package is deprecated, ' + 'use my-plugin-v2 instead.');
        const mode = process.env.MODE ?? 'default';
        console.log(\`[agent] mode=\${mode}\`);
        export class MyPlugin extends Plugin {}
      `,
    },
    {
      name: 'child() and setBindings() carry fields, not messages',
      code: code`
        import { log } from '@livekit/agents';
        log().child({ room: \`\${roomName}\` });
      `,
    },
    {
      name: 'one JSON object per line is already structured',
      code: code`
        import { voice } from '@livekit/agents';
        export class Desk extends voice.Agent {
          async onEnter() {
            console.info(JSON.stringify({ event: 'agent_entered', agent: 'desk' }));
          }
        }
      `,
    },
    {
      name: 'command-line scripts print for the person at the terminal: under scripts/, or a shebang',
      filename: 'scripts/bench/run.mjs',
      code: code`
        import { voice } from '@livekit/agents';
        const session = new voice.AgentSession({});
        console.error('usage: run.mjs <model>');
      `,
    },
    {
      name: 'a shebang makes a script wherever it lies',
      filename: 'src/cli.ts',
      code: '#!/usr/bin/env node\nimport { voice } from "@livekit/agents";\nconst session = new voice.AgentSession({});\nconsole.log("done");\n',
    },
    {
      name: 'test code: harness output in a test file',
      filename: 'src/agent.test.ts',
      code: code`
        import { voice } from '@livekit/agents';
        export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
        console.log('harness ready');
      `,
    },
  ],
  invalid: [
    {
      name: 'console in a LiveKit file',
      code: code`
        import { voice } from '@livekit/agents';
        export function onClose() {
          console.log('session closed');
        }
        export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
      `,
      errors: [{ messageId: 'console', data: { method: 'log' }, line: 3, column: 3, endColumn: 14 }],
    },
    {
      name: 'console at module scope after initializeLogger(...) (a test file): log() works there',
      code: code`
        import { initializeLogger, voice } from '@livekit/agents';
        console.log('before the logger is set up');
        initializeLogger({ pretty: false, level: 'warn' });
        console.log('after');
        export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
      `,
      errors: [{ messageId: 'console', data: { method: 'log' }, line: 4 }],
    },
    {
      name: 'template with an interpolated identifier, LiveKit logger through a const',
      code: code`
        import { log, voice } from '@livekit/agents';
        export function lookup(orderId: string) {
          const logger = log();
          logger.info(\`order \${orderId} looked up\`);
        }
        export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
      `,
      errors: [
        {
          messageId: 'interpolated',
          data: { callee: 'logger.info', values: "'orderId'" },
          line: 4,
          column: 15,
          suggestions: [
            {
              messageId: 'useFields',
              data: { values: "'orderId'", preview: "logger.info({ orderId }, 'order looked up')" },
              output: code`
                import { log, voice } from '@livekit/agents';
                export function lookup(orderId: string) {
                  const logger = log();
                  logger.info({ orderId }, 'order looked up');
                }
                export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'concatenation with two identifiers and punctuation, aliased log',
      code: code`
        import { log as lkLog, voice } from '@livekit/agents';
        lkLog().warn('transfer of ' + callId + ' to ' + queue + ' failed.');
        export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
      `,
      errors: [
        {
          messageId: 'interpolated',
          data: { callee: 'lkLog().warn', values: '2 values' },
          suggestions: [
            {
              messageId: 'useFields',
              data: { values: '2 values', preview: "lkLog().warn({ callId, queue }, 'transfer of to failed.')" },
              output: code`
                import { log as lkLog, voice } from '@livekit/agents';
                lkLog().warn({ callId, queue }, 'transfer of to failed.');
                export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a member expression in the template: reported, no suggestion (namespace import)',
      code: code`
        import * as agents from '@livekit/agents';
        agents.log().error(\`lookup failed for \${order.id}\`);
        export const desk = new agents.voice.Agent({ instructions: 'Book tables for Luigi.' });
      `,
      errors: [
        { messageId: 'interpolated', data: { callee: 'agents.log().error', values: "'order.id'" }, suggestions: [] },
      ],
    },
    {
      name: 'a receiver named logger with a pino method; only values, quotes escaped',
      code: code`
        import { voice } from '@livekit/agents';
        declare const logger: { error(...args: unknown[]): void };
        logger.error(\`caller's error: \${err}\`);
        logger.error(\`\${err}\`);
        export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
      `,
      errors: [
        {
          messageId: 'interpolated',
          line: 3,
          suggestions: [
            {
              messageId: 'useFields',
              data: { values: "'err'", preview: "logger.error({ err }, 'caller\\'s error:')" },
              output: code`
            import { voice } from '@livekit/agents';
            declare const logger: { error(...args: unknown[]): void };
            logger.error({ err }, 'caller\\'s error:');
            logger.error(\`\${err}\`);
            export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
          `,
            },
          ],
        },
        {
          messageId: 'interpolated',
          line: 4,
          suggestions: [
            {
              messageId: 'useFields',
              data: { values: "'err'", preview: 'logger.error({ err })' },
              output: code`
            import { voice } from '@livekit/agents';
            declare const logger: { error(...args: unknown[]): void };
            logger.error(\`caller's error: \${err}\`);
            logger.error({ err });
            export const desk = new voice.Agent({ instructions: 'Book tables for Luigi.' });
          `,
            },
          ],
        },
      ],
    },
  ],
});

commonJsTester.run('prefer-structured-logging (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { voice } = require('other'); console.log('x');",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { log, tool } = require('@livekit/agents'); function f() { console.error('boom'); } log().info(`user ${id}`); tool({ name: 'x', description: 'd', execute: f });",
      errors: [
        { messageId: 'console', data: { method: 'error' } },
        {
          messageId: 'interpolated',
          suggestions: [
            {
              messageId: 'useFields',
              data: { values: "'id'", preview: "log().info({ id }, 'user')" },
              output:
                "const { log, tool } = require('@livekit/agents'); function f() { console.error('boom'); } log().info({ id }, 'user'); tool({ name: 'x', description: 'd', execute: f });",
            },
          ],
        },
      ],
    },
  ],
});
