/** Counted nouns for the reports: `1 entry`, `2 entries`, `1 file`, `3 llm.ToolErrors`. */
export function pluralOf(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:[sxz]|[cs]h)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

export function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : pluralOf(noun)}`;
}
