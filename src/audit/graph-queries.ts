/**
 * Questions about a built agent graph that the checks, the checklist and the renderers all ask. Kept apart from
 * graph.ts, which needs ts-morph, and from report.ts, which needs the checklist's types.
 */
import type { EdgeKind } from './graph.js';

/** The agents that some entry starts, directly or through handoffs, updates and tasks. */
export function reachableFromEntries(edges: readonly { from: string; to: string; kind: EdgeKind }[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.kind !== 'start') next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  const reached = new Set<string>();
  const queue = edges.filter((edge) => edge.kind === 'start').map((edge) => edge.to);
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return reached;
}

interface Named {
  id: string;
  name: string;
}

/** The display name of a graph node (agent or entry) by id. */
export function nodeName(graph: { agents: readonly Named[]; entries: readonly Named[] }, id: string): string {
  return (
    graph.agents.find((agent) => agent.id === id)?.name ?? graph.entries.find((entry) => entry.id === id)?.name ?? id
  );
}
