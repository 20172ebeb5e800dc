/**
 * The repository's web address: the one place every link to this project's docs is built from (rule pages, the
 * audit's SARIF). package.json's `repository` and `homepage` must name the same address (tests/meta.test.ts).
 * A module of its own so that the audit can link to the docs without loading the rules.
 */
export const REPOSITORY_URL = 'https://github.com/livekit-agents-lint/eslint-plugin-livekit-agents';

/** Where the docs/ folder is browsable; each rule's page (also shown by editors next to a diagnostic) is under it. */
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs`;
