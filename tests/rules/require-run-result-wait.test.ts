import rule from '../../src/rules/require-run-result-wait.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('require-run-result-wait', rule, {
  valid: [
    {
      name: 'official style: await session.run(...).wait()',
      code: code`
        import { voice } from '@livekit/agents';
        it('greets', async () => {
          const result = await session.run({ userInput: 'Hello' }).wait();
          result.expect.nextEvent().isMessage({ role: 'assistant' });
          await result.expect.nextEvent().isMessage({ role: 'assistant' }).judge(judgeLlm, { intent: 'greets the caller' });
        });
      `,
    },
    {
      name: 'the documented two-step form: run, then await wait()',
      code: code`
        import { voice } from '@livekit/agents';
        it('greets', async () => {
          const result = session.run({ userInput: 'Hi!' });
          await result.wait();
          result.expect.noMoreEvents();
        });
      `,
    },
    {
      name: 'a redundant await is fine when wait() follows',
      code: code`
        import { voice } from '@livekit/agents';
        it('greets', async () => {
          const result = await session.run({ userInput: 'Hi!' });
          await result.wait();
        });
      `,
    },
    {
      name: 'a result passed to a helper is not judged',
      code: code`
        import { voice } from '@livekit/agents';
        it('greets', async () => {
          const result = session.run({ userInput: 'Hi!' });
          await expectGreeting(result);
        });
      `,
    },
    {
      name: 'judge returned, voided or combined is not floating',
      code: code`
        import { voice } from '@livekit/agents';
        const check = (r) => r.expect.nextEvent().isMessage({ role: 'assistant' }).judge(judgeLlm, { intent: 'x' });
        void result.expect.nextEvent().judge(judgeLlm, { intent: 'y' });
        await Promise.all([result.expect.nextEvent().judge(judgeLlm, { intent: 'z' })]);
      `,
    },
    {
      name: 'run() of something else (no userInput)',
      code: code`
        import { voice } from '@livekit/agents';
        await worker.run();
        await task.run({ input: 'x' });
      `,
    },
    {
      name: 'no LiveKit import: the same shape in another framework',
      code: code`
        import { Runner } from 'other-agents';
        const result = await runner.run({ userInput: 'x' });
        result.expect;
      `,
    },
    {
      name: 'type-only LiveKit import is not a binding',
      code: code`
        import type { voice } from '@livekit/agents';
        const result = await session.run({ userInput: 'x' });
      `,
    },
    {
      name: 'known miss: events read before a later wait() are not caught (the order of statements is not checked)',
      code: code`
        import { voice } from '@livekit/agents';
        it('greets', async () => {
          const result = session.run({ userInput: 'Hi!' });
          result.expect.nextEvent();
          await result.wait();
        });
      `,
    },
    {
      name: 'shadowing local named session',
      code: code`
        import { voice } from '@livekit/agents';
        function f(session: { run(o: object): Promise<number> }) {
          return session.run({ input: 1 });
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'await session.run(...) then reading the events',
      code: code`
        import { voice } from '@livekit/agents';
        it('greets', async () => {
          const result = await session.run({ userInput: 'Hello' });
          result.expect.nextEvent().isMessage({ role: 'assistant' });
        });
      `,
      errors: [
        {
          messageId: 'awaitedRun',
          data: { text: 'session.run(...)' },
          line: 3,
          column: 18,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'addWait',
              data: { text: 'session.run(...)' },
              output: code`
                import { voice } from '@livekit/agents';
                it('greets', async () => {
                  const result = await session.run({ userInput: 'Hello' }).wait();
                  result.expect.nextEvent().isMessage({ role: 'assistant' });
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a bare awaited run statement, options in a const, receiver from a helper',
      code: code`
        import { AgentSession } from '@livekit/agents';
        const input = { userInput: 'Cancel my order' };
        test('cancels', async () => {
          await (await startSession()).run(input);
        });
      `,
      errors: [
        {
          messageId: 'awaitedRun',
          data: { text: 'run(...)' },
          line: 4,
          suggestions: [
            {
              messageId: 'addWait',
              data: { text: 'run(...)' },
              output: code`
                import { AgentSession } from '@livekit/agents';
                const input = { userInput: 'Cancel my order' };
                test('cancels', async () => {
                  await (await startSession()).run(input).wait();
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a run result read without any wait()',
      code: code`
        import * as agents from '@livekit/agents';
        it('looks up the order', async () => {
          const result = session.run({ userInput: 'Where is order 42' });
          result.expect.containsFunctionCall({ name: 'lookupOrder' });
        });
      `,
      errors: [
        {
          messageId: 'unwaitedRun',
          data: { text: 'session.run(...)' },
          line: 3,
          suggestions: [
            {
              messageId: 'addWait',
              data: { text: 'session.run(...)' },
              output: code`
                import * as agents from '@livekit/agents';
                it('looks up the order', async () => {
                  const result = await session.run({ userInput: 'Where is order 42' }).wait();
                  result.expect.containsFunctionCall({ name: 'lookupOrder' });
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a floating judge() call',
      code: code`
        import { voice } from '@livekit/agents';
        it('asks for the size', async () => {
          const result = await session.run({ userInput: 'A coffee' }).wait();
          result.expect.nextEvent().isMessage({ role: 'assistant' }).judge(judgeLlm, { intent: 'asks for the drink size' });
        });
      `,
      errors: [
        {
          messageId: 'floatingJudge',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAwait',
              output: code`
                import { voice } from '@livekit/agents';
                it('asks for the size', async () => {
                  const result = await session.run({ userInput: 'A coffee' }).wait();
                  await result.expect.nextEvent().isMessage({ role: 'assistant' }).judge(judgeLlm, { intent: 'asks for the drink size' });
                });
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a floating judge() in a non-async callback: reported, no suggestion',
      code: code`
        import { voice } from '@livekit/agents';
        it('asks', () => {
          result.expect.nextEvent().judge(judgeLlm, { intent: 'asks' });
        });
      `,
      errors: [{ messageId: 'floatingJudge', suggestions: [] }],
    },
    {
      name: 'aliased import',
      code: code`
        import { voice as lk } from '@livekit/agents';
        it('greets', async () => {
          await session.run({ userInput: 'Hi' });
        });
      `,
      errors: [
        {
          messageId: 'awaitedRun',
          line: 3,
          suggestions: [
            {
              messageId: 'addWait',
              data: { text: 'session.run(...)' },
              output: code`
        import { voice as lk } from '@livekit/agents';
        it('greets', async () => {
          await session.run({ userInput: 'Hi' }).wait();
        });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'top-level await in a module; the suggested form is the first valid case',
      code: code`
        import { llm } from '@livekit/agents';
        const r = await s.run({ userInput: 'x' });
      `,
      errors: [
        {
          messageId: 'awaitedRun',
          suggestions: [
            {
              messageId: 'addWait',
              data: { text: 's.run(...)' },
              output: code`
        import { llm } from '@livekit/agents';
        const r = await s.run({ userInput: 'x' }).wait();
      `,
            },
          ],
        },
      ],
    },
  ],
});

commonJsTester.run('require-run-result-wait (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { voice } = require('other'); async function t() { await session.run({ userInput: 'x' }); }",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { voice } = require('@livekit/agents'); async function t() { await session.run({ userInput: 'x' }); }",
      errors: [
        {
          messageId: 'awaitedRun',
          suggestions: [
            {
              messageId: 'addWait',
              data: { text: 'session.run(...)' },
              output:
                "const { voice } = require('@livekit/agents'); async function t() { await session.run({ userInput: 'x' }).wait(); }",
            },
          ],
        },
      ],
    },
  ],
});
