/**
 * Finds sensitive values in an expression that is about to leave the process (a log call's arguments, a value a
 * tool returns to the LLM): references whose names the classifier calls sensitive, anywhere inside template
 * literals, `+` concatenations, object literals (values, shorthand, and keys that name a secret), arrays, spreads,
 * conditionals, `JSON.stringify(...)`, `String(...)` and content-preserving string methods. Optionally also card
 * numbers written in string literals (Luhn-checked).
 *
 * Sanitised values are not sensitive (the sanitiser list):
 *   - a call whose callee name has a word starting with mask/redact/hash/obfuscat/censor/encrypt/anonymi/
 *     tokeni[sz]/digest, or the words `last 4` / `last four` (`maskPan(x)`, `redactSecret(x)`, `toLast4(x)`);
 *   - `x.slice(-N)`, `x.substr(-N)`, `x.slice(x.length - N)`, `x.substring(x.length - N)`;
 *   - `x.length`, `Boolean(x)`, `!x`, `!!x`, `typeof x`, comparisons (`x === y`), literals.
 * A reference is followed one step to a same-file const initializer (`const line = \`card ${cardNumber}\``) and
 * to the key it was destructured from (`const { cardNumber: n } = args`). Anything else (another function's
 * result, a parameter passed in) is unknown and not reported. No LiveKit knowledge lives here.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, memberName, memberPath, propertyName, skipTSWrappers } from './ast.js';
import { type CardNumberMatch, findCardNumbers, mayHoldCardNumber } from './luhn.js';
import type { SensitiveKind, SensitiveNameClassifier } from './sensitive-names.js';
import { rememberByName, splitWords } from './words.js';

export interface SensitiveValue {
  /** Where it is: the reference, the object property whose key names a secret, or the string literal. */
  node: TSESTree.Node;
  /** The name that makes it sensitive (`cardNumber`), or the masked card number for a literal. */
  name: string;
  kind: SensitiveKind;
  /** How it was found. */
  source: 'name' | 'key' | 'literal';
  /** A plain reference (identifier or static member chain) that a fix can wrap in a masked form. */
  reference: TSESTree.Identifier | TSESTree.MemberExpression | null;
  /** The shorthand property (`{ cardNumber }`) that holds the reference, when it is one. */
  shorthand: TSESTree.Property | null;
  /** The card number found in a literal. */
  card: CardNumberMatch | null;
}

export interface SensitiveSearchOptions {
  classifier: SensitiveNameClassifier;
  sourceCode: TSESLint.SourceCode;
  /** Also look for Luhn-valid card numbers in string literals and template text. */
  cardNumbers?: boolean;
}

const MAX_FOLLOW = 2;

/** Word prefixes of a sanitising function's name. */
const SANITIZER_PREFIXES = [
  'mask',
  'redact',
  'hash',
  'obfuscat',
  'censor',
  'encrypt',
  'anonymi',
  'tokeni',
  'digest',
  'scrub',
];
/** Substrings a name must contain for `isSanitizerName` to hold (the prefixes, `last`, `sha`). */
const SANITIZER_HINTS = [...SANITIZER_PREFIXES, 'last', 'sha'];
/** Calls whose result carries their first argument's content. */
const CONTENT_CALLS = new Set([
  'String',
  'Number',
  'BigInt',
  'parseInt',
  'parseFloat',
  'JSON.stringify',
  'inspect',
  'util.inspect',
  'encodeURIComponent',
  'encodeURI',
  'Buffer.from',
  'btoa',
]);
/** Calls that pass every argument's content on (`util.format('%s', x)`). */
const FORMAT_CALLS = new Set(['util.format', 'format']);
/** Methods whose result carries the receiver's content. */
const CONTENT_METHODS = new Set([
  'toString',
  'trim',
  'trimStart',
  'trimEnd',
  'toUpperCase',
  'toLowerCase',
  'toLocaleUpperCase',
  'toLocaleLowerCase',
  'normalize',
  'padStart',
  'padEnd',
  'concat',
  'join',
  'valueOf',
  'toJSON',
]);
const COMPARISONS = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'in', 'instanceof']);

