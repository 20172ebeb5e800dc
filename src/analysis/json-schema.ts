/**
 * Reads a JSON Schema written as an object literal: `{ type: 'object', properties: { city: { type: 'string',
 * description: '...' } } }`. Same-file consts are followed one step. No LiveKit knowledge lives here.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { followConst, getProperty, hasSpread, propertyName } from './ast.js';
import { staticText } from './strings.js';
import { MemoKey, fileMemo } from './file-memo.js';

export interface JsonSchemaProperty {
  name: string;
  property: TSESTree.Property;
  key: TSESTree.Node;
  /** The property's schema object, or null when it is not an object literal here. */
  schema: TSESTree.ObjectExpression | null;
  /** The static `type` (`'boolean'`), or null. */
  type: string | null;
  /** Null when the schema cannot be read (not a literal, a spread, or a `$ref`). */
  described: boolean | null;
}

export interface JsonSchemaObject {
  node: TSESTree.ObjectExpression;
  properties: JsonSchemaProperty[];
  /** Spreads or computed keys whose properties are unknown. */
  hasUnknownProperties: boolean;
}

/** The properties of an object JSON Schema literal, or null when the node is not one. */
export function readJsonSchemaObject(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): JsonSchemaObject | null {
  // Several rules read the same tool's parameters: read each expression once per file (results are not mutated).
  const cache = fileMemo(sourceCode).get(JSON_SCHEMA_OBJECTS, () => new Map());
  let result = cache.get(node);
  if (result === undefined) cache.set(node, (result = readAt(sourceCode, node)));
  return result;
}

const JSON_SCHEMA_OBJECTS = new MemoKey<Map<TSESTree.Node, JsonSchemaObject | null>>('JSON Schema objects');

function readAt(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): JsonSchemaObject | null {
  const schema = followConst(sourceCode, node);
  if (schema.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const propertiesProperty = getProperty(schema, 'properties');
  if (!propertiesProperty) return null;
  const properties = followConst(sourceCode, propertiesProperty.value);
  if (properties.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const result: JsonSchemaObject = { node: schema, properties: [], hasUnknownProperties: false };
  for (const member of properties.properties) {
    const name = member.type === AST_NODE_TYPES.Property ? propertyName(member) : null;
    if (member.type !== AST_NODE_TYPES.Property || name === null) {
      result.hasUnknownProperties = true;
      continue;
    }
    const value = followConst(sourceCode, member.value);
    const literal = value.type === AST_NODE_TYPES.ObjectExpression ? value : null;
    const typeProperty = literal ? getProperty(literal, 'type') : null;
    const type = typeProperty ? staticText(typeProperty.value, sourceCode) : null;
    let described: boolean | null = null;
    if (literal && !hasSpread(literal) && !getProperty(literal, '$ref'))
      described = getProperty(literal, 'description') !== null;
    result.properties.push({
      name,
      property: member,
      key: member.key,
      schema: literal,
      type: type?.complete ? type.text : null,
      described,
    });
  }
  return result;
}
