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
import { AuditInputError } from './errors.js';
import type { GraphFormat, ReportFormat } from './render.js';
import type { FailOn } from './run.js';

export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 3 } as const;
const COMMAND = 'livekit-agents-audit';
const FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json', 'sarif'];
const GRAPH_FORMATS: readonly GraphFormat[] = ['mermaid', 'json'];
const FAIL_ON: readonly FailOn[] = ['fail', 'warn', 'never'];

export const USAGE = `Usage: ${COMMAND} [path] [options]

Audits a LiveKit Agents (Node.js) project across files: the agent graph (entries, agents, tools, handoffs),
cross-file findings, and the production checklist with evidence (file:line).

  path                 the project folder (its tsconfig.json is used when present), a tsconfig JSON file,
                       or a folder of JS/TS files (default: .)

Options:
  --format <f>         text (default) | markdown | json | sarif
  --graph <g>          print only the agent graph: mermaid | json (no lint, exit code 0)
  --fail-on <level>    fail (default): exit 1 when an item is ❌; warn: also when one is ⚠️; never
  --no-lint            skip the plugin's lint rules (their items become ⚠️)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 bad input or usage, 3 internal error.`;

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
    output.err(`${COMMAND}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
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
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new AuditInputError(`${error instanceof Error ? error.message : String(error)}\nRun '${COMMAND} --help' for usage.`);
  }
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
  if (positionals.length > 1) throw new AuditInputError(`expected one project path, got ${positionals.length}: ${positionals.join(' ')}`);
  const format = choice('format', values.format, FORMATS, 'text');
  const graphFormat = values.graph === undefined ? null : choice('graph', values.graph, GRAPH_FORMATS, 'mermaid');
  const failOn = choice<FailOn>('fail-on', values['fail-on'], FAIL_ON, 'fail');

  const target = positionals[0] ?? '.';
  // Answered before ts-morph loads: a typo in the path should not cost a second.
  if (!existsSync(resolve(target))) throw new AuditInputError(`no such file or folder: ${target}`);
  const { runAudit } = await import('./run.js');
  const outcome = await runAudit({
    target,
    format,
    graph: graphFormat,
    failOn,
    lint: !values['no-lint'],
    tool: { name: COMMAND, version: version() },
  });
  output.out(outcome.text);
  return outcome.failed ? EXIT.failed : EXIT.ok;
}
