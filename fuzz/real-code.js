/**
 * Real code no one here wrote: lints every .ts/.js (also .mts/.cts/.mjs/.cjs) file under node_modules/@livekit/
 * with the plugin's `all` config, one file at a time, and counts crashes (a rule threw), parse errors (the parser
 * rejected the file: not a rule's fault) and reports per rule, with samples for review.
 *
 * CLI: node fuzz/real-code.js [--max-bytes N] [--samples K] [--no-declarations]   (uses the built plugin in dist/)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';

export const livekitRoot = fileURLToPath(new URL('../node_modules/@livekit/', import.meta.url));
const SOURCE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;
const DECLARATION = /\.d\.(?:ts|mts|cts)$/;
const IMPORTS_AGENTS = /from\s+['"]@livekit\/agents['"]|require\(\s*['"]@livekit\/agents['"]\s*\)/;

/** Every source file under `dir`, sorted, following no symlinks. */
export function listSourceFiles(dir = livekitRoot) {
  const files = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && SOURCE.test(entry.name)) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * The subset `npm test` lints, to stay within its time budget: every file that imports `@livekit/agents` (where the
 * LiveKit model is built and every rule really runs), plus the packages' own TypeScript sources under `src/`.
 * Left out: compiled `dist/` output (the same code as `src/`), declaration files, third-party packages nested
 * in the @livekit packages' own node_modules, and sources over `maxBytes` (8 KB). `node fuzz/real-code.js` lints everything.
 */
export function quickSelection(files = listSourceFiles(), { root = livekitRoot, maxBytes = 8 * 1024 } = {}) {
  return files.filter((file) => {
    const path = relative(root, file).split('\\').join('/');
    if (path.includes('/node_modules/')) return false;
    if (DECLARATION.test(path)) return false;
    const size = statSync(file).size;
    if (size <= 256 * 1024 && IMPORTS_AGENTS.test(readFileSync(file, 'utf8'))) return true;
    return /^[^/]+\/src\//.test(path) && size <= maxBytes;
  });
}

/**
 * Lints `files` (absolute paths under `root`). Options: `maxBytes` skips larger files, `declarations: false` skips
 * .d.ts files, `twins: false` skips a .cjs file whose .js twin is in the list (the same code in CommonJS form).
 */
export function lintRealCode({
  plugin,
  files = listSourceFiles(),
  root = livekitRoot,
  maxBytes = Infinity,
  declarations = true,
  twins = true,
  samples = 5,
}) {
  const linter = new Linter();
  const config = [
    {
      files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
      // The SDK's own eslint comments name rules that are not loaded here.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
    plugin.configs.all,
  ];
  const listed = new Set(files);
  const report = {
    files: 0,
    bytes: 0,
    skipped: { large: 0, declarations: 0, twins: 0 },
    withLiveKitImport: 0,
    inlineConfigNotices: 0,
    unlinted: [],
    crashes: [],
    parseErrors: [],
    byRule: {},
    samples: {},
    slowest: { file: null, ms: 0 },
    elapsedMs: 0,
  };
  const began = performance.now();
  for (const file of files) {
    if (!declarations && DECLARATION.test(file)) {
      report.skipped.declarations++;
      continue;
    }
    if (!twins && file.endsWith('.cjs') && listed.has(file.replace(/\.cjs$/, '.js'))) {
      report.skipped.twins++;
      continue;
    }
    const size = statSync(file).size;
    if (size > maxBytes) {
      report.skipped.large++;
      continue;
    }
    const text = readFileSync(file, 'utf8');
    report.files++;
    report.bytes += size;
    if (IMPORTS_AGENTS.test(text)) report.withLiveKitImport++;
    // A relative name with no node_modules segment: ESLint never lints files under node_modules/.
    const filename = join('real', relative(root, file))
      .split(sep)
      .map((part) => (part === 'node_modules' ? 'node_modules_' : part))
      .join('/');
    const start = performance.now();
    let messages;
    try {
      messages = linter.verify(text, config, { filename });
    } catch (error) {
      report.crashes.push({
        file: relative(root, file),
        ruleId: error?.ruleId ?? null,
        message: String(error?.message ?? error).split('\n')[0],
      });
      continue;
    }
    const ms = performance.now() - start;
    if (ms > report.slowest.ms) report.slowest = { file: relative(root, file), ms };
    for (const message of messages) {
      // noInlineConfig: the SDK's own `eslint-disable` comments are ignored, and ESLint says so; not a report.
      if (message.ruleId === null && !message.fatal && /noInlineConfig/.test(message.message)) {
        report.inlineConfigNotices++;
        continue;
      }
      if (message.ruleId === null && !message.fatal && /No matching configuration/.test(message.message)) {
        report.unlinted.push(relative(root, file));
        continue;
      }
      if (message.fatal) {
        report.parseErrors.push({ file: relative(root, file), message: message.message });
        continue;
      }
      const id = message.ruleId ?? '(none)';
      report.byRule[id] = (report.byRule[id] ?? 0) + 1;
      const list = (report.samples[id] ??= []);
      if (list.length < samples) {
        const line = text.split('\n')[message.line - 1] ?? '';
        list.push({
          file: relative(root, file),
          line: message.line,
          code: line.trim().slice(0, 160),
          message: message.message,
        });
      }
    }
  }
  report.elapsedMs = performance.now() - began;
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const option = (name) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const { default: plugin } = await import('../dist/index.js');
  const report = lintRealCode({
    plugin,
    maxBytes: Number(option('max-bytes') ?? Infinity),
    samples: Number(option('samples') ?? 5),
    declarations: !argv.includes('--no-declarations'),
  });
  for (const [id, count] of Object.entries(report.byRule).sort((a, b) => b[1] - a[1])) {
    console.log(`\n${id}: ${count}`);
    for (const sample of report.samples[id])
      console.log(`  ${sample.file}:${sample.line}  ${sample.code}\n    → ${sample.message}`);
  }
  for (const crash of report.crashes) console.log(`CRASH ${crash.ruleId ?? ''} ${crash.file}: ${crash.message}`);
  for (const error of report.parseErrors)
    console.log(`parse error (not a rule's fault) ${error.file}: ${error.message}`);
  console.log(
    `\nreal code: ${report.files} files (${(report.bytes / 1e6).toFixed(1)} MB, ${report.withLiveKitImport} import @livekit/agents), ` +
      `skipped ${report.skipped.large} large, ${report.unlinted.length} not linted, ${report.crashes.length} crashes, ${report.parseErrors.length} parse errors, ` +
      `${Object.values(report.byRule).reduce((a, b) => a + b, 0)} reports, slowest ${report.slowest.file} ${report.slowest.ms.toFixed(0)} ms, ` +
      `${(report.elapsedMs / 1000).toFixed(0)} s`,
  );
  process.exit(report.crashes.length > 0 ? 1 : 0);
}
