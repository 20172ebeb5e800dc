/**
 * Identifier spelling conventions. No LiveKit knowledge lives here.
 */

/** True for a lower snake_case name with at least one underscore: `chat_ctx`, `min_silence_duration`, `llm_node2`. */
export function isSnakeCase(name: string): boolean {
  const parts = name.split('_');
  if (parts.length < 2) return false;
  return parts.every((part, index) => {
    if (part === '') return false;
    for (const char of part) {
      const lowerOrDigit = (char >= 'a' && char <= 'z') || (char >= '0' && char <= '9');
      if (!lowerOrDigit) return false;
    }
    // A leading digit makes no identifier word.
    return index > 0 || !(part[0]! >= '0' && part[0]! <= '9');
  });
}

/** `min_silence_duration` → `minSilenceDuration`. */
export function snakeToCamel(name: string): string {
  return name
    .split('_')
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}