/**
 * True when a call's name says it sanitises its argument (`maskCardNumber`, `redact`, `hashPii`, `toLast4`, `sha256`).
 * Remembered by name: the same few callee names come up in every file.
 */
export const isSanitizerName: (name: string) => boolean = rememberByName((name) => nameSaysSanitized(name), 10_000);

function nameSaysSanitized(name: string): boolean {
  // Every word is a piece of the lower-cased name: without one of the prefixes in it, no word can start with one.
  const lower = name.toLowerCase();
  if (!SANITIZER_HINTS.some((hint) => lower.includes(hint))) return false;
  const words = splitWords(name);
  return words.some((word, index) => {
    const next = words[index + 1];
    return (
      SANITIZER_PREFIXES.some((prefix) => word.startsWith(prefix)) ||
      (word === 'last' && (next === '4' || next === 'four')) ||
      (word === 'sha' && next !== undefined && next >= '0' && next <= '9')
    );
  });
}

/** True when `node` is a sanitised form of a value (see the file comment for the list). */
export function isSanitized(node: TSESTree.Node): boolean {
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.UnaryExpression) {
    return expression.operator === '!' || expression.operator === 'typeof' || expression.operator === 'void';
  }
  if (expression.type === AST_NODE_TYPES.BinaryExpression) return COMPARISONS.has(expression.operator);
  if (expression.type === AST_NODE_TYPES.MemberExpression) return memberName(expression) === 'length';
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTSWrappers(expression.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'Boolean' || isSanitizerName(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  if (name === null) return false;
  return isSanitizerName(name) || isTailSlice(name, callee.object, expression.arguments);
}

/** `.slice(-4)`, `.substr(-4)`, `.slice(x.length - 4)`, `.substring(x.length - 4)`: the last characters only. */
function isTailSlice(
  method: string,
  receiver: TSESTree.Node,
  args: readonly TSESTree.CallExpressionArgument[],
): boolean {
  const first = args[0];
  if (!first) return false;
  if (method === 'slice') return args.length === 1 && (isNegativeNumber(first) || isLengthMinus(first, receiver));
  if (method === 'substr') return isNegativeNumber(first) || isLengthMinus(first, receiver);
  if (method === 'substring') return args.length === 1 && isLengthMinus(first, receiver);
  return false;
}

function isNegativeNumber(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    node.operator === '-' &&
    node.argument.type === AST_NODE_TYPES.Literal &&
    typeof node.argument.value === 'number'
  );
}

/** `x.length - N` where x is the receiver, written the same way. */
function isLengthMinus(node: TSESTree.Node, receiver: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.BinaryExpression || node.operator !== '-') return false;
  const left = skipTSWrappers(node.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression || memberName(left) !== 'length') return false;
  const receiverPath = memberPath(receiver);
  const lengthOf = memberPath(left.object);
  return receiverPath !== null && lengthOf !== null && receiverPath.join('.') === lengthOf.join('.');
}

/**
 * The sensitive values in `node`. Each reference is reported once, where it stands; a key that names a secret is
 * reported only when its value is not known to be safe and carries no sensitive reference of its own.
 */
export function findSensitiveValues(node: TSESTree.Node, options: SensitiveSearchOptions): SensitiveValue[] {
  const found: SensitiveValue[] = [];
  inspect(node, options, 0, found);
  return found;
}

/*
 * The inspection functions append what they find to `out`, in source order, and return whether the value is known
 * not to carry a secret (a literal, a sanitised or safely named value); a value with findings is never safe.
 * Every part of a composite value is inspected, safe or not.
 */

