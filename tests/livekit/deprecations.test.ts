import { describe, expect, it } from 'vitest';
import { DEPRECATIONS, mayUseDeprecated } from '../../src/livekit/deprecations.js';

describe('mayUseDeprecated: the text gate of no-deprecated-api', () => {
  it('lets through every file that spells a deprecated name, in any import style', () => {
    for (const text of [
      "import { WorkerOptions } from '@livekit/agents';",
      'new agents.Worker(opts);',
      'const collector = new metrics.UsageCollector();',
      'new lk.turnDetector.EnglishModel()',
      "import { turnDetector as td } from '@livekit/agents-plugin-livekit'; new td.MultilingualModel();",
      'new voice.AgentSession({ turnDetection: detector });',
      "new voice.AgentSession({ ['voiceOptions']: {} });",
      // A `\u` escape can spell any name: the rule must look.
      'const { Worker\\u004Fptions } = agents;',
    ])
      expect(mayUseDeprecated(text), text).toBe(true);
  });

  it('stops a file that spells none of them', () => {
    expect(mayUseDeprecated("import { ServerOptions, voice } from '@livekit/agents'; new voice.Agent({});")).toBe(
      false,
    );
  });

  it('knows a name for every deprecation', () => {
    for (const entry of DEPRECATIONS) {
      const name =
        entry.kind === 'alias'
          ? entry.name
          : entry.kind === 'option'
            ? entry.option
            : entry.paths[0]!.split('.').pop()!;
      expect(mayUseDeprecated(`x.${name}`), entry.id).toBe(true);
    }
  });
});
