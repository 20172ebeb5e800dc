/**
 * A copy of this repository's working tree in another directory, as a fresh clone would have it, for tests that
 * must change or build the repository itself (packing it, scaffolding a rule) without touching this checkout.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CopyCheckoutOptions {
  /** Borrow this repository's node_modules through a symlink instead of a second `npm ci`. */
  linkNodeModules?: boolean;
  /**
   * `git init` the copy (nothing committed), so that commands that ask git for the file list (`git ls-files`, as
   * tests/meta.test.ts does) see the copied files, and git's ignore rules hold there too.
   */
  gitInit?: boolean;
}

/** The files a fresh clone of the working tree would have: tracked and new files, nothing git ignores. */
export function checkoutFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  // A tracked file deleted in the working tree is still listed by --cached.
  return listed.split('\0').filter((file) => file !== '' && existsSync(join(root, file)));
}

/** Copies the working tree's files (no dist/, no node_modules/) to `target`. */
export function copyCheckout(target: string, options: CopyCheckoutOptions = {}): void {
  for (const file of checkoutFiles()) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(root, file), join(target, file));
  }
  if (options.linkNodeModules) symlinkSync(join(root, 'node_modules'), join(target, 'node_modules'), 'dir');
  if (options.gitInit) execFileSync('git', ['init', '--quiet'], { cwd: target });
}
