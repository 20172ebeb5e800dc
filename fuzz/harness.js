/**
 * The fuzz harness: random programs (eslump) with LiveKit snippets injected, linted by every rule of a plugin.
 * A program fails when a rule throws, when a fix or suggestion output does not parse (@typescript-eslint/parser),
 * when a rule throws on such an output, when a second fix pass changes the fixed output, or when linting takes
 * longer than `slowMs`. A failure carries the run seed, the program index and a minimized program.
 *
 * The plugin is a parameter: the CLI (fuzz/fuzz.js) passes the built plugin, the test passes the source.
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { generateRandomJS } from 'eslump';
import { createRandom, mixSeed } from '../bench/random.js';
import { fillers, header, snippets } from './snippets.js';

export const FILENAME = 'fuzz.ts';
const PARSER_OPTIONS = { ecmaVersion: 'latest', sourceType: 'module', filePath: FILENAME, range: true };

export function createConfig(plugin) {
  return [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      settings: {
        'livekit-agents': {
          importSources: ['#livekit'],
          loggers: ['audit.record'],
          sensitiveNames: ['mothersMaidenName'],
        },
      },
    },
    plugin.configs.all,
  ];
}

/** The parse error message of `text`, or null when @typescript-eslint/parser accepts it. */
export function parseError(text) {
  try {
    tsParser.parse(text, PARSER_OPTIONS);
    return null;
  } catch (error) {
    return String(error?.message ?? error).split('\n')[0];
  }
}

const EXPRESSIONS = new Set([
  'Identifier',
  'Literal',
  'TemplateLiteral',
  'ArrayExpression',
  'ObjectExpression',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ClassExpression',
  'CallExpression',
  'NewExpression',
  'MemberExpression',
  'ConditionalExpression',
  'BinaryExpression',
  'LogicalExpression',
  'UnaryExpression',
  'UpdateExpression',
  'AssignmentExpression',
  'SequenceExpression',
  'TaggedTemplateExpression',
  'ThisExpression',
  'ChainExpression',
  'ImportExpression',
  'MetaProperty',
]);
const STATEMENTS = new Set([
  'ExpressionStatement',
  'IfStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
  'TryStatement',
  'ThrowStatement',
  'VariableDeclaration',
  'FunctionDeclaration',
  'ClassDeclaration',
  'SwitchStatement',
  'LabeledStatement',
  'BlockStatement',
  'EmptyStatement',
  'DebuggerStatement',
]);

/** Cuts expressions, statements, identifier names and block positions out of a random program. */
export function extractPool(code) {
  const pool = { expressions: [], statements: [], identifiers: [], blocks: [], topLevel: [] };
  let ast;
  try {
    ast = tsParser.parse(code, PARSER_OPTIONS);
  } catch {
    return null;
  }
  pool.topLevel = ast.body.map((statement) => statement.range);
  const visit = (node, parentType) => {
    if (!node || typeof node.type !== 'string') return;
    const [start, end] = node.range;
    const length = end - start;
    if (EXPRESSIONS.has(node.type) && length <= 120 && !/\byield\b|\bawait\b/.test(code.slice(start, end))) {
      pool.expressions.push(code.slice(start, end));
    }
    if (
      STATEMENTS.has(node.type) &&
      length <= 240 &&
      parentType !== 'ForStatement' &&
      !/\b(?:yield|await|break|continue|super)\b/.test(code.slice(start, end))
    ) {
      pool.statements.push(code.slice(start, end));
    }
    if (node.type === 'Identifier' && node.name.length <= 12) pool.identifiers.push(node.name);
    if (node.type === 'BlockStatement') pool.blocks.push(start + 1);
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'tokens' || key === 'comments') continue;
      const value = node[key];
      if (Array.isArray(value)) for (const child of value) visit(child, node.type);
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value, node.type);
    }
  };
  visit(ast, null);
  pool.identifiers = [...new Set(pool.identifiers)];
  // Keep a bounded sample of pieces that parse on their own (ranges in odd whitespace can cut them badly).
  const sample = (items, max, wrap) => {
    const kept = [];
    for (const item of items) {
      if (kept.length >= max) break;
      if (parseError(wrap(item)) === null) kept.push(item);
    }
    return kept;
  };
  const spread = (items) => items.filter((_, i) => i % Math.max(1, Math.floor(items.length / 60)) === 0);
  pool.expressions = sample(spread(pool.expressions), 40, (item) => `(${item});`);
  pool.statements = sample(spread(pool.statements), 20, (item) => `async function f() {\n${item}\n}`).map((item) =>
    /[;}]\s*$/.test(item) ? item : `${item};`,
  );
  return pool;
}

