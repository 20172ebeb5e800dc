/**
 * A small glob matcher for file paths (forward slashes), enough for settings such as `**\/*.test.*` or `tests/**`:
 * `**` (any number of folders, also none), `*` and `?` (within one path segment), `{a,b}` alternatives and `[...]`
 * character classes. A pattern with no `/` matches the file's base name in any folder, as in `.gitignore`.
 * No LiveKit knowledge lives here.
 */

const compiled = new Map<string, RegExp>();
const MAX_CACHED = 256;

function escape(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

function toSource(pattern: string): string {
  let source = '';
  let braces = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        const atStart = index === 0 || pattern[index - 1] === '/';
        const next = pattern[index + 2];
        if (atStart && next === '/') {
          source += '(?:[^/]*/)*'; // `**/`: any folders, also none
          index += 2;
          continue;
        }
        if (atStart && next === undefined) {
          source += '.*'; // trailing `/**`: everything below
          index += 1;
          continue;
        }
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) {
      source += '|';
    } else if (char === '[') {
      const end = pattern.indexOf(']', index + 2);
      if (end === -1) {
        source += '\\[';
        continue;
      }
      let body = pattern.slice(index + 1, end).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      source += `[${body}]`;
      index = end;
    } else {
      source += escape(char);
    }
  }
  // An unclosed `{` is taken literally rather than making an invalid expression.
  return braces > 0 ? pattern.split('').map(escape).join('') : source;
}

/** The regular expression source for one glob, anchored as it matches a whole relative path. */
function anchoredSource(pattern: string): string {
  const trimmed = pattern.startsWith('./') ? pattern.slice(2) : pattern;
  const source = toSource(trimmed);
  return trimmed.includes('/') ? `^${source}$` : `(?:^|/)${source}$`;
}

/** The regular expression for one glob; remembered (settings repeat the same few patterns for every file). */
export function globToRegExp(pattern: string): RegExp {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    regexp = new RegExp(anchoredSource(pattern));
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(pattern, regexp);
  }
  return regexp;
}

/** One expression for a whole list, keyed by the list (settings hand every file the same array). */
const compiledLists = new WeakMap<readonly string[], RegExp>();

/** True when `path` (relative, forward slashes) matches one of `patterns`. */
export function matchesAnyGlob(path: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  let regexp = compiledLists.get(patterns);
  if (!regexp) {
    regexp = new RegExp(patterns.map((pattern) => `(?:${globToRegExp(pattern).source})`).join('|'));
    compiledLists.set(patterns, regexp);
  }
  return regexp.test(path);
}
