import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { hasSpread, memberName, propertyName, skipTSWrappers } from '../analysis/ast.js';
import { insertProperty } from '../fix/properties.js';
import { removeListItem } from '../fix/lists.js';
import { isPortableToolName } from '../analysis/tool-names.js';
import { createLiveKitRule } from '../create-rule.js';
import { type ToolInfo, type ToolRegistration, type ToolRegistrationEntry } from '../livekit/program.js';

type MessageIds =
  'namedInMap' | 'anonymousInArray' | 'duplicateName' | 'dropName' | 'useArray' | 'addName' | 'assignedTools';

function quote(text: string): string {
  let result = "'";
  for (const char of text) result += char === "'" || char === '\\' ? `\\${char}` : char;
  return `${result}'`;
}

/** The tool's options object when it is written inline in the `tool({...})` call, with no spread. */
function inlineOptions(tool: ToolInfo): TSESTree.ObjectExpression | null {
  const argument = tool.call.arguments[0];
  if (!argument || !tool.options || skipTSWrappers(argument) !== tool.options || hasSpread(tool.options)) return null;
  return tool.options;
}

function isUndefined(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}

/** Every registration of the tool uses the given style (so a change for this one does not break another). */
function onlyRegisteredAs(tool: ToolInfo, style: ToolRegistration['style']): boolean {
  return tool.registrations.every((entry) => entry.registration.style === style);
}

