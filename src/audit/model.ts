/**
 * The audit's LiveKit knowledge, on ts-morph nodes: which expressions name a LiveKit API (through imports,
 * re-exports in the project's own files, `require`, destructuring and const aliases), and how values travel
 * between the project's files (consts, factories, classes, barrels).
 *
 * Canonical API paths come from the ESLint model (`src/livekit/imports.ts`), so the audit and the rules speak of
 * one `voice.Agent`, one `llm.tool`. Resolution between project files uses the type checker's symbols; LiveKit
 * modules themselves are never loaded (see project.ts): a LiveKit binding is recognised by its import specifier.
 */
import { Node, type Symbol as MorphSymbol, SyntaxKind, ts } from 'ts-morph';
import { canonicalPath, moduleKind } from '../livekit/imports.js';

export interface LiveKitApi {
  /** 'core' for `@livekit/agents`, else the plugin name (`silero`). */
  module: string;
  /** The path before flat names were mapped: '' for a namespace, 'voice', 'Agent', 'voice.Agent'. */
  rawPath: string;
  /** Canonical path: 'voice.Agent', 'llm.tool', 'silero:VAD.load'. */
  path: string;
}

export type FunctionLike =
  | import('ts-morph').FunctionDeclaration
  | import('ts-morph').FunctionExpression
  | import('ts-morph').ArrowFunction
  | import('ts-morph').MethodDeclaration;

const MAX_DEPTH = 12;
const LIVEKIT_PACKAGE = /\/node_modules\/(@livekit\/agents(?:-plugin-[\w.-]+)?)\//;

function api(module: string, rawPath: string): LiveKitApi {
  return { module, rawPath, path: canonicalPath(module, rawPath) };
}

function join(module: string, rawPath: string, member: string): string {
  if (module !== 'core' && rawPath === '') return member;
  return rawPath === '' ? member : `${rawPath}.${member}`;
}

/** Removes parentheses, `as`, `!`, `satisfies`, `<T>x` and `await`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (
      Node.isParenthesizedExpression(current) ||
      Node.isAsExpression(current) ||
      Node.isNonNullExpression(current) ||
      Node.isSatisfiesExpression(current) ||
      Node.isTypeAssertion(current) ||
      Node.isAwaitExpression(current)
    ) {
      current = current.getExpression();
    } else {
      return current;
    }
  }
}

export function isFunctionLike(node: Node | undefined): node is FunctionLike {
  return (
    node !== undefined &&
    (Node.isFunctionDeclaration(node) ||
      Node.isFunctionExpression(node) ||
      Node.isArrowFunction(node) ||
      Node.isMethodDeclaration(node))
  );
}

/** `require('x')` → 'x'. */
function requireSource(node: Node | undefined): string | null {
  if (!node) return null;
  const expression = unwrap(node);
  if (!Node.isCallExpression(expression)) return null;
  const callee = expression.getExpression();
  const argument = expression.getArguments()[0];
  if (Node.isIdentifier(callee) && callee.getText() === 'require' && argument && Node.isStringLiteral(argument)) {
    return argument.getLiteralValue();
  }
  return null;
}

/** A property name as written (`a`, `'a'`, `["a"]`), or null when computed from a value. */
export function propertyNameOf(node: Node): string | null {
  const name: Node | null =
    Node.isPropertyNamed(node) || Node.isShorthandPropertyAssignment(node) || Node.isVariableDeclaration(node)
      ? node.getNameNode()
      : null;
  if (!name) return null;
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name) || Node.isNumericLiteral(name)) {
    return name.getLiteralText();
  }
  if (Node.isComputedPropertyName(name)) {
    const inner = name.getExpression();
    if (Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) return inner.getLiteralText();
  }
  return null;
}

/** The value of an object literal property (`a: v`, shorthand `a`, method `a() {}`), last one wins. */
export function propertyValue(object: import('ts-morph').ObjectLiteralExpression, name: string): Node | null {
  let found: Node | null = null;
  for (const property of object.getProperties()) {
    if (propertyNameOf(property) !== name) continue;
    if (Node.isPropertyAssignment(property)) found = property.getInitializer() ?? null;
    else if (Node.isShorthandPropertyAssignment(property)) found = property.getNameNode();
    else if (Node.isMethodDeclaration(property)) found = property;
  }
  return found;
}

export function hasSpread(object: import('ts-morph').ObjectLiteralExpression): boolean {
  return object.getProperties().some((property) => Node.isSpreadAssignment(property));
}

/** Resolves LiveKit APIs and project values across files. One instance per audit; results are cached. */
export class Resolver {
  private readonly apiCache = new Map<ts.Node, LiveKitApi | null>();

