import rule from '../../src/rules/no-session-in-agent-constructor.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

ruleTester.run('no-session-in-agent-constructor', rule, {
  valid: [
    {
      name: 'official style: the session is read in onEnter',
      code: code`
        import { voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          constructor() {
            super({ instructions: 'You are a helpful assistant.' });
          }
          async onEnter() {
            this.session.generateReply();
          }
        }
      `,
    },
    {
      name: 'a callback created in the constructor runs later',
      code: code`
        import { voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          greet: () => void;
          constructor() {
            super({ instructions: 'x' });
            this.greet = () => this.session.say('Hello!');
          }
          onGreet = () => this.session.say('Hi');
        }
      `,
    },
    {
      name: 'a class that is not an Agent',
      code: code`
        import { voice } from '@livekit/agents';
        export class Holder {
          session: voice.AgentSession | null = null;
          constructor() {
            console.log(this.session);
          }
        }
      `,
    },
    {
      name: 'an Agent class that declares its own session member',
      code: code`
        import { voice } from '@livekit/agents';
        export class Replay extends voice.Agent {
          declare session: voice.AgentSession;
          constructor() {
            super({ instructions: 'x' });
            console.log(this.session);
          }
        }
      `,
    },
    {
      name: 'known miss: a method called from the constructor reads the session',
      code: code`
        import { voice } from '@livekit/agents';
        export class Assistant extends voice.Agent {
          constructor() {
            super({ instructions: 'x' });
            this.setup();
          }
          setup() {
            console.log(this.session);
          }
        }
      `,
    },
    {
      name: 'shadowing local named voice',
      code: code`
        export function make(voice: { Agent: new () => { session: unknown } }) {
          return class extends voice.Agent {
            constructor() {
              super();
              console.log(this.session);
            }
          };
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { Agent } from 'other-agents';
        export class Assistant extends Agent {
          constructor() {
            super({});
            console.log(this.session);
          }
        }
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { voice } from '@livekit/agents';
        declare const Base: typeof voice.Agent;
        export class Assistant extends Base {
          constructor() {
            super({ instructions: 'x' });
            console.log(this.session);
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'this.session in the constructor',
      code: code`
        import { voice } from '@livekit/agents';
        class Assistant extends voice.Agent {
          constructor() {
            super({ instructions: 'x' });
            this.session.on('close', () => {});
          }
        }
      `,
      errors: [{ messageId: 'sessionInConstructor', data: { agent: 'Assistant' }, line: 5, column: 5, endColumn: 17 }],
    },
    {
      name: 'destructuring and a field initialiser, aliased import',
      code: code`
        import { Agent as VoiceAgent } from '@livekit/agents';
        export class Assistant extends VoiceAgent {
          userData = this.session.userData;
          constructor() {
            super({ instructions: 'x' });
            const { session } = this;
            if (session) console.log('ready');
          }
        }
      `,
      errors: [
        { messageId: 'sessionInConstructor', line: 3, column: 14 },
        { messageId: 'sessionInConstructor', line: 6, column: 13 },
      ],
    },
    {
      name: 'a subclass of a file Agent class, namespace import',
      code: code`
        import * as agents from '@livekit/agents';
        class Base extends agents.voice.AgentTask<string> {}
        export class Survey extends Base {
          constructor() {
            super({ instructions: 'x' });
            console.log(this.session.userData);
          }
        }
      `,
      errors: [{ messageId: 'sessionInConstructor', data: { agent: 'Survey' }, line: 6 }],
    },
  ],
});

commonJsTester.run('no-session-in-agent-constructor (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { voice } = require('other'); class A extends voice.Agent { constructor() { super({}); this.session; } }",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { voice } = require('@livekit/agents'); class A extends voice.Agent { constructor() { super({}); this.session.say('hi'); } }",
      errors: [{ messageId: 'sessionInConstructor' }],
    },
    {
      name: 'namespace require with a flat name',
      code: "const agents = require('@livekit/agents'); class A extends agents.Agent { constructor() { super({}); this.session.say('hi'); } }",
      errors: [{ messageId: 'sessionInConstructor' }],
    },
  ],
});