/**
 * Program `index` of run `seed`: a random module from eslump with LiveKit snippets at its top level and inside
 * some of its blocks. Returns the first variant that parses (fewer injections, then snippets alone).
 */
export function buildProgram(seed, index) {
  const random = createRandom(mixSeed(seed, index));
  const maxDepth = random.int(2, 6);
  const comments = random.chance(0.3);
  const whitespace = random.chance(0.2);
  let js = random.withMathRandom(() => generateRandomJS({ sourceType: 'module', maxDepth, comments, whitespace }));
  let pool = extractPool(js);
  if (!pool) {
    js = '';
    pool = { expressions: [], statements: [], identifiers: [], blocks: [], topLevel: [] };
  }
  const head = header(random);
  const fill = fillers(random, pool);
  const templates = snippets(random, head.api, fill);
  const pieces = Array.from({ length: random.int(1, 5) }, () => random.pick(templates)());
  // Inside blocks only what a block may hold (no import/export/declare/namespace).
  const blockSafe = () => {
    for (let tries = 0; tries < 5; tries++) {
      const text = random.pick(templates)();
      if (!/\b(?:import|export|declare|namespace)\b|module\.exports/.test(text)) return text;
    }
    return `${head.api('llm.tool')}({ description: 'Reads the order status for the caller.' });`;
  };
  const inner = Array.from({ length: Math.min(pool.blocks.length, random.int(0, 2)) }, blockSafe);

  const withTopLevel = (source) => {
    // Insert the pieces between top-level statements of the random program.
    const cuts = [0, ...pool.topLevel.map((range) => range[1])];
    const chosen = new Map();
    for (const piece of pieces) {
      const at = random.pick(cuts);
      chosen.set(at, [...(chosen.get(at) ?? []), piece]);
    }
    let out = '';
    let last = 0;
    for (const at of [...chosen.keys()].sort((a, b) => a - b)) {
      out += `${source.slice(last, at)}\n${chosen.get(at).join('\n')}\n`;
      last = at;
    }
    return out + source.slice(last);
  };
  const candidates = [];
  if (js && inner.length > 0) {
    // Block insertions first (from the end, so earlier offsets stay valid), then the top level.
    const spots = random.sample(pool.blocks, inner.length).sort((a, b) => b - a);
    let text = js;
    spots.forEach((offset, i) => {
      text = `${text.slice(0, offset)}\n${inner[i]}\n${text.slice(offset)}`;
    });
    // Top-level ranges moved with the insertions, so interleave the pieces at the ends instead.
    candidates.push({
      variant: 'blocks',
      text: `${head.text}\n${pieces[0]}\n${text}\n${pieces.slice(1).join('\n')}\n`,
    });
  }
  if (js) candidates.push({ variant: 'top-level', text: `${head.text}\n${withTopLevel(js)}\n` });
  candidates.push({ variant: 'snippets-only', text: `${head.text}\n${pieces.join('\n')}\n` });
  for (const { text, variant } of candidates) {
    if (parseError(text) === null) return { text, variant };
  }
  return { text: null, variant: null, lastError: parseError(candidates.at(-1).text), lastText: candidates.at(-1).text };
}

const applyFix = (text, fix) => text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);

function ruleIdOf(error) {
  if (error && typeof error === 'object' && typeof error.ruleId === 'string') return error.ruleId;
  const match = /rule ['"]([^'"]+)['"]/i.exec(String(error?.message ?? error));
  return match ? match[1] : null;
}

const firstLine = (error) => String(error?.message ?? error).split('\n')[0];

/**
 * Lints one program and checks every fix and suggestion. Returns the counts and the first failure, if any.
 */