  /** `importSources`: the project's own modules that re-export `@livekit/agents` (from its ESLint settings). */
  constructor(private readonly importSources: readonly string[] = []) {}

  /** The LiveKit API an expression names (`voice.Agent`, `Agent`, `agents.llm.tool`), or null. */
  liveKitApi(node: Node): LiveKitApi | null {
    const expression = unwrap(node);
    const key = expression.compilerNode;
    if (this.apiCache.has(key)) return this.apiCache.get(key)!;
    this.apiCache.set(key, null); // guards cycles
    let result: LiveKitApi | null = null;
    if (Node.isIdentifier(expression)) {
      result = this.symbolApi(this.symbolOf(expression), 0);
    } else if (Node.isPropertyAccessExpression(expression)) {
      const object = this.liveKitApi(expression.getExpression());
      if (object) result = api(object.module, join(object.module, object.rawPath, expression.getName()));
    } else if (Node.isQualifiedName(expression)) {
      // Type positions: `llm.ToolOptions<T>`, `voice.AgentSession<T>`.
      const object = this.liveKitApi(expression.getLeft());
      if (object) result = api(object.module, join(object.module, object.rawPath, expression.getRight().getText()));
    }
    this.apiCache.set(key, result);
    return result;
  }

  /** True when `node` names the API `path` (canonical). */
  is(node: Node, path: string): boolean {
    return this.liveKitApi(node)?.path === path;
  }

  /** The canonical path of a call's callee (`llm.tool(...)` → 'llm.tool'). */
  calleePath(node: Node): string | null {
    const expression = unwrap(node);
    if (!Node.isCallExpression(expression) && !Node.isNewExpression(expression)) return null;
    return this.liveKitApi(expression.getExpression())?.path ?? null;
  }

  /** The symbol an identifier refers to (the value of a shorthand property, not the property). */
  symbolOf(node: Node): MorphSymbol | undefined {
    const parent = node.getParent();
    if (parent && Node.isShorthandPropertyAssignment(parent) && parent.getNameNode() === node) {
      return node.getProject().getTypeChecker().getShorthandAssignmentValueSymbol(parent);
    }
    return node.getSymbol();
  }

  private symbolApi(symbol: MorphSymbol | undefined, depth: number): LiveKitApi | null {
    if (!symbol || depth > MAX_DEPTH) return null;
    for (const declaration of symbol.getDeclarations()) {
      const result = this.declarationApi(declaration, symbol, depth);
      if (result) return result;
    }
    return null;
  }

  private declarationApi(declaration: Node, symbol: MorphSymbol, depth: number): LiveKitApi | null {
    const fromPackage = LIVEKIT_PACKAGE.exec(declaration.getSourceFile().getFilePath());
    if (fromPackage) {
      const module = moduleKind(fromPackage[1]!, this.importSources);
      return module ? api(module, symbol.getName()) : null;
    }
    if (Node.isImportSpecifier(declaration)) {
      const importDeclaration = declaration.getImportDeclaration();
      if (importDeclaration.isTypeOnly() || declaration.isTypeOnly()) return null;
      const source = importDeclaration.getModuleSpecifierValue();
      const module = moduleKind(source, this.importSources);
      const imported = declaration.getName();
      if (module) return api(module, imported);
      return (
        this.followAlias(symbol, depth) ??
        this.starReExport(importDeclaration.getModuleSpecifierSourceFile(), imported, depth)
      );
    }
    if (Node.isNamespaceImport(declaration)) {
      const importDeclaration = declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
      if (!importDeclaration || importDeclaration.isTypeOnly()) return null;
      const module = moduleKind(importDeclaration.getModuleSpecifierValue(), this.importSources);
      return module ? api(module, '') : null;
    }
    if (Node.isImportClause(declaration)) {
      const importDeclaration = declaration.getParent();
      if (declaration.isTypeOnly() || !Node.isImportDeclaration(importDeclaration)) return null;
      const module = moduleKind(importDeclaration.getModuleSpecifierValue(), this.importSources);
      // Plugins are CommonJS-compatible: a default import is the namespace. The core has no default export.
      if (module && module !== 'core') return api(module, '');
      return module ? null : this.followAlias(symbol, depth);
    }
    if (Node.isImportEqualsDeclaration(declaration)) {
      const reference = declaration.getModuleReference();
      if (Node.isExternalModuleReference(reference)) {
        const expression = reference.getExpression();
        const module =
          expression && Node.isStringLiteral(expression)
            ? moduleKind(expression.getLiteralValue(), this.importSources)
            : null;
        if (module) return api(module, '');
      }
      return null;
    }
    if (Node.isExportSpecifier(declaration)) {
      const exportDeclaration = declaration.getExportDeclaration();
      const source = exportDeclaration.getModuleSpecifierValue();
      const module = source === undefined ? null : moduleKind(source, this.importSources);
      if (module) return api(module, declaration.getName());
      return this.followAlias(symbol, depth);
    }
    if (Node.isNamespaceExport(declaration)) {
      const source = declaration.getParent().getModuleSpecifierValue();
      const module = source === undefined ? null : moduleKind(source, this.importSources);
      return module ? api(module, '') : null;
    }
    if (Node.isVariableDeclaration(declaration)) {
      const initializer = declaration.getInitializer();
      const source = requireSource(initializer);
      if (source !== null) {
        const module = moduleKind(source, this.importSources);
        return module ? api(module, '') : null;
      }
      if (initializer && declaration.getVariableStatement()?.getDeclarationKind() === 'const') {
        return this.liveKitApi(initializer);
      }
      return null;
    }
    if (Node.isBindingElement(declaration)) return this.bindingElementApi(declaration);
    return null;
  }

