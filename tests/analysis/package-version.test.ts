import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexLockfile, stripTrailingCommas } from '../../src/analysis/lockfiles.js';
import { ANSWER_TTL_MS, findPackageVersion } from '../../src/analysis/package-version.js';

const SDK = '@livekit/agents';

/** A temporary project: relative path → file text (objects are written as JSON). */
function project(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'lk-pkgver-'));
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

const manifest = (range: string, name = 'app') => ({ name, dependencies: { [SDK]: range } });
const found = (root: string, dir = '') => findPackageVersion(join(root, dir), SDK);

describe('installed package first', () => {
  it('wins over a lockfile that says otherwise', () => {
    const root = project({
      'package.json': manifest('^1.0.0'),
      'node_modules/@livekit/agents/package.json': { name: SDK, version: '1.9.0' },
      'package-lock.json': { lockfileVersion: 3, packages: { 'node_modules/@livekit/agents': { version: '1.0.6' } } },
    });
    expect(found(root)).toMatchObject({ range: '1.9.0', source: 'installed' });
  });
});

describe('lockfiles', () => {
  it('package-lock v3', () => {
    const root = project({
      'package.json': manifest('^1.0.7'),
      'package-lock.json': {
        name: 'app',
        lockfileVersion: 3,
        packages: { '': { name: 'app' }, 'node_modules/@livekit/agents': { version: '1.0.9' } },
      },
      'src/agent.ts': '',
    });
    expect(found(root, 'src')).toEqual({
      range: '1.0.9',
      source: 'lockfile',
      file: join(root, 'package-lock.json'),
      written: '1.0.9',
    });
  });

  it('package-lock v2 workspaces: a nested copy, the hoisted copy, a linked workspace package', () => {
    const root = project({
      'package.json': { name: 'mono', workspaces: ['packages/*', 'sdk'] },
      'packages/old/package.json': manifest('~1.0.12', 'old'),
      'packages/new/package.json': manifest('^1.4.0', 'new'),
      'packages/dev/package.json': manifest('*', 'dev'),
      'sdk/package.json': { name: SDK, version: '1.7.0' },
      'package-lock.json': {
        lockfileVersion: 2,
        packages: {
          '': { name: 'mono' },
          'node_modules/@livekit/agents': { version: '1.9.0' },
          'packages/old/node_modules/@livekit/agents': { version: '1.0.12' },
        },
      },
    });
    expect(found(root, 'packages/old')?.range).toBe('1.0.12');
    expect(found(root, 'packages/new')?.range).toBe('1.9.0');
    const linked = project({
      'package.json': { name: 'mono', workspaces: ['sdk', 'app'] },
      'app/package.json': manifest('*'),
      'package-lock.json': {
        lockfileVersion: 3,
        packages: {
          'node_modules/@livekit/agents': { resolved: 'sdk', link: true },
          sdk: { name: SDK, version: '1.7.0' },
        },
      },
    });
    expect(found(linked, 'app')).toMatchObject({ range: '1.7.0', source: 'lockfile' });
  });

  it('package-lock v1 (root dependencies tree)', () => {
    const root = project({
      'package.json': manifest('^0.7.0'),
      'package-lock.json': { lockfileVersion: 1, dependencies: { [SDK]: { version: '0.7.9' } } },
    });
    expect(found(root)?.range).toBe('0.7.9');
  });

  it('pnpm-lock v6, no workspace (root dependencies, peer suffix stripped)', () => {
    const root = project({
      'package.json': manifest('^1.0.0'),
      'pnpm-lock.yaml': [
        "lockfileVersion: '6.0'",
        '',
        'dependencies:',
        "  '@livekit/agents':",
        '    specifier: ^1.0.0',
        '    version: 1.0.6(@livekit/rtc-node@0.13.19)',
        '',
        'packages:',
        '  /@livekit/agents@1.0.6(@livekit/rtc-node@0.13.19):',
        '    resolution: {integrity: sha512-x}',
        '',
      ].join('\n'),
    });
    expect(found(root)).toMatchObject({ range: '1.0.6', source: 'lockfile' });
  });

  it('pnpm-lock v9 workspace: each importer gets its own version; a link: is the workspace package version', () => {
    const root = project({
      'package.json': { name: 'mono' },
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - sdk\n",
      'apps/old/package.json': manifest('~1.0.12', 'old'),
      'apps/new/package.json': manifest('workspace:*', 'new'),
      'sdk/package.json': { name: SDK, version: '1.7.0' },
      'pnpm-lock.yaml': [
        "lockfileVersion: '9.0'",
        '',
        'settings:',
        '  autoInstallPeers: true',
        '',
        'importers:',
        '',
        '  .: {}',
        '',
        '  apps/new:',
        '    dependencies:',
        "      '@livekit/agents':",
        '        specifier: workspace:*',
        '        version: link:../../sdk',
        '',
        '  apps/old:',
        '    dependencies:',
        "      '@livekit/agents':",
        '        specifier: ~1.0.12',
        '        version: 1.0.12(@livekit/rtc-node@0.13.20)(zod@3.25.76)',
        '',
        'packages:',
        '',
        "  '@livekit/agents@1.0.12':",
        '    resolution: {integrity: sha512-x}',
        '',
      ].join('\n'),
    });
    expect(found(root, 'apps/old')).toMatchObject({ range: '1.0.12', source: 'lockfile' });
    expect(found(root, 'apps/new')).toMatchObject({ range: '1.7.0', source: 'lockfile' });
  });

  it('pnpm-lock with a config-dependencies document first: the project document counts', () => {
    const text = [
      '---',
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    configDependencies: {}',
      '---',
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    devDependencies:',
      "      '@livekit/agents':",
      '        specifier: 1.4.2',
      '        version: 1.4.2',
    ].join('\n');
    expect(indexLockfile('pnpm', text, SDK)?.({ packageDir: '', packageName: null, range: null })).toEqual({
      version: '1.4.2',
    });
  });

  it('yarn v1: the entry for the declared range', () => {
    const root = project({
      'package.json': manifest('^1.0.25'),
      'yarn.lock': [
        '# yarn lockfile v1',
        '',
        '',
        '"@livekit/agents@^1.0.25", "@livekit/agents@^1.0.3":',
        '  version "1.0.46"',
        '  resolved "https://registry.example/agents-1.0.46.tgz"',
        '',
        '"@livekit/agents@^0.7.0":',
        '  version "0.7.9"',
        '',
      ].join('\n'),
    });
    expect(found(root)).toMatchObject({ range: '1.0.46', source: 'lockfile' });
  });

  it('yarn berry: npm: descriptors and a workspace entry', () => {
    const root = project({
      'package.json': manifest('^1.2.0'),
      'yarn.lock': [
        '__metadata:',
        '  version: 8',
        '  cacheKey: 10c0',
        '',
        '"@livekit/agents@npm:^1.2.0, @livekit/agents@npm:^1.3.0":',
        '  version: 1.4.2',
        '  resolution: "@livekit/agents@npm:1.4.2"',
        '',
      ].join('\n'),
    });
    expect(found(root)).toMatchObject({ range: '1.4.2', source: 'lockfile' });
    const workspace = project({
      'package.json': { name: 'mono', workspaces: ['sdk', 'app'] },
      'app/package.json': manifest('workspace:^'),
      'sdk/package.json': { name: SDK, version: '1.6.1' },
      'yarn.lock': [
        '__metadata:',
        '  version: 8',
        '',
        '"@livekit/agents@workspace:^, @livekit/agents@workspace:sdk":',
        '  version: 0.0.0-use.local',
        '',
      ].join('\n'),
    });
    expect(found(workspace, 'app')).toMatchObject({ range: '1.6.1', source: 'lockfile' });
  });

  it('bun.lock (trailing commas), and a copy nested under a workspace package', () => {
    const root = project({
      'package.json': { name: 'mono', workspaces: ['apps/*'] },
      'apps/voice/package.json': manifest('^0.6.4', 'voice'),
      'apps/web/package.json': manifest('^1.0.0', 'web'),
      'bun.lock': [
        '{',
        '  "lockfileVersion": 1,',
        '  "workspaces": {',
        '    "": { "name": "mono", },',
        '  },',
        '  "packages": {',
        '    "@livekit/agents": ["@livekit/agents@1.2.3", "", {}, "sha512-a"],',
        '    "voice/@livekit/agents": ["@livekit/agents@0.6.4", "", { "dependencies": { "zod": "^3" }, }, "sha512-b"],',
        '  },',
        '}',
      ].join('\n'),
    });
    expect(found(root, 'apps/voice')).toMatchObject({ range: '0.6.4', source: 'lockfile' });
    expect(found(root, 'apps/web')).toMatchObject({ range: '1.2.3', source: 'lockfile' });
  });

  it('a lockfile the package.json range no longer admits is stale; of several current ones the lowest counts', () => {
    const stale = project({
      'package.json': manifest('^1.0.25'),
      'pnpm-lock.yaml':
        "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      '@livekit/agents':\n        specifier: ^1.0.2\n        version: 1.0.3\n",
      'yarn.lock': '"@livekit/agents@^1.0.25":\n  version "1.0.46"\n',
    });
    expect(found(stale)).toMatchObject({ range: '1.0.46', file: join(stale, 'yarn.lock') });
    const onlyStale = project({
      'package.json': manifest('^1.4.0'),
      'package-lock.json': { lockfileVersion: 3, packages: { 'node_modules/@livekit/agents': { version: '1.0.3' } } },
    });
    expect(found(onlyStale)).toMatchObject({ range: '>=1.4.0 <2.0.0-0', source: 'declared' });
    const two = project({
      'package.json': manifest('^1.0.0'),
      'package-lock.json': { lockfileVersion: 3, packages: { 'node_modules/@livekit/agents': { version: '1.5.0' } } },
      'bun.lock':
        '{ "lockfileVersion": 1, "packages": { "@livekit/agents": ["@livekit/agents@1.2.0", "", {}, "x"], }, }',
    });
    expect(found(two)?.range).toBe('1.2.0');
  });

  it('a broken lockfile is skipped, never a crash', () => {
    const root = project({
      'package.json': manifest('~1.0.12'),
      'package-lock.json': '{ "lockfileVersion": 3, "packages": {',
      'pnpm-lock.yaml': 'importers: [: bad',
    });
    expect(found(root)).toMatchObject({ source: 'declared', range: '>=1.0.12 <1.1.0-0' });
  });
});

