/**
 * Writes the benchmark corpus (git-ignored) from a seed:
 *   bench/corpus/agents/part-<k>/agent-<n>.ts   LiveKit agent files, `parts` parts of `perPart` files each
 *   bench/corpus/plain/plain-<n>.ts             ordinary TypeScript files with no LiveKit import
 * Part 0 is the 1× corpus; parts 0..3 together are 4× the corpus.
 *
 * Usage: node bench/generate.js [--seed 1] [--files 500] [--plain 250] [--parts 4]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args.js';
import { createRandom, mixSeed } from './random.js';
import { agentFile, plainFile } from './sources.js';

export const corpusDir = fileURLToPath(new URL('./corpus/', import.meta.url));

/** Generates the corpus and returns the file lists; the same seed always gives the same bytes. */
export function generateCorpus({ seed = 1, files = 500, plain = 250, parts = 4, dir = corpusDir } = {}) {
  rmSync(join(dir, 'agents'), { recursive: true, force: true });
  rmSync(join(dir, 'plain'), { recursive: true, force: true });
  const agentParts = [];
  let bytes = 0;
  for (let part = 0; part < parts; part++) {
    const partDir = join(dir, 'agents', `part-${part}`);
    mkdirSync(partDir, { recursive: true });
    const list = [];
    for (let n = 0; n < files; n++) {
      const index = part * files + n;
      const text = agentFile(createRandom(mixSeed(seed, index)));
      const file = join(partDir, `agent-${String(index).padStart(4, '0')}.ts`);
      writeFileSync(file, text);
      bytes += text.length;
      list.push(file);
    }
    agentParts.push(list);
  }
  const plainDir = join(dir, 'plain');
  mkdirSync(plainDir, { recursive: true });
  const plainFiles = [];
  for (let n = 0; n < plain; n++) {
    const file = join(plainDir, `plain-${String(n).padStart(4, '0')}.ts`);
    const text = plainFile(createRandom(mixSeed(seed ^ 0x5bd1e995, n)));
    writeFileSync(file, text);
    plainFiles.push(file);
  }
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ seed, files, plain, parts }, null, 2));
  return { agentParts, plainFiles, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    Object.entries(parseArgs(process.argv.slice(2))).map(([key, value]) => [key, Number(value)]),
  );
  const result = generateCorpus(args);
  const count = result.agentParts.reduce((sum, list) => sum + list.length, 0);
  console.log(
    `bench corpus: ${count} agent files (${(result.bytes / 1e6).toFixed(1)} MB), ${result.plainFiles.length} plain files in ${corpusDir}`,
  );
}
