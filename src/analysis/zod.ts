/**
 * Reads Zod schemas written in the file: the fields of a `z.object({...})`, each field's base type, whether it is
 * described (`.describe()`, `.meta({ description })`), and which methods (refinements) are chained on it.
 * Zod 3 and Zod 4 forms: `z.string().email()`, `z.email()`, `z.iso.datetime()`, `z.coerce.boolean()`,
 * `z.optional(z.string())`, `z.strictObject({...})`, `.extend({...})`, `.check(z.describe('...'))`.
 *
 * A name is Zod only when it resolves, through scope, to an import or `require` of `zod` (or `zod/...`): a local
 * `z` or another validation library is never read as Zod. No LiveKit knowledge lives here.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { constInitializer, importedName, memberName, propertyName, skipTSWrappers, staticKeyName } from './ast.js';
import { rememberByName } from './words.js';
import { MemoKey, fileMemo } from './file-memo.js';

export interface ZodCall {
  /** The method or check name: 'email', 'optional', 'describe', 'regex'. */
  name: string;
  node: TSESTree.CallExpression;
}

export interface ZodSchema {
  /** The expression read (after following same-file consts). */
  node: TSESTree.Node;
  /** The Zod factory at the root of the chain, as a path after the namespace: 'string', 'email', 'iso.datetime'. */
  base: string;
  baseCall: TSESTree.CallExpression;
  /** The kind of value: 'string' (string formats too), 'number', 'boolean', 'object', 'array', 'enum', ... */
  baseType: string;
  /** The string format given by a Zod 4 factory (`z.email()` → 'email', `z.iso.datetime()` → 'datetime'), else null. */
  format: string | null;
  /** Methods chained on the schema (innermost first) and checks passed to `.check(...)`. */
  refinements: ZodCall[];
  /** The description node (`.describe(x)`, `.meta({ description: x })`, Zod 3 `z.string({ description: x })`). */
  description: TSESTree.Node | null;
  /** True when the schema carries a description, or metadata we cannot read (`.meta(shared)`). */
  described: boolean;
}

export interface ZodField {
  name: string;
  property: TSESTree.Property;
  key: TSESTree.Node;
  /** The field's value as written. */
  value: TSESTree.Node;
  /** The field's schema, or null when it cannot be read here (imported, built by a helper). */
  schema: ZodSchema | null;
  base: string | null;
  baseType: string | null;
  format: string | null;
  /** Null when the schema cannot be read. */
  described: boolean | null;
  refinements: ZodCall[];
}

export interface ZodObject {
  /** The object schema expression (after following same-file consts). */
  node: TSESTree.Node;
  fields: ZodField[];
  /** Spreads, computed keys or merged schemas whose fields are unknown. */
  hasUnknownFields: boolean;
}

const MAX_DEPTH = 8;

const OBJECT_FACTORIES = new Set(['object', 'strictObject', 'looseObject']);
/** Methods that keep an object schema's fields. */
const SAME_SHAPE = new Set([
  'strict',
  'passthrough',
  'strip',
  'loose',
  'partial',
  'required',
  'describe',
  'meta',
  'optional',
  'nullable',
  'nullish',
  'default',
  'prefault',
  'catchall',
  'readonly',
  'brand',
  'refine',
  'superRefine',
  'check',
  'register',
  'catch',
]);
/** Wrapper factories whose first argument is the schema: `z.optional(z.string())`. */
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'nullish',
  'readonly',
  'nonoptional',
  '_default',
  'prefault',
  'catch',
]);
const BOOLEAN_BASES = new Set(['boolean', 'stringbool']);
const NUMBER_BASES = new Set([
  'number',
  'int',
  'int32',
  'uint32',
  'float32',
  'float64',
  'bigint',
  'int64',
  'uint64',
  'nan',
]);
/** Zod 4 top-level string formats (and the `iso.*` ones). */
const STRING_FORMATS = new Set([
  'email',
  'url',
  'httpUrl',
  'uuid',
  'uuidv4',
  'uuidv6',
  'uuidv7',
  'guid',
  'cuid',
  'cuid2',
  'ulid',
  'xid',
  'ksuid',
  'nanoid',
  'ipv4',
  'ipv6',
  'cidrv4',
  'cidrv6',
  'mac',
  'base64',
  'base64url',
  'e164',
  'jwt',
  'emoji',
  'hostname',
  'hex',
  'hash',
  'datetime',
  'date',
  'time',
  'duration',
  'templateLiteral',
]);
/** Chained methods that change the kind of value. */
const TYPE_CHANGING: Readonly<Record<string, string>> = {
  array: 'array',
  or: 'union',
  and: 'intersection',
  transform: 'transform',
  pipe: 'pipe',
};

