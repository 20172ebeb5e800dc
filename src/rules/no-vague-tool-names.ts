import type { TSESTree } from '@typescript-eslint/utils';
import { type VagueNameKind, findVagueToolName } from '../analysis/tool-names.js';
import { createLiveKitRule } from '../create-rule.js';
import { stringList } from '../option-schemas.js';

type Options = [{ allow: string[]; vagueWords: string[] }];
type MessageIds = VagueNameKind;

export default createLiveKitRule<Options, MessageIds>({
  name: 'no-vague-tool-names',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow tool names that do not tell the LLM what the tool does',
      recommended: 'recommended',
    },
    messages: {
      notPortable:
        "Tool name '{{name}}' is not accepted by every LLM provider (a letter first, then letters, digits, '_' or '-', at most 64 characters). Rename it, or switching the model will break tool calls.",
      generic:
        "Tool name '{{name}}' is generic: it says nothing about what the tool does, so the LLM cannot pick it for the right request. Name the action and its object, e.g. 'lookupOrderStatus'.",
      numbered:
        "Tool name '{{name}}' is a numbered generic name. The LLM chooses tools by name; name the action and its object instead, e.g. 'bookAppointment'.",
      bareVerb:
        "Tool name '{{name}}' is a verb with no object: the LLM cannot tell what it acts on, or pick it over another tool. Add the thing it works on ('searchFlights' rather than 'search').",
      vagueVerb:
        "Tool name '{{name}}' starts with the vague verb '{{word}}'. Say what actually happens ('cancelOrder', 'refundPayment'), so the LLM calls it for the right request.",
      genericObject:
        "Tool name '{{name}}' pairs '{{word}}' with a generic object. Name the specific thing it returns or changes ('getOrderStatus', 'getAccountBalance'), so the LLM can choose it.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: stringList('Tool names to accept as they are.'),
          vagueWords: stringList(
            'More words to treat as vague: a name made only of them, or led by one of them, is reported.',
          ),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [], vagueWords: [] }],
  },
  skipTestCode: true,
  create(context, [{ allow, vagueWords }], model) {
    const allowed = new Set(allow);
    const vagueNameOptions = { vagueWords };
    const check = (name: string, node: TSESTree.Node): void => {
      if (allowed.has(name)) return;
      const finding = findVagueToolName(name, vagueNameOptions);
      if (finding) context.report({ node, messageId: finding.kind, data: { name, word: finding.word ?? '' } });
    };
    return {
      'Program:exit'() {
        for (const tool of model.tools) {
          if (tool.name !== null && tool.nameNode) check(tool.name, tool.nameNode);
        }
        // A map key names whatever tool it registers, even one defined in another file.
        for (const registration of model.registrations) {
          for (const entry of registration.entries) {
            if (entry.key === null || !entry.property) continue;
            const tool = entry.tool;
            // Unknown tools (imported) and anonymous tools registered under a second key.
            if (tool === null || (!tool.nameProperty && tool.nameNode !== entry.property.key))
              check(entry.key, entry.property.key);
          }
        }
      },
    };
  },
});
