import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { followConst, isWithin, memberName } from '../analysis/ast.js';
import { staticText } from '../analysis/strings.js';
import { createLiveKitRule } from '../create-rule.js';
import { type LiveKitModel, type SessionInfo } from '../livekit/program.js';
import { projectVersion, supports } from '../livekit/version.js';

/**
 * Since 1.0.23 the SDK reports metrics by itself: LLM and TTS metrics (time to first token / byte, tokens) go on its
 * OpenTelemetry spans, exported to LiveKit Cloud observability (set up automatically there) or to a tracer provider
 * the project sets, and the session report is uploaded at the end of a recorded session; since 1.2.0 `session.usage`
 * sums model usage without any listener. Before 1.0.23 nothing is recorded unless the code listens.
 */
const SELF_REPORTING_SINCE = '1.0.23';

/** Session events that carry metrics or usage, by their event-type member and their string value. */
const METRICS_EVENTS = new Map([
  ['MetricsCollected', 'metrics_collected'],
  ['SessionUsageUpdated', 'session_usage_updated'],
]);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener']);
/** Metrics helpers whose presence says the file handles metrics somewhere we may not follow. */
const METRICS_APIS = ['metrics.logMetrics', 'metrics.ModelUsageCollector', 'metrics.UsageCollector'];

/** 'metrics' when `event` names a metrics event, 'other' for another known event, null when it cannot be read. */
function eventKind(model: LiveKitModel, event: TSESTree.Node | undefined): 'metrics' | 'other' | null {
  if (!event) return null;
  const value = followConst(model.sourceCode, event);
  const resolved = model.imports.resolve(value);
  if (resolved) {
    const prefix = 'voice.AgentSessionEventTypes.';
    if (!resolved.path.startsWith(prefix)) return null;
    return METRICS_EVENTS.has(resolved.path.slice(prefix.length)) ? 'metrics' : 'other';
  }
  const text = staticText(value, model.sourceCode);
  if (!text?.complete) return null;
  return [...METRICS_EVENTS.values()].includes(text.text) ? 'metrics' : 'other';
}

/** True when the file shows no way this session's metrics or usage are observed (and hides nothing). */
function lacksMetrics(model: LiveKitModel, session: SessionInfo): boolean {
  if (!session.variable) return false;
  for (const reference of session.variable.references) {
    if (reference.init) continue;
    const member = reference.identifier.parent;
    // Handed to code we cannot see (a helper, a class, a return): it may observe the metrics there.
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
    const name = memberName(member);
    if (name === 'usage') return false;
    if (
      name !== null &&
      LISTENER_METHODS.has(name) &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    ) {
      const kind = eventKind(model, member.parent.arguments[0]);
      if (kind !== 'other') return false;
    }
  }
  return true;
}

export default createLiveKitRule<[], 'noMetrics'>({
  name: 'require-session-metrics',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Require a session started in entry to collect metrics, on SDK versions that do not report them by themselves',
      recommended: 'strict',
    },
    messages: {
      noMetrics:
        'This AgentSession is started with no metrics, and @livekit/agents {{version}} records none by itself (it does since 1.0.23): nothing listens for MetricsCollected, so turn latency (end of utterance, LLM time to first token, TTS time to first byte) and model cost stay invisible in production. Add `session.on(voice.AgentSessionEventTypes.MetricsCollected, (ev) => metrics.logMetrics(ev.metrics))`, or upgrade.',
    },
    schema: [],
  },
  skipTestCode: true,
  create(context, _options, model) {
    // Only where the SDK does not do the job: every version the project may run is older than 1.0.23 (an unknown
    // version, or a range that admits a self-reporting one, stays silent).
    // The version is looked up last, for a session that would be reported: it costs file reads, the checks none.
    const lk: LiveKitModel = model;
    return {
      'Program:exit'() {
        if (lk.sessions.length === 0) return;
        if (METRICS_APIS.some((path) => lk.imports.usages(path).length > 0)) return;
        const entries = lk.defineAgents.flatMap((definition) => (definition.entry ? [definition.entry] : []));
        let data: { version: string } | null = null;
        for (const session of lk.sessions) {
          if (session.starts.length === 0 || !entries.some((entry) => isWithin(session.node, entry))) continue;
          if (!lacksMetrics(lk, session)) continue;
          if (data === null) {
            const version = projectVersion(context);
            if (supports(version, SELF_REPORTING_SINCE) !== 'no') return;
            data = { version: version.written ?? version.range ?? 'this version' };
          }
          context.report({ node: session.node.callee, messageId: 'noMetrics', data });
        }
      },
    };
  },
});
