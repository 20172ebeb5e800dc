import rule from '../../src/rules/no-module-scope-runtime.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-module-scope-runtime', rule, {
  valid: [
    {
      name: 'official starter: logger, session and inference models created inside entry',
      code: code`
        import { defineAgent, inference, log, metrics, voice } from '@livekit/agents';
        import dotenv from 'dotenv';
        dotenv.config({ path: '.env.local' });
        export default defineAgent({
          entry: async (ctx) => {
            const logger = log();
            const session = new voice.AgentSession({
              stt: new inference.STT({ model: 'deepgram/nova-3' }),
              tts: new inference.TTS({ model: 'cartesia/sonic-3' }),
              turnHandling: { turnDetection: new inference.TurnDetector() },
            });
            await session.start({ agent, room: ctx.room });
          },
        });
      `,
    },
    {
      name: 'inside functions, methods and class bodies',
      code: code`
        import { log, voice } from '@livekit/agents';
        const logger = () => log();
        export function makeSession() {
          return new voice.AgentSession({});
        }
        class Support extends voice.Agent {
          logger = log();
          static make() { return new voice.AgentSession({}); }
        }
      `,
    },
    {
      name: 'known miss: a static class field runs on import, but class bodies are left out',
      code: code`
        import { log } from '@livekit/agents';
        export class Telemetry {
          static logger = log();
        }
      `,
    },
    {
      name: 'a test file: after a module-scope initializeLogger(...)',
      code: code`
        import { initializeLogger, log, voice } from '@livekit/agents';
        initializeLogger({ pretty: false, level: 'warn' });
        const logger = log();
        const session = new voice.AgentSession({});
      `,
    },
    {
      name: 'shadowing local named log',
      code: code`
        import { voice } from '@livekit/agents';
        const log = (message: string) => message;
        log('starting');
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { voice } from '@livekit/agents';
        import { log } from 'some-logger';
        import { AgentSession } from 'other-sdk';
        log();
        new AgentSession();
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import { type voice, defineAgent } from '@livekit/agents';
        declare const Session: typeof voice.AgentSession;
        new Session({});
      `,
    },
  ],
  invalid: [
    {
      name: 'flat imports: log(), AgentSession and UsageCollector at module scope',
      code: code`
        import { AgentSession, UsageCollector, log } from '@livekit/agents';
        const logger = log().child({ module: 'agent' });
        const session = new AgentSession({});
        const usage = new UsageCollector();
      `,
      errors: [
        { messageId: 'moduleScope', data: { callee: 'log()' }, line: 2, column: 16, endColumn: 21 },
        { messageId: 'moduleScope', data: { callee: 'new AgentSession()' }, line: 3, column: 17 },
        { messageId: 'moduleScope', data: { callee: 'new UsageCollector()' }, line: 4 },
      ],
    },
    {
      name: 'aliased imports: inference models at module scope, and before a later initializeLogger',
      code: code`
        import { inference as inf, initializeLogger, log as lkLog } from '@livekit/agents';
        const stt = new inf.STT({ model: 'deepgram/nova-3' });
        const models = { tts: new inf.TTS({ model: 'cartesia/sonic-3' }), llm: new inf.LLM({ model: 'openai/gpt-4.1-mini' }) };
        lkLog().info('loaded');
        initializeLogger({ pretty: true });
      `,
      errors: [
        { messageId: 'moduleScope', data: { callee: 'new inf.STT()' }, line: 2 },
        { messageId: 'moduleScope', data: { callee: 'new inf.TTS()' }, line: 3 },
        { messageId: 'moduleScope', data: { callee: 'new inf.LLM()' }, line: 3 },
        { messageId: 'moduleScope', data: { callee: 'lkLog()' }, line: 4 },
      ],
    },
    {
      name: 'namespace import: in a module-scope block and an object literal',
      code: code`
        import * as agents from '@livekit/agents';
        if (process.env.DEBUG) {
          agents.log().debug('debug on');
        }
        export const shared = { session: new agents.voice.AgentSession({}) };
      `,
      errors: [
        { messageId: 'moduleScope', data: { callee: 'agents.log()' }, line: 3 },
        { messageId: 'moduleScope', data: { callee: 'new agents.voice.AgentSession()' }, line: 5 },
      ],
    },
  ],
});

commonJsTester.run('no-module-scope-runtime (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { log } = require('other'); log();",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { log } = require('@livekit/agents'); const logger = log();",
      errors: [{ messageId: 'moduleScope', data: { callee: 'log()' } }],
    },
    {
      name: 'namespace require',
      code: "const agents = require('@livekit/agents'); const usage = new agents.metrics.UsageCollector();",
      errors: [{ messageId: 'moduleScope', data: { callee: 'new agents.metrics.UsageCollector()' } }],
    },
  ],
});
