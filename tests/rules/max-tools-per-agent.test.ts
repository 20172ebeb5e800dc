import rule from '../../src/rules/max-tools-per-agent.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

const names = (count: number): string[] => Array.from({ length: count }, (_, index) => `t${index}`);
const imports = (count: number): string => `import { ${names(count).join(', ')} } from './tools';`;

ruleTester.run('max-tools-per-agent', rule, {
  valid: [
    {
      name: 'official style: a few tools',
      code: code`
        import { llm, voice } from '@livekit/agents';
        const getWeather = llm.tool({ name: 'getWeather', description: 'd', execute: async () => 'sunny' });
        new voice.Agent({ instructions: 'x', tools: [getWeather] });
      `,
    },
    {
      name: 'exactly the maximum',
      code: `import { voice } from '@livekit/agents';\n${imports(20)}\nnew voice.Agent({ instructions: 'x', tools: [${names(20).join(', ')}] });\n`,
    },
    {
      name: 'option max raises the limit',
      code: `import { voice } from '@livekit/agents';\n${imports(3)}\nnew voice.Agent({ instructions: 'x', tools: [t0, t1, t2] });\n`,
      options: [{ max: 3 }],
    },
    {
      name: 'known miss: tools built at run time are not counted',
      code: `import { voice } from '@livekit/agents';\nimport { allTools } from './tools';\nnew voice.Agent({ instructions: 'x', tools: allTools });\n`,
    },
    {
      name: 'shadowing local named voice',
      code: `import { llm } from '@livekit/agents';\nfunction f(voice: any) { return new voice.Agent({ tools: [1, 2, 3] }); }\n`,
      options: [{ max: 2 }],
    },
    {
      name: 'same-named import from another package',
      code: `import { Agent } from 'other';\nimport { llm } from '@livekit/agents';\nnew Agent({ tools: [1, 2, 3] });\n`,
      options: [{ max: 2 }],
    },
    {
      name: 'type-only import is not a binding',
      code: `import type { voice } from '@livekit/agents';\nimport { llm } from '@livekit/agents';\ndeclare const A: typeof voice.Agent;\nnew A({ instructions: 'x', tools: [1, 2, 3] as never });\n`,
      options: [{ max: 2 }],
    },
  ],
  invalid: [
    {
      name: 'more than 20 tools in an array (namespace binding)',
      code: `import { voice } from '@livekit/agents';\n${imports(21)}\nnew voice.Agent({ instructions: 'x', tools: [${names(21).join(', ')}] });\n`,
      errors: [{ messageId: 'tooMany', data: { count: 21, max: 20 }, line: 3, column: 38, endColumn: 43 }],
    },
    {
      name: 'a map in a same-file const, spreads counted as a lower bound (flat import)',
      code: code`
        import { Agent } from '@livekit/agents';
        import { a, b, c, more } from './tools';
        const tools = { a, b, ...more, c };
        new Agent({ instructions: 'x', tools });
      `,
      options: [{ max: 2 }],
      errors: [{ messageId: 'tooMany', data: { count: 3, max: 2 }, line: 4, column: 32 }],
    },
    {
      name: 'Agent class super options (aliased import)',
      code: code`
        import { voice as v } from '@livekit/agents';
        import { a, b, c } from './tools';
        class Desk extends v.Agent {
          constructor() {
            super({ instructions: 'x', tools: [a, b, c] });
          }
        }
      `,
      options: [{ max: 2 }],
      errors: [{ messageId: 'tooMany', line: 5, column: 32 }],
    },
    {
      name: 'voice.Agent.create (namespace import)',
      code: code`
        import * as agents from '@livekit/agents';
        import { a, b, c } from './tools';
        agents.voice.Agent.create({ instructions: 'x', tools: [a, b, c] });
      `,
      options: [{ max: 2 }],
      errors: [{ messageId: 'tooMany', line: 3 }],
    },
  ],
});

commonJsTester.run('max-tools-per-agent (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { voice } = require('other'); new voice.Agent({ tools: [1, 2, 3] });",
      options: [{ max: 2 }],
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { voice } = require('@livekit/agents'); new voice.Agent({ instructions: 'x', tools: [a, b, c] });",
      options: [{ max: 2 }],
      errors: [{ messageId: 'tooMany', line: 1 }],
    },
  ],
});
