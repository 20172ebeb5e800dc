import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  findVariable,
  getProperty,
  memberName,
  skipTSWrappers,
  staticKeyName,
} from '../analysis/ast.js';
import { readJsonSchemaObject } from '../analysis/json-schema.js';
import { rememberByName, splitWords } from '../analysis/words.js';
import { readZodObject } from '../analysis/zod.js';
import { createLiveKitRule } from '../create-rule.js';
import { type ToolInfo, toolLabel } from '../livekit/program.js';

type MessageIds = 'zodField' | 'jsonProperty';
type Category = 'email' | 'phone' | 'url' | 'date' | 'zip';

/** Last word (or last words) of a parameter name → what kind of value it holds. */
const LAST_WORD: Readonly<Record<string, Category>> = {
  email: 'email',
  emailaddress: 'email',
  phone: 'phone',
  telephone: 'phone',
  url: 'url',
  uri: 'url',
  website: 'url',
  homepage: 'url',
  date: 'date',
  datetime: 'date',
  dob: 'date',
  birthday: 'date',
  birthdate: 'date',
  zip: 'zip',
  zipcode: 'zip',
  postcode: 'zip',
};
const LAST_TWO: Readonly<Record<string, Category>> = {
  'email address': 'email',
  'mail address': 'email',
  'e mail': 'email',
  'phone number': 'phone',
  'mobile number': 'phone',
  'cell number': 'phone',
  'telephone number': 'phone',
  'callback number': 'phone',
  'zip code': 'zip',
  'postal code': 'zip',
  'post code': 'zip',
};

const LABELS: Readonly<Record<Category, string>> = {
  email: 'an email address',
  phone: 'a phone number',
  url: 'a URL',
  date: 'a date',
  zip: 'a postal code',
};
/** What speech-to-text may hand over for each kind of value. */
const HEARD: Readonly<Record<Category, string>> = {
  email: "'john at example dot com'",
  phone: "'five five five, one two three four'",
  url: "'example dot com slash help'",
  date: "'next Tuesday'",
  zip: "'nine oh two one oh'",
};
const ZOD_FIXES: Readonly<Record<Category, string>> = {
  email: '`.email()` (or `z.email()`)',
  phone: '`.regex(...)` (or `z.e164()`)',
  url: '`.url()` (or `z.url()`)',
  date: '`.date()` / `.datetime()` (or `z.iso.date()`)',
  zip: '`.regex(...)`',
};
const JSON_FIXES: Readonly<Record<Category, string>> = {
  email: "`format: 'email'`",
  phone: '`pattern`',
  url: "`format: 'uri'`",
  date: "`format: 'date'`",
  zip: '`pattern`',
};

/** JSON Schema keywords that constrain a string's format. */
const FORMAT_KEYS = ['format', 'pattern', 'enum', 'const'];
/** Zod methods and checks that constrain a string's format (or validate it some other way). */
const FORMAT_REFINEMENTS = new Set([
  'email',
  'url',
  'httpUrl',
  'regex',
  'datetime',
  'date',
  'time',
  'e164',
  'uuid',
  'startsWith',
  'endsWith',
  'includes',
  'refine',
  'superRefine',
  'check',
  'transform',
  'pipe',
  'overwrite',
  'length',
]);
/** Object-level methods that validate the whole input. */
const OBJECT_REFINEMENTS = new Set(['refine', 'superRefine', 'check', 'transform', 'pipe']);
/** Words in a callee's name that mark a validation (`isValidEmail`, `validator.isEmail`, `Date.parse`, `re.test`). */
const CHECK_WORDS = new Set([
  'valid',
  'validate',
  'validates',
  'validator',
  'validation',
  'check',
  'checks',
  'verify',
  'parse',
  'parsed',
  'test',
  'match',
  'matches',
  'assert',
  'ensure',
  'normalize',
  'normalise',
  'canonicalize',
]);
/** Constructors that throw or give an invalid value on bad input. */
const CHECKING_CONSTRUCTORS = new Set(['URL', 'Date']);
/** String methods that inspect the value. */
const STRING_CHECKS = new Set(['match', 'matchAll', 'search', 'includes', 'startsWith', 'endsWith', 'test']);

