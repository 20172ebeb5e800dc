/**
 * `livekit-agents-audit [path] [options]`: reads the project, builds the agent graph, runs the cross-file checks
 * and the plugin's lint rules, and prints the checklist report.
 *
 * Exit codes: 0 done (nothing at or above `--fail-on`), 1 an item at or above `--fail-on` remains, 2 bad input or
 * usage, 3 an internal error.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHECKS, ITEMS, normaliseNames } from './catalog.js';
import { AuditInputError } from './errors.js';
import type { LintConfigChoice } from './lint.js';
import type { GraphFormat, ReportFormat } from './render.js';
import type { FailOn } from './report.js';

export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 3 } as const;
const COMMAND = 'livekit-agents-audit';
const FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json', 'sarif', 'html'];
const GRAPH_FORMATS: readonly GraphFormat[] = ['mermaid', 'dot', 'json'];
const FAIL_ON: readonly string[] = ['error', 'warning', 'never', 'fail', 'warn'];
const LINT_CONFIGS: readonly LintConfigChoice[] = ['project', 'recommended', 'strict', 'all'];

export const USAGE = `Usage: ${COMMAND} [path] [options]

Audits a LiveKit Agents (Node.js) project across files: the agent graph (entries, agents, tools, handoffs),
findings (each problem once), and the production checklist with evidence (file:line).

  path                 the project folder (its tsconfig.json is used when present), a tsconfig JSON file,
                       or a folder of JS/TS files (default: .)

Options:
  --format <f>         text (default) | markdown | json | sarif | html (one self-contained page, graph drawn)
  --graph <g>          print only the agent graph: mermaid | dot | json (no lint, exit code 0)
  --fail-on <level>    error (default): exit 1 when a finding is an error (recommended rules, precise checks);
                       warning: also for warnings (strict rules, heuristic checks); never
  --only <names>       report only these checks, rules or checklist items (comma-separated; repeatable)
  --skip <names>       leave these out
  --lint-config <c>    project (default) | recommended | strict | all
  --no-lint            skip the plugin's lint rules (the items they decide are not judged)
  -h, --help           show this help
  -v, --version        show the version

Which ESLint config the rules run with (the report's header says which was used):
  project (default)    the config ESLint itself would use for each file (eslint.config.* found from the project
                       folder upward: its settings such as importSources, rule options and ignores). When that
                       config enables none of this plugin's rules, the plugin's recommended rules are added to it;
                       when there is no config file, the plugin's recommended config is used alone.
  recommended|strict|all   that config of the plugin alone, ignoring the project's.

Exit codes: 0 no finding at or above --fail-on, 1 some finding is, 2 bad input or usage, 3 internal error.`;

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AuditInputError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
}

export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  try {
    return await run(argv, output);
  } catch (error) {
    if (error instanceof AuditInputError) {
      output.err(`${COMMAND}: ${error.message}\n`);
      return EXIT.badInput;
    }
    output.err(
      `${COMMAND}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.internal;
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        graph: { type: 'string' },
        'fail-on': { type: 'string' },
        'no-lint': { type: 'boolean' },
        'lint-config': { type: 'string' },
        only: { type: 'string', multiple: true },
        skip: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new AuditInputError(
      `${error instanceof Error ? error.message : String(error)}\nRun '${COMMAND} --help' for usage.`,
    );
  }
}

function names(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
}

async function run(argv: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    output.out(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (values.version) {
    output.out(`${version()}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw new AuditInputError(`expected one project path, got ${positionals.length}: ${positionals.join(' ')}`);
  const format = choice('format', values.format, FORMATS, 'text');
  const graphFormat = values.graph === undefined ? null : choice('graph', values.graph, GRAPH_FORMATS, 'mermaid');
  const failOnValue = choice('fail-on', values['fail-on'], FAIL_ON, 'error');
  const failOn: FailOn =
    failOnValue === 'fail' ? 'error' : failOnValue === 'warn' ? 'warning' : (failOnValue as FailOn);
  const lintConfig = choice('lint-config', values['lint-config'], LINT_CONFIGS, 'project');

  // Answered before ts-morph loads: a typo in the path or a check name should not cost a second.
  const target = positionals[0] ?? '.';
  if (!existsSync(resolve(target))) throw new AuditInputError(`no such file or folder: ${target}`);
  const { loadPlugin } = await import('./lint.js');
  const plugin = await loadPlugin();
  const only = normaliseNames(names(values.only), [...plugin.tiers.keys()], plugin.namespace);
  const skip = normaliseNames(names(values.skip), [...plugin.tiers.keys()], plugin.namespace);
  const unknown = [...only.unknown, ...skip.unknown];
  if (unknown.length > 0) {
    throw new AuditInputError(
      `unknown check, rule or checklist item: ${unknown.join(', ')}\n` +
        `  checks: ${Object.keys(CHECKS).join(', ')}\n` +
        `  checklist items: ${ITEMS.map((item) => item.id).join(', ')}\n` +
        `  rules: ${[...plugin.tiers.keys()].join(', ')}`,
    );
  }
  const { runAudit } = await import('./run.js');
  const { renderGraph, renderReport } = await import('./render.js');
  const { report, root } = await runAudit({
    target,
    graphOnly: graphFormat !== null,
    failOn,
    lint: !values['no-lint'],
    lintConfig,
    selection: { only: only.names, skip: skip.names },
    plugin,
    tool: { name: COMMAND, version: version() },
  });
  if (graphFormat) {
    output.out(await renderGraph(report.graph, graphFormat));
    return EXIT.ok;
  }
  output.out(await renderReport(report, format, root));
  return report.summary.failed ? EXIT.failed : EXIT.ok;
}
