/**
 * What the audit can report, as plain data: its cross-file checks and the checklist items with the rules and
 * checks that decide each (docs/audit.md#the-checklist). No ts-morph here: `--only`/`--skip` are validated from this before the
 * project is read.
 */

export type Severity = 'error' | 'warning';
export type Section = 'Architecture' | 'Implementation' | 'Testing' | 'Performance' | 'Production';

export const SECTIONS: readonly Section[] = ['Architecture', 'Implementation', 'Testing', 'Performance', 'Production'];

/**
 * The audit's own checks. Like the plugin's tiers: `error` when the finding is precise (a `recommended`-level
 * problem), `warning` when it is heuristic or a matter of policy (`strict`-level).
 */
export const CHECKS: Record<string, { severity: Severity; summary: string }> = {
  'handoff-drops-chat-ctx': { severity: 'error', summary: 'a handoff target built in another file drops chatCtx' },
  'unreachable-agent': { severity: 'error', summary: 'no entry starts the agent and no handoff reaches it' },
  'duplicate-tool-name': { severity: 'error', summary: 'two tools with one name in agents joined by a handoff' },
  'user-data-any': { severity: 'error', summary: 'shared state (userData) cast to any' },
  'no-way-back': { severity: 'warning', summary: 'a specialist cannot hand back while others hand off both ways' },
  'similar-tool-descriptions': {
    severity: 'warning',
    summary: 'near-identical tool descriptions in agents joined by a handoff',
  },
  'duplicate-agent-role': { severity: 'warning', summary: 'near-identical instructions and the same tools' },
  'unmotivated-handoff': { severity: 'warning', summary: "the source's instructions never mention the handoff target" },
  'no-entry': { severity: 'warning', summary: 'no defineAgent entry: reachability not judged' },
  'untyped-user-data': { severity: 'warning', summary: 'userData with no named type' },
  'missing-monitoring': { severity: 'warning', summary: 'an entry collects no metrics and reads no usage summary' },
  'no-tests': { severity: 'warning', summary: 'the project has no test file' },
  'untested-agent': { severity: 'warning', summary: 'no test starts or runs the agent' },
  'untested-handoff': { severity: 'warning', summary: 'no test exercises the handoff' },
  'no-error-tests': { severity: 'warning', summary: 'no test asserts a failing tool call' },
  'unverified-tools': { severity: 'warning', summary: 'no test verifies any tool call' },
  'unverified-tool': { severity: 'warning', summary: 'no test asserts a call to this tool' },
  'no-context-tests': { severity: 'warning', summary: 'no test reads userData or chatCtx after a handoff' },
};

export interface ItemDefinition {
  id: string;
  section: Section;
  title: string;
  /** Rules of the plugin that decide the item (ids without namespace). */
  rules: string[];
  /** Audit checks whose findings count against the item. */
  checks: string[];
  /** Items the audit can show but not judge: ⚠️ at best. */
  shownOnly?: boolean;
}

const TESTS = ['no-tests'];

