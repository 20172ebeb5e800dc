import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectVersion, isAtLeast, parseVersion } from '../../src/livekit/version.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'lk-detect-'));
}

describe('parseVersion', () => {
  it.each([
    ['1.9.0', [1, 9, 0]],
    ['v1.0.16', [1, 0, 16]],
    ['1.2.0-beta.3', [1, 2, 0]],
    ['^1.4.7', [1, 4, 7]],
    ['~1.2', [1, 2, 0]],
    ['>=1.0.16', [1, 0, 16]],
    ['1', [1, 0, 0]],
  ])('%s', (text, expected) => {
    expect(parseVersion(text)).toEqual(expected);
  });

  it.each(['latest', '*', 'workspace:*', '^1.0.0 || ^2.0.0', '1.0.0 - 2.0.0', '', '1..2'])('%s is not one version', (text) => {
    expect(parseVersion(text)).toBeNull();
  });
});

describe('isAtLeast', () => {
  it('compares numerically, part by part', () => {
    expect(isAtLeast([1, 0, 16], '1.0.16')).toBe(true);
    expect(isAtLeast([1, 0, 9], '1.0.16')).toBe(false);
    expect(isAtLeast([1, 10, 0], '1.4.7')).toBe(true);
    expect(isAtLeast([2, 0, 0], '1.4.7')).toBe(true);
    expect(isAtLeast([0, 9, 99], '1.0.0')).toBe(false);
  });
});

describe('detectVersion', () => {
  it('reads the installed package that resolves from a nested directory', () => {
    const root = tempDir();
    mkdirSync(join(root, 'node_modules', '@livekit', 'agents'), { recursive: true });
    writeFileSync(join(root, 'node_modules', '@livekit', 'agents', 'package.json'), '{"name":"@livekit/agents","version":"1.3.4"}');
    mkdirSync(join(root, 'src', 'agents'), { recursive: true });
    expect(detectVersion(join(root, 'src', 'agents'))).toEqual([1, 3, 4]);
    // A second directory of the same project is answered from the same walk.
    expect(detectVersion(join(root, 'src'))).toEqual([1, 3, 4]);
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
    expect(detectVersion(join(root, 'packages', 'legacy'))).toEqual([1, 0, 12]);
    expect(detectVersion(root)).toEqual([1, 9, 0]);
  });

  it('falls back to the lower bound of the declared dependency when nothing is installed', () => {
    const root = tempDir();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ peerDependencies: { '@livekit/agents': '^1.0.20' } }));
    mkdirSync(join(root, 'lib'));
    expect(detectVersion(join(root, 'lib'))).toEqual([1, 0, 20]);
  });

  it('is null when nothing is installed or declared', () => {
    const root = tempDir();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ dependencies: { zod: '^4' } }));
    expect(detectVersion(root)).toBeNull();
  });
});