describe('declared ranges', () => {
  it.each([
    ['^1.0.27', '>=1.0.27 <2.0.0-0'],
    ['~1.0.12', '>=1.0.12 <1.1.0-0'],
    ['1.x', '>=1.0.0 <2.0.0-0'],
    ['1.2.3', '1.2.3'],
    ['npm:@livekit/agents@^1.4.0', '>=1.4.0 <2.0.0-0'],
    ['workspace:^1.2.0', '>=1.2.0 <2.0.0-0'],
  ])('%s', (written, range) => {
    expect(found(project({ 'package.json': manifest(written) }))).toMatchObject({ range, source: 'declared', written });
  });

  it('an unreadable range (a tag, a git URL) is unknown', () => {
    expect(found(project({ 'package.json': manifest('latest') }))).toBeNull();
    expect(found(project({ 'package.json': manifest('github:livekit/agents-js') }))).toBeNull();
  });

  it('the nearest package.json that declares it, dependencies before the peer range', () => {
    const root = project({
      'package.json': manifest('^1.9.0'),
      'lib/package.json': { name: 'lib', peerDependencies: { [SDK]: '^1.0.0' }, devDependencies: { [SDK]: '1.9.0' } },
      'tools/package.json': { name: 'tools', dependencies: { zod: '^4' } },
    });
    expect(found(root, 'lib')).toMatchObject({ written: '^1.0.0' });
    expect(found(root, 'tools')).toMatchObject({ written: '^1.9.0' });
  });

  it('workspace:* is the workspace package version (pnpm-workspace.yaml globs)', () => {
    const root = project({
      'pnpm-workspace.yaml': "packages:\n  - 'packages/**'\n  - '!**/test/**'\n",
      'packages/core/sdk/package.json': { name: SDK, version: '1.7.0' },
      'packages/app/package.json': manifest('workspace:*'),
    });
    expect(found(root, 'packages/app')).toMatchObject({ range: '1.7.0', source: 'declared', written: 'workspace:*' });
  });

  it('catalog: and catalog:<name> (pnpm-workspace.yaml), and a package.json catalog (bun)', () => {
    const root = project({
      'pnpm-workspace.yaml': [
        'packages:',
        '  - apps/*',
        'catalog:',
        "  '@livekit/agents': ^1.4.0",
        'catalogs:',
        '  legacy:',
        "    '@livekit/agents': ~1.0.12",
      ].join('\n'),
      'apps/new/package.json': manifest('catalog:'),
      'apps/old/package.json': manifest('catalog:legacy'),
      'apps/missing/package.json': manifest('catalog:nope'),
    });
    expect(found(root, 'apps/new')).toMatchObject({ range: '>=1.4.0 <2.0.0-0', written: 'catalog:' });
    expect(found(root, 'apps/old')).toMatchObject({ range: '>=1.0.12 <1.1.0-0', written: 'catalog:legacy' });
    expect(found(root, 'apps/missing')).toBeNull();
    const pnpmDefault = project({
      'pnpm-workspace.yaml': "catalogs:\n  default:\n    '@livekit/agents': 1.x\n",
      'package.json': manifest('catalog:default'),
    });
    expect(found(pnpmDefault)?.range).toBe('>=1.0.0 <2.0.0-0');
    const bun = project({
      'package.json': { name: 'mono', workspaces: { packages: ['app'], catalog: { [SDK]: '^1.2.0' } } },
      'app/package.json': manifest('catalog:'),
    });
    expect(found(bun, 'app')?.range).toBe('>=1.2.0 <2.0.0-0');
  });
});

