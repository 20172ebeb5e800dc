import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { readJsonSchemaObject } from '../../src/analysis/json-schema.js';
import { type ZodObject, isBooleanField, readZodObject, readZodSchema, zodPath } from '../../src/analysis/zod.js';
import { code } from '../rule-tester.js';
import { withModel } from '../helpers/model.js';

/** The initializer of the last `const schema = ...` in the snippet. */
function schemaNode(sourceCode: TSESLint.SourceCode): TSESTree.Node {
  let found: TSESTree.Node | null = null;
  for (const statement of sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === 'schema' && declarator.init)
        found = declarator.init;
    }
  }
  if (!found) throw new Error('no `const schema`');
  return found;
}

function readObject(text: string): ZodObject | null {
  return withModel(text, (_model, sourceCode) => readZodObject(sourceCode, schemaNode(sourceCode)));
}

/** field name → [baseType, described, refinement names] */
function summary(text: string): Record<string, [string | null, boolean | null, string[]]> | null {
  const object = readObject(text);
  if (!object) return null;
  return Object.fromEntries(
    object.fields.map((field) => [
      field.name,
      [field.baseType, field.described, field.refinements.map((call) => call.name)],
    ]),
  );
}

describe('zodPath', () => {
  it('resolves every import style of zod, and nothing else', () => {
    const paths = withModel(
      code`
        import { z } from 'zod';
        import * as zz from 'zod/v4';
        import zdef from 'zod';
        import { string as str } from 'zod';
        import { z as other } from 'valibot';
        import type { z as zt } from 'zod';
        const list = [z.string, zz.iso.datetime, zdef.coerce.boolean, str, other.string, zt, z];
      `,
      (_model, sourceCode) => {
        const declaration = sourceCode.ast.body.at(-1) as TSESTree.VariableDeclaration;
        const array = declaration.declarations[0]!.init as TSESTree.ArrayExpression;
        return array.elements.map((element) => zodPath(sourceCode, element!));
      },
    );
    expect(paths).toEqual(['string', 'iso.datetime', 'coerce.boolean', 'string', null, null, '']);
  });

  it('resolves CommonJS require, destructured or not', () => {
    const paths = withModel(
      code`
        const { z } = require('zod');
        const zod = require('zod');
        const list = [z.number, zod.z.email, zod.boolean];
      `,
      (_model, sourceCode) => {
        const declaration = sourceCode.ast.body.at(-1) as TSESTree.VariableDeclaration;
        const array = declaration.declarations[0]!.init as TSESTree.ArrayExpression;
        return array.elements.map((element) => zodPath(sourceCode, element!));
      },
      { sourceType: 'script' },
    );
    expect(paths).toEqual(['number', 'email', 'boolean']);
  });

  it('does not resolve a local that shadows z', () => {
    const path = withModel(
      code`
        import { z } from 'zod';
        function build(z: { string(): unknown }) {
          return z.string;
        }
      `,
      (_model, sourceCode) => {
        const fn = sourceCode.ast.body[1] as TSESTree.FunctionDeclaration;
        const statement = fn.body.body[0] as TSESTree.ReturnStatement;
        return zodPath(sourceCode, statement.argument!);
      },
    );
    expect(path).toBeNull();
  });
});

