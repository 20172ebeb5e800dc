import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import semver from 'semver';
import { getProperty, isPlainProperty, memberName, propertyName, skipTSWrappers } from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';
import {
  type ActiveDeprecations,
  type AliasDeprecation,
  type ApiDeprecation,
  DEPRECATION_INDEX,
  type Deprecation,
  type OptionDeprecation,
  activeDeprecations,
} from '../livekit/deprecations.js';
import {
  type Fix,
  flattenVoiceOptions,
  moveIntoTurnHandling,
  renameAliasEverywhere,
} from '../livekit/deprecation-fixes.js';
import { CORE_MODULE, type LiveKitBinding } from '../livekit/imports.js';
import { type LiveKitModel } from '../livekit/program.js';
import { type SdkVersion, describeVersion, projectVersion } from '../livekit/version.js';

type MessageIds =
  | 'alias'
  | 'api'
  | 'option'
  | 'optionWithValue'
  | 'ignoredOption'
  | 'useAlias'
  | 'moveToTurnHandling'
  | 'flattenVoiceOptions'
  | 'useModelUsageCollector'
  | 'useInferenceTurnDetector';

export default createLiveKitRule<[], MessageIds>({
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
        "'{{name}}' is a deprecated alias of '{{target}}' (since @livekit/agents {{since}}) and will be removed, which would stop the agent server from starting. Use '{{target}}': it is the same object.{{check}}",
      api: "'{{name}}' is deprecated since @livekit/agents {{since}} and will be removed in a future release. Use {{replacement}}.{{check}}",
      option:
        "The {{owner}} option '{{option}}' is deprecated since @livekit/agents {{since}}; the SDK only translates it for now. Use {{replacement}}.{{check}}",
      optionWithValue:
        "The {{owner}} option '{{option}}' is deprecated since @livekit/agents {{since}} (use {{replacement}}), and so is its value '{{name}}' (since {{valueSince}}; use {{valueReplacement}}).{{check}}",
      ignoredOption:
        "The Agent option '{{option}}' is ignored: this agent also sets turnHandling, which replaces every deprecated turn option. Move it into {{replacement}}.{{check}}",
      useAlias: "Use '{{target}}' (the same object).",
      moveToTurnHandling: "Move '{{option}}' into {{replacement}}.",
      flattenVoiceOptions: 'Move the voiceOptions fields to their current places (top-level options and turnHandling).',
      useModelUsageCollector: 'Use metrics.ModelUsageCollector (only collect() is called on this collector).',
      useInferenceTurnDetector: 'Use inference.TurnDetector from @livekit/agents.',
    },
    schema: [],
  },
  create(context, _options, model) {
    const lk: LiveKitModel = model;
    const sourceCode = context.sourceCode;
    let sdk: { version: SdkVersion; active: ActiveDeprecations | null } | null = null;

    /**
     * The project's SDK version and the deprecations it has replacements for, looked up on the first use found:
     * finding the version reads package files, and most files use nothing deprecated.
     */
    function projectSdk(): { version: SdkVersion; active: ActiveDeprecations | null } {
      if (!sdk) {
        const version = projectVersion(context);
        sdk = { version, active: activeDeprecations(version) };
      }
      return sdk;
    }

    /** True when the project's SDK version has the replacement of `entry` (maybe). */
    function applies(entry: Deprecation): boolean {
      return projectSdk().active?.entries.has(entry) ?? false;
    }

    /**
     * '' when every version the project may run has the replacements; else a sentence naming the version they need
     * and why it is in doubt (such a report never carries an autofix).
     */
    function versionCheck(entries: readonly Deprecation[]): string {
      const { version, active } = projectSdk();
      const doubtful = entries.filter((entry) => active?.unverified.has(entry));
      if (doubtful.length === 0) return '';
      const needs = doubtful.map((entry) => entry.replacementSince).reduce((a, b) => (semver.gt(b, a) ? b : a));
      return ` Check first: the replacement needs @livekit/agents ${needs} or later, and ${describeVersion(version)}.`;
    }

    /** One pass over the bindings for every alias. */
    function checkAliases(entries: readonly AliasDeprecation[]): void {
      for (const binding of lk.imports.bindings) {
        if (binding.module !== 'core') continue;
        for (const entry of entries) {
          if (binding.rawPath === '') checkNamespaceMembers(entry, binding);
          else if (binding.rawPath === entry.name && applies(entry)) checkAliasBinding(entry, binding);
        }
      }
    }

    /** `agents.WorkerOptions` through a namespace binding: renaming the member is always safe. */
    function checkNamespaceMembers(entry: AliasDeprecation, binding: LiveKitBinding): void {
      for (const reference of binding.variable.references) {
        const member = reference.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
        if (memberName(member) !== entry.name || !applies(entry)) continue;
        const property = member.property;
        const replacement = property.type === AST_NODE_TYPES.Literal ? `'${entry.target}'` : entry.target;
        const fix: Fix = (fixer) => fixer.replaceText(property, replacement);
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
      const fix =
        variable.name === entry.name
          ? renameAliasEverywhere(sourceCode, lk.imports, entry, binding, specifier, references)
          : renameImported(entry, importedName);
      reportAlias(entry, importedName, binding, fix);
      if (variable.name === entry.name) {
        for (const reference of references) reportAlias(entry, reference.identifier, binding, fix);
      }
    }

    /** `{ WorkerOptions as WO }` → `{ ServerOptions as WO }`: the local name stays, nothing else changes. */
    function renameImported(entry: AliasDeprecation, importedName: TSESTree.Node): Fix {
      const replacement = importedName.type === AST_NODE_TYPES.Literal ? `'${entry.target}'` : entry.target;
      return (fixer) => fixer.replaceText(importedName, replacement);
    }

    function reportAlias(entry: AliasDeprecation, node: TSESTree.Node, binding: LiveKitBinding, fix: Fix | null): void {
      const data = { name: entry.name, target: entry.target, since: entry.deprecatedIn, check: versionCheck([entry]) };
      // Autofix only for the SDK itself, on a version known to have the new name: a wrapper module (importSources)
      // may not re-export it, and an older install would stop building.
      if (binding.source === CORE_MODULE && data.check === '') {
        context.report({ node, messageId: 'alias', data, fix });
      } else {
        context.report({ node, messageId: 'alias', data, suggest: fix ? [{ messageId: 'useAlias', data, fix }] : [] });
      }
    }

    /** Every use of a deprecated API, with its entry and path. */
    function apiUsages(): Map<TSESTree.Node, { entry: ApiDeprecation; path: string }> {
      const usages = new Map<TSESTree.Node, { entry: ApiDeprecation; path: string }>();
      for (const entry of DEPRECATION_INDEX.apis) {
        for (const path of entry.paths) {
          for (const usage of lk.imports.usages(path)) if (applies(entry)) usages.set(usage, { entry, path });
        }
      }
      return usages;
    }

    function apiSuggestions(usage: TSESTree.Node, path: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const fix = path === 'metrics.UsageCollector' ? modelUsageCollectorFix(usage) : turnDetectorFix(usage);
      if (!fix) return [];
      return [
        { messageId: path === 'metrics.UsageCollector' ? 'useModelUsageCollector' : 'useInferenceTurnDetector', fix },
      ];
    }

    function reportApi(usage: TSESTree.Node, entry: ApiDeprecation, path: string): void {
      const data = {
        name: sourceCode.getText(usage),
        since: entry.deprecatedIn,
        replacement: entry.replacement,
        check: versionCheck([entry]),
      };
      context.report({ node: usage, messageId: 'api', data, suggest: apiSuggestions(usage, path) });
    }

    /** `new metrics.UsageCollector()` held in a const that is only ever `.collect(...)`-ed. */
    function modelUsageCollectorFix(usage: TSESTree.Node): Fix | null {
      const construction = usage.parent;
      if (construction?.type !== AST_NODE_TYPES.NewExpression || construction.callee !== usage) return null;
      const declarator = construction.parent;
      if (
        declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
        declarator.init !== construction ||
        declarator.parent.kind !== 'const'
      ) {
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
    function turnDetectorFix(usage: TSESTree.Node): Fix | null {
      const construction = usage.parent;
      if (
        construction?.type !== AST_NODE_TYPES.NewExpression ||
        construction.callee !== usage ||
        construction.arguments.length > 0
      ) {
        return null;
      }
      const name = lk.imports.localNameFor('inference.TurnDetector', usage);
      return name ? (fixer) => fixer.replaceText(construction, `new ${name}()`) : null;
    }

    /** Properties already reported (one options object can configure two owners). */
    let seen: Set<TSESTree.Property> | null = null;

    /** Deprecated values that are reported with the option holding them (one problem, one report). */
    const claimed = new Set<TSESTree.Node>();

    function checkOptions(
      owner: 'AgentSession' | 'Agent',
      options: TSESTree.ObjectExpression,
      entries: ReadonlyMap<string, OptionDeprecation>,
      usages: Map<TSESTree.Node, { entry: ApiDeprecation; path: string }>,
    ): void {
      // One pass over the properties; only a deprecated name costs a second look (is it the last one, which wins?).
      for (const property of options.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = propertyName(property);
        const entry = name === null ? undefined : entries.get(name);
        if (!entry || getProperty(options, entry.option) !== property || !isPlainProperty(property)) continue;
        if (!applies(entry)) continue;
        seen ??= new Set();
        if (seen.has(property)) continue;
        seen.add(property);
        // `turnDetection: new turnDetector.MultilingualModel()`: the value is deprecated too, and reported here.
        const value = skipTSWrappers(property.value);
        const valueNode =
          value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression
            ? value.callee
            : value;
        const held = usages.get(valueNode);
        if (held) claimed.add(valueNode);
        const data = {
          owner,
          option: entry.option,
          since: entry.deprecatedIn,
          replacement: entry.replacement,
          check: versionCheck(held ? [entry, held.entry] : [entry]),
          name: held ? sourceCode.getText(valueNode) : '',
          valueSince: held?.entry.deprecatedIn ?? '',
          valueReplacement: held?.entry.replacement ?? '',
        };
        const ignored = owner === 'Agent' && getProperty(options, 'turnHandling') !== null;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        if (entry.turnHandlingPath) {
          const fix = moveIntoTurnHandling(sourceCode, options, property, entry.turnHandlingPath);
          if (fix) suggest.push({ messageId: 'moveToTurnHandling', data, fix });
        } else if (entry.option === 'voiceOptions') {
          const fix = flattenVoiceOptions(sourceCode, options, property, projectSdk().version);
          if (fix) suggest.push({ messageId: 'flattenVoiceOptions', fix });
        }
        if (held) suggest.push(...apiSuggestions(valueNode, held.path));
        const messageId = ignored ? 'ignoredOption' : held ? 'optionWithValue' : 'option';
        context.report({ node: property.key, messageId, data, suggest });
      }
    }

    return {
      'Program:exit'() {
        checkAliases(DEPRECATION_INDEX.aliases);
        const usages = apiUsages();
        for (const session of lk.sessions) {
          if (session.options) checkOptions('AgentSession', session.options, DEPRECATION_INDEX.sessionOptions, usages);
        }
        for (const agent of lk.agentOptions) {
          checkOptions('Agent', agent.options, DEPRECATION_INDEX.agentOptions, usages);
        }
        for (const [usage, { entry, path }] of usages) if (!claimed.has(usage)) reportApi(usage, entry, path);
      },
    };
  },
});
