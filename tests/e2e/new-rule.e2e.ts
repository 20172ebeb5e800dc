/**
 * A new rule in one command: in a copy of the working tree (with this repository's node_modules linked),
 * `npm run new-rule -- demo-rule` writes the rule, its tests, its page and a violation, registers it and brings
 * every generated file up to date; then the whole `npm test` (build, self-lint, prettier, tsc, vitest) passes
 * there, the new rule's tests included. Most of the time is that `npm test` run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, makeTempDir, removeDir, ruleMeta, run, type RunResult } from './helpers.js';
import { copyCheckout } from '../helpers/checkout.js';
import type { LiveKitAgentsPlugin } from '../../src/index.js';
import { rules } from '../../src/rules/index.js';

const ID = 'demo-rule';
/** How many rules the checkout has once the new one is added. */
const COUNT = Object.keys(rules).length + 1;
const FILES = [
  `src/rules/${ID}.ts`,
  `tests/rules/${ID}.test.ts`,
  `docs/rules/${ID}.md`,
  `fixtures/violations/${ID}.ts`,
];

/** The tail of a command's output, for a failure message. */
const tail = (result: RunResult | undefined) =>
  result ? `exit ${result.code} ${result.signal ?? ''}\n${(result.stdout + result.stderr).slice(-6000)}` : 'not run';

describe('npm run new-rule: the scaffolded rule is registered and npm test passes', () => {
  let dir = '';
  let checkout = '';
  let scaffold: RunResult | undefined;
  let suite: RunResult | undefined;
  const read = (path: string) => readFileSync(join(checkout, path), 'utf8');

  beforeAll(async () => {
    dir = makeTempDir('new-rule');
    checkout = join(dir, 'checkout');
    copyCheckout(checkout, { linkNodeModules: true, gitInit: true });
    scaffold = await run('npm', ['run', 'new-rule', '--', ID], {
      cwd: checkout,
      timeoutMs: 300_000,
      env: childEnv(),
    });
    if (scaffold.code === 0)
      suite = await run('npm', ['test'], { cwd: checkout, timeoutMs: 1_200_000, env: childEnv() });
  }, 1_560_000);

  afterAll(() => removeDir(dir));

  it('the command succeeds', () => {
    expect(scaffold?.code, tail(scaffold)).toBe(0);
  });

  it('writes the four files, with no template placeholder left', () => {
    for (const file of FILES) expect(read(file), file).not.toMatch(/__[A-Z_]+__/);
  });

  it('registers the rule: the rules index, the built plugin and its strict config, the README and the page', async () => {
    expect(read('src/rules/index.ts')).toContain(`'${ID}': demoRule,`);
    const built = (await import(pathToFileURL(join(checkout, 'dist/index.js')).href)) as {
      default: LiveKitAgentsPlugin;
    };
    const plugin = built.default;
    expect(Object.keys(plugin.rules)).toHaveLength(COUNT);
    expect(ruleMeta(plugin, `livekit-agents/${ID}`)?.docs?.recommended).toBe('strict');
    expect(plugin.configs.strict.rules?.[`livekit-agents/${ID}`]).toBe('warn');
    expect(plugin.configs.recommended.rules?.[`livekit-agents/${ID}`]).toBeUndefined();
    const readme = read('README.md');
    expect(readme).toContain(`| [${ID}](docs/rules/${ID}.md) `);
    expect(readme).toContain(`- [\`${ID}\`](docs/rules/${ID}.md) (*strict*): `);
    expect(readme).toContain(`${COUNT} rules of the plugin on`);
    expect(read(`docs/rules/${ID}.md`)).toContain('⚠️ This rule _warns_ in the 🔒 `strict` config.');
  });

  it("npm test passes in the checkout, the new rule's tests among them", () => {
    expect(suite?.code, tail(suite)).toBe(0);
    expect(suite!.stdout).toContain(`tests/rules/${ID}.test.ts`);
  });
});
