/**
 * Command-line options of the bench and fuzz scripts: `--name value` gives a string, a `--flag` followed by another
 * option (or nothing) gives `true`.
 */
export function parseArgs(argv) {
  const result = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) result[key] = true;
    else {
      result[key] = next;
      i++;
    }
  }
  return result;
}