function isZodSource(source: string): boolean {
  return source === 'zod' || source.startsWith('zod/');
}

function isRequireOfZod(node: TSESTree.Node | null | undefined): boolean {
  if (!node) return false;
  const expression = skipTSWrappers(node);
  return (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'require' &&
    expression.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof expression.arguments[0].value === 'string' &&
    isZodSource(expression.arguments[0].value)
  );
}

/** The path below the Zod namespace that an imported name stands for: '' for `z` itself, 'string' for `{ string }`. */
function importedPath(imported: string): string {
  return imported === 'z' ? '' : imported;
}

/**
 * What a name or member chain is in Zod: '' for the namespace (`z`, `import * as z`), 'string' for `z.string`,
 * 'iso.datetime' for `z.iso.datetime`, 'object' for a named import `object`. Null when it is not Zod.
 */
export function zodPath(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string | null {
  const expression = skipTSWrappers(node);
  const type = expression.type;
  if (type === AST_NODE_TYPES.Identifier) return zodReferences(sourceCode).get(expression) ?? null;
  if (type !== AST_NODE_TYPES.MemberExpression) return null;
  // The object first: most member chains read here are not Zod, and that answer needs no property name.
  const object = zodPath(sourceCode, expression.object);
  if (object === null) return null;
  const name = memberName(expression);
  if (name === null) return null;
  return object === '' ? importedPath(name) : `${object}.${name}`;
}

const ZOD_REFERENCES = new MemoKey<ReadonlyMap<TSESTree.Node, string>>('Zod references');

/**
 * Per file: every identifier that refers to a Zod binding (an import of `zod` or `zod/...`, or a declarator that
 * `require`s it), mapped to the path it stands for. Schemas name Zod at every field, so each name costs one lookup.
 */
function zodReferences(sourceCode: TSESLint.SourceCode): ReadonlyMap<TSESTree.Node, string> {
  return fileMemo(sourceCode).get(ZOD_REFERENCES, () => findZodReferences(sourceCode));
}

function findZodReferences(sourceCode: TSESLint.SourceCode): ReadonlyMap<TSESTree.Node, string> {
  const found = new Map<TSESTree.Node, string>();
  const scopeManager = sourceCode.scopeManager;
  const add = (variable: TSESLint.Scope.Variable, path: string): void => {
    if (variable.defs.length !== 1) return;
    for (const reference of variable.references) found.set(reference.identifier, path);
  };
  if (scopeManager) {
    for (const statement of sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
      if (!isZodSource(statement.source.value)) continue;
      for (const specifier of statement.specifiers) {
        let path = '';
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          if (specifier.importKind === 'type') continue;
          path = importedPath(importedName(specifier));
        }
        for (const variable of scopeManager.getDeclaredVariables(specifier)) add(variable, path);
      }
    }
    // `require` can only appear spelled out or through a `\u` escape; files with neither have no required Zod.
    const text = sourceCode.text;
    if (text.includes('require') || text.includes('\\u')) {
      for (const scope of scopeManager.scopes) {
        for (const variable of scope.variables) {
          const definition = variable.defs[0];
          if (definition?.type !== 'Variable' || !isRequireOfZod(definition.node.init)) continue;
          const path = requiredZodPath(definition.node.id, definition.name);
          if (path !== null) add(variable, path);
        }
      }
    }
  }
  return found;
}

