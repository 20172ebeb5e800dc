import { describe, expect, it } from 'vitest';
import { DEPRECATIONS, DEPRECATION_INDEX, activeDeprecations } from '../../src/livekit/deprecations.js';
import { UNKNOWN_VERSION } from '../../src/livekit/version.js';

describe('the deprecation index and the entries a version activates', () => {
  it('the index holds every deprecation once, where its kind is checked', () => {
    const indexed = [
      ...DEPRECATION_INDEX.aliases,
      ...DEPRECATION_INDEX.apis,
      ...DEPRECATION_INDEX.sessionOptions.values(),
      ...DEPRECATION_INDEX.agentOptions.values(),
    ];
    expect(indexed).toHaveLength(DEPRECATIONS.length);
    expect(new Set(indexed)).toEqual(new Set(DEPRECATIONS));
    for (const [name, entry] of DEPRECATION_INDEX.agentOptions)
      expect([entry.owner, entry.option]).toEqual(['Agent', name]);
  });

  it('a version activates the entries whose replacement it has, an unknown version all of them, unverified', () => {
    const old = activeDeprecations({ range: '1.0.0', source: 'setting', written: '1.0.0' });
    const current = activeDeprecations({ range: '1.9.0', source: 'setting', written: '1.9.0' });
    const unknown = activeDeprecations(UNKNOWN_VERSION);
    for (const entry of DEPRECATIONS) {
      expect(current?.entries.has(entry), entry.id).toBe(true);
      expect(old?.entries.has(entry) ?? false, entry.id).toBe(entry.replacementSince === '1.0.0');
      expect(unknown?.unverified.has(entry), entry.id).toBe(true);
    }
    expect(current?.unverified.size).toBe(0);
  });
});
