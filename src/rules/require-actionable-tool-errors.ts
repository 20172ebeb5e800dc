import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, memberName, skipTSWrappers } from '../analysis/ast.js';
import { staticText } from '../analysis/strings.js';
import { createLiveKitRule } from '../create-rule.js';
import { minWords } from '../option-schemas.js';

type Options = [{ minWords: number }];
type MessageIds = 'rawCode' | 'generic' | 'tooShort' | 'onlyCaughtError';

/** Words of messages that say only that something failed. */
const GENERIC_WORDS = new Set([
  'a',
  'an',
  'the',
  'something',
  'went',
  'wrong',
  'error',
  'errors',
  'occurred',
  'occured',
  'has',
  'have',
  'been',
  'unknown',
  'unexpected',
  'internal',
  'failed',
  'failure',
  'fail',
  'operation',
  'request',
  'tool',
  'function',
  'oops',
  'sorry',
  'please',
  'try',
  'again',
  'later',
  'bad',
  'happened',
  'issue',
  'problem',
  'there',
  'was',
  'is',
  'exception',
  'could',
  'not',
  'complete',
  'completed',
  'process',
  'processing',
  'while',
  'your',
  'this',
  'that',
  'it',
  'of',
  'in',
  'with',
  'unable',
  'to',
  'cannot',
  'can',
  'server',
  'system',
  'invalid',
  'input',
]);
/** Words that may stand beside a code (`Error 403`, `HTTP 500 Internal Server Error`) and still say nothing more. */
const CODE_WORDS = new Set([
  'error',
  'err',
  'http',
  'status',
  'code',
  'statuscode',
  'failed',
  'not',
  'found',
  'forbidden',
  'unauthorized',
  'unauthorised',
  'bad',
  'request',
  'internal',
  'server',
  'service',
  'unavailable',
  'gateway',
  'timeout',
  'conflict',
  'too',
  'many',
  'requests',
  'unprocessable',
  'entity',
  'ok',
  'exception',
  'e',
  'errno',
]);
/** Words around a caught error that add nothing to it (`Error: ${e.message}`). */
const WRAPPER_WORDS = new Set([
  'error',
  'err',
  'failed',
  'failure',
  'exception',
  'caught',
  'tool',
  'reason',
  'details',
  'message',
]);

function words(text: string): string[] {
  const list = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (let index = 0; index < list.length; index++) list[index] = list[index]!.toLowerCase();
  return list;
}

