/**
 * A folder of JavaScript files (no tsconfig): ESM and CommonJS, a namespace import of the SDK, flat names, an entry
 * function imported from another file, a barrel with `export *`, tools registered as a map, and a class chain.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { auditJson, edgeList, tempProject } from './helpers.js';

const files: Record<string, string> = {
  'agent.mjs': `import * as agents from '@livekit/agents';
import { entry } from './entry.mjs';

export default agents.defineAgent({ entry });
`,
  'entry.mjs': `import { voice } from '@livekit/agents';
import { makeFrontDesk } from './desk/index.mjs';

export async function entry(ctx) {
  const session = new voice.AgentSession({ llm: 'openai/gpt-4.1-mini' });
  session.on('metrics_collected', (event) => event);
  await session.start({ agent: makeFrontDesk(), room: ctx.room });
}
`,
  'desk/index.mjs': `export * from './front.mjs';
export { ParcelAgent, ParcelCopyAgent } from './parcels.cjs';
`,
  'desk/front.mjs': `import { Agent, handoff, tool } from '@livekit/agents';
import { ParcelAgent } from './parcels.cjs';

export function makeFrontDesk() {
  return Agent.create({
    id: 'front-desk',
    instructions: 'You are the front desk of the shop. Answer questions about opening hours and the address.',
    tools: {
      sendOn: tool({
        description: 'Pass the caller on to the next desk when they ask about something else.',
        execute: async () => handoff({ agent: new ParcelAgent(), returns: 'One moment, I am passing you on.' }),
      }),
    },
  });
}
`,
  'desk/parcels.cjs': `const { voice } = require('@livekit/agents');

const INSTRUCTIONS = 'You are the parcel desk of the shop. Trace parcels by their tracking number and explain delays.';

class BaseDesk extends voice.Agent {}

class ParcelAgent extends BaseDesk {
  constructor() {
    super({ instructions: INSTRUCTIONS });
  }
}

class ParcelCopyAgent extends voice.Agent {
  constructor() {
    super({ instructions: INSTRUCTIONS });
  }
}

module.exports = { ParcelAgent, ParcelCopyAgent };
`,
};

describe('audit of a folder of JS files', () => {
  let report: AuditReport;
  let code: number | null;

  beforeAll(() => {
    ({ report, code } = auditJson([tempProject(files)]));
  });

  it('reads every JS file of the folder', () => {
    expect(code).toBe(1);
    expect(report.project).toMatchObject({ tsconfig: null, files: 5, testFiles: [] });
  });

  it("with no ESLint config file, lints with the plugin's recommended config", () => {
    expect(report.lint).toMatchObject({
      ran: true,
      files: 5,
      config: {
        kind: 'preset',
        file: null,
        preset: 'recommended',
        description: 'livekit-agents recommended (no ESLint config file found)',
      },
    });
  });

  it('reports a project with no test file as one finding, against every testing item that applies', () => {
    const noTests = report.findings.filter((finding) => finding.check === 'no-tests');
    expect(noTests.map((finding) => `${finding.severity} ${finding.items.join(',')}`)).toEqual([
      'warning unit-tests,handoff-tests,error-tests,tool-call-tests,context-tests',
    ]);
    const testing = [
      'untested-agent',
      'untested-handoff',
      'no-error-tests',
      'unverified-tools',
      'unverified-tool',
      'no-context-tests',
    ];
    expect(report.findings.filter((finding) => testing.includes(finding.check))).toEqual([]);
  });

  it('resolves the entry, the factory behind a barrel, a map-registered tool and a CommonJS class chain', () => {
    // BaseDesk is only a shared base class, never constructed: not an agent of the graph.
    expect(report.graph.entries.map((entry) => entry.file)).toEqual(['agent.mjs']);
    expect(report.graph.agents.map((agent) => `${agent.id} ${agent.kind}`).sort()).toEqual([
      'ParcelAgent class',
      'ParcelCopyAgent class',
      'front_desk create',
    ]);
    expect(edgeList(report)).toEqual(['entry_agent -start-> front_desk', 'front_desk -handoff:sendOn-> ParcelAgent']);
  });

  it('reports a handoff the instructions never motivate and two agents with the same role', () => {
    const checks = report.findings.map(
      (finding) =>
        `${finding.check} ${finding.locations.map((location) => `${location.file}:${location.line}`).join(' ')}`,
    );
    expect(checks).toContain('unmotivated-handoff desk/front.mjs:11 desk/front.mjs:7');
    expect(checks).toContain('duplicate-agent-role desk/parcels.cjs:9 desk/parcels.cjs:15');
    expect(checks.filter((check) => check.startsWith('unreachable-agent'))).toEqual([
      'unreachable-agent desk/parcels.cjs:13',
    ]);
    // ParcelAgent's constructor, in another file, passes super() no chatCtx.
    expect(checks).toContain('handoff-drops-chat-ctx desk/front.mjs:11 desk/parcels.cjs:9');
    // The entry listens for metrics from a function imported from another file.
    expect(checks.filter((check) => check.startsWith('missing-monitoring'))).toEqual([]);
  });
});
