import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { maskCardNumber } from '../analysis/luhn.js';
import { MASKABLE_KINDS, sensitiveKindLabel, sensitiveNameClassifier } from '../analysis/sensitive-names.js';
import { type SensitiveSearchOptions, type SensitiveValue, findSensitiveValues } from '../analysis/sensitive-values.js';
import { createLiveKitRule } from '../create-rule.js';
import { SENSITIVE_NAME_OPTIONS, stringList } from '../option-schemas.js';
import { loggerSinkMatcher } from '../livekit/loggers.js';
import { getLiveKitModel } from '../livekit/program.js';
import { getSettings } from '../livekit/settings.js';

type Options = [{ sensitiveNames: string[]; allowNames: string[]; loggers: string[] }];
type MessageIds = 'maskable' | 'secret' | 'cardLiteral' | 'maskValue';

/** `cardNumber` → `cardNumberLast4`, `card_number` → `card_number_last4`, `CARD_NO` → `CARD_NO_LAST4`. */
function last4Name(name: string): string {
  if (name.includes('_')) return name === name.toUpperCase() ? `${name}_LAST4` : `${name}_last4`;
  return `${name}Last4`;
}

export default createLiveKitRule<Options, MessageIds>({
  name: 'no-sensitive-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow card numbers, security codes, passwords, tokens and other secrets in log calls',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      maskable:
        "'{{name}}' looks like {{what}} and goes to {{sink}}. Callers read these aloud, and nothing redacts log output (LiveKit's `log()` included), so it would sit in log storage; log a masked form (the last 4 digits) or leave it out.",
      secret:
        "'{{name}}' looks like {{what}} and goes to {{sink}}. Nothing redacts log output (LiveKit's `log()` included), so anyone who can read the logs gets it; leave it out, or log only whether it is set.",
      cardLiteral:
        'This text sent to {{sink}} contains a card number ({{masked}}) that passes the Luhn check. Payment data must not reach log storage; log only the last 4 digits.',
      maskValue: 'Log only the last 4 characters: {{replacement}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          ...SENSITIVE_NAME_OPTIONS,
          loggers: stringList(
            'More logger sinks: callee texts (`audit.record`) or receiver names whose every method logs (`telemetry`).',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sensitiveNames: [], allowNames: [], loggers: [] }],
  },
  everyFile: true, // secrets leak from helpers and services as well as from agent code
  create(context, [{ sensitiveNames, allowNames, loggers }]) {
    const sourceCode = context.sourceCode;
    const sinkOf = loggerSinkMatcher(context, getLiveKitModel(context), { loggers });
    /** Built on the first logging call: most files log little or nothing. */
    let search: SensitiveSearchOptions | null = null;

    function suggestion(value: SensitiveValue): TSESLint.ReportSuggestionArray<MessageIds> {
      if (!MASKABLE_KINDS.has(value.kind) || !value.reference) return [];
      const text = sourceCode.getText(value.reference);
      const masked = `String(${text}).slice(-4)`;
      const replacement = value.shorthand ? `${last4Name(text)}: ${masked}` : masked;
      const target: TSESTree.Node = value.shorthand ?? value.reference;
      return [
        { messageId: 'maskValue', data: { replacement }, fix: (fixer) => fixer.replaceText(target, replacement) },
      ];
    }

    return {
      CallExpression(call) {
        const sink = sinkOf(call);
        if (!sink) return;
        search ??= {
          classifier: sensitiveNameClassifier(getSettings(context).sensitiveNames, { sensitiveNames, allowNames }),
          sourceCode,
          cardNumbers: true,
        };
        let seen: Set<string> | null = null;
        for (const argument of call.arguments) {
          for (const value of findSensitiveValues(argument, search)) {
            seen ??= new Set();
            if (seen.has(value.name)) continue;
            seen.add(value.name);
            const sinkText = `\`${sink.text}\``;
            if (value.card) {
              context.report({
                node: value.node,
                messageId: 'cardLiteral',
                data: { sink: sinkText, masked: maskCardNumber(value.card.digits) },
              });
            } else {
              context.report({
                node: value.node,
                messageId: MASKABLE_KINDS.has(value.kind) ? 'maskable' : 'secret',
                data: { name: value.name, what: sensitiveKindLabel(value.kind), sink: sinkText },
                suggest: suggestion(value),
              });
            }
          }
        }
      },
    };
  },
});
