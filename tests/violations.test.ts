/**
 * Each file under fixtures/violations marks the lines that must be reported with `// expect: <rule-id>[, <rule-id>]`.
 * Linting them with the `all` config must report exactly those rule/line pairs: no more, no fewer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintFiles } from './helpers/lint.js';
import { rules } from '../src/rules/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'fixtures/violations');
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.[cm]?[jt]s$/.test(file))
  .map((file) => join(dir, file))
  .sort();

function expectedPairs(file: string): string[] {
  const pairs: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const marker = /\/\/ expect: ([\w\-, ]+)$/.exec(line);
      if (!marker) return;
      for (const id of marker[1]!.split(','))
        pairs.push(`${relative(root, file)}:${index + 1} livekit-agents/${id.trim()}`);
    });
  return pairs.sort();
}

describe('fixtures/violations', () => {
  it('has files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${relative(dir, file)}: reports exactly the marked rule/line pairs`, async () => {
      const reported = await lintFiles([file]);
      const actual = reported
        .map(
          (message) =>
            `${relative(root, message.file)}:${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`,
        )
        .sort();
      expect(actual).toEqual(expectedPairs(file));
    });
  }

  it('every rule is shown by at least one violation', () => {
    const marked = new Set(files.flatMap(expectedPairs).map((pair) => pair.split(' livekit-agents/')[1]));
    const missing = Object.keys(rules).filter((id) => !marked.has(id));
    expect(missing).toEqual([]);
  });
});
