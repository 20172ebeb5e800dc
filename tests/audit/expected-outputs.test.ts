/**
 * Exact outputs of the audit on three projects, in every format: the reference agent (nothing wrong), the broken
 * project (problems planted across files) and a project shaped like the official Node starter (one agent, no tools;
 * a default run must exit 0). The expected files are in tests/audit/expected/; after a deliberate change, rewrite
 * them with `UPDATE_EXPECTED=1 npx vitest run tests/audit/expected-outputs.test.ts` and read the diff.
 *
 * The audit runs once per project as a process (`--format json`); the other formats are rendered from that report
 * by the built renderers (each renderer is a function of the report alone), and one project goes through the
 * command for text and html too, so that the command's own wiring is covered.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/audit/report.js';
import { audit, auditJson, expectedDir, normalise, root } from './helpers.js';

const update = process.env.UPDATE_EXPECTED === '1';
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const FORMATS = { text: 'txt', markdown: 'md', json: 'json', sarif: 'sarif', html: 'html' } as const;
type Format = keyof typeof FORMATS;

const PROJECTS = [
  { name: 'reference-agent', path: 'fixtures/reference-agent', code: 0 },
  { name: 'broken-project', path: 'fixtures/audit/broken-project', code: 1 },
  { name: 'starter-project', path: 'fixtures/audit/starter-project', code: 0 },
] as const;

type Render = (report: AuditReport, format: Format, absoluteRoot: string) => Promise<string>;
let render: Render;

beforeAll(async () => {
  const module = (await import(pathToFileURL(join(root, 'dist/audit/render.js')).href)) as { renderReport: Render };
  render = module.renderReport;
});

function check(name: string, format: Format, text: string, absoluteRoot: string): void {
  const file = join(expectedDir, `${name}.${FORMATS[format]}`);
  const actual = normalise(text, absoluteRoot, version);
  if (update || !existsSync(file)) {
    if (!update) throw new Error(`${file} is missing: run with UPDATE_EXPECTED=1 to write it`);
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual, `${name}.${FORMATS[format]}`).toBe(readFileSync(file, 'utf8'));
}

describe.each(PROJECTS)('exact outputs for $path', ({ name, path, code }) => {
  const absoluteRoot = resolve(root, path);
  let run: ReturnType<typeof auditJson>;

  beforeAll(() => {
    run = auditJson([path]);
  });

  it(`exits ${code}`, () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
  });

  it.each(Object.keys(FORMATS) as Format[])('%s', async (format) => {
    const text = format === 'json' ? run.stdout : await render(run.report, format, absoluteRoot);
    check(name, format, text, absoluteRoot);
  });
});

describe('the command prints the same outputs', () => {
  it.each(['text', 'html'] as const)('--format %s on the starter-shaped project', (format) => {
    const path = 'fixtures/audit/starter-project';
    const run = audit([path, '--format', format]);
    expect(run.code).toBe(0);
    check('starter-project', format, run.stdout, resolve(root, path));
  });
});