describe('readZodObject', () => {
  it('lists fields with base type, description and refinements', () => {
    expect(
      summary(code`
        import { z } from 'zod';
        const schema = z.object({
          orderId: z.string().describe('The order number'),
          email: z.string().email().optional(),
          quantity: z.number().int().min(1),
          includeHistory: z.boolean().default(false),
        });
      `),
    ).toEqual({
      orderId: ['string', true, ['describe']],
      email: ['string', false, ['email', 'optional']],
      quantity: ['number', false, ['int', 'min']],
      includeHistory: ['boolean', false, ['default']],
    });
  });

  it('reads zod-4 forms: formats, iso, coerce, stringbool, wrappers, meta and check', () => {
    const object = readObject(code`
      import * as z from 'zod';
      const schema = z.strictObject({
        email: z.email(),
        when: z.iso.datetime().describe('When, in ISO 8601'),
        flag: z.coerce.boolean(),
        yes: z.stringbool(),
        maybe: z.optional(z.boolean().describe('Whether to include')),
        withMeta: z.string().meta({ description: 'Described by meta' }),
        titled: z.string().meta({ title: 'Only a title' }),
        checked: z.string().check(z.minLength(2), z.describe('Checked')),
        list: z.boolean().array(),
      });
    `)!;
    const byName = Object.fromEntries(object.fields.map((field) => [field.name, field]));
    expect(byName.email).toMatchObject({ base: 'email', baseType: 'string', format: 'email', described: false });
    expect(byName.when).toMatchObject({
      base: 'iso.datetime',
      baseType: 'string',
      format: 'datetime',
      described: true,
    });
    expect(byName.flag).toMatchObject({ base: 'coerce.boolean', baseType: 'boolean' });
    expect(byName.yes?.baseType).toBe('boolean');
    expect(byName.maybe).toMatchObject({ baseType: 'boolean', described: true });
    expect(byName.maybe?.refinements.map((call) => call.name)).toEqual(['describe', 'optional']);
    expect(byName.withMeta?.described).toBe(true);
    expect(byName.titled?.described).toBe(false);
    expect(byName.checked?.described).toBe(true);
    expect(byName.checked?.refinements.map((call) => call.name)).toEqual(['check', 'minLength', 'describe']);
    expect(byName.list?.baseType).toBe('array');
    expect(object.fields.filter(isBooleanField).map((field) => field.name)).toEqual(['flag', 'yes', 'maybe']);
  });

  it('keeps the description node', () => {
    const text = withModel(
      code`
        import { z } from 'zod';
        const schema = z.object({ city: z.string().describe('The city name').optional() });
      `,
      (_model, sourceCode) => {
        const field = readZodObject(sourceCode, schemaNode(sourceCode))!.fields[0]!;
        return field.schema?.description ? sourceCode.getText(field.schema.description) : null;
      },
    );
    expect(text).toBe("'The city name'");
  });

  it('reads Zod 3 `description` params and unreadable metadata as described', () => {
    expect(
      summary(code`
        import { z } from 'zod';
        import { shared } from './meta';
        const schema = z.object({ a: z.string({ description: 'A' }), b: z.string().meta(shared), c: z.string({ message: 'x' }) });
      `),
    ).toEqual({ a: ['string', true, []], b: ['string', true, ['meta']], c: ['string', false, []] });
  });

  it('follows same-file consts for the schema, the shape and a field', () => {
    expect(
      summary(code`
        import { z } from 'zod';
        const orderId = z.string().describe('The order number');
        const shape = { orderId, note: z.string() };
        const base = z.object(shape);
        const schema = base;
      `),
    ).toEqual({ orderId: ['string', true, ['describe']], note: ['string', false, []] });
  });

  it('reads extend, merge, pick, omit, partial and spread shapes', () => {
    expect(
      summary(code`
        import { z } from 'zod';
        const base = z.object({ a: z.string(), b: z.number(), c: z.boolean() });
        const more = z.object({ d: z.string() });
        const schema = base.extend({ e: z.string() }).merge(more).omit({ b: true }).partial();
      `),
    ).toEqual({
      a: ['string', false, []],
      c: ['boolean', false, []],
      e: ['string', false, []],
      d: ['string', false, []],
    });
    expect(
      summary(code`
        import { z } from 'zod';
        const base = z.object({ a: z.string(), b: z.number() });
        const schema = z.object({ ...base.shape, c: z.string() }).pick({ a: true, c: true });
      `),
    ).toEqual({ a: ['string', false, []], c: ['string', false, []] });
  });

  it('marks unknown fields and unreadable field schemas', () => {
    const object = readObject(code`
      import { z } from 'zod';
      import { sharedShape, orderIdSchema } from './shared';
      const key = 'dynamic';
      const schema = z.object({ ...sharedShape, [key]: z.string(), orderId: orderIdSchema, other: makeField() });
    `)!;
    expect(object.hasUnknownFields).toBe(true);
    expect(object.fields.map((field) => [field.name, field.schema, field.described])).toEqual([
      ['orderId', null, null],
      ['other', null, null],
    ]);
  });

  it('is null for non-object schemas, other libraries and a local z', () => {
    expect(readObject("import { z } from 'zod';\nconst schema = z.string();\n")).toBeNull();
    expect(readObject("import * as v from 'valibot';\nconst schema = v.object({ a: v.string() });\n")).toBeNull();
    expect(readObject('const z = { object: (x: object) => x };\nconst schema = z.object({ a: 1 });\n')).toBeNull();
    expect(
      readObject("import { z } from 'zod';\nconst schema = z.object({ a: z.string() }).transform((x) => x);\n"),
    ).toBeNull();
  });
});

describe('readZodSchema', () => {
  it('is null for an expression that is not Zod', () => {
    const result = withModel("import { z } from 'zod';\nconst schema = String('x').trim();\n", (_model, sourceCode) =>
      readZodSchema(sourceCode, schemaNode(sourceCode)),
    );
    expect(result).toBeNull();
  });
});

describe('readJsonSchemaObject', () => {
  it('lists properties with their type and whether they are described', () => {
    const result = withModel(
      code`
        const city = { type: 'string', description: 'The city' };
        const schema = {
          type: 'object',
          properties: { city, days: { type: 'integer' }, ref: { $ref: '#/defs/x' }, spread: { ...base }, other: shared },
          required: ['city'],
        };
      `,
      (_model, sourceCode) => readJsonSchemaObject(sourceCode, schemaNode(sourceCode)),
    )!;
    expect(result.properties.map((property) => [property.name, property.type, property.described])).toEqual([
      ['city', 'string', true],
      ['days', 'integer', false],
      ['ref', null, null],
      ['spread', null, null],
      ['other', null, null],
    ]);
  });

  it('is null without properties', () => {
    expect(
      withModel("const schema = { type: 'string' };\n", (_model, sourceCode) =>
        readJsonSchemaObject(sourceCode, schemaNode(sourceCode)),
      ),
    ).toBeNull();
  });
});