  private followAlias(symbol: MorphSymbol, depth: number): LiveKitApi | null {
    if (!symbol.isAlias()) return null;
    const next = symbol.getImmediatelyAliasedSymbol();
    return next && next !== symbol ? this.symbolApi(next, depth + 1) : null;
  }

  /** `export * from '@livekit/agents'` in a project file that another file imports `name` from. */
  private starReExport(
    file: import('ts-morph').SourceFile | undefined,
    name: string,
    depth: number,
  ): LiveKitApi | null {
    if (!file || depth > MAX_DEPTH) return null;
    for (const exportDeclaration of file.getExportDeclarations()) {
      if (!exportDeclaration.isNamespaceExport() || exportDeclaration.isTypeOnly()) continue;
      const source = exportDeclaration.getModuleSpecifierValue();
      const module = source === undefined ? null : moduleKind(source, this.importSources);
      if (module) return api(module, name);
      const inner = this.starReExport(exportDeclaration.getModuleSpecifierSourceFile(), name, depth + 1);
      if (inner) return inner;
    }
    return null;
  }

  /** `const { voice: { Agent } } = require('@livekit/agents')`, `const { Agent } = voice`. */
  private bindingElementApi(element: import('ts-morph').BindingElement): LiveKitApi | null {
    const path: string[] = [];
    let current: Node = element;
    while (Node.isBindingElement(current)) {
      const key = current.getPropertyNameNode() ?? current.getNameNode();
      if (!Node.isIdentifier(key) && !Node.isStringLiteral(key)) return null;
      path.unshift(Node.isStringLiteral(key) ? key.getLiteralValue() : key.getText());
      const pattern: Node | undefined = current.getParent();
      if (!pattern || !Node.isObjectBindingPattern(pattern)) return null;
      current = pattern.getParent();
    }
    if (!Node.isVariableDeclaration(current)) return null;
    const initializer = current.getInitializer();
    const source = requireSource(initializer);
    let base: LiveKitApi | null = null;
    if (source !== null) {
      const module = moduleKind(source, this.importSources);
      base = module ? api(module, '') : null;
    } else if (initializer) {
      base = this.liveKitApi(initializer);
    }
    if (!base) return null;
    let rawPath = base.rawPath;
    for (const key of path) rawPath = join(base.module, rawPath, key);
    return api(base.module, rawPath);
  }

  /**
   * The project declaration an identifier or property access names, through imports, re-exports and barrels
   * (`import { Billing } from './agents/index.js'` → the class in billing.ts). Null for LiveKit and unknown names.
   */
  declarationOf(node: Node): Node | null {
    const expression = unwrap(node);
    if (!Node.isIdentifier(expression) && !Node.isPropertyAccessExpression(expression)) return null;
    let symbol = Node.isIdentifier(expression) ? this.symbolOf(expression) : expression.getNameNode().getSymbol();
    if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol();
    if (!symbol) return null;
    const declarations = symbol
      .getDeclarations()
      .filter((declaration) => !declaration.getSourceFile().isInNodeModules());
    const value = symbol.getValueDeclaration();
    return value && declarations.includes(value) ? value : (declarations[0] ?? null);
  }

  /** The initializer of the variable an identifier names (any file), when it has one. */
  initializerOf(node: Node): Node | null {
    const declaration = this.declarationOf(node);
    if (declaration && Node.isVariableDeclaration(declaration)) return declaration.getInitializer() ?? null;
    return null;
  }

