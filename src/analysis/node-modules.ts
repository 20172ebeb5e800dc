/**
 * Which module export an expression names, whatever the import style:
 *
 *   import { readFileSync as read } from 'node:fs'    read                → fs  ['readFileSync']
 *   import fs from 'fs' / import * as fs from 'fs'    fs.readFileSync     → fs  ['readFileSync']
 *   const fs = require('node:fs')                     fs.promises.readFile → fs ['promises', 'readFile']
 *   const { execSync: run } = require('child_process') run                → child_process ['execSync']
 *   import cp = require('child_process')              cp.execSync         → child_process ['execSync']
 *   require('zlib').gzipSync                                              → zlib ['gzipSync']
 *   const { readFileSync } = fs    (fs bound as above, one step)          → fs  ['readFileSync']
 *
 * A default import, a namespace import and a `require` all give the module object (path []), as Node's CommonJS
 * interop does for built-ins and for CommonJS packages. Resolution goes through the scope manager, so a parameter
 * or local variable that shadows an imported name is never taken for it; type-only imports are ignored.
 * No LiveKit knowledge lives here.
 */
import { builtinModules } from 'node:module';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, importedName, memberName, skipTSWrappers, staticKeyName } from './ast.js';
import { MemoKey, fileMemo } from './file-memo.js';

export interface ModuleMember {
  /** The module specifier as written: 'node:fs', 'fs', 'sleep'. */
  source: string;
  /** The specifier without a `node:` prefix: 'fs', 'fs/promises', 'child_process', 'sleep'. */
  module: string;
  /** The export path below the module object: [] for the module itself, ['readFileSync'], ['promises', 'readFile']. */
  path: string[];
}

const BUILTINS = new Set(builtinModules);
const MAX_ALIAS_DEPTH = 3;

/** 'node:fs' → 'fs', 'fs' → 'fs', 'sleep' → 'sleep'. */
export function moduleName(source: string): string {
  return source.startsWith('node:') ? source.slice('node:'.length) : source;
}

/** True for Node's own modules ('fs', 'node:fs', 'fs/promises', 'node:test'), false for packages. */
export function isNodeBuiltin(source: string): boolean {
  return source.startsWith('node:') || BUILTINS.has(source);
}

const DECLARING_SCOPES = new MemoKey<readonly TSESLint.Scope.Scope[]>('declaring scopes');

/**
 * The scopes that can hold the file's own declarations, for per-file name sets: all of them but a module's global
 * scope, which holds only implied globals (TypeScript's lib, about 200 names, and configured ones), none with a
 * definition in the file (a module's top level is the module scope; `declare global` has a scope of its own).
 */
export function declaringScopes(sourceCode: TSESLint.SourceCode): readonly TSESLint.Scope.Scope[] {
  return fileMemo(sourceCode).get(DECLARING_SCOPES, () => {
    const all = sourceCode.scopeManager?.scopes ?? [];
    return sourceCode.ast.sourceType === 'module' ? all.filter((scope) => scope.type !== 'global') : all;
  });
}

/**
 * True when the root identifier of `node` (`Date` in `Date.now`, `process` in `process.stdout`) is a global: its
 * reference resolves to no declaration of the file, so no local, parameter or import shadows it.
 */
