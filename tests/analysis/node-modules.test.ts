import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  declaringScopes,
  isGlobalRoot,
  isNodeBuiltin,
  mayLoadModule,
  moduleName,
  resolveModuleMember,
} from '../../src/analysis/node-modules.js';
import { probe } from '../helpers/probe.js';

/** What each call's callee resolves to, as 'module:path' (or null), in source order. */
function callees(code: string, sourceType: 'module' | 'script' = 'module'): (string | null)[] {
  return probe(
    code,
    'CallExpression',
    (node, context) => {
      const resolved = resolveModuleMember(context.sourceCode, (node as TSESTree.CallExpression).callee);
      return resolved ? `${resolved.module}:${resolved.path.join('.')}` : null;
    },
    { sourceType },
  );
}

describe('moduleName / isNodeBuiltin', () => {
  it('strips the node: prefix', () => {
    expect(moduleName('node:fs')).toBe('fs');
    expect(moduleName('fs/promises')).toBe('fs/promises');
    expect(moduleName('sleep')).toBe('sleep');
  });

  it('knows built-ins with and without the prefix', () => {
    expect(isNodeBuiltin('fs')).toBe(true);
    expect(isNodeBuiltin('node:child_process')).toBe(true);
    expect(isNodeBuiltin('fs/promises')).toBe(true);
    expect(isNodeBuiltin('zod')).toBe(false);
    expect(isNodeBuiltin('sleep')).toBe(false);
  });
});

describe('resolveModuleMember', () => {
  it('named and aliased imports, with and without node:', () => {
    expect(
      callees(`
        import { readFileSync, writeFileSync as write } from 'node:fs';
        import { execSync } from 'child_process';
        readFileSync('a'); write('b', 'c'); execSync('ls');
      `),
    ).toEqual(['fs:readFileSync', 'fs:writeFileSync', 'child_process:execSync']);
  });

  it('default, namespace and `default as` imports give the module object', () => {
    expect(
      callees(`
        import fs from 'fs';
        import * as zlib from 'node:zlib';
        import { default as crypto } from 'crypto';
        fs.readFileSync('a'); zlib.gzipSync(b); crypto.pbkdf2Sync(p, s, 1, 2, 'sha1'); fs.promises.readFile('a');
      `),
    ).toEqual(['fs:readFileSync', 'zlib:gzipSync', 'crypto:pbkdf2Sync', 'fs:promises.readFile']);
  });

  it('require: namespace, destructured, renamed, nested and inline', () => {
    expect(
      callees(
        `
        const fs = require('node:fs');
        const { execSync, spawnSync: spawn } = require('child_process');
        const { promises: { readFile } } = require('fs');
        fs.readFileSync('a'); execSync('x'); spawn('y'); readFile('z'); require('zlib').gzipSync(b);
      `,
        'script',
      ),
    ).toEqual([
      null,
      null,
      null,
      'fs:readFileSync',
      'child_process:execSync',
      'child_process:spawnSync',
      'fs:promises.readFile',
      'zlib:gzipSync',
      null,
    ]);
  });

  it('TypeScript import-equals', () => {
    expect(callees(`import cp = require('node:child_process'); cp.execFileSync('sleep', ['1']);`)).toEqual([
      'child_process:execFileSync',
    ]);
  });

  it('follows a local alias of a module binding one step', () => {
    expect(
      callees(`
        import * as fs from 'node:fs';
        const { readFileSync } = fs;
        const exists = fs.existsSync;
        readFileSync('a'); exists('b');
      `),
    ).toEqual(['fs:readFileSync', 'fs:existsSync']);
  });

  it('packages resolve the same way (CommonJS default is the module object)', () => {
    expect(
      callees(`
        import sleep from 'sleep';
        import { msleep } from 'sleep';
        import atomicSleep from 'atomic-sleep';
        sleep.sleep(1); msleep(10); atomicSleep(5);
      `),
    ).toEqual(['sleep:sleep', 'sleep:msleep', 'atomic-sleep:']);
  });

  it('never resolves a shadowing local, a parameter or a local require', () => {
    expect(
      callees(`
        import { readFileSync } from 'node:fs';
        import * as fs from 'node:fs';
        function read(readFileSync: (p: string) => string, fs: { readFileSync(p: string): string }) {
          readFileSync('a'); fs.readFileSync('b');
        }
        function other() {
          const require = (name: string) => ({ execSync: (c: string) => c });
          require('child_process').execSync('x');
        }
      `),
    ).toEqual([null, null, null, null]);
  });

  it('ignores type-only imports and reassigned lets', () => {
    expect(
      callees(`
        import type * as fs from 'node:fs';
        import { type readFileSync } from 'node:fs';
        let cp = require('child_process');
        cp = { execSync: () => '' };
        fs.readFileSync('a'); readFileSync('b'); cp.execSync('c');
      `),
    ).toEqual([null, null, null, null]);
  });

  it('computed members and unknown roots are not resolved', () => {
    expect(
      callees(`
        import * as fs from 'node:fs';
        const name = 'readFileSync';
        fs[name]('a'); globalThis.fs.readFileSync('b'); readFileSync('c');
      `),
    ).toEqual([null, null, null]);
  });
});

