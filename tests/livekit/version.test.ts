import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SdkVersion, UNKNOWN_VERSION, detectVersion, supports } from '../../src/livekit/version.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'lk-detect-'));
}

const range = (text: string): SdkVersion => ({ range: text, source: 'setting', written: text });

describe('supports: a range has the replacement when it admits a version that has it', () => {
  it.each([
    // The examples of docs/rules/no-deprecated-api.md.
    ['>=1.0.27 <2.0.0-0', '1.2.0', 'maybe'], // ^1.0.27: yes (reported), not every version: no autofix
    ['>=1.0.12 <1.1.0-0', '1.2.0', 'no'], // ~1.0.12: no turnHandling
    ['>=1.0.12 <1.1.0-0', '1.0.16', 'maybe'], // ~1.0.12: admits 1.0.16, so ServerOptions is suggested
    ['>=1.0.0 <2.0.0-0', '1.4.7', 'maybe'], // 1.x
    // One version.
    ['1.0.16', '1.0.16', 'yes'],
    ['1.0.15', '1.0.16', 'no'],
    ['1.10.0', '1.4.7', 'yes'],
    ['0.9.99', '1.0.0', 'no'],
    // A pre-release of a later version has it; one of the same version does not yet.
    ['1.3.0-beta.1', '1.2.0', 'yes'],
    ['1.2.0-beta.1', '1.2.0', 'no'],
    // Every version of the range has it.
    ['>=1.4.7 <2.0.0-0', '1.2.0', 'yes'],
    // 0.x ranges never admit 1.x.
    ['>=0.7.9 <0.8.0-0', '1.0.16', 'no'],
  ] as const)('%s for %s: %s', (text, since, expected) => {
    expect(supports(range(text), since)).toBe(expected);
  });

  it('an unknown version may have anything', () => {
    expect(supports(UNKNOWN_VERSION, '1.0.16')).toBe('maybe');
  });
});

describe('detectVersion', () => {
  it('reads the installed package that resolves from a nested directory', () => {
    const root = tempDir();
    mkdirSync(join(root, 'node_modules', '@livekit', 'agents'), { recursive: true });
    writeFileSync(
      join(root, 'node_modules', '@livekit', 'agents', 'package.json'),
      '{"name":"@livekit/agents","version":"1.3.4"}',
    );
    mkdirSync(join(root, 'src', 'agents'), { recursive: true });
    expect(detectVersion(join(root, 'src', 'agents'))).toEqual({
      range: '1.3.4',
      source: 'installed',
      written: '1.3.4',
    });
    // The same object while the answer holds (rules memo by it).
    expect(detectVersion(join(root, 'src', 'agents'))).toBe(detectVersion(join(root, 'src', 'agents')));
  });

  it('prefers the nearest installation (a workspace package with its own copy)', () => {
    const root = tempDir();
    for (const [dir, version] of [
      [root, '1.9.0'],
      [join(root, 'packages', 'legacy'), '1.0.12'],
    ] as const) {
      mkdirSync(join(dir, 'node_modules', '@livekit', 'agents'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', '@livekit', 'agents', 'package.json'), JSON.stringify({ version }));
    }
    expect(detectVersion(join(root, 'packages', 'legacy')).range).toBe('1.0.12');
    expect(detectVersion(root).range).toBe('1.9.0');
  });

  it('falls back to the declared range (the peer dependency) when nothing is installed or locked', () => {
    const root = tempDir();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ peerDependencies: { '@livekit/agents': '^1.0.20' } }));
    mkdirSync(join(root, 'lib'));
    expect(detectVersion(join(root, 'lib'))).toEqual({
      range: '>=1.0.20 <2.0.0-0',
      source: 'declared',
      written: '^1.0.20',
    });
  });

  it('is unknown when nothing is installed, locked or declared', () => {
    const root = tempDir();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ dependencies: { zod: '^4' } }));
    expect(detectVersion(root)).toBe(UNKNOWN_VERSION);
  });
});