export function checkProgram(linter, config, text, { slowMs = 5000 } = {}) {
  const summary = { reports: 0, byRule: {}, fixes: 0, suggestions: 0, ms: 0, failure: null, rejected: false };
  const lint = (source) => linter.verify(source, config, { filename: FILENAME });
  let messages;
  const start = performance.now();
  try {
    messages = lint(text);
  } catch (error) {
    summary.failure = {
      kind: 'crash',
      ruleId: ruleIdOf(error),
      message: firstLine(error),
      stack: String(error?.stack ?? ''),
    };
    return summary;
  }
  summary.ms = performance.now() - start;
  if (messages.some((message) => message.fatal)) {
    summary.rejected = true;
    return summary;
  }
  if (summary.ms > slowMs) {
    // ESLint records per-rule times only through verifyAndFix (verify with `stats` throws in 10.x).
    linter.verifyAndFix(text, config, { filename: FILENAME, stats: true, fix: false });
    const times = linter.getTimes()?.passes?.[0]?.rules ?? {};
    const slowest = Object.entries(times).sort((a, b) => b[1].total - a[1].total)[0];
    summary.failure = {
      kind: 'slow',
      ruleId: slowest?.[0] ?? null,
      message: `linting took ${summary.ms.toFixed(0)} ms (limit ${slowMs} ms); slowest rule ${slowest?.[0]} ${slowest?.[1].total.toFixed(0)} ms`,
    };
    return summary;
  }
  let fixers = new Set();
  for (const message of messages) {
    summary.reports++;
    summary.byRule[message.ruleId] = (summary.byRule[message.ruleId] ?? 0) + 1;
    if (message.fix) {
      summary.fixes++;
      fixers.add(message.ruleId);
      const error = parseError(applyFix(text, message.fix));
      if (error) {
        summary.failure = { kind: 'fix-unparsable', ruleId: message.ruleId, message: `${message.message} → ${error}` };
        return summary;
      }
    }
    for (const suggestion of message.suggestions ?? []) {
      summary.suggestions++;
      const output = applyFix(text, suggestion.fix);
      const error = parseError(output);
      if (error) {
        summary.failure = {
          kind: 'suggestion-unparsable',
          ruleId: message.ruleId,
          message: `${suggestion.desc} → ${error}`,
        };
        return summary;
      }
      if (summary.suggestions <= 12) {
        try {
          lint(output);
        } catch (crash) {
          summary.failure = {
            kind: 'crash-on-suggestion-output',
            ruleId: ruleIdOf(crash),
            message: `after "${suggestion.desc}" (${message.ruleId}): ${firstLine(crash)}`,
          };
          return summary;
        }
      }
    }
  }
  if (fixers.size > 0) {
    let first;
    let second;
    try {
      first = linter.verifyAndFix(text, config, { filename: FILENAME });
      second = linter.verifyAndFix(first.output, config, { filename: FILENAME });
    } catch (crash) {
      summary.failure = { kind: 'crash-on-fixed-output', ruleId: ruleIdOf(crash), message: firstLine(crash) };
      return summary;
    }
    const fatal = first.messages.find((message) => message.fatal);
    if (fatal) {
      summary.failure = {
        kind: 'fix-unparsable',
        ruleId: [...fixers].join(', '),
        message: `all fixes together → ${fatal.message}`,
      };
      return summary;
    }
    if (second.output !== first.output) {
      fixers = new Set(
        lint(first.output)
          .filter((message) => message.fix)
          .map((message) => message.ruleId),
      );
      summary.failure = {
        kind: 'fix-not-idempotent',
        ruleId: [...fixers].join(', ') || null,
        message: 'a second fix pass changed the fixed output',
      };
      return summary;
    }
  }
  return summary;
}

/**
 * Shrinks `text` while `stillFails(candidate)` holds: removes statements, class members, properties, array
 * elements and arguments (largest first), then single lines. Bounded by `maxChecks` calls.
 */