  /** Follows identifiers to their initializers (across files) until a non-identifier value. */
  followValue(node: Node): Node {
    let current = unwrap(node);
    for (
      let depth = 0;
      depth < MAX_DEPTH && (Node.isIdentifier(current) || Node.isPropertyAccessExpression(current));
      depth++
    ) {
      const initializer = this.initializerOf(current);
      if (!initializer) break;
      current = unwrap(initializer);
    }
    return current;
  }

  /** The function a callee or a reference stands for: a declaration, a const arrow, a method (any file). */
  functionOf(node: Node): FunctionLike | null {
    const expression = unwrap(node);
    if (isFunctionLike(expression)) return expression;
    const declaration = this.declarationOf(expression) ?? undefined;
    if (isFunctionLike(declaration)) return declaration;
    if (declaration && Node.isVariableDeclaration(declaration)) {
      const initializer = declaration.getInitializer();
      const value = initializer ? unwrap(initializer) : undefined;
      if (isFunctionLike(value)) return value;
    }
    return null;
  }
}

/** The expressions a function returns: an arrow's expression body, or `return x` statements outside nested functions. */
export function returnedExpressions(fn: FunctionLike): Node[] {
  const body = fn.getBody();
  if (!body) return [];
  if (!Node.isBlock(body)) return [body];
  const result: Node[] = [];
  body.forEachDescendant((node, traversal) => {
    if (isFunctionLike(node) || Node.isClassDeclaration(node) || Node.isClassExpression(node)) {
      traversal.skip();
      return;
    }
    if (Node.isReturnStatement(node)) {
      const expression = node.getExpression();
      if (expression) result.push(expression);
    }
  });
  return result;
}

/** The innermost function that contains `node` (not `node` itself). */
export function enclosingFunction(node: Node): FunctionLike | null {
  let current = node.getParent();
  while (current) {
    if (isFunctionLike(current)) return current;
    current = current.getParent();
  }
  return null;
}

/** True when `inner` lies within `outer` (inclusive). */
export function isWithin(inner: Node, outer: Node): boolean {
  return (
    inner.getSourceFile() === outer.getSourceFile() &&
    inner.getStart() >= outer.getStart() &&
    inner.getEnd() <= outer.getEnd()
  );
}

export interface StaticText {
  text: string;
  /** False when part of the text is computed at runtime (shown as `…`). */
  complete: boolean;
}

/**
 * The text of a string expression, following consts across files: literals, templates (also tagged, e.g.
 * `dedent`), `+` concatenations and `[...].join(sep)`. Null for anything else.
 */
export function staticText(node: Node | undefined, resolver: Resolver, depth = 0): StaticText | null {
  if (!node || depth > MAX_DEPTH) return null;
  const expression = unwrap(node);
  if (Node.isStringLiteral(expression) || Node.isNoSubstitutionTemplateLiteral(expression)) {
    return { text: expression.getLiteralValue(), complete: true };
  }
  if (Node.isTaggedTemplateExpression(expression)) return staticText(expression.getTemplate(), resolver, depth + 1);
  if (Node.isTemplateExpression(expression)) {
    let text = expression.getHead().getLiteralText();
    let complete = true;
    for (const span of expression.getTemplateSpans()) {
      const inner = staticText(span.getExpression(), resolver, depth + 1);
      text += inner ? inner.text : '…';
      complete &&= inner?.complete ?? false;
      text += span.getLiteral().getLiteralText();
    }
    return { text, complete };
  }
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const left = staticText(expression.getLeft(), resolver, depth + 1);
    const right = staticText(expression.getRight(), resolver, depth + 1);
    if (!left && !right) return null;
    return {
      text: (left?.text ?? '…') + (right?.text ?? '…'),
      complete: (left?.complete ?? false) && (right?.complete ?? false),
    };
  }
  if (Node.isCallExpression(expression)) {
    const callee = expression.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'join') {
      const array = resolver.followValue(callee.getExpression());
      if (!Node.isArrayLiteralExpression(array)) return null;
      const separatorNode = expression.getArguments()[0];
      const separator = separatorNode ? staticText(separatorNode, resolver, depth + 1) : { text: ',', complete: true };
      const parts = array.getElements().map((element) => staticText(element, resolver, depth + 1));
      return {
        text: parts.map((part) => part?.text ?? '…').join(separator?.text ?? ' '),
        complete: (separator?.complete ?? false) && parts.every((part) => part?.complete),
      };
    }
    return null;
  }
  if (Node.isIdentifier(expression) || Node.isPropertyAccessExpression(expression)) {
    const initializer = resolver.initializerOf(expression);
    return initializer ? staticText(initializer, resolver, depth + 1) : null;
  }
  return null;
}

/** `file:line` of a node, relative to the project root. */
export interface Location {
  file: string;
  line: number;
}
