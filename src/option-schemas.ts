/**
 * JSON-schema pieces that several rules' options share, so that the same option reads and validates the same way
 * everywhere it appears.
 */

/** A list of distinct strings, described for the options table of the rule's docs page. */
export function stringList(description: string) {
  return { type: 'array', items: { type: 'string' }, uniqueItems: true, description } as const;
}

/** The options of the rules that judge sensitive names (`no-sensitive-logging`, `no-sensitive-tool-output`). */
export const SENSITIVE_NAME_OPTIONS = {
  sensitiveNames: stringList('More names or words to treat as sensitive (each split into words, like `memberNumber`).'),
  allowNames: stringList('Identifier or property names that are never reported, compared with the whole name.'),
} as const;

/** A minimum word count for a static text, 0 for none. */
export function minWords(description: string) {
  return { type: 'integer', minimum: 0, description } as const;
}