function categoryOf(name: string): Category | null {
  const words = splitWords(name);
  const last = words[words.length - 1];
  if (last === undefined) return null;
  if (words.length >= 2) {
    const two = LAST_TWO[`${words[words.length - 2]} ${last}`];
    if (two) return two;
  }
  if (words.length >= 3 && words.slice(-3).join(' ') === 'date of birth') return 'date';
  return LAST_WORD[last] ?? null;
}

/** Categories by parameter name: the same names (`email`, `phone`, `orderId`) recur across tools and files. */
const categoryFor = rememberByName(categoryOf);

/** True when the schema expression has an object-level refinement (`z.object({...}).refine(...)`). */
function hasObjectRefinement(node: TSESTree.Node): boolean {
  let expression = skipTSWrappers(node);
  while (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTSWrappers(expression.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = memberName(callee);
    if (method !== null && OBJECT_REFINEMENTS.has(method)) return true;
    expression = skipTSWrappers(callee.object);
  }
  return false;
}

/** The callee's own name: `isEmail` in `validator.isEmail`, `test` in `re.test`, `Date` in `new Date`. */
function calleeName(node: TSESTree.Node): string | null {
  const callee = skipTSWrappers(node);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return null;
}

/** Whether a callee's name marks a check; remembered, as callee names (`trim`, `find`, `isValidEmail`) recur. */
const isCheckName = rememberByName((name) => {
  const words = splitWords(name);
  return words.some((word) => CHECK_WORDS.has(word)) || (words[0] === 'is' && words.length > 1);
});

/** True when the position of a reference to the value shows a check of it. */
function isCheckedAt(reference: TSESTree.Node): boolean {
  let node: TSESTree.Node = reference;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  // isValidEmail(email), validator.isEmail(email), re.test(email), new URL(url), Date.parse(date)
  if (
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(node as TSESTree.CallExpressionArgument)
  ) {
    const name = calleeName(parent.callee);
    if (name === null) return false;
    return parent.type === AST_NODE_TYPES.NewExpression ? CHECKING_CONSTRUCTORS.has(name) : isCheckName(name);
  }
  // email.match(...), zip.startsWith(...)
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const method = memberName(parent);
    if (method !== null && STRING_CHECKS.has(method) && parent.parent.type === AST_NODE_TYPES.CallExpression)
      return true;
    // zip.length !== 5 in a condition
    return insideTest(parent);
  }
  return false;
}

/** True when `node` lies in the test of an `if`, a conditional, a loop, or in a comparison there. */
function insideTest(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let current = node.parent;
  while (current) {
    if (
      (current.type === AST_NODE_TYPES.IfStatement ||
        current.type === AST_NODE_TYPES.ConditionalExpression ||
        current.type === AST_NODE_TYPES.WhileStatement) &&
      current.test === child
    ) {
      return true;
    }
    if (
      current.type === AST_NODE_TYPES.BlockStatement ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression
    ) {
      return false;
    }
    child = current;
    current = current.parent;
  }
  return false;
}

/** Every node that reads the argument `field` of execute: `{ email }` → its references, `args` → `args.email`. */
function argumentReads(sourceCode: TSESLint.SourceCode, execute: FunctionNode, field: string): TSESTree.Node[] | null {
  const param = execute.params[0];
  if (!param) return null;
  const pattern = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type === AST_NODE_TYPES.RestElement) return null;
      if (staticKeyName(property.key, property.computed) !== field) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type !== AST_NODE_TYPES.Identifier) return null;
      return variableReads(sourceCode, value);
    }
    return []; // not destructured: execute never reads it
  }
  if (pattern.type !== AST_NODE_TYPES.Identifier) return null;
  const reads: TSESTree.Node[] = [];
  for (const reference of variableReads(sourceCode, pattern)) {
    const parent = reference.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference) {
      if (memberName(parent) === field) reads.push(parent);
      else if (memberName(parent) === null) return null;
    } else if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === reference &&
      parent.id.type === AST_NODE_TYPES.ObjectPattern
    ) {
      // const { email } = args;
      for (const property of parent.id.properties) {
        if (property.type === AST_NODE_TYPES.RestElement) return null;
        if (staticKeyName(property.key, property.computed) !== field) continue;
        if (property.value.type !== AST_NODE_TYPES.Identifier) return null;
        reads.push(...variableReads(sourceCode, property.value));
      }
    } else {
      return null; // passed on whole (`validate(args)`, `{ ...args }`): cannot tell
    }
  }
  return reads;
}