function inspect(node: TSESTree.Node, options: SensitiveSearchOptions, depth: number, out: SensitiveValue[]): boolean {
  const expression = skipTSWrappers(node);
  if (isSanitized(expression)) return true;
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === 'string' ? literalCards(expression, expression.value, options, out) : true;
    case AST_NODE_TYPES.TemplateLiteral: {
      let safe = true;
      for (const quasi of expression.quasis) {
        if (!literalCards(quasi, quasi.value.cooked ?? quasi.value.raw, options, out)) safe = false;
      }
      for (const part of expression.expressions) if (!inspect(part, options, depth, out)) safe = false;
      return safe;
    }
    case AST_NODE_TYPES.Identifier:
      return inspectIdentifier(expression, options, depth, out);
    case AST_NODE_TYPES.MemberExpression:
      return inspectMember(expression, options, out);
    case AST_NODE_TYPES.BinaryExpression:
      return expression.operator === '+' ? inspectBoth(expression.left, expression.right, options, depth, out) : false;
    case AST_NODE_TYPES.LogicalExpression:
      return inspectBoth(expression.left, expression.right, options, depth, out);
    case AST_NODE_TYPES.ConditionalExpression:
      return inspectBoth(expression.consequent, expression.alternate, options, depth, out);
    case AST_NODE_TYPES.AwaitExpression:
      return inspect(expression.argument, options, depth, out);
    case AST_NODE_TYPES.SequenceExpression:
      return inspect(expression.expressions[expression.expressions.length - 1]!, options, depth, out);
    case AST_NODE_TYPES.UnaryExpression:
      return expression.operator === '-' || expression.operator === '+'
        ? inspect(expression.argument, options, depth, out)
        : true;
    case AST_NODE_TYPES.ArrayExpression: {
      let safe = true;
      for (const element of expression.elements) {
        if (!element) continue;
        const value = element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element;
        if (!inspect(value, options, depth, out)) safe = false;
      }
      return safe;
    }
    case AST_NODE_TYPES.ObjectExpression:
      return inspectObject(expression, options, depth, out);
    case AST_NODE_TYPES.CallExpression:
      return inspectCall(expression, options, depth, out);
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    default:
      return false;
  }
}

function inspectBoth(
  first: TSESTree.Node,
  second: TSESTree.Node,
  options: SensitiveSearchOptions,
  depth: number,
  out: SensitiveValue[],
): boolean {
  const firstSafe = inspect(first, options, depth, out);
  const secondSafe = inspect(second, options, depth, out);
  return firstSafe && secondSafe;
}

function literalCards(
  node: TSESTree.Node,
  text: string,
  options: SensitiveSearchOptions,
  out: SensitiveValue[],
): boolean {
  if (!options.cardNumbers || !mayHoldCardNumber(text)) return true;
  const cards = findCardNumbers(text);
  for (const card of cards) {
    out.push({
      node,
      name: card.digits,
      kind: 'card-number',
      source: 'literal',
      reference: null,
      shorthand: null,
      card,
    });
  }
  return cards.length === 0;
}

/** The initial value of the variable when it is a `const` (or a never-reassigned `let`): `constInitializer`'s rule. */
function variableInitializer(variable: TSESLint.Scope.Variable | null): TSESTree.Expression | null {
  if (!variable || variable.defs.length !== 1) return null;
  const definition = variable.defs[0]!;
  if (definition.type !== 'Variable') return null;
  const declarator = definition.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return null;
  if (declarator.parent.kind !== 'const') {
    for (const reference of variable.references) {
      if (reference.isWrite() && reference.identifier !== declarator.id) return null;
    }
  }
  return declarator.init;
}

function inspectIdentifier(
  identifier: TSESTree.Identifier,
  options: SensitiveSearchOptions,
  depth: number,
  out: SensitiveValue[],
): boolean {
  if (identifier.name === 'undefined') return true;
  const verdict = options.classifier.classify(identifier.name);
  if (verdict.verdict === 'sensitive') {
    out.push(nameValue(identifier, identifier.name, verdict.kind, identifier));
    return false;
  }
  if (verdict.verdict === 'safe') return true;
  // Destructured from a key that names a secret: `const { cardNumber: n } = args`, `({ pin: code }) => ...`.
  const variable = findVariable(options.sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition && (definition.type === 'Variable' || definition.type === 'Parameter')) {
    let holder: TSESTree.Node | undefined = definition.name.parent;
    if (holder?.type === AST_NODE_TYPES.AssignmentPattern) holder = holder.parent;
    if (holder?.type === AST_NODE_TYPES.Property && holder.parent.type === AST_NODE_TYPES.ObjectPattern) {
      const key = propertyName(holder);
      const keyVerdict = key === null ? null : options.classifier.classify(key);
      if (keyVerdict?.verdict === 'sensitive') {
        out.push(nameValue(identifier, key!, keyVerdict.kind, identifier));
        return false;
      }
      if (keyVerdict?.verdict === 'safe') return true;
    }
  }
  // A same-file const: `const line = \`card ${cardNumber}\``.
  if (depth < MAX_FOLLOW) {
    const init = variableInitializer(variable);
    if (init) {
      const start = out.length;
      const safe = inspect(init, options, depth + 1, out);
      if (out.length > start) {
        const first = out[start]!;
        out.length = start;
        out.push(nameValue(identifier, first.name, first.kind, identifier));
        return false;
      }
      return safe;
    }
  }
  return false;
}

