import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getProperty, hasSpread, memberName, propertyName, skipTSWrappers } from '../analysis/ast.js';
import { appendProperty, isPlainProperty, nameResolvesTo, nestedObjectText, removeListItem } from '../analysis/edits.js';
import { createRule } from '../create-rule.js';
import {
  type AliasDeprecation,
  type ApiDeprecation,
  DEPRECATIONS,
  type OptionDeprecation,
  PREEMPTIVE_GENERATION_IN_TURN_HANDLING_SINCE,
  VOICE_OPTION_MOVES,
} from '../livekit/deprecations.js';
import { CORE_MODULE, type LiveKitBinding, canonicalPath } from '../livekit/imports.js';
import { type LiveKitModel, getLiveKitModel } from '../livekit/program.js';
import { type Version, isAtLeast, projectVersion } from '../livekit/version.js';

type MessageIds =
  | 'alias'
  | 'api'
  | 'option'
  | 'ignoredOption'
  | 'useAlias'
  | 'moveToTurnHandling'
  | 'flattenVoiceOptions'
  | 'useModelUsageCollector'
  | 'useInferenceTurnDetector';

type Fixer = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];

/** The deprecations that apply to one SDK version, sorted for the checks. */
interface ActiveDeprecations {
  aliases: AliasDeprecation[];
  apis: ApiDeprecation[];
  /** Options by owner, then by option name (one entry per name and owner). */
  sessionOptions: Map<string, OptionDeprecation>;
  agentOptions: Map<string, OptionDeprecation>;
}

/** Computed once per version (a project has one or a few), not once per file. */
const activeByVersion = new WeakMap<Version, ActiveDeprecations>();
let activeForLatest: ActiveDeprecations | null = null;

function activeDeprecations(version: Version | null): ActiveDeprecations | null {
  let active = version === null ? activeForLatest : activeByVersion.get(version);
  if (!active) {
    active = { aliases: [], apis: [], sessionOptions: new Map(), agentOptions: new Map() };
    for (const entry of DEPRECATIONS) {
      if (version !== null && !isAtLeast(version, entry.replacementSince)) continue;
      if (entry.kind === 'alias') active.aliases.push(entry);
      else if (entry.kind === 'api') active.apis.push(entry);
      else (entry.owner === 'AgentSession' ? active.sessionOptions : active.agentOptions).set(entry.option, entry);
    }
    if (version === null) activeForLatest = active;
    else activeByVersion.set(version, active);
  }
  return active.aliases.length > 0 || active.apis.length > 0 || active.sessionOptions.size > 0 || active.agentOptions.size > 0 ? active : null;
}

