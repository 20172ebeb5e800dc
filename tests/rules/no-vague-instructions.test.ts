import rule from '../../src/rules/no-vague-instructions.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

/** 30 words with a role statement and a prohibition of formatting. */
const GOOD =
  'You are the front desk of Bright Dental. Help callers book, move or cancel appointments. Speak in short, friendly sentences and never use markdown, emoji or lists, because everything you write is read aloud.';
/** 27 words, no role statement. */
const NO_ROLE =
  'Help callers book, move or cancel appointments at Bright Dental. Speak in short, friendly sentences. Confirm the date and time before booking, and read it back to the caller.';

ruleTester.run('no-vague-instructions', rule, {
  valid: [
    {
      name: 'official style: clear instructions on voice.Agent',
      code: code`
        import { voice } from '@livekit/agents';
        new voice.Agent({ instructions: '${GOOD}' });
      `,
    },
    {
      name: 'instructions from a same-file const, a dedent tag and an array join',
      code: code`
        import { voice } from '@livekit/agents';
        import dedent from 'dedent';
        const PROMPT = '${GOOD}';
        new voice.Agent({ instructions: PROMPT });
        new voice.Agent({ instructions: dedent\`
          ${GOOD}
        \` });
        new voice.Agent({ instructions: ['${GOOD.slice(0, 60)}', '${GOOD.slice(60)}'].join('') });
      `,
    },
    {
      name: 'dynamic parts are not guessed: a short static part next to an interpolation',
      code: code`
        import { voice } from '@livekit/agents';
        import { persona } from './persona';
        new voice.Agent({ instructions: \`\${persona} Keep it short.\` });
        new voice.Agent({ instructions: persona });
      `,
    },
    {
      name: 'a class passes instructions through from its constructor parameter',
      code: code`
        import { voice } from '@livekit/agents';
        export class Desk extends voice.Agent {
          constructor(instructions: string) {
            super({ instructions });
          }
        }
      `,
    },
    {
      // Was the option rolePhrases: a role statement is no longer required (the rule judges generic prompts, not role-less ones).
      name: 'another way to state the role is fine',
      code: code`
        import { voice } from '@livekit/agents';
        new voice.Agent({ instructions: 'This assistant handles Bright Dental appointments. ${NO_ROLE}' });
      `,
    },
    {
      // Was the option minWords: length alone is not vagueness, so there is no word minimum.
      name: 'a short, specific prompt is fine',
      code: code`
        import { voice } from '@livekit/agents';
        new voice.Agent({ instructions: 'You are the Bright Dental front desk.' });
      `,
    },
    {
      // Was invalid (noRole): the rule now reports generic prompts, not ones without a role statement.
      name: 'no role statement, but a task and a procedure',
      code: code`
        import { voice } from '@livekit/agents';
        class Desk extends voice.Agent {
          constructor() {
            super({ instructions: '${NO_ROLE}' });
          }
        }
        new Desk();
      `,
    },
    {
      // Was invalid (tooShort): a one-line step of an AgentTask is specific.
      name: 'short step instructions of an AgentTask and of a class that forwards its options',
      code: code`
        import * as agents from '@livekit/agents';
        class Desk extends agents.voice.Agent {
          constructor(options: { instructions: string }) {
            super({ ...options });
          }
        }
        new Desk({ instructions: 'Book appointments.' });
        new agents.voice.AgentTask({ instructions: 'Collect the email address.' });
        new agents.voice.AgentTask({ instructions: 'Collect a valid email address; if the caller refuses, call disqualify.' });
      `,
    },
    {
      name: 'formatting that is forbidden, or meant for a screen or a tool, is not asked of the spoken answer',
      code: code`
        import { voice } from '@livekit/agents';
        new voice.Agent({ instructions: '${GOOD} No markdown. Do not use bullet points.' });
        new voice.Agent({ instructions: '${GOOD} Pass the order to show_summary as a markdown list in the items field.' });
        new voice.Agent({ instructions: '${GOOD} The screen shows the menu as a table with columns.' });
      `,
    },
    {
      name: 'test code: a generic prompt in a test file is a fixture',
      filename: 'agent.test.ts',
      code: code`
        import { voice } from '@livekit/agents';
        new voice.Agent({ instructions: 'You are a helpful assistant.' });
      `,
    },
    {
      name: 'test code: a file that imports a test runner',
      code: code`
        import { voice } from '@livekit/agents';
        import { it } from 'vitest';
        it('starts', () => new voice.Agent({ instructions: 'You are a helpful assistant.' }));
      `,
    },
    {
      name: 'option allowFormatting, and a restaurant table is not a layout',
      code: code`
        import { voice } from '@livekit/agents';
        new voice.Agent({ instructions: '${GOOD} Help callers book a table for dinner.' });
        new voice.Agent({ instructions: '${GOOD} Format the menu as a table.' });
      `,
      options: [{ allowFormatting: ['tables'] }],
    },
    {
      name: 'generateReply instructions are not agent instructions',
      code: code`
        import { voice } from '@livekit/agents';
        export function greet(session: voice.AgentSession) {
          session.generateReply({ instructions: 'Greet the caller.' });
        }
      `,
    },
    {
      name: 'shadowing local named voice',
      code: code`
        export function make(voice: { Agent: new (o: object) => object }) {
          return new voice.Agent({ instructions: 'Be nice.' });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { Agent } from 'other-agents';
        new Agent({ instructions: 'Be nice.' });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { voice } from '@livekit/agents';
        declare const Agent: typeof voice.Agent;
        new Agent({ instructions: 'Be nice.' });
      `,
    },
  ],
  invalid: [
    {
      name: 'the placeholder prompt',
      code: code`
        import { voice } from '@livekit/agents';
        new voice.Agent({ instructions: 'You are a helpful assistant.' });
      `,
      errors: [{ messageId: 'generic', line: 2, column: 33, endColumn: 63 }],
    },
    {
      name: 'a generic prompt in super() of an Agent class, reported once',
      code: code`
        import { voice } from '@livekit/agents';
        class Desk extends voice.Agent {
          constructor() {
            super({ instructions: 'You are a helpful voice AI assistant for an interactive voice response system.' });
          }
        }
        new Desk();
        new Desk();
      `,
      errors: [{ messageId: 'generic', line: 4 }],
    },
    {
      name: 'a generic prompt in a file outside the test globs',
      filename: 'src/agent.ts',
      code: code`
        import { voice } from '@livekit/agents';
        new voice.Agent({ instructions: 'Help users with their problems.' });
      `,
      errors: [{ messageId: 'generic', line: 2 }],
    },
    {
      name: 'asks for markdown and bullet points, from a same-file const',
      code: code`
        import { voice } from '@livekit/agents';
        const PROMPT = '${GOOD} Format every answer as markdown with bullet points.';
        new voice.Agent({ instructions: PROMPT });
      `,
      errors: [{ messageId: 'visualFormatting', data: { terms: 'markdown, bullet points' }, line: 3, column: 33 }],
    },
    {
      name: 'asks for emoji and a table layout in the static part of a template, aliased import',
      code: code`
        import { Agent as VoiceAgent } from '@livekit/agents';
        export const make = (name: string) =>
          new VoiceAgent({ instructions: \`You are \${name}. Use emojis to sound friendly. Display prices in a table.\` });
      `,
      errors: [{ messageId: 'visualFormatting', data: { terms: 'emoji, tables' } }],
    },
    {
      name: 'a dedent tag asking for code blocks (short but specific: one report)',
      code: code`
        import { voice } from '@livekit/agents';
        import dedent from 'dedent';
        new voice.Agent({
          instructions: dedent\`
            You are a coding tutor. Put examples in code blocks.
          \`,
        });
      `,
      errors: [{ messageId: 'visualFormatting', data: { terms: 'code blocks' }, line: 4 }],
    },
    {
      name: 'instructions passed to a class that forwards its options, namespace import',
      code: code`
        import * as agents from '@livekit/agents';
        class Desk extends agents.voice.Agent {
          constructor(options: { instructions: string }) {
            super({ ...options });
          }
        }
        new Desk({ instructions: 'Answer questions.' });
      `,
      errors: [{ messageId: 'generic', line: 7 }],
    },
    {
      name: 'a class default overridden by the construction: the default is judged, the override too',
      code: code`
        import { voice } from '@livekit/agents';
        class Desk extends voice.Agent {
          constructor(options: Partial<voice.AgentOptions<unknown>> = {}) {
            super({ instructions: 'Be nice.', ...options });
          }
        }
        new Desk({ instructions: '${GOOD}' });
        new Desk({ instructions: '${NO_ROLE}' });
      `,
      errors: [{ messageId: 'generic', line: 4 }],
    },
    {
      name: 'voice.Agent.create and AgentTask',
      code: code`
        import { voice } from '@livekit/agents';
        voice.Agent.create({ instructions: 'Answer questions.' });
        new voice.AgentTask({ instructions: 'Be helpful and nice.' });
      `,
      errors: [
        { messageId: 'generic', line: 2 },
        { messageId: 'generic', line: 3 },
      ],
    },
  ],
});

commonJsTester.run('no-vague-instructions (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { voice } = require('other'); new voice.Agent({ instructions: 'Be nice.' });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { voice } = require('@livekit/agents'); new voice.Agent({ instructions: 'Be nice.' });",
      errors: [{ messageId: 'generic' }],
    },
    {
      name: 'namespace require with a flat name',
      code: "const agents = require('@livekit/agents'); new agents.Agent({ instructions: 'Be nice.' });",
      errors: [{ messageId: 'generic' }],
    },
  ],
});
