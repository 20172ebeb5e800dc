import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { skipTSWrappers } from '../analysis/ast.js';
import { staticText } from '../analysis/strings.js';
import { createLiveKitRule } from '../create-rule.js';
import { PINO_METHODS, loggerSinkMatcher, runsBeforeLoggerSetUp } from '../livekit/loggers.js';
import { isCliScript } from '../livekit/test-code.js';

type MessageIds = 'console' | 'interpolated' | 'useFields';

/** A message split into its static text and the values written into it. */
type Part = { text: string } | { value: TSESTree.Expression };

/** The parts of a template literal or a `+` concatenation of strings and values; null for anything else. */
function messageParts(node: TSESTree.Node): Part[] | null {
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.TemplateLiteral) {
    const parts: Part[] = [];
    expression.quasis.forEach((quasi, index) => {
      parts.push({ text: quasi.value.cooked ?? quasi.value.raw });
      const value = expression.expressions[index];
      if (value) parts.push({ value });
    });
    return parts;
  }
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '+') {
    const left = messageParts(expression.left) ?? [asPart(expression.left)];
    const right = messageParts(expression.right) ?? [asPart(expression.right)];
    // A `+` with no string in it is arithmetic, not a message.
    return [...left, ...right].some((part) => 'text' in part) ? [...left, ...right] : null;
  }
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string')
    return [{ text: expression.value }];
  return null;
}

function asPart(node: TSESTree.Expression): Part {
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string')
    return { text: expression.value };
  return { value: node };
}

/** The message with the values taken out: `order ${id} looked up` → `order looked up`. */
function staticMessage(parts: Part[]): string {
  const words: string[] = [];
  for (const part of parts) {
    if ('text' in part) words.push(...part.text.split(/\s+/u).filter((word) => word !== ''));
  }
  let text = words.join(' ');
  // No space left before punctuation where a value was removed: `order : shipped` → `order: shipped`.
  for (const mark of ['.', ',', ':', ';', '!', '?']) text = text.split(` ${mark}`).join(mark);
  return text;
}

/** `JSON.stringify(...)`: one JSON object per line is already structured output. */
function isJsonLine(node: TSESTree.Node | undefined): boolean {
  const expression = node ? skipTSWrappers(node) : null;
  if (expression?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = expression.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'JSON' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'stringify'
  );
}

function quote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export default createLiveKitRule<[], MessageIds>({
  name: 'prefer-structured-logging',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Prefer LiveKit's structured logger, with values as fields, over console and interpolated messages",
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      console:
        "console.{{method}} in agent code writes plain text outside LiveKit's logger: no job or room context, no levels, and it is hard to find in production logs. Use log() from @livekit/agents: `log().info({ orderId }, 'order looked up')`.",
      interpolated:
        "This {{callee}} call writes {{values}} into the message text: the logger cannot index or filter on those values, and every call becomes a different message. Pass them as fields: `{{callee}}({ ... }, 'message')`.",
      useFields: 'Move {{values}} into a fields object: {{preview}}.',
    },
    schema: [],
  },
  skipTestCode: true,
  create(context, _options, model) {
    const sourceCode = context.sourceCode;
    // A command-line script prints for the person at the terminal, not for the agent's logs.
    if (isCliScript(sourceCode.text, context.filename, context.cwd)) return {};
    const sinkOf = loggerSinkMatcher(context, model);
    return {
      CallExpression(node) {
        const sink = sinkOf(node);
        if (!sink || sink.bindings) return;
        if (sink.kind === 'console') {
          // At module scope LiveKit's log() throws (the logger is set up after import): console is the only choice.
          if (runsBeforeLoggerSetUp(model, node)) return;
          if (node.arguments.length === 1 && isJsonLine(node.arguments[0])) return;
          context.report({ node: node.callee, messageId: 'console', data: { method: sink.method } });
          return;
        }
        if ((sink.kind !== 'livekit' && sink.kind !== 'named') || !PINO_METHODS.has(sink.method)) return;
        const argument = node.arguments[0];
        if (node.arguments.length !== 1 || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
        const parts = messageParts(argument);
        if (!parts || !parts.some((part) => 'value' in part)) return;
        // Values that are themselves fixed text (a const string) do not make a message dynamic.
        if (staticText(argument, sourceCode)?.complete) return;
        const values = parts.flatMap((part) => ('value' in part ? [part.value] : []));
        const valueTexts = [...new Set(values.map((value) => sourceCode.getText(value)))];
        const label = valueTexts.length === 1 ? `'${valueTexts[0]}'` : `${valueTexts.length} values`;
        const identifiers = values.every((value) => value.type === AST_NODE_TYPES.Identifier);
        const message = staticMessage(parts);
        const fields = `{ ${valueTexts.join(', ')} }`;
        const replacement = message === '' ? fields : `${fields}, ${quote(message)}`;
        context.report({
          node: argument,
          messageId: 'interpolated',
          data: { callee: sink.text, values: label },
          suggest: identifiers
            ? [
                {
                  messageId: 'useFields',
                  data: { values: label, preview: `${sink.text}(${replacement})` },
                  fix: (fixer) => fixer.replaceText(argument, replacement),
                },
              ]
            : [],
        });
      },
    };
  },
});