describe('mayLoadModule', () => {
  const FS = new Set(['fs']);
  const loads = (code: string, sourceType: 'module' | 'script' = 'module'): boolean =>
    probe(code, 'Program', (_node, context) => mayLoadModule(context.sourceCode, FS), { sourceType })[0]!;

  it('false without an import of the module, a global require or a module declaration', () => {
    expect(
      loads(
        `import { readFile } from 'node:fs/promises'; import { randomUUID } from 'node:crypto'; const required = 1;`,
      ),
    ).toBe(false);
    expect(loads(`function f(require: (x: string) => unknown) { return require('fs'); }`)).toBe(false);
    // A script-scope var is not the real require either: `requiredModule` resolves none of its calls.
    expect(loads(`var require = (x) => x; const fs = require('fs');`, 'script')).toBe(false);
  });

  it('true for an import of it, a global require, import-equals and declare module', () => {
    expect(loads(`import fs from 'node:fs';`)).toBe(true);
    expect(loads(`const fs = require('fs');`, 'script')).toBe(true);
    expect(loads(`function f() { return require('zlib'); }`)).toBe(true);
    expect(loads(`import cp = require('child_process');`)).toBe(true);
    expect(loads(`declare module 'x' { import fs from 'fs'; }`)).toBe(true);
  });
});

describe('declaringScopes', () => {
  const declared = (code: string, sourceType: 'module' | 'script'): string[] =>
    probe(
      code,
      'Program',
      (_node, context) =>
        declaringScopes(context.sourceCode).flatMap((scope) =>
          scope.variables.filter((v) => v.defs.length > 0).map((v) => v.name),
        ),
      { sourceType },
    )[0]!;

  it("leaves out a module's global scope (only implied globals there), keeps a script's", () => {
    const code = `var top = 1; function f(param: number) { const local = param; }`;
    expect(declared(code, 'module').sort()).toEqual(['f', 'local', 'param', 'top']);
    expect(declared(code, 'script').sort()).toEqual(['f', 'local', 'param', 'top']);
    expect(
      probe('', 'Program', (_node, context) =>
        declaringScopes(context.sourceCode).some((scope) => scope.type === 'global'),
      )[0],
    ).toBe(false);
  });
});

describe('isGlobalRoot', () => {
  /** For each call, whether its callee's root name is a global there. */
  const globalRoots = (code: string, sourceType: 'module' | 'script' = 'module'): boolean[] =>
    probe(
      code,
      'CallExpression',
      (node, context) => isGlobalRoot(context.sourceCode, (node as TSESTree.CallExpression).callee),
      { sourceType },
    );

  it("a name declared nowhere, or only by TypeScript's lib or a global comment, is a global", () => {
    expect(
      globalRoots(`/* global audit */ console.log(1); process.stdout.write('x'); Date.now(); audit.record();`),
    ).toEqual([true, true, true, true]);
  });

  it('a parameter, local, import or script var of that name shadows it where it is in scope, not elsewhere', () => {
    expect(
      globalRoots(`
        import { Date } from './clock';
        function f(console: Console) { console.log(1); }
        function g() { const process = fake(); process.exit(); }
        console.log(2); process.exit(); Date.now(); this.console.log(3);
      `),
    ).toEqual([false, true, false, true, true, false, false]); // fake() is a global too
    expect(globalRoots(`var console = fake(); console.log(1);`, 'script')).toEqual([true, false]);
  });
});