export const ITEMS: readonly ItemDefinition[] = [
  {
    id: 'distinct-roles',
    section: 'Architecture',
    title: 'Agents have clear, distinct roles',
    rules: ['no-vague-instructions'],
    checks: ['duplicate-agent-role'],
  },
  {
    id: 'intentional-handoffs',
    section: 'Architecture',
    title: 'Handoffs are intentional and well-motivated',
    rules: ['require-handoff-conditions', 'require-llm-handoff'],
    checks: ['unmotivated-handoff', 'no-way-back', 'unreachable-agent', 'no-entry'],
  },
  {
    id: 'typed-context',
    section: 'Architecture',
    title: 'Shared context is properly typed',
    rules: [],
    checks: ['user-data-any', 'untyped-user-data'],
  },
  {
    id: 'prewarm',
    section: 'Architecture',
    title: 'Static resources prewarmed',
    rules: ['no-vad-load-outside-prewarm', 'no-unprewarmed-proc-userdata', 'no-user-data-in-prewarm'],
    checks: [],
  },
  {
    id: 'clear-instructions',
    section: 'Implementation',
    title: 'Instructions are clear and specific',
    rules: ['no-vague-instructions'],
    checks: [],
  },
  {
    id: 'tool-names',
    section: 'Implementation',
    title: 'Tools have descriptive names and docstrings',
    rules: ['no-vague-tool-names', 'require-tool-description', 'require-tool-parameter-descriptions'],
    checks: ['duplicate-tool-name', 'similar-tool-descriptions'],
  },
  {
    id: 'actionable-errors',
    section: 'Implementation',
    title: 'Errors provide actionable guidance',
    rules: ['prefer-tool-error', 'require-actionable-tool-errors'],
    checks: [],
  },
  {
    id: 'context-preserved',
    section: 'Implementation',
    title: 'Context preserved across handoffs',
    rules: ['require-handoff-chat-ctx'],
    checks: ['handoff-drops-chat-ctx'],
  },
  {
    id: 'async',
    section: 'Implementation',
    title: 'Async operations throughout',
    rules: ['no-sync-sleep', 'no-blocking-calls', 'no-floating-lifecycle'],
    checks: [],
  },
  {
    id: 'unit-tests',
    section: 'Testing',
    title: 'Unit tests for each agent',
    rules: [],
    checks: [...TESTS, 'untested-agent'],
  },
  {
    id: 'handoff-tests',
    section: 'Testing',
    title: 'Integration tests for handoffs',
    rules: [],
    checks: [...TESTS, 'untested-handoff'],
  },
  {
    id: 'error-tests',
    section: 'Testing',
    title: 'Error scenarios covered',
    rules: [],
    checks: [...TESTS, 'no-error-tests'],
  },
  {
    id: 'tool-call-tests',
    section: 'Testing',
    title: 'Tool calls verified',
    rules: ['require-run-result-wait'],
    checks: [...TESTS, 'unverified-tools', 'unverified-tool'],
  },
  {
    id: 'context-tests',
    section: 'Testing',
    title: 'Context persistence tested',
    rules: [],
    checks: [...TESTS, 'no-context-tests'],
  },
  {
    id: 'vad-prewarm',
    section: 'Performance',
    title: 'VAD loaded in prewarm()',
    rules: ['no-vad-load-outside-prewarm'],
    checks: [],
  },
  {
    id: 'connect-early',
    section: 'Performance',
    title: 'Connect() called early',
    rules: ['no-await-before-connect', 'no-participant-wait-before-connect'],
    checks: [],
  },
  {
    id: 'models',
    section: 'Performance',
    title: 'Appropriate models selected',
    rules: [],
    checks: [],
    shownOnly: true,
  },
  { id: 'caching', section: 'Performance', title: 'Caching where beneficial', rules: [], checks: [], shownOnly: true },
  {
    id: 'structured-logging',
    section: 'Production',
    title: 'Logging structured and informative',
    rules: ['prefer-structured-logging'],
    checks: [],
  },
  {
    id: 'metrics',
    section: 'Production',
    title: 'Metrics collected',
    rules: ['require-session-metrics'],
    checks: ['missing-monitoring'],
  },
  {
    id: 'graceful-errors',
    section: 'Production',
    title: 'Errors handled gracefully',
    rules: ['prefer-tool-error', 'require-actionable-tool-errors'],
    checks: [],
  },
  {
    id: 'sensitive-data',
    section: 'Production',
    title: 'Sensitive data protected',
    rules: [
      'no-sensitive-logging',
      'no-sensitive-tool-output',
      'require-tool-input-validation',
      'require-permission-check',
    ],
    checks: [],
  },
  {
    id: 'monitoring',
    section: 'Production',
    title: 'Monitoring configured',
    rules: ['require-session-metrics'],
    checks: ['missing-monitoring'],
  },
];

/**
 * Audit checks and lint rules that report the same problem: when both report it, the lint message stays (it points
 * at the exact node) and takes over the audit finding's checklist items.
 */
export const SAME_PROBLEM: readonly { check: string; rule: string }[] = [
  { check: 'missing-monitoring', rule: 'require-session-metrics' },
  { check: 'handoff-drops-chat-ctx', rule: 'require-handoff-chat-ctx' },
];

/** Which checks, rules and items a run reports (`--only`, `--skip`). */
export interface Selection {
  only: string[];
  skip: string[];
}

export class Selector {
  private readonly only: Set<string> | null;
  private readonly skip: Set<string>;

  /** Names are already validated and normalised (rule ids without namespace). */
  constructor(selection: Selection) {
    this.only = selection.only.length > 0 ? this.expand(selection.only) : null;
    this.skip = this.expand(selection.skip);
  }

  /** An item name stands for the item and every rule and check that decides it. */
  private expand(names: readonly string[]): Set<string> {
    const result = new Set<string>();
    for (const name of names) {
      result.add(name);
      const item = ITEMS.find((candidate) => candidate.id === name);
      if (item) for (const part of [...item.rules, ...item.checks]) result.add(part);
    }
    return result;
  }

  get active(): boolean {
    return this.only !== null || this.skip.size > 0;
  }

  /** Whether a check or rule runs. */
  runs(id: string): boolean {
    return !this.skip.has(id) && (this.only === null || this.only.has(id));
  }

  /** Whether an item is reported: it is named, or something that decides it runs (an item left with nothing is not). */
  reports(item: ItemDefinition): boolean {
    if (this.skip.has(item.id)) return false;
    const deciders = [...item.rules, ...item.checks];
    if (this.only?.has(item.id) || (this.only === null && deciders.length === 0)) return true;
    return deciders.some((id) => this.runs(id));
  }
}

/**
 * Validates `--only`/`--skip` names against the checks, the items and the plugin's rules; returns them normalised
 * (a rule's namespace dropped), or the unknown names.
 */
export function normaliseNames(
  names: readonly string[],
  rules: readonly string[],
  namespace: string,
): { names: string[]; unknown: string[] } {
  const known = new Set([...Object.keys(CHECKS), ...ITEMS.map((item) => item.id), ...rules]);
  const result: string[] = [];
  const unknown: string[] = [];
  for (const raw of names) {
    const name = raw.startsWith(`${namespace}/`) ? raw.slice(namespace.length + 1) : raw;
    if (known.has(name)) result.push(name);
    else unknown.push(raw);
  }
  return { names: result, unknown };
}
