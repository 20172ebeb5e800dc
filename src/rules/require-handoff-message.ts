import { hasSpread } from '../analysis/ast.js';
import { isUndefinedValue } from '../analysis/params.js';
import { countWords, staticText } from '../analysis/strings.js';
import { createRule } from '../create-rule.js';
import { getLiveKitModel } from '../livekit/program.js';

type Options = [{ minWords?: number }];
type MessageIds = 'missing' | 'empty' | 'tooShort';

const DEFAULT_MIN_WORDS = 4;

export default createRule<Options, MessageIds>({
  name: 'require-handoff-message',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a handoff to tell the LLM what to say to the caller (`returns`)',
      recommended: 'strict',
    },
    messages: {
      missing:
        'This handoff has no `returns`: the current agent says nothing before the switch, so the caller hears silence and then a new voice. Add a short message such as `returns: "Transferring you to billing now."`.',
      empty:
        'This handoff returns an empty message: the current agent says nothing before the switch, so the caller hears silence and then a new voice. Say where the caller is going and why.',
      tooShort:
        'This handoff message has {{count}} word(s) (minimum {{minWords}}): a transfer this abrupt confuses callers. Say where the caller is going and why, e.g. "Transferring you to billing to sort out that invoice."',
    },
    schema: [
      {
        type: 'object',
        properties: {
          minWords: {
            type: 'integer',
            minimum: 0,
            description: 'The fewest words a static `returns` message may have.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minWords: DEFAULT_MIN_WORDS }],
  },
  defaultOptions: [{ minWords: DEFAULT_MIN_WORDS }],
  create(context, [{ minWords = DEFAULT_MIN_WORDS }]) {
    const model = getLiveKitModel(context);
    if (!model || model.isTestCode) return {}; // a quality rule: test code exercises the runtime, it is not judged
    return {
      'Program:exit'() {
        for (const handoff of model.handoffs) {
          if (!handoff.options) continue;
          const property = handoff.returnsProperty;
          if (!property) {
            if (!hasSpread(handoff.options)) context.report({ node: handoff.call.callee, messageId: 'missing' });
            continue;
          }
          if (isUndefinedValue(property.value)) {
            context.report({ node: property.value, messageId: 'missing' });
            continue;
          }
          const text = staticText(property.value, context.sourceCode);
          if (!text?.complete) continue;
          const count = countWords(text.text);
          if (text.text.trim() === '') context.report({ node: property.value, messageId: 'empty' });
          else if (count < minWords) context.report({ node: property.value, messageId: 'tooShort', data: { count, minWords } });
        }
      },
    };
  },
});
