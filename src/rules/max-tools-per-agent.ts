import { createLiveKitRule } from '../create-rule.js';

type Options = [{ max: number }];
type MessageIds = 'tooMany';

export default createLiveKitRule<Options, MessageIds>({
  name: 'max-tools-per-agent',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce a maximum number of tools registered on one agent',
      recommended: 'strict',
    },
    messages: {
      tooMany:
        'This agent registers {{count}} tools (maximum {{max}}). Every tool is sent with every LLM request: a long list slows each reply and makes the model pick the wrong tool. Split the work into agents that hand off to each other.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          max: {
            type: 'integer',
            minimum: 1,
            description: 'The most tools one agent may register.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 20 }],
  },
  skipTestCode: true,
  create(context, [{ max }], model) {
    return {
      'Program:exit'() {
        for (const registration of model.registrations) {
          // Spreads add an unknown number: the known entries are a lower bound.
          const count = registration.entries.length;
          if (count > max)
            context.report({ node: registration.property.key, messageId: 'tooMany', data: { count, max } });
        }
      },
    };
  },
});