/** The edits that turn a tools map into an array, moving each key into its anonymous tool's `name`; null if unsafe. */
function mapToArrayFix(
  sourceCode: TSESLint.SourceCode,
  registration: ToolRegistration,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | null {
  if (registration.hasUnknownEntries || registration.node.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const map = registration.node;
  if (map.properties.length !== registration.entries.length) return null;
  const plan: {
    entry: ToolRegistrationEntry;
    property: TSESTree.Property;
    options: TSESTree.ObjectExpression | null;
  }[] = [];
  for (const entry of registration.entries) {
    const tool = entry.tool;
    const property = entry.property;
    if (!tool || !property || property.method || property.kind !== 'init' || entry.key === null) return null;
    if (tool.nameProperty) {
      if (isUndefined(tool.nameProperty.value)) return null;
      plan.push({ entry, property, options: null });
      continue;
    }
    const options = inlineOptions(tool);
    if (!options || !isPortableToolName(entry.key) || tool.registrations.length !== 1) return null;
    plan.push({ entry, property, options });
  }
  return (fixer) => {
    // `{ a: x }` becomes `[x]`: the spaces inside braces on one line go too.
    const open = sourceCode.getFirstToken(map)!;
    const close = sourceCode.getLastToken(map)!;
    const afterOpen = sourceCode.getTokenAfter(open, { includeComments: true })!;
    const beforeClose = sourceCode.getTokenBefore(close, { includeComments: true })!;
    const fixes: TSESLint.RuleFix[] = [
      fixer.replaceTextRange(
        [open.range[0], afterOpen.loc.start.line === open.loc.end.line ? afterOpen.range[0] : open.range[1]],
        '[',
      ),
      fixer.replaceTextRange(
        [beforeClose.loc.end.line === close.loc.start.line ? beforeClose.range[1] : close.range[0], close.range[1]],
        ']',
      ),
    ];
    for (const { entry, property, options } of plan) {
      if (!property.shorthand) {
        const colon = sourceCode.getTokenBefore(property.value, { filter: (token) => token.value === ':' })!;
        const next = sourceCode.getTokenAfter(colon, { includeComments: true })!;
        fixes.push(fixer.removeRange([property.range[0], next.range[0]]));
      }
      if (options) fixes.push(insertProperty(fixer, sourceCode, options, `name: ${quote(entry.key!)}`, 'first'));
    }
    return fixes;
  };
}

export default createLiveKitRule<[], MessageIds>({
  name: 'valid-tool-registration',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require tools to be registered in the form the SDK accepts: named in arrays, anonymous in maps, never assigned to `agent.tools`',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      namedInMap:
        'Tool {{tool}} has its own `name` but is registered under the key \'{{key}}\' of a tools map: the SDK throws `tools object entry "{{key}}" must be anonymous` when the agent starts. Drop `name`, or register the tools as an array.',
      anonymousInArray:
        "This tool has no `name` but is registered in a tools array: the SDK throws 'unknown tool type: object' when the agent starts. Give it a `name`, or register it in a map under its name.",
      duplicateName:
        "Another tool in this array is already named '{{name}}': the SDK throws 'duplicate function name' when the agent starts. Give each tool its own name.",
      assignedTools:
        'Assigning `{{target}}.tools` registers nothing: voice.Agent has no `tools` property, so the LLM never sees these tools. Pass `tools` to the constructor (`super({ tools })`) or call `await {{target}}.updateTools(tools)`.',
      dropName: "Remove `name` from the tool (the map key '{{key}}' names it).",
      useArray: 'Register these tools as an array, moving each map key into its tool’s `name`.',
      addName: "Add `name: '{{name}}'` to the tool.",
    },
    schema: [],
  },
  create(context, _options, model) {
    const sourceCode = context.sourceCode;
    const label = (tool: ToolInfo): string => (tool.name !== null ? `'${tool.name}'` : 'with a computed name');

    const checkMap = (registration: ToolRegistration): void => {
      const useArray = mapToArrayFix(sourceCode, registration);
      for (const entry of registration.entries) {
        const tool = entry.tool;
        if (!tool?.nameProperty || !entry.property || entry.key === null || isUndefined(tool.nameProperty.value))
          continue;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        const nameProperty = tool.nameProperty;
        if (inlineOptions(tool) && onlyRegisteredAs(tool, 'map')) {
          suggest.push({
            messageId: 'dropName',
            data: { key: entry.key },
            fix: (fixer) => removeListItem(fixer, sourceCode, nameProperty),
          });
        }
        if (useArray) suggest.push({ messageId: 'useArray', fix: useArray });
        context.report({
          node: entry.property.key,
          messageId: 'namedInMap',
          data: { tool: label(tool), key: entry.key },
          suggest,
        });
      }
    };

    const checkArray = (registration: ToolRegistration): void => {
      const byName = new Map<string, ToolInfo>();
      for (const entry of registration.entries) {
        const tool = entry.tool;
        if (!tool?.options || hasSpread(tool.options)) continue;
        if (!tool.nameProperty || isUndefined(tool.nameProperty.value)) {
          const element = skipTSWrappers(entry.node);
          const options = inlineOptions(tool);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (
            element.type === AST_NODE_TYPES.Identifier &&
            options &&
            !tool.nameProperty &&
            isPortableToolName(element.name) &&
            onlyRegisteredAs(tool, 'array')
          ) {
            const name = element.name;
            suggest.push({
              messageId: 'addName',
              data: { name },
              fix: (fixer) => insertProperty(fixer, sourceCode, options, `name: ${quote(name)}`, 'first'),
            });
          }
          context.report({ node: entry.node, messageId: 'anonymousInArray', suggest });
          continue;
        }
        if (tool.name === null) continue;
        const previous = byName.get(tool.name);
        if (previous && previous !== tool) {
          context.report({ node: entry.node, messageId: 'duplicateName', data: { name: tool.name } });
        } else {
          byName.set(tool.name, tool);
        }
      }
    };

    /** True when the class (or a class of this file it extends) declares its own `tools` member. */
    const declaresTools = (node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean => {
      for (
        let info = model.agentClasses.find((candidate) => candidate.node === node) ?? null;
        info;
        info = info.parent
      ) {
        if (
          info.node.body.body.some(
            (member) =>
              'key' in member &&
              member.key &&
              !member.computed &&
              propertyName(member as TSESTree.PropertyDefinition) === 'tools',
          )
        ) {
          return true;
        }
      }
      return false;
    };

    /** The Agent class whose instance `this` is at `node` (methods and arrows of the class body), or null. */
    const agentClassOfThis = (node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null => {
      for (let current = node.parent; current; current = current.parent) {
        const type = current.type;
        if (type === AST_NODE_TYPES.FunctionDeclaration) return null;
        if (type === AST_NODE_TYPES.FunctionExpression && current.parent.type !== AST_NODE_TYPES.MethodDefinition)
          return null;
        if (type === AST_NODE_TYPES.ClassDeclaration || type === AST_NODE_TYPES.ClassExpression) {
          return model.agentClasses.some((info) => info.node === current) ? current : null;
        }
      }
      return null;
    };

    return {
      'AssignmentExpression[operator="="] > MemberExpression.left'(left: TSESTree.MemberExpression) {
        if (memberName(left) !== 'tools') return;
        const object = skipTSWrappers(left.object);
        if (object.type === AST_NODE_TYPES.ThisExpression) {
          const agentClass = agentClassOfThis(left);
          if (!agentClass || declaresTools(agentClass)) return;
          context.report({ node: left, messageId: 'assignedTools', data: { target: 'this' } });
        } else if (object.type === AST_NODE_TYPES.Identifier) {
          const construction = model.constructionOf(object);
          if (!construction || (construction.agentClass && declaresTools(construction.agentClass.node))) return;
          context.report({ node: left, messageId: 'assignedTools', data: { target: object.name } });
        }
      },
      'Program:exit'() {
        for (const registration of model.registrations) {
          if (registration.style === 'map') checkMap(registration);
          else checkArray(registration);
        }
      },
    };
  },
});
