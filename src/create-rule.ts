import { ESLintUtils } from '@typescript-eslint/utils';

/** Where each rule's documentation page lives (also shown by editors next to a diagnostic). */
export const REPOSITORY_URL = 'https://github.com/livekit-agents-lint/eslint-plugin-livekit-agents';

export interface LiveKitRuleDocs {
  /** The config tier: `recommended` rules are errors in `recommended` and `strict`; `strict` rules warn in `strict`. */
  recommended: 'recommended' | 'strict';
  /** What the rule checks, in one line (shown in the README table). */
  description: string;
}

export const createRule = ESLintUtils.RuleCreator<LiveKitRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