function inspectMember(
  member: TSESTree.MemberExpression,
  options: SensitiveSearchOptions,
  out: SensitiveValue[],
): boolean {
  const name = memberName(member);
  if (name === null) return false;
  const object = skipTSWrappers(member.object);
  const qualifier =
    object.type === AST_NODE_TYPES.Identifier
      ? object.name
      : object.type === AST_NODE_TYPES.MemberExpression
        ? memberName(object)
        : null;
  const verdict = options.classifier.classify(name, qualifier);
  if (verdict.verdict === 'sensitive') {
    const plain = !member.optional && memberPath(member) !== null;
    out.push(nameValue(member, name, verdict.kind, plain ? member : null));
    return false;
  }
  return verdict.verdict === 'safe';
}

function inspectObject(
  object: TSESTree.ObjectExpression,
  options: SensitiveSearchOptions,
  depth: number,
  out: SensitiveValue[],
): boolean {
  let safe = true;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      if (!inspect(property.argument, options, depth, out)) safe = false;
      continue;
    }
    if (property.kind !== 'init' || property.method) continue;
    const start = out.length;
    const valueSafe = inspect(property.value, options, depth, out);
    if (property.shorthand && out.length > start) {
      const value = skipTSWrappers(property.value);
      for (let index = start; index < out.length; index++)
        if (out[index]!.node === value) out[index]!.shorthand = property;
    }
    if (out.length === start && !valueSafe) {
      const key = propertyName(property);
      const verdict = key === null ? null : options.classifier.classify(key);
      if (verdict?.verdict === 'sensitive') {
        out.push({
          node: property,
          name: key!,
          kind: verdict.kind,
          source: 'key',
          reference: null,
          shorthand: null,
          card: null,
        });
      }
    }
    if (!valueSafe) safe = false;
  }
  return safe;
}

/** The callee as dotted text when it is a name or `name.member` (what CONTENT_CALLS and FORMAT_CALLS hold). */
function shortCalleeText(callee: TSESTree.Node): string | null {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const object = skipTSWrappers(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const name = memberName(callee);
  return name === null ? null : `${object.name}.${name}`;
}

function inspectCall(
  call: TSESTree.CallExpression,
  options: SensitiveSearchOptions,
  depth: number,
  out: SensitiveValue[],
): boolean {
  const callee = skipTSWrappers(call.callee);
  const text = shortCalleeText(callee);
  if (text !== null && CONTENT_CALLS.has(text)) {
    const first = call.arguments[0];
    return first && first.type !== AST_NODE_TYPES.SpreadElement ? inspect(first, options, depth, out) : true;
  }
  if (text !== null && FORMAT_CALLS.has(text)) {
    let safe = true;
    for (const argument of call.arguments) {
      if (!inspect(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument, options, depth, out))
        safe = false;
    }
    return safe;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(callee);
    if (method !== null && CONTENT_METHODS.has(method)) return inspect(callee.object, options, depth, out);
  }
  return false;
}

function nameValue(
  node: TSESTree.Node,
  name: string,
  kind: SensitiveKind,
  reference: TSESTree.Identifier | TSESTree.MemberExpression | null,
): SensitiveValue {
  return { node, name, kind, source: 'name', reference, shorthand: null, card: null };
}