export function minimize(text, stillFails, { maxChecks = 600 } = {}) {
  let current = text;
  let checks = 0;
  const attempt = (candidate) => {
    if (checks >= maxChecks || candidate === current) return false;
    checks++;
    if (parseError(candidate) !== null) return false;
    if (!stillFails(candidate)) return false;
    current = candidate;
    return true;
  };
  let progress = true;
  while (progress && checks < maxChecks) {
    progress = false;
    for (const [start, end] of removableRanges(current)) {
      if (attempt(current.slice(0, start) + current.slice(end))) {
        progress = true;
        break;
      }
      if (checks >= maxChecks) break;
    }
  }
  progress = true;
  while (progress && checks < maxChecks) {
    progress = false;
    const lines = current.split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      if (attempt([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'))) {
        progress = true;
        break;
      }
    }
  }
  return current.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** Ranges that can be deleted as a unit, largest first; list elements take their trailing comma along. */
function removableRanges(text) {
  let ast;
  try {
    ast = tsParser.parse(text, PARSER_OPTIONS);
  } catch {
    return [];
  }
  const ranges = [];
  const listItem = (node) => {
    let end = node.range[1];
    const after = /^\s*,/.exec(text.slice(end));
    if (after) end += after[0].length;
    ranges.push([node.range[0], end]);
  };
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'tokens' || key === 'comments') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) {
          if (!child || typeof child.type !== 'string') continue;
          if (key === 'body' || key === 'consequent') ranges.push(child.range);
          else if (
            key === 'properties' ||
            key === 'elements' ||
            key === 'arguments' ||
            key === 'params' ||
            key === 'specifiers'
          )
            listItem(child);
          visit(child);
        }
      } else if (value && typeof value === 'object' && typeof value.type === 'string') {
        visit(value);
      }
    }
  };
  visit(ast);
  return ranges.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
}

/**
 * Runs programs `start .. start + count - 1` of run `seed`. Failures come with a minimized program.
 * `onProgress(done, totals)` is called every 500 programs.
 */
export function runFuzz({
  plugin,
  count,
  seed,
  start = 0,
  slowMs = 5000,
  minimizeFailures = true,
  minimizeChecks = 600,
  maxFailures = 20,
  onProgress,
} = {}) {
  const linter = new Linter();
  const config = createConfig(plugin);
  const totals = {
    seed,
    start,
    programs: 0,
    unbuildable: 0,
    rejected: 0,
    linted: 0,
    withReports: 0,
    reports: 0,
    fixes: 0,
    suggestions: 0,
    byRule: {},
    programsByRule: {},
    variants: { blocks: 0, 'top-level': 0, 'snippets-only': 0 },
    slowest: { index: -1, ms: 0 },
    failures: [],
    elapsedMs: 0,
  };
  const began = performance.now();
  for (let index = start; index < start + count; index++) {
    totals.programs++;
    const program = buildProgram(seed, index);
    if (program.text === null) {
      totals.unbuildable++;
      continue;
    }
    totals.variants[program.variant] = (totals.variants[program.variant] ?? 0) + 1;
    const result = checkProgram(linter, config, program.text, { slowMs });
    if (result.rejected) {
      totals.rejected++;
      continue;
    }
    totals.linted++;
    totals.reports += result.reports;
    totals.fixes += result.fixes;
    totals.suggestions += result.suggestions;
    if (result.reports > 0) totals.withReports++;
    for (const [id, n] of Object.entries(result.byRule)) {
      totals.byRule[id] = (totals.byRule[id] ?? 0) + n;
      totals.programsByRule[id] = (totals.programsByRule[id] ?? 0) + 1;
    }
    if (result.ms > totals.slowest.ms) totals.slowest = { index, ms: result.ms };
    if (result.failure) {
      const failure = { ...result.failure, seed, index, program: program.text, minimized: null };
      if (minimizeFailures && failure.kind !== 'slow') {
        const same = (candidate) => {
          const again = checkProgram(linter, config, candidate, { slowMs: Infinity }).failure;
          return again !== null && again.kind === failure.kind && again.ruleId === failure.ruleId;
        };
        failure.minimized = minimize(program.text, same, { maxChecks: minimizeChecks });
      }
      totals.failures.push(failure);
      if (totals.failures.length >= maxFailures) break;
    }
    if (onProgress && (index - start + 1) % 500 === 0) onProgress(index - start + 1, totals);
  }
  totals.elapsedMs = performance.now() - began;
  return totals;
}

/** A failure as text: what failed, how to reproduce it, and the minimized program. */
export function formatFailure(failure) {
  return [
    `FAIL ${failure.kind} in ${failure.ruleId ?? '(unknown rule)'}: ${failure.message}`,
    `  reproduce: npm run fuzz -- --seed ${failure.seed} --start ${failure.index} --count 1`,
    '  minimized program:',
    ...(failure.minimized ?? failure.program).split('\n').map((line) => `    | ${line}`),
  ].join('\n');
}
