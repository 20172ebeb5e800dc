import rule from '../../src/rules/require-handoff-message.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('require-handoff-message', rule, {
  valid: [
    {
      // 'Transfer complete.' is the tool result of the handoff call: the LLM answers the caller from it (SDK
      // voice/generation.ts); a short one is fine.
      name: 'a short returns is fine by default',
      code: code`
        import { llm } from '@livekit/agents';
        import { alloy } from './agents';
        llm.handoff({ agent: alloy, returns: 'Transfer complete.' });
      `,
    },
    {
      name: 'no returns, but the new agent greets the caller in its onEnter (inherited too)',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class Greeter extends voice.Agent {
          async onEnter() {
            this.session.generateReply({ instructions: 'Greet the caller and ask for the invoice number.' });
          }
        }
        class Billing extends Greeter {}
        llm.handoff({ agent: new Billing({ instructions: 'x' }) });
      `,
    },
    {
      name: 'test code: a handoff fixture',
      filename: 'src/__tests__/handoff.ts',
      code: code`
        import { llm } from '@livekit/agents';
        import { billing } from './agents';
        llm.handoff({ agent: billing });
      `,
    },
    {
      name: 'official style: a clear transfer message',
      code: code`
        import { llm } from '@livekit/agents';
        import { billing } from './agents';
        llm.handoff({ agent: billing, returns: 'Transferring you to billing to sort out the invoice.' });
      `,
    },
    {
      name: 'message from a same-file const and a dedent tag',
      code: code`
        import { llm } from '@livekit/agents';
        import dedent from 'dedent';
        import { billing } from './agents';
        const TRANSFER = 'Let me connect you with billing now.';
        llm.handoff({ agent: billing, returns: TRANSFER });
        llm.handoff({ agent: billing, returns: dedent\`
          One moment, I am transferring you to billing.
        \` });
      `,
    },
    {
      name: 'dynamic parts are not guessed',
      code: code`
        import { llm } from '@livekit/agents';
        import { billing, describe } from './agents';
        export const go = (topic: string) => {
          llm.handoff({ agent: billing, returns: \`Transferring \${topic}\` });
          llm.handoff({ agent: billing, returns: describe(topic) });
        };
      `,
    },
    {
      name: 'options not written inline, or spread, are not judged',
      code: code`
        import { llm } from '@livekit/agents';
        import { billing, handoffOptions, extra } from './agents';
        llm.handoff(handoffOptions);
        llm.handoff({ agent: billing, ...extra });
      `,
    },
    {
      name: 'option minWords lowers the bar',
      code: code`
        import { llm } from '@livekit/agents';
        import { billing } from './agents';
        llm.handoff({ agent: billing, returns: 'To billing.' });
      `,
      options: [{ minWords: 2 }],
    },
    {
      name: 'shadowing local named handoff',
      code: code`
        import { llm } from '@livekit/agents';
        export function go(handoff: (x: object) => void) {
          handoff({ agent: llm });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { handoff } from 'other-agents';
        handoff({ agent: {} });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        declare const handoff: typeof llm.handoff;
        handoff({ agent: {} as never });
      `,
    },
  ],
  invalid: [
    {
      name: 'no returns, and the target class of this file does not speak on entry',
      code: code`
        import { llm, voice } from '@livekit/agents';
        class Billing extends voice.Agent {
          async onEnter() {
            this.session.history.items.length;
          }
        }
        llm.handoff({ agent: new Billing({ instructions: 'x' }) });
      `,
      errors: [{ messageId: 'missing', line: 7 }],
    },
    {
      name: 'no returns at all',
      code: code`
        import { llm } from '@livekit/agents';
        import { billing } from './agents';
        llm.handoff({ agent: billing });
      `,
      errors: [{ messageId: 'missing', line: 3, column: 1, endColumn: 12 }],
    },
    {
      name: 'returns: undefined',
      code: code`
        import { llm } from '@livekit/agents';
        import { billing } from './agents';
        llm.handoff({ agent: billing, returns: undefined });
      `,
      errors: [{ messageId: 'missing', line: 3, column: 40 }],
    },
    {
      name: 'empty message, aliased flat import',
      code: code`
        import { handoff as transferTo } from '@livekit/agents';
        import { billing } from './agents';
        transferTo({ agent: billing, returns: '' });
      `,
      errors: [{ messageId: 'empty', line: 3, column: 39 }],
    },
    {
      name: 'too short, namespace import and a template without expressions',
      code: code`
        import * as agents from '@livekit/agents';
        import { billing } from './agents';
        agents.llm.handoff({ agent: billing, returns: \`Transferring.\` });
      `,
      // The floor of 4 words was the default; a short tool result is fine for the LLM (see the valid cases), so the
      // option asks for it here.
      options: [{ minWords: 4 }],
      errors: [{ messageId: 'tooShort', data: { count: 1, minWords: 4 } }],
    },
    {
      name: 'too short from a same-file const, option minWords raised',
      code: code`
        import { llm } from '@livekit/agents';
        import { billing } from './agents';
        const MESSAGE = 'Transferring you to billing.';
        llm.handoff({ agent: billing, returns: MESSAGE });
      `,
      options: [{ minWords: 6 }],
      errors: [{ messageId: 'tooShort', data: { count: 4, minWords: 6 }, line: 4 }],
    },
  ],
});

commonJsTester.run('require-handoff-message (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); llm.handoff({ agent: {} });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm } = require('@livekit/agents'); llm.handoff({ agent: {} });",
      errors: [{ messageId: 'missing' }],
    },
    {
      name: 'namespace require with a flat name',
      code: "const agents = require('@livekit/agents'); agents.handoff({ agent: {}, returns: 'ok' });",
      options: [{ minWords: 4 }],
      errors: [{ messageId: 'tooShort' }],
    },
  ],
});