export function isGlobalRoot(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  let root = skipTSWrappers(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTSWrappers(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  return globalReads(sourceCode, root.name)?.has(root) ?? true;
}

/** The module a `require('x')` call loads, when `require` is the real one (not a local of that name). */
export function requiredModule(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string | null {
  const expression = skipTSWrappers(node);
  if (
    expression.type !== AST_NODE_TYPES.CallExpression ||
    expression.callee.type !== AST_NODE_TYPES.Identifier ||
    expression.callee.name !== 'require' ||
    expression.arguments.length !== 1
  ) {
    return null;
  }
  const argument = expression.arguments[0]!;
  let source: string | null = null;
  if (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') source = argument.value;
  else if (argument.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0) {
    source = argument.quasis[0]?.value.cooked ?? null;
  }
  if (source === null) return null;
  return isGlobalRoot(sourceCode, expression.callee) ? source : null; // not a local function named require
}

/** What the file's top level says about the modules it loads. */
interface ModuleUse {
  /** Modules imported by top-level `import` declarations, without a `node:` prefix. */
  imported: ReadonlySet<string>;
  /** The file may load modules in other ways: it reads the global `require`, has `import x = require(...)`, or declares modules. */
  other: boolean;
}

const MODULE_USE = new MemoKey<ModuleUse>('module use');

function moduleUse(sourceCode: TSESLint.SourceCode): ModuleUse {
  return fileMemo(sourceCode).get(MODULE_USE, () => {
    const imported = new Set<string>();
    // The real `require` only (as `requiredModule` resolves it): not a local or a script-scope `var require`.
    const requireReads = globalReads(sourceCode, 'require');
    let other = requireReads === null || requireReads.size > 0;
    for (const statement of sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ImportDeclaration) imported.add(moduleName(statement.source.value));
      // `import x = require(...)` (exported or not) binds a module; `declare module` blocks hold imports of their own.
      else if (
        statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration ||
        statement.type === AST_NODE_TYPES.TSModuleDeclaration ||
        (statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
          statement.declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration)
      ) {
        other = true;
      }
    }
    return { imported, other };
  });
}

/**
 * False when nothing in the file can resolve to one of `modules` (names without `node:`): no top-level import of
 * one, no `require`, no module declaration. `resolveModuleMember` can then only answer other modules, so a rule
 * that cares about these modules alone skips the file's calls.
 */
export function mayLoadModule(sourceCode: TSESLint.SourceCode, modules: ReadonlySet<string>): boolean {
  const use = moduleUse(sourceCode);
  if (use.other) return true;
  for (const module of use.imported) if (modules.has(module)) return true;
  return false;
}

/**
 * The module export that `node` names (an identifier or a member chain), or null when it is not reached through
 * an import or `require` of this file.
 */
export function resolveModuleMember(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): ModuleMember | null {
  return resolve(sourceCode, node, 0);
}

function resolve(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, depth: number): ModuleMember | null {
  if (depth > MAX_ALIAS_DEPTH) return null;
  const expression = skipTSWrappers(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(expression);
    if (name === null) return null;
    const object = resolve(sourceCode, expression.object, depth);
    return object ? { ...object, path: [...object.path, name] } : null;
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const source = requiredModule(sourceCode, expression);
    return source === null ? null : { source, module: moduleName(source), path: [] };
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return null;
  if (!boundNames(sourceCode).has(expression.name)) return null;
  const variable = findVariable(sourceCode, expression);
  if (!variable || variable.defs.length !== 1) return null;
  return resolveVariable(sourceCode, variable, depth);
}

const GLOBAL_READS = new MemoKey<Map<string, ReadonlySet<TSESTree.Identifier>>>('global reads');

/**
 * The identifiers that read the global `name`, per file: the global scope's references that resolve to nothing in
 * the file (`console`, `process`), or to an implied global with no definition in it (TypeScript's lib `Date`, a
 * configured global). Read from the global scope alone, which holds a few names, not from every scope's
 * declarations. Null without a scope manager (then every root is taken for a global).
 */
export function globalReads(sourceCode: TSESLint.SourceCode, name: string): ReadonlySet<TSESTree.Identifier> | null {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return null;
  const byName = fileMemo(sourceCode).get(GLOBAL_READS, () => new Map());
  let reads = byName.get(name);
  if (!reads) {
    const identifiers = new Set<TSESTree.Identifier>();
    for (const reference of globalScope.through) {
      if (reference.identifier.name === name) identifiers.add(reference.identifier as TSESTree.Identifier);
    }
    const implied = globalScope.set.get(name);
    if (implied && implied.defs.length === 0) {
      for (const reference of implied.references) identifiers.add(reference.identifier as TSESTree.Identifier);
    }
    byName.set(name, (reads = identifiers));
  }
  return reads;
}

/** Per file: names of the variables `resolveVariable` could resolve (one import or one initialised declaration). */
const BOUND_NAMES = new MemoKey<ReadonlySet<string>>('bound names');

/**
 * Names of the file's variables that can stand for a module member: declared once, by an import or by a declarator
 * with an initializer. A name not among them resolves to nothing wherever it is read, so most names are answered
 * without a scope lookup.
 */
function boundNames(sourceCode: TSESLint.SourceCode): ReadonlySet<string> {
  return fileMemo(sourceCode).get(BOUND_NAMES, () => {
    const set = new Set<string>();
    for (const scope of declaringScopes(sourceCode)) {
      for (const variable of scope.variables) {
        if (variable.defs.length !== 1) continue;
        const definition = variable.defs[0]!;
        if (definition.type === 'ImportBinding' || (definition.type === 'Variable' && definition.node.init))
          set.add(variable.name);
      }
    }
    return set;
  });
}

function resolveVariable(
  sourceCode: TSESLint.SourceCode,
  variable: TSESLint.Scope.Variable,
  depth: number,
): ModuleMember | null {
  const definition = variable.defs[0]!;
  if (definition.type === 'ImportBinding') {
    const specifier = definition.node;
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = specifier.moduleReference;
      if (
        specifier.importKind === 'type' ||
        reference.type !== AST_NODE_TYPES.TSExternalModuleReference ||
        reference.expression.type !== AST_NODE_TYPES.Literal
      ) {
        return null;
      }
      const source = String(reference.expression.value);
      return { source, module: moduleName(source), path: [] };
    }
    const declaration = specifier.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return null;
    const source = declaration.source.value;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      if (specifier.importKind === 'type') return null;
      const imported = importedName(specifier);
      return { source, module: moduleName(source), path: imported === 'default' ? [] : [imported] };
    }
    return { source, module: moduleName(source), path: [] };
  }
  if (definition.type !== 'Variable') return null;
  const declarator = definition.node;
  if (!declarator.init) return null;
  // A `let` or `var` that is assigned again may hold anything.
  if (
    declarator.parent.kind !== 'const' &&
    variable.references.some((reference) => reference.isWrite() && reference.identifier !== definition.name)
  ) {
    return null;
  }
  const base = resolve(sourceCode, declarator.init, depth + 1);
  if (!base) return null;
  const path = patternPath(declarator.id, definition.name);
  return path ? { ...base, path: [...base.path, ...path] } : null;
}

/** The property path from a declarator's pattern to one of its identifiers: `{ a: { b: x } }`, x → ['a', 'b']. */
function patternPath(pattern: TSESTree.Node, target: TSESTree.Identifier): string[] | null {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return patternPath(pattern.left, target);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return null;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    if (target.range[0] < property.range[0] || target.range[1] > property.range[1]) continue;
    const key = staticKeyName(property.key, property.computed);
    if (key === null) return null;
    const rest = patternPath(property.value, target);
    return rest ? [key, ...rest] : null;
  }
  return null;
}