/** The Zod path a name declared by `pattern = require('zod')` stands for: '' for `z`, 'string' for `{ string }`. */
function requiredZodPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string | null {
  if (pattern.type === AST_NODE_TYPES.Identifier) return '';
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return null;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    const key = staticKeyName(property.key, property.computed);
    if (value === name && key !== null) return importedPath(key);
  }
  return null;
}

/** The path of a Zod factory call's callee (`z.string` → 'string'), or null when the callee is not Zod. */
function factoryPath(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): string | null {
  const path = zodPath(sourceCode, call.callee);
  return path === null || path === '' ? null : path;
}

function follow(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): TSESTree.Node {
  const expression = skipTSWrappers(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return expression;
  const init = constInitializer(sourceCode, expression);
  return init ? skipTSWrappers(init) : expression;
}

function lastSegment(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? path : path.slice(dot + 1);
}

interface BaseType {
  baseType: string;
  format: string | null;
}

/** Factory path → its kind of value; a handful of distinct paths per project. */
const baseTypeOf = rememberByName(computeBaseType, 1024);

function computeBaseType(base: string): BaseType {
  const name = lastSegment(base);
  const isIso = base.startsWith('iso.');
  if (BOOLEAN_BASES.has(name)) return { baseType: 'boolean', format: null };
  if (NUMBER_BASES.has(name)) return { baseType: 'number', format: null };
  if (isIso || (STRING_FORMATS.has(name) && !base.startsWith('coerce.'))) return { baseType: 'string', format: name };
  if (OBJECT_FACTORIES.has(name)) return { baseType: 'object', format: null };
  return { baseType: name, format: null };
}

/** A `{ description: x }` object: the description node, `true` when it cannot be read (spread, not a literal). */
function descriptionIn(sourceCode: TSESLint.SourceCode, node: TSESTree.Node | undefined): TSESTree.Node | true | null {
  if (!node) return null;
  const value = follow(sourceCode, node);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return true;
  let found: TSESTree.Node | true | null = null;
  for (const property of value.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) found ??= true;
    else if (propertyName(property) === 'description') found = property.value;
  }
  return found;
}

interface DescriptionState {
  node: TSESTree.Node | null;
  described: boolean;
}

function noteDescription(state: DescriptionState, found: TSESTree.Node | true | null): void {
  if (found === null) return;
  state.described = true;
  if (found !== true) state.node = found;
}

/** Reads a `.describe(x)` / `.meta({...})` / `.register(registry, {...})` / `z.describe(x)` call. */
function readDescriptionCall(
  sourceCode: TSESLint.SourceCode,
  name: string,
  call: TSESTree.CallExpression,
  state: DescriptionState,
): void {
  if (name === 'describe' && call.arguments[0]) noteDescription(state, call.arguments[0]);
  else if (name === 'meta') noteDescription(state, descriptionIn(sourceCode, call.arguments[0]));
  else if (name === 'register') noteDescription(state, descriptionIn(sourceCode, call.arguments[1]));
}

/**
 * Reads a Zod schema expression: its base factory, chained methods, wrappers and description. Same-file consts are
 * followed. Null when the expression is not a Zod schema this file shows.
 */