function variableReads(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): TSESTree.Identifier[] {
  const variable = findVariable(sourceCode, identifier);
  return (variable?.references ?? [])
    .filter((reference) => reference.isRead() && reference.identifier.type === AST_NODE_TYPES.Identifier)
    .map((reference) => reference.identifier as TSESTree.Identifier);
}

export default createLiveKitRule<[], MessageIds>({
  name: 'require-tool-input-validation',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Require a format check on tool parameters that hold emails, phone numbers, URLs, dates or postal codes',
      recommended: 'strict',
    },
    messages: {
      zodField:
        "Parameter '{{field}}' of tool {{tool}} accepts any string as {{what}}. Speech-to-text hands over things like {{heard}}, and an unchecked value fails later or silently; add {{fix}} so a bad value goes back to the LLM to ask again, or check it in execute.",
      jsonProperty:
        "Parameter '{{field}}' of tool {{tool}} accepts any string as {{what}}. Speech-to-text hands over things like {{heard}}, and an unchecked value fails later or silently; add {{fix}} to its schema, or check it in execute.",
    },
    schema: [],
  },
  skipTestCode: true,
  create(context, _options, model) {
    const sourceCode = context.sourceCode;

    /** True when execute checks the argument itself; null when it cannot be told. */
    function checkedInExecute(tool: ToolInfo, field: string): boolean | null {
      if (!tool.execute) return null;
      const reads = argumentReads(sourceCode, tool.execute, field);
      if (reads === null) return null;
      if (reads.length === 0) return null; // never used: nothing to protect
      return reads.some(isCheckedAt);
    }

    return {
      'Program:exit'() {
        const seen = new Set<TSESTree.Node>();
        for (const tool of model.tools) {
          if (!tool.parameters) continue;
          const zod = readZodObject(sourceCode, tool.parameters);
          if (zod) {
            if (hasObjectRefinement(tool.parameters)) continue;
            for (const field of zod.fields) {
              if (field.baseType !== 'string' || field.format !== null) continue;
              const category = categoryFor(field.name);
              if (!category) continue;
              if (field.refinements.some((refinement) => FORMAT_REFINEMENTS.has(refinement.name))) continue;
              if (checkedInExecute(tool, field.name) !== false || seen.has(field.key)) continue;
              seen.add(field.key);
              context.report({
                node: field.key,
                messageId: 'zodField',
                data: {
                  field: field.name,
                  tool: toolLabel(tool),
                  what: LABELS[category],
                  heard: HEARD[category],
                  fix: ZOD_FIXES[category],
                },
              });
            }
            continue;
          }
          const json = readJsonSchemaObject(sourceCode, tool.parameters);
          for (const property of json?.properties ?? []) {
            if (property.type !== 'string' || !property.schema) continue;
            const category = categoryFor(property.name);
            if (!category) continue;
            if (FORMAT_KEYS.some((key) => getProperty(property.schema!, key))) continue;
            if (property.schema.properties.some((member) => member.type === AST_NODE_TYPES.SpreadElement)) continue;
            if (checkedInExecute(tool, property.name) !== false || seen.has(property.key)) continue;
            seen.add(property.key);
            context.report({
              node: property.key,
              messageId: 'jsonProperty',
              data: {
                field: property.name,
                tool: toolLabel(tool),
                what: LABELS[category],
                heard: HEARD[category],
                fix: JSON_FIXES[category],
              },
            });
          }
        }
      },
    };
  },
});
