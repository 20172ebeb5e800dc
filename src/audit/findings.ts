/**
 * One finding per problem: the audit's cross-file findings and the plugin's lint messages in one list, each
 * counted once and attached to every checklist item it affects. When an audit check and a lint rule report the
 * same problem (catalog.ts, SAME_PROBLEM), the lint message stays and carries the items of both.
 */
import { ITEMS, SAME_PROBLEM, type Selector, type Severity } from './catalog.js';
import type { AuditFinding } from './checks.js';
import type { LintMessage } from './lint.js';
import type { Location } from './model.js';

export interface Finding {
  /** 1-based, in report order. */
  id: number;
  /** The audit check ('unreachable-agent') or the lint rule without namespace ('require-tool-description'). */
  check: string;
  source: 'audit' | 'lint';
  severity: Severity;
  message: string;
  locations: Location[];
  /** Checklist items it affects (ids). */
  items: string[];
}

function itemsOf(source: Finding['source'], check: string): string[] {
  return ITEMS.filter((item) => (source === 'lint' ? item.rules : item.checks).includes(check)).map((item) => item.id);
}

const same = (a: Location, b: Location): boolean => a.file === b.file && a.line === b.line;

function compare(a: Omit<Finding, 'id'>, b: Omit<Finding, 'id'>): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  const [la, lb] = [a.locations[0], b.locations[0]];
  if (la && lb) {
    if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
    if (la.line !== lb.line) return la.line - lb.line;
  } else if (la || lb) {
    return la ? -1 : 1;
  }
  if (a.check !== b.check) return a.check < b.check ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function unifyFindings(
  audit: readonly AuditFinding[],
  lint: readonly LintMessage[],
  selector: Selector,
): Finding[] {
  const reported = new Set(ITEMS.filter((item) => selector.reports(item)).map((item) => item.id));
  const result: Omit<Finding, 'id'>[] = lint
    .filter((message) => selector.runs(message.ruleId))
    .map((message) => ({
      check: message.ruleId,
      source: 'lint',
      severity: message.severity,
      message: message.message,
      locations: [{ file: message.file, line: message.line }],
      items: itemsOf('lint', message.ruleId),
    }));
  for (const finding of audit) {
    if (!selector.runs(finding.check)) continue;
    const items = [...itemsOf('audit', finding.check), ...finding.also];
    const rules = SAME_PROBLEM.filter((pair) => pair.check === finding.check).map((pair) => pair.rule);
    const where = [...finding.locations, ...finding.related];
    const matches = result.filter(
      (other) =>
        other.source === 'lint' &&
        rules.includes(other.check) &&
        where.some((location) => same(location, other.locations[0]!)),
    );
    if (matches.length > 0) {
      for (const match of matches) match.items = [...new Set([...match.items, ...items])];
      continue;
    }
    result.push({
      check: finding.check,
      source: 'audit',
      severity: finding.severity,
      message: finding.message,
      locations: finding.locations,
      items: [...new Set(items)],
    });
  }
  for (const finding of result)
    finding.items = ITEMS.map((item) => item.id).filter((id) => finding.items.includes(id) && reported.has(id));
  return result.sort(compare).map((finding, index) => ({ id: index + 1, ...finding }));
}