export function readZodSchema(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth = 0): ZodSchema | null {
  if (depth > MAX_DEPTH) return null;
  const expression = follow(sourceCode, node);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const path = factoryPath(sourceCode, expression);
  const state: DescriptionState = { node: null, described: false };
  if (path !== null) {
    if (WRAPPERS.has(path) && expression.arguments[0]) {
      const inner = readZodSchema(sourceCode, expression.arguments[0], depth + 1);
      if (!inner) return null;
      // `inner` is a fresh result nobody else holds: extend it in place.
      inner.node = expression;
      inner.refinements.push({ name: path, node: expression });
      return inner;
    }
    // Zod 3 accepts `z.string({ description })`; `z.object(shape, { description })` too.
    const paramsIndex = OBJECT_FACTORIES.has(path) ? 1 : 0;
    const params = expression.arguments[paramsIndex];
    if (params && follow(sourceCode, params).type === AST_NODE_TYPES.ObjectExpression) {
      const found = descriptionIn(sourceCode, params);
      if (found !== true) noteDescription(state, found);
    }
    const { baseType, format } = baseTypeOf(path);
    return {
      node: expression,
      base: path,
      baseCall: expression,
      baseType,
      format,
      refinements: [],
      description: state.node,
      described: state.described,
    };
  }
  const callee = skipTSWrappers(expression.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null) return null;
  const inner = readZodSchema(sourceCode, callee.object, depth + 1);
  if (!inner) return null;
  state.node = inner.description;
  state.described = inner.described;
  // `inner` is a fresh result nobody else holds: extend it in place.
  const refinements = inner.refinements;
  refinements.push({ name: method, node: expression });
  readDescriptionCall(sourceCode, method, expression, state);
  if (method === 'check' || method === 'with') {
    for (const argument of expression.arguments) {
      if (argument.type !== AST_NODE_TYPES.CallExpression) continue;
      const check = factoryPath(sourceCode, argument);
      if (check === null) continue;
      refinements.push({ name: lastSegment(check), node: argument });
      readDescriptionCall(sourceCode, check, argument, state);
    }
  }
  const changed = TYPE_CHANGING[method];
  inner.node = expression;
  inner.baseType = changed ?? inner.baseType;
  inner.format = changed ? null : inner.format;
  inner.description = state.node;
  inner.described = state.described;
  return inner;
}

function fieldOf(sourceCode: TSESLint.SourceCode, property: TSESTree.Property, name: string): ZodField {
  const schema = readZodSchema(sourceCode, property.value);
  return {
    name,
    property,
    key: property.key,
    value: property.value,
    schema,
    base: schema?.base ?? null,
    baseType: schema?.baseType ?? null,
    format: schema?.format ?? null,
    described: schema ? schema.described : null,
    refinements: schema?.refinements ?? [],
  };
}