describe('caching', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sees an install made after the first answer once the short TTL has passed (editor servers)', () => {
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const root = project({ 'package.json': manifest('^1.0.0'), 'src/a.ts': '' });
    const first = found(root, 'src');
    expect(first).toMatchObject({ source: 'declared' });
    // Unchanged within the TTL: the very same object.
    now += 10;
    expect(found(root, 'src')).toBe(first);
    mkdirSync(join(root, 'node_modules', '@livekit', 'agents'), { recursive: true });
    writeFileSync(
      join(root, 'node_modules', '@livekit', 'agents', 'package.json'),
      JSON.stringify({ version: '1.0.12' }),
    );
    now += ANSWER_TTL_MS;
    expect(found(root, 'src')).toMatchObject({ range: '1.0.12', source: 'installed' });
    // A rewritten package.json is read again (its size or modification time changed).
    writeFileSync(
      join(root, 'node_modules', '@livekit', 'agents', 'package.json'),
      JSON.stringify({ version: '1.9.0', name: SDK }),
    );
    now += ANSWER_TTL_MS;
    expect(found(root, 'src')).toMatchObject({ range: '1.9.0' });
  });
});

describe('stripTrailingCommas', () => {
  it('keeps commas inside strings', () => {
    expect(JSON.parse(stripTrailingCommas('{ "a": ",]", "b": [1, 2, ], "c": "\\",}", }'))).toEqual({
      a: ',]',
      b: [1, 2],
      c: '",}',
    });
  });
});