export default createRule<[], MessageIds>({
  name: 'no-deprecated-api',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow LiveKit Agents APIs and options deprecated in the SDK version the project uses',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      alias:
        "'{{name}}' is a deprecated alias of '{{target}}' (since @livekit/agents {{since}}) and will be removed, which would stop the agent server from starting. Use '{{target}}': it is the same object.",
      api: "'{{name}}' is deprecated since @livekit/agents {{since}} and will be removed in a future release. Use {{replacement}}.",
      option:
        "The {{owner}} option '{{option}}' is deprecated since @livekit/agents {{since}}; the SDK only translates it for now. Use {{replacement}}.",
      ignoredOption:
        "The Agent option '{{option}}' is ignored: this agent also sets turnHandling, which replaces every deprecated turn option. Move it into {{replacement}}.",
      useAlias: "Use '{{target}}' (the same object).",
      moveToTurnHandling: "Move '{{option}}' into {{replacement}}.",
      flattenVoiceOptions: 'Move the voiceOptions fields to their current places (top-level options and turnHandling).',
      useModelUsageCollector: 'Use metrics.ModelUsageCollector (only collect() is called on this collector).',
      useInferenceTurnDetector: 'Use inference.TurnDetector from @livekit/agents.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const model = getLiveKitModel(context);
    if (!model) return {};
    const lk: LiveKitModel = model;
    const version = projectVersion(context);
    const active = activeDeprecations(version);
    if (!active) return {};
    const sourceCode = context.sourceCode;

    /** One pass over the bindings for every alias. */
    function checkAliases(entries: readonly AliasDeprecation[]): void {
      for (const binding of lk.imports.bindings) {
        if (binding.module !== 'core') continue;
        for (const entry of entries) {
          if (binding.rawPath === '') checkNamespaceMembers(entry, binding);
          else if (binding.rawPath === entry.name) checkAliasBinding(entry, binding);
        }
      }
    }

    /** `agents.WorkerOptions` through a namespace binding: renaming the member is always safe. */
    function checkNamespaceMembers(entry: AliasDeprecation, binding: LiveKitBinding): void {
      for (const reference of binding.variable.references) {
        const member = reference.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
        if (memberName(member) !== entry.name) continue;
        const property = member.property;
        const replacement = property.type === AST_NODE_TYPES.Literal ? `'${entry.target}'` : entry.target;
        const fix: Fixer = (fixer) => fixer.replaceText(property, replacement);
        reportAlias(entry, property, binding, fix);
      }
    }

    /** `import { WorkerOptions }`, `import { WorkerOptions as WO }`, `const { WorkerOptions } = require(...)`. */
    function checkAliasBinding(entry: AliasDeprecation, binding: LiveKitBinding): void {
      const variable = binding.variable;
      const declared = variable.defs[0]?.name;
      let specifier: TSESTree.ImportSpecifier | TSESTree.Property | null = null;
      let importedName: TSESTree.Node | null = null;
      if (binding.declaration.type === AST_NODE_TYPES.ImportSpecifier) {
        specifier = binding.declaration;
        importedName = binding.declaration.imported;
      } else if (declared?.type === AST_NODE_TYPES.Identifier) {
        // A destructuring pattern: the property whose value (or default's left side) is the declared name.
        let node: TSESTree.Node | undefined = declared.parent;
        if (node?.type === AST_NODE_TYPES.AssignmentPattern) node = node.parent;
        if (node?.type === AST_NODE_TYPES.Property && node.parent.type === AST_NODE_TYPES.ObjectPattern) {
          specifier = node;
          importedName = node.key;
        }
      }
      // `const WO = agents.WorkerOptions` is reported on the member itself (checkNamespaceMembers).
      if (!specifier || !importedName) return;
      const references = variable.references.filter(
        (reference) => reference.identifier !== declared && reference.identifier.type === AST_NODE_TYPES.Identifier,
      );
      const fix = variable.name === entry.name ? renameEverywhere(entry, binding, specifier, references) : renameImported(entry, importedName);
      reportAlias(entry, importedName, binding, fix);
      if (variable.name === entry.name) {
        for (const reference of references) reportAlias(entry, reference.identifier, binding, fix);
      }
    }

    /** `{ WorkerOptions as WO }` → `{ ServerOptions as WO }`: the local name stays, nothing else changes. */
    function renameImported(entry: AliasDeprecation, importedName: TSESTree.Node): Fixer {
      const replacement = importedName.type === AST_NODE_TYPES.Literal ? `'${entry.target}'` : entry.target;
      return (fixer) => fixer.replaceText(importedName, replacement);
    }

    /**
     * The local name is the deprecated one: rename the specifier and every reference, or, when the file already
     * binds the replacement, drop the deprecated specifier and point every reference at the existing binding.
     * Null when a reference would resolve to something else under the new name.
     */
    function renameEverywhere(
      entry: AliasDeprecation,
      binding: LiveKitBinding,
      specifier: TSESTree.ImportSpecifier | TSESTree.Property,
      references: TSESLint.Scope.Reference[],
    ): Fixer | null {
      const existing = lk.imports.bindings.find(
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
        } else if (existing) fixes.push(removeListItem(fixer, sourceCode, specifier));
        else if (specifier.type === AST_NODE_TYPES.Property && specifier.value.type === AST_NODE_TYPES.AssignmentPattern) {
          // `{ WorkerOptions = fallback }`: keep the default.
          fixes.push(fixer.replaceText(specifier, `${newName} = ${sourceCode.getText(specifier.value.right)}`));
        } else {
          fixes.push(fixer.replaceText(specifier, newName));
        }
        for (const reference of references) fixes.push(renameReference(fixer, reference.identifier, oldName, newName));
        return fixes;
      };
    }

    /** Renames one reference, keeping object keys and exported names as they were. */
    function renameReference(fixer: TSESLint.RuleFixer, identifier: TSESTree.Identifier | TSESTree.JSXIdentifier, oldName: string, newName: string): TSESLint.RuleFix {
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === identifier) {
        return fixer.replaceText(parent, `${oldName}: ${newName}`);
      }
      if (parent?.type === AST_NODE_TYPES.ExportSpecifier && parent.local === identifier) {
        const exported = parent.exported;
        if (exported.range[0] === identifier.range[0]) return fixer.replaceText(parent, `${newName} as ${oldName}`);
      }
      return fixer.replaceText(identifier, newName);
    }

    function reportAlias(entry: AliasDeprecation, node: TSESTree.Node, binding: LiveKitBinding, fix: Fixer | null): void {
      const data = { name: entry.name, target: entry.target, since: entry.deprecatedIn };
      // Autofix only for the SDK itself: a wrapper module (importSources) may not re-export the new name.
      if (binding.source === CORE_MODULE) {
        context.report({ node, messageId: 'alias', data, fix });
      } else {
        context.report({ node, messageId: 'alias', data, suggest: fix ? [{ messageId: 'useAlias', data, fix }] : [] });
      }
    }

    function checkApi(entry: ApiDeprecation): void {
      for (const path of entry.paths) {
        for (const usage of lk.imports.usages(path)) {
          const data = { name: sourceCode.getText(usage), since: entry.deprecatedIn, replacement: entry.replacement };
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (path === 'metrics.UsageCollector') {
            const fix = modelUsageCollectorFix(usage);
            if (fix) suggest.push({ messageId: 'useModelUsageCollector', fix });
          } else {
            const fix = turnDetectorFix(usage);
            if (fix) suggest.push({ messageId: 'useInferenceTurnDetector', fix });
          }
          context.report({ node: usage, messageId: 'api', data, suggest });
        }
      }
    }

    /** `new metrics.UsageCollector()` held in a const that is only ever `.collect(...)`-ed. */
    function modelUsageCollectorFix(usage: TSESTree.Node): Fixer | null {
      const construction = usage.parent;
      if (construction?.type !== AST_NODE_TYPES.NewExpression || construction.callee !== usage) return null;
      const declarator = construction.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== construction || declarator.parent.kind !== 'const') {
        return null;
      }
      const variables = sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [];
      if (variables.length !== 1) return null;
      const onlyCollect = variables[0]!.references.every((reference) => {
        if (reference.init) return true;
        const member = reference.identifier.parent;
        return (
          member?.type === AST_NODE_TYPES.MemberExpression &&
          member.object === reference.identifier &&
          memberName(member) === 'collect' &&
          member.parent.type === AST_NODE_TYPES.CallExpression &&
          member.parent.callee === member
        );
      });
      const name = lk.imports.localNameFor('metrics.ModelUsageCollector', usage);
      if (!onlyCollect || !name) return null;
      return (fixer) => fixer.replaceText(usage, name);
    }

    /** `new livekit.turnDetector.MultilingualModel()` (no options) → `new inference.TurnDetector()`. */
    function turnDetectorFix(usage: TSESTree.Node): Fixer | null {
      const construction = usage.parent;
      if (construction?.type !== AST_NODE_TYPES.NewExpression || construction.callee !== usage || construction.arguments.length > 0) {
        return null;
      }
      const name = lk.imports.localNameFor('inference.TurnDetector', usage);
      return name ? (fixer) => fixer.replaceText(construction, `new ${name}()`) : null;
    }

    /** Properties already reported (one options object can configure two owners). */
    let seen: Set<TSESTree.Property> | null = null;

    function checkOptions(owner: 'AgentSession' | 'Agent', options: TSESTree.ObjectExpression, entries: Map<string, OptionDeprecation>): void {
      // One pass over the properties; only a deprecated name costs a second look (is it the last one, which wins?).
      for (const property of options.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = propertyName(property);
        const entry = name === null ? undefined : entries.get(name);
        if (!entry || getProperty(options, entry.option) !== property || !isPlainProperty(property)) continue;
        seen ??= new Set();
        if (seen.has(property)) continue;
        seen.add(property);
        const data = { owner, option: entry.option, since: entry.deprecatedIn, replacement: entry.replacement };
        const ignored = owner === 'Agent' && getProperty(options, 'turnHandling') !== null;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        if (entry.turnHandlingPath) {
          const fix = moveIntoTurnHandling(options, property, entry.turnHandlingPath);
          if (fix) suggest.push({ messageId: 'moveToTurnHandling', data, fix });
        } else if (entry.option === 'voiceOptions') {
          const fix = flattenVoiceOptions(options, property, version);
          if (fix) suggest.push({ messageId: 'flattenVoiceOptions', fix });
        }
        context.report({ node: property.key, messageId: ignored ? 'ignoredOption' : 'option', data, suggest });
      }
    }

    /** Moves `option: value` to `turnHandling.<path>`, creating or extending the `turnHandling` object literal. */
    function moveIntoTurnHandling(options: TSESTree.ObjectExpression, property: TSESTree.Property, path: readonly string[]): Fixer | null {
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
          return (fixer) => [removeListItem(fixer, sourceCode, property), appendProperty(fixer, sourceCode, object, text)];
        }
        // The new place is already set: which value wins is a decision for the user, not a suggestion.
        if (index === path.length - 1 || !isPlainProperty(inner)) return null;
        target = skipTSWrappers(inner.value);
      }
      return null;
    }

    /** `voiceOptions: { maxToolSteps: 5, minEndpointingDelay: 400 }` → `maxToolSteps: 5, turnHandling: { ... }`. */
    function flattenVoiceOptions(options: TSESTree.ObjectExpression, property: TSESTree.Property, projectVersionValue: Version | null): Fixer | null {
      const voiceOptions = skipTSWrappers(property.value);
      if (hasSpread(options) || getProperty(options, 'turnHandling') || voiceOptions.type !== AST_NODE_TYPES.ObjectExpression) return null;
      const topLevel: string[] = [];
      const tree = new Map<string, Map<string, unknown> | string>();
      const preemptiveInTurnHandling =
        projectVersionValue === null || isAtLeast(projectVersionValue, PREEMPTIVE_GENERATION_IN_TURN_HANDLING_SINCE);
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
            child = new Map<string, unknown>();
            node.set(step, child);
          }
          node = child as Map<string, Map<string, unknown> | string>;
        }
        node.set(path[path.length - 1]!, value);
      }
      if (tree.size > 0) topLevel.push(`turnHandling: ${treeText(tree)}`);
      if (topLevel.length === 0) return (fixer) => removeListItem(fixer, sourceCode, property);
      return (fixer) => fixer.replaceText(property, topLevel.join(', '));
    }

    return {
      'Program:exit'() {
        if (active.aliases.length > 0) checkAliases(active.aliases);
        for (const entry of active.apis) checkApi(entry);
        if (active.sessionOptions.size > 0) {
          for (const session of lk.sessions) if (session.options) checkOptions('AgentSession', session.options, active.sessionOptions);
        }
        if (active.agentOptions.size > 0) {
          for (const agent of lk.agentOptions) checkOptions('Agent', agent.options, active.agentOptions);
        }
      },
    };
  },
});

function treeText(tree: Map<string, unknown>): string {
  const parts = [...tree].map(([key, value]) => `${key}: ${typeof value === 'string' ? value : treeText(value as Map<string, unknown>)}`);
  return `{ ${parts.join(', ')} }`;
}
