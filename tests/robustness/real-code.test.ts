/**
 * Real code no one here wrote: LiveKit's own packages under node_modules/@livekit/ (the SDK, its plugins, which
 * import `@livekit/agents` so the rules really run, and their tests), linted with `all`. No rule may crash.
 * The subset is `quickSelection()` (see fuzz/real-code.js); `node fuzz/real-code.js` lints every file.
 */
import type { Rule } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { type RealCodeReport, lintRealCode, listSourceFiles, quickSelection } from '../../fuzz/real-code.js';

describe('real code: node_modules/@livekit with every rule', () => {
  let files: string[];
  let report: RealCodeReport;
  beforeAll(() => {
    files = quickSelection();
    report = lintRealCode({ plugin, files });
    const counts = Object.entries(report.byRule)
      .map(([id, count]) => `${id.replace('livekit-agents/', '')} ${count}`)
      .join(', ');
    console.info(
      `real code: ${report.files} files (${(report.bytes / 1e6).toFixed(1)} MB, ${report.withLiveKitImport} import @livekit/agents), ` +
        `${report.crashes.length} crashes; reports: ${counts || 'none'}`,
    );
  });

  it('finds the SDK and plugin sources, including files that import @livekit/agents', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(report.files).toBe(files.length);
    expect(report.withLiveKitImport).toBeGreaterThanOrEqual(20);
  });

  it('no rule crashes', () => {
    expect(report.crashes).toEqual([]);
  });

  it('every file parses and is matched by the config (so every file was really checked)', () => {
    expect(report.parseErrors).toEqual([]);
    expect(report.unlinted).toEqual([]);
  });
});

describe('real-code harness', () => {
  it('counts a rule that throws as a crash, per file, with the rule id', () => {
    const throwing: Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create: () => ({
        Program() {
          throw new Error('boom');
        },
      }),
    };
    const faulty = { rules: { throwing }, configs: { all: {} } };
    faulty.configs.all = { plugins: { test: faulty }, rules: { 'test/throwing': 'error' } };
    const some = listSourceFiles()
      .filter((file) => file.endsWith('.ts'))
      .slice(0, 3);
    const result = lintRealCode({ plugin: faulty, files: some });
    expect(result.crashes.map((crash) => crash.ruleId)).toEqual(['test/throwing', 'test/throwing', 'test/throwing']);
  });
});
