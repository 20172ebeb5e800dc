/**
 * The audit lints with the project's own ESLint config: a project that imports LiveKit through a wrapper module
 * declared in `settings['livekit-agents'].importSources` gets the same problems from the audit as from ESLint
 * (same rule, file, line, severity and message), the agent graph recognises the wrapper too, and the checklist
 * items those problems affect are ❌. Without the setting, neither ESLint nor the audit sees LiveKit code there.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { audit, auditJson, root, tempProject } from './helpers.js';

const require = createRequire(import.meta.url);
const plugin = pathToFileURL(join(root, 'dist/index.js')).href;
const parser = pathToFileURL(require.resolve('@typescript-eslint/parser')).href;

function config(settings: boolean): string {
  return `import livekit from '${plugin}';
import parser from '${parser}';

export default [
  { files: ['**/*.ts'], languageOptions: { parser } },
  livekit.configs.recommended,
  ${settings ? "{ settings: { 'livekit-agents': { importSources: ['@acme/voice-kit'] } } }," : ''}
];
`;
}

// The wrapper is a package of the team's monorepo; this project only imports it.
const files = {
  'src/agent.ts': `import { defineAgent, llm, voice } from '@acme/voice-kit';
import { z } from 'zod';
import { loadCatalogue } from './catalogue.js';

const lookupBook = llm.tool({
  description: '',
  parameters: z.object({ isbn: z.string().describe('The ISBN the caller reads out') }),
  execute: async ({ isbn }) => ({ isbn, inStock: true }),
});

export default defineAgent({
  entry: async (ctx) => {
    const catalogue = await loadCatalogue();
    await ctx.connect();
    const session = new voice.AgentSession({ llm: 'openai/gpt-4.1-mini' });
    session.on(voice.AgentSessionEventTypes.MetricsCollected, (event) => console.log(event.metrics));
    await session.start({
      agent: new voice.Agent({ instructions: \`You help callers of the bookshop find books among \${catalogue.size} titles.\`, tools: { lookupBook } }),
      room: ctx.room,
    });
  },
});
`,
  'src/catalogue.ts': `export async function loadCatalogue(): Promise<Map<string, string>> {
  return new Map();
}
`,
};

async function eslintProblems(dir: string): Promise<string[]> {
  const results = await new ESLint({ cwd: dir }).lintFiles(['src']);
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId?.startsWith('livekit-agents/'))
      .map(
        (message) =>
          `${result.filePath.slice(dir.length + 1)}:${message.line} ${message.ruleId!.slice('livekit-agents/'.length)} ${message.severity === 2 ? 'error' : 'warning'} ${message.message}`,
      ),
  );
}

function auditProblems(report: AuditReport): string[] {
  return report.findings
    .filter((finding) => finding.source === 'lint')
    .map(
      (finding) =>
        `${finding.locations[0]!.file}:${finding.locations[0]!.line} ${finding.check} ${finding.severity} ${finding.message}`,
    );
}

describe('a wrapper module in importSources', () => {
  it('gets the same problems from the audit as from ESLint, and the graph through the wrapper', async () => {
    const dir = tempProject({ ...files, 'eslint.config.js': config(true) });
    const expected = await eslintProblems(dir);
    expect(expected.map((problem) => problem.split(' ').slice(0, 2).join(' ')).sort()).toEqual([
      'src/agent.ts:13 no-await-before-connect',
      'src/agent.ts:6 require-tool-description',
    ]);
    const { report, code } = auditJson([dir]);
    expect(code).toBe(1);
    expect(report.lint.config).toMatchObject({ kind: 'project', file: 'eslint.config.js' });
    expect(auditProblems(report).sort()).toEqual([...expected].sort());
    const status = (id: string) => report.checklist.find((item) => item.id === id)?.status;
    expect(status('connect-early')).toBe('fail');
    expect(status('tool-names')).toBe('fail');
    expect(
      report.graph.agents.map((agent) => `${agent.kind} ${agent.tools.map((tool) => tool.name).join(',')}`),
    ).toEqual(['new lookupBook']);
    expect(report.graph.edges.map((edge) => `${edge.from} -${edge.kind}-> ${edge.to}`)).toEqual([
      `entry_agent -start-> ${report.graph.agents[0]!.id}`,
    ]);
  });

  it('without the setting, neither ESLint nor the audit takes the wrapper for LiveKit', async () => {
    const dir = tempProject({ ...files, 'eslint.config.js': config(false) });
    expect(await eslintProblems(dir)).toEqual([]);
    const run = audit([dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "none of its 3 JS/TS files imports '@livekit/agents' or an '@livekit/agents-plugin-*' package",
    );
  });

  it("a config that cannot be loaded: the plugin's recommended config, with a note that says why", () => {
    const dir = tempProject({
      'eslint.config.js': "import missing from 'eslint-plugin-not-installed';\nexport default [missing];\n",
      'src/agent.ts':
        "import { voice } from '@livekit/agents';\nexport const agent = new voice.Agent({ instructions: 'You answer questions about the bookshop opening hours.' });\n",
    });
    const { report } = auditJson([dir]);
    expect(report.lint).toMatchObject({ ran: true, config: { kind: 'preset', file: null, preset: 'recommended' } });
    expect(report.lint.config!.description).toBe(
      "livekit-agents recommended (the project's config could not be loaded)",
    );
    expect(report.notes).toEqual([
      expect.stringMatching(
        /^ESLint could not load eslint\.config\.js: .*eslint-plugin-not-installed.*; the audit used the plugin's recommended config instead$/,
      ),
    ]);
  });
});