function isDigits(word: string): boolean {
  if (word.length === 0) return false;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** An all-capitals identifier (`FORBIDDEN_RESOURCE_ACCESS`, `ECONNREFUSED`, `E_TIMEOUT`): a code, not a sentence. */
function isConstantCode(text: string): boolean {
  if (text.length < 2) return false;
  let letters = 0;
  for (const char of text) {
    if (char >= 'A' && char <= 'Z') letters++;
    else if (!(char >= '0' && char <= '9') && char !== '_' && char !== '-' && char !== '.' && char !== ':')
      return false;
  }
  return letters > 0;
}

/** `Error 403`, `404`, `HTTP 500 Internal Server Error`, `FORBIDDEN_RESOURCE_ACCESS`: a trimmed text and its words. */
function isRawCode(trimmed: string, list: readonly string[]): boolean {
  if (isConstantCode(trimmed)) return true;
  return list.some(isDigits) && list.every((word) => isDigits(word) || CODE_WORDS.has(word));
}

/** A message as the report quotes it. */
function shown(trimmed: string): string {
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
}

export default createLiveKitRule<Options, MessageIds>({
  name: 'require-actionable-tool-errors',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `ToolError` messages that tell the LLM what happened and what to do next',
      recommended: 'strict',
    },
    messages: {
      rawCode:
        "ToolError message '{{text}}' is a raw code. The LLM reads it to the caller or guesses; say what happened and what to do next ('The card was declined; ask the caller for another card').",
      generic:
        "ToolError message '{{text}}' only says that something failed. The LLM cannot recover or explain; say what happened and what to do next ('No order has that number; ask the caller to read it again').",
      tooShort:
        'This ToolError message has {{count}} word(s) (minimum {{minWords}}). Tell the LLM what happened and what it should do next, so it can recover or explain it to the caller.',
      onlyCaughtError:
        'This ToolError message is only the caught error, which the LLM may read aloud as it is. Say in plain words what failed and what to do next, and log the raw error instead.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          minWords: minWords('The fewest words a static ToolError message may have.'),
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minWords: 5 }],
  },
  skipTestCode: true,
  create(context, [{ minWords }], model) {
    const sourceCode = context.sourceCode;

    /** A catch-clause parameter, or a read of one (`e.message`, `String(e)`, `e.toString()`, `(e as Error).message`). */
    const isCaughtError = (node: TSESTree.Node): boolean => {
      let expression = skipTSWrappers(node);
      if (expression.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTSWrappers(expression.callee);
        if (
          callee.type === AST_NODE_TYPES.Identifier &&
          callee.name === 'String' &&
          expression.arguments.length === 1
        ) {
          expression = skipTSWrappers(expression.arguments[0]!);
        } else if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          memberName(callee) === 'toString' &&
          expression.arguments.length === 0
        ) {
          expression = skipTSWrappers(callee.object);
        } else {
          return false;
        }
      }
      if (expression.type === AST_NODE_TYPES.MemberExpression && memberName(expression) === 'message') {
        expression = skipTSWrappers(expression.object);
      }
      if (expression.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(sourceCode, expression);
      return variable?.defs.length === 1 && variable.defs[0]!.type === 'CatchClause';
    };

    /** The message is the caught error, with at most a few words around it (`Error: ${e.message}`). */
    const onlyCaughtError = (node: TSESTree.Node): boolean => {
      const expression = skipTSWrappers(node);
      if (isCaughtError(expression)) return true;
      let parts: TSESTree.Node[];
      let staticParts: string;
      if (expression.type === AST_NODE_TYPES.TemplateLiteral) {
        // Cheap first: a template with no caught error in it needs no words.
        if (expression.expressions.length === 0 || !expression.expressions.every(isCaughtError)) return false;
        parts = expression.expressions;
        staticParts = expression.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
      } else if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '+') {
        const operands: TSESTree.Node[] = [];
        const collect = (operand: TSESTree.Node): void => {
          const inner = skipTSWrappers(operand);
          if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '+') {
            collect(inner.left);
            collect(inner.right);
          } else {
            operands.push(inner);
          }
        };
        collect(expression);
        parts = operands.filter(
          (operand) => !(operand.type === AST_NODE_TYPES.Literal && typeof operand.value === 'string'),
        );
        staticParts = operands
          .filter(
            (operand): operand is TSESTree.StringLiteral =>
              operand.type === AST_NODE_TYPES.Literal && typeof operand.value === 'string',
          )
          .map((operand) => operand.value)
          .join(' ');
      } else {
        return false;
      }
      return (
        parts.length > 0 && parts.every(isCaughtError) && words(staticParts).every((word) => WRAPPER_WORDS.has(word))
      );
    };

    const check = (node: TSESTree.NewExpression): void => {
      const argument = node.arguments[0];
      if (!argument) {
        context.report({ node, messageId: 'tooShort', data: { count: 0, minWords } });
        return;
      }
      if (argument.type === AST_NODE_TYPES.SpreadElement) return;
      if (onlyCaughtError(argument)) {
        context.report({ node: argument, messageId: 'onlyCaughtError' });
        return;
      }
      const text = staticText(argument, sourceCode);
      if (!text?.complete) return;
      const trimmed = text.text.trim();
      const list = words(trimmed);
      if (list.length > 0 && isRawCode(trimmed, list)) {
        context.report({ node: argument, messageId: 'rawCode', data: { text: shown(trimmed) } });
      } else if (list.length > 0 && list.every((word) => GENERIC_WORDS.has(word))) {
        context.report({ node: argument, messageId: 'generic', data: { text: shown(trimmed) } });
      } else if (list.length < minWords) {
        context.report({ node: argument, messageId: 'tooShort', data: { count: list.length, minWords } });
      }
    };

    return {
      'Program:exit'() {
        for (const node of model.imports.news('llm.ToolError')) check(node);
      },
    };
  },
});
