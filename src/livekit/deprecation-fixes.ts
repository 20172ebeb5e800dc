/**
 * The edits that replace deprecated LiveKit APIs: renaming a deprecated alias everywhere it is used, moving a
 * deprecated Agent or session option into `turnHandling`, and spreading the old `voiceOptions` object over the
 * options that replaced it. Each returns null when the edit could change what the code means.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getProperty, hasSpread, isPlainProperty, propertyName, skipTSWrappers } from '../analysis/ast.js';
import { removeListItem } from '../fix/lists.js';
import { insertProperty, nestedObjectText } from '../fix/properties.js';
import { nameResolvesTo, renameReferences } from '../fix/rename.js';
import {
  type AliasDeprecation,
  PREEMPTIVE_GENERATION_IN_TURN_HANDLING_SINCE,
  VOICE_OPTION_MOVES,
} from './deprecations.js';
import { type LiveKitBinding, type LiveKitImports, canonicalPath } from './imports.js';
import { type SdkVersion, supports } from './version.js';

export type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];

/**
 * The local name is the deprecated one: rename the specifier and every reference, or, when the file already binds
 * the replacement, drop the deprecated specifier and point every reference at the existing binding. Null when a
 * reference would resolve to something else under the new name.
 */
export function renameAliasEverywhere(
  sourceCode: TSESLint.SourceCode,
  imports: LiveKitImports,
  entry: AliasDeprecation,
  binding: LiveKitBinding,
  specifier: TSESTree.ImportSpecifier | TSESTree.Property,
  references: TSESLint.Scope.Reference[],
): Fix | null {
  const existing = imports.bindings.find(
    (other) =>
      other !== binding &&
      other.module === 'core' &&
      canonicalPath('core', other.rawPath) === entry.target &&
      other.rawPath === entry.target &&
      other.variable.scope === binding.variable.scope,
  );
  const newName = existing ? existing.variable.name : entry.target;
  const expected = existing ? existing.variable : null;
  if (!existing && !nameResolvesTo(sourceCode, specifier, newName, null)) return null;
  for (const reference of references) {
    if (!nameResolvesTo(sourceCode, reference.identifier, newName, expected)) return null;
  }
  const oldName = entry.name;
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    const declaration = specifier.parent;
    if (existing && declaration.type === AST_NODE_TYPES.ImportDeclaration && declaration.specifiers.length === 1) {
      // The whole `import { WorkerOptions } from ...` goes: the module is imported by the other declaration.
      const end = sourceCode.text[declaration.range[1]] === '\n' ? declaration.range[1] + 1 : declaration.range[1];
      fixes.push(fixer.removeRange([declaration.range[0], end]));
    } else if (existing) {
      fixes.push(removeListItem(fixer, sourceCode, specifier));
    } else if (
      specifier.type === AST_NODE_TYPES.Property &&
      specifier.value.type === AST_NODE_TYPES.AssignmentPattern
    ) {
      // `{ WorkerOptions = fallback }`: keep the default.
      fixes.push(fixer.replaceText(specifier, `${newName} = ${sourceCode.getText(specifier.value.right)}`));
    } else {
      fixes.push(fixer.replaceText(specifier, newName));
    }
    fixes.push(...renameReferences(fixer, references, oldName, newName));
    return fixes;
  };
}

/** Moves `option: value` to `turnHandling.<path>`, creating or extending the `turnHandling` object literal. */
export function moveIntoTurnHandling(
  sourceCode: TSESLint.SourceCode,
  options: TSESTree.ObjectExpression,
  property: TSESTree.Property,
  path: readonly string[],
): Fix | null {
  if (hasSpread(options) || property.computed) return null;
  const value = sourceCode.getText(property.value);
  const turnHandling = getProperty(options, 'turnHandling');
  if (!turnHandling) return (fixer) => fixer.replaceText(property, `turnHandling: ${nestedObjectText(path, value)}`);
  let target: TSESTree.Node = skipTSWrappers(turnHandling.value);
  for (let index = 0; index < path.length; index++) {
    if (target.type !== AST_NODE_TYPES.ObjectExpression || hasSpread(target)) return null;
    const object: TSESTree.ObjectExpression = target;
    const inner = getProperty(object, path[index]!);
    if (!inner) {
      const text = `${path[index]!}: ${nestedObjectText(path.slice(index + 1), value)}`;
      return (fixer) => [removeListItem(fixer, sourceCode, property), insertProperty(fixer, sourceCode, object, text)];
    }
    // The new place is already set: which value wins is a decision for the user, not a suggestion.
    if (index === path.length - 1 || !isPlainProperty(inner)) return null;
    target = skipTSWrappers(inner.value);
  }
  return null;
}

/** Where `voiceOptions.preemptiveGeneration` goes: into `turnHandling` only when every possible version has it there. */
function preemptiveGenerationInTurnHandling(version: SdkVersion): boolean {
  const support = supports(version, PREEMPTIVE_GENERATION_IN_TURN_HANDLING_SINCE);
  // Unknown: the latest SDK's place, as the message says to check the version first.
  return support === 'yes' || (support === 'maybe' && version.range === null);
}

/** `voiceOptions: { maxToolSteps: 5, minEndpointingDelay: 400 }` → `maxToolSteps: 5, turnHandling: { ... }`. */
export function flattenVoiceOptions(
  sourceCode: TSESLint.SourceCode,
  options: TSESTree.ObjectExpression,
  property: TSESTree.Property,
  version: SdkVersion,
): Fix | null {
  const voiceOptions = skipTSWrappers(property.value);
  if (
    hasSpread(options) ||
    getProperty(options, 'turnHandling') ||
    voiceOptions.type !== AST_NODE_TYPES.ObjectExpression
  )
    return null;
  const topLevel: string[] = [];
  const tree: NestedOptions = new Map();
  const preemptiveInTurnHandling = preemptiveGenerationInTurnHandling(version);
  for (const field of voiceOptions.properties) {
    if (!isPlainProperty(field) || field.computed) return null;
    const key = propertyName(field);
    const move = key === null ? undefined : VOICE_OPTION_MOVES[key];
    if (!move) return null;
    const value = sourceCode.getText(field.value);
    const topLevelName = 'topLevel' in move ? move.topLevel : preemptiveInTurnHandling ? null : key;
    if (topLevelName !== null) {
      if (getProperty(options, topLevelName)) return null;
      topLevel.push(`${topLevelName}: ${value}`);
      continue;
    }
    const path = 'turnHandling' in move ? move.turnHandling : [];
    let node = tree;
    for (const step of path.slice(0, -1)) {
      let child = node.get(step);
      if (typeof child !== 'object') {
        child = new Map();
        node.set(step, child);
      }
      node = child;
    }
    node.set(path[path.length - 1]!, value);
  }
  if (tree.size > 0) topLevel.push(`turnHandling: ${nestedOptionsText(tree)}`);
  if (topLevel.length === 0) return (fixer) => removeListItem(fixer, sourceCode, property);
  return (fixer) => fixer.replaceText(property, topLevel.join(', '));
}

/** Option objects being built: a key's value is source text, or a nested object. */
type NestedOptions = Map<string, NestedOptions | string>;

function nestedOptionsText(tree: NestedOptions): string {
  const parts = [...tree].map(
    ([key, value]) => `${key}: ${typeof value === 'string' ? value : nestedOptionsText(value)}`,
  );
  return `{ ${parts.join(', ')} }`;
}