function readShape(sourceCode: TSESLint.SourceCode, node: TSESTree.Node | undefined, depth: number): ZodObject | null {
  if (!node) return null;
  const shape = follow(sourceCode, node);
  if (shape.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const result: ZodObject = { node: shape, fields: [], hasUnknownFields: false };
  for (const member of shape.properties) {
    if (member.type === AST_NODE_TYPES.SpreadElement) {
      // `...base.shape` or `...sharedShape`
      const argument = skipTSWrappers(member.argument);
      const spread =
        argument.type === AST_NODE_TYPES.MemberExpression && memberName(argument) === 'shape'
          ? readZodObject(sourceCode, argument.object, depth + 1)
          : readShape(sourceCode, argument, depth + 1);
      if (spread) {
        mergeFields(result, spread.fields);
        result.hasUnknownFields ||= spread.hasUnknownFields;
      } else {
        result.hasUnknownFields = true;
      }
      continue;
    }
    const name = propertyName(member);
    if (name === null) result.hasUnknownFields = true;
    else mergeFields(result, [fieldOf(sourceCode, member, name)]);
  }
  return result;
}

function mergeFields(target: ZodObject, fields: readonly ZodField[]): void {
  for (const field of fields) {
    const index = target.fields.findIndex((existing) => existing.name === field.name);
    if (index === -1) target.fields.push(field);
    else target.fields[index] = field;
  }
}

function staticKeys(sourceCode: TSESLint.SourceCode, node: TSESTree.Node | undefined): Set<string> | null {
  if (!node) return null;
  const object = follow(sourceCode, node);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const keys = new Set<string>();
  for (const property of object.properties) {
    const name = property.type === AST_NODE_TYPES.Property ? propertyName(property) : null;
    if (name === null) return null;
    keys.add(name);
  }
  return keys;
}

/**
 * Reads an object schema: `z.object({...})`, `z.strictObject`, `z.looseObject`, through `.extend`, `.merge`, `.pick`,
 * `.omit`, `.partial()`, `.strict()`, `.describe()` and same-file consts. Null when it is not one this file shows.
 */
export function readZodObject(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth = 0): ZodObject | null {
  if (depth !== 0) return readZodObjectAt(sourceCode, node, depth);
  // Several rules read the same tool's parameters: read each expression once per file (results are not mutated).
  const cache = fileMemo(sourceCode).get(ZOD_OBJECTS, () => new Map());
  let result = cache.get(node);
  if (result === undefined) cache.set(node, (result = readZodObjectAt(sourceCode, node, 0)));
  return result;
}

const ZOD_OBJECTS = new MemoKey<Map<TSESTree.Node, ZodObject | null>>('Zod objects');

function readZodObjectAt(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth: number): ZodObject | null {
  if (depth > MAX_DEPTH) return null;
  const expression = follow(sourceCode, node);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const path = factoryPath(sourceCode, expression);
  if (path !== null) {
    if (!OBJECT_FACTORIES.has(path)) return null;
    const shape = readShape(sourceCode, expression.arguments[0], depth);
    return shape ? { ...shape, node: expression } : null;
  }
  const callee = skipTSWrappers(expression.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null) return null;
  const inner = readZodObject(sourceCode, callee.object, depth + 1);
  if (!inner) return null;
  const result: ZodObject = { node: expression, fields: [...inner.fields], hasUnknownFields: inner.hasUnknownFields };
  if (SAME_SHAPE.has(method)) return result;
  if (method === 'extend' || method === 'safeExtend') {
    const added = readShape(sourceCode, expression.arguments[0], depth + 1);
    if (!added) return null;
    mergeFields(result, added.fields);
    result.hasUnknownFields ||= added.hasUnknownFields;
    return result;
  }
  if (method === 'merge') {
    const other = expression.arguments[0] ? readZodObject(sourceCode, expression.arguments[0], depth + 1) : null;
    if (other) {
      mergeFields(result, other.fields);
      result.hasUnknownFields ||= other.hasUnknownFields;
    } else {
      result.hasUnknownFields = true;
    }
    return result;
  }
  if (method === 'pick' || method === 'omit') {
    const keys = staticKeys(sourceCode, expression.arguments[0]);
    if (!keys) return null;
    result.fields = result.fields.filter((field) => keys.has(field.name) === (method === 'pick'));
    return result;
  }
  return null;
}

/** True for a boolean field: `z.boolean()`, `z.coerce.boolean()`, `z.stringbool()`, optional or not. */
export function isBooleanField(field: ZodField): boolean {
  return field.baseType === 'boolean';
}

/** Kinds of value that list every value they accept: the type alone tells the LLM what to pass. */
const CLOSED_BASES = new Set(['enum', 'nativeEnum', 'literal', 'boolean']);
const LOWER_BOUNDS = new Set(['min', 'gte', 'gt', 'positive', 'nonnegative']);
const UPPER_BOUNDS = new Set(['max', 'lte', 'lt', 'negative', 'nonpositive']);

/**
 * True when a schema is a closed choice: an enum, a literal, a boolean, a union of those, an array of those, or a
 * number bounded on both ends (`z.number().int().min(1).max(12)`). Its type already tells the LLM every value.
 */
export function isClosedChoice(sourceCode: TSESLint.SourceCode, schema: ZodSchema, depth = 0): boolean {
  const type = schema.baseType;
  if (CLOSED_BASES.has(type)) return true;
  if (type === 'number') {
    const names = schema.refinements.map((refinement) => refinement.name);
    return names.some((name) => LOWER_BOUNDS.has(name)) && names.some((name) => UPPER_BOUNDS.has(name));
  }
  if (depth > MAX_DEPTH) return false;
  const argument = schema.baseCall.arguments[0];
  // Only the plain factories `z.union([...])` and `z.array(x)`; `.or()` / `.array()` chains are not read here.
  if (type === 'union' && schema.base === 'union' && argument?.type === AST_NODE_TYPES.ArrayExpression) {
    return (
      argument.elements.length > 0 &&
      argument.elements.every((element) => {
        const option =
          element && element.type !== AST_NODE_TYPES.SpreadElement
            ? readZodSchema(sourceCode, element, depth + 1)
            : null;
        return option !== null && isClosedChoice(sourceCode, option, depth + 1);
      })
    );
  }
  if (type === 'array' && schema.base === 'array' && argument) {
    const element = readZodSchema(sourceCode, argument, depth + 1);
    return element !== null && isClosedChoice(sourceCode, element, depth + 1);
  }
  return false;
}
