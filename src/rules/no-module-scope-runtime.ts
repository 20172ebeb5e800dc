import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeText } from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';
import { runsBeforeLoggerSetUp } from '../livekit/loggers.js';

type MessageIds = 'moduleScope';

/** Constructors that need the LiveKit logger (canonical paths). */
const CONSTRUCTORS = [
  'voice.AgentSession',
  'inference.STT',
  'inference.TTS',
  'inference.LLM',
  'metrics.UsageCollector',
];

export default createLiveKitRule<[], MessageIds>({
  name: 'no-module-scope-runtime',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow LiveKit runtime objects that need the logger at module scope',
      recommended: 'recommended',
    },
    messages: {
      moduleScope:
        '`{{callee}}` at module scope throws when the agent file is imported, before LiveKit has set up its logger, so the worker cannot start. Create it inside entry (or a function that entry calls).',
    },
    schema: [],
  },
  create(context, _options, model) {
    return {
      'Program:exit'() {
        const nodes: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [
          ...model.imports.calls('log'),
          ...CONSTRUCTORS.flatMap((path) => model.imports.news(path)),
        ];
        for (const node of nodes.sort((a, b) => a.range[0] - b.range[0])) {
          if (!runsBeforeLoggerSetUp(model, node)) continue;
          const text = calleeText(node) ?? 'this call';
          const callee = node.type === AST_NODE_TYPES.NewExpression ? `new ${text}()` : `${text}()`;
          context.report({ node, messageId: 'moduleScope', data: { callee } });
        }
      },
    };
  },
});
