import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { followConst, hasSpread, isPlainProperty, propertyName, skipTSWrappers } from '../analysis/ast.js';
import { renameKey } from '../fix/properties.js';
import { createLiveKitRule } from '../create-rule.js';
import { type LiveKitModel } from '../livekit/program.js';
import {
  AGENT_HOOK_METHODS,
  CONNECT_POSITIONS,
  E2EE_OPTION_KEYS,
  OPTION_NAMES,
  type OptionTarget,
  PYTHON_FUNCTIONS,
  SESSION_DURATIONS,
  VAD_DURATIONS,
  isPythonName,
  jsMemberName,
  jsSpelling,
} from '../livekit/python-names.js';
import { type SdkReceiver } from '../livekit/receivers.js';

type MessageIds =
  | 'pythonMember'
  | 'pythonOption'
  | 'unknownPythonOption'
  | 'pythonHook'
  | 'connectObject'
  | 'secondsDuration'
  | 'pythonFunction'
  | 'rename'
  | 'toMilliseconds'
  | 'positionalConnect';

const TARGET_LABELS: Readonly<Record<OptionTarget, string>> = {
  AgentSession: 'AgentSession',
  Agent: 'Agent',
  'Agent.create': 'Agent.create',
  'session.start': 'session.start()',
  'session.generateReply': 'session.generateReply()',
  'session.say': 'session.say()',
  'session.run': 'session.run()',
  'silero:VAD.load': 'silero.VAD.load()',
  'inference.VAD': 'inference.VAD',
  defineAgent: 'defineAgent',
  ServerOptions: 'ServerOptions',
};

/**
 * `session.<method>(...)` calls whose options we check, and the argument that holds them. A Map: member names are
 * looked up on every session member access, and a Map never answers for inherited keys.
 */
const SESSION_CALL_OPTIONS: ReadonlyMap<string, { target: OptionTarget; index: number }> = new Map([
  ['generateReply', { target: 'session.generateReply', index: 0 }],
  ['say', { target: 'session.say', index: 1 }],
  ['run', { target: 'session.run', index: 0 }],
  ['start', { target: 'session.start', index: 0 }],
]);

const PYTHON_FUNCTION_ENTRIES = Object.entries(PYTHON_FUNCTIONS);

/** The names of a class's methods and fields (null for computed ones). */
function classMemberNames(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Set<string | null> {
  const names = new Set<string | null>();
  for (const member of node.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition)
      names.add(propertyName(member));
  }
  return names;
}

/** `0.55` → `550`, without floating-point noise. */
function toMilliseconds(seconds: number): string {
  return String(Number((seconds * 1000).toPrecision(12)));
}

export default createLiveKitRule<[], MessageIds>({
  name: 'no-python-style-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Python SDK names, options and units that silently do nothing in Agents for Node.js',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      pythonMember:
        "'{{name}}' is the Python SDK's spelling: on this {{receiver}} it is undefined in Node.js: a read gives undefined, a write is never read by the SDK and a call throws mid-conversation. Use '{{jsName}}'.",
      pythonOption:
        "'{{name}}' is a Python-style option: {{target}} reads camelCase options only, so this setting is silently ignored. Use '{{jsName}}'.",
      unknownPythonOption:
        "'{{name}}' is a Python-style option: {{target}} reads camelCase options only and has no '{{jsName}}', so this setting is silently ignored. Look up its Node.js equivalent in the SDK's types.",
      pythonHook:
        "The SDK never calls '{{name}}' on an Agent: Node.js hooks are camelCase, so this code never runs. Rename the method to '{{jsName}}'.",
      connectObject:
        'ctx.connect() takes positional arguments (e2ee, autoSubscribe, rtcConfig): this object lands in e2ee, so its settings are ignored or break the connection. Pass them by position.',
      secondsDuration:
        "'{{name}}: {{value}}' looks like seconds, but this duration is in milliseconds in Node.js: {{value}} ms changes when the agent thinks the caller started or stopped speaking (or gives up waiting). Use {{milliseconds}}.",
      pythonFunction:
        "'{{name}}' is the Python SDK's decorator and does not exist in Node.js. Define tools with {{jsName}}({ name, description, parameters, execute }).",
      rename: "Rename to '{{jsName}}'.",
      toMilliseconds: 'Use {{milliseconds}} (milliseconds).',
      positionalConnect: 'Pass the arguments by position: ctx.connect({{args}}).',
    },
    schema: [],
  },
  create(context, _options, model) {
    const lk: LiveKitModel = model;
    const sourceCode = context.sourceCode;

    /** Python names on SDK objects, and the options of the session and connect calls, in source order. */
    function checkReceivers(): void {
      for (const { member, name, receiver, call } of lk.sdkMembers) {
        if (isPythonName(name)) reportMember(member, name, receiver);
        if (!call) continue;
        if (receiver === 'AgentSession') {
          const entry = SESSION_CALL_OPTIONS.get(name);
          if (entry) checkOptions(call.arguments[entry.index], entry.target);
        } else if (receiver === 'JobContext' && name === 'connect') {
          checkConnect(call);
        }
      }
    }

    function reportMember(member: TSESTree.MemberExpression, name: string, receiver: SdkReceiver): void {
      const jsName = jsMemberName(receiver, name);
      if (!jsName) return;
      const property = member.property;
      const replacement = member.computed ? `'${jsName}'` : jsName;
      context.report({
        node: property,
        messageId: 'pythonMember',
        data: { name, receiver, jsName },
        suggest: [{ messageId: 'rename', data: { jsName }, fix: (fixer) => fixer.replaceText(property, replacement) }],
      });
    }

    const checkedOptions = new Set<TSESTree.ObjectExpression>();
    function checkOptions(node: TSESTree.Node | null | undefined, target: OptionTarget): void {
      if (!node) return;
      const options = followConst(sourceCode, node);
      if (options.type !== AST_NODE_TYPES.ObjectExpression || checkedOptions.has(options)) return;
      checkedOptions.add(options);
      const known = OPTION_NAMES[target];
      for (const property of options.properties) {
        if (!isPlainProperty(property)) continue;
        const name = propertyName(property);
        if (name === null) continue;
        if (isPythonName(name)) {
          const jsName = jsSpelling(name);
          const label = TARGET_LABELS[target];
          if (known.has(jsName)) {
            const key = property.key;
            context.report({
              node: key,
              messageId: 'pythonOption',
              data: { name, target: label, jsName },
              suggest: [
                {
                  messageId: 'rename',
                  data: { jsName },
                  fix: (fixer) => renameKey(fixer, property, jsName),
                },
              ],
            });
          } else {
            context.report({
              node: property.key,
              messageId: 'unknownPythonOption',
              data: { name, target: label, jsName },
            });
          }
        }
        if (target === 'silero:VAD.load' || target === 'inference.VAD') checkDuration(property, jsSpelling(name));
      }
    }

    /** Durations anywhere in the session's options: top level, `voiceOptions`, `turnHandling.<group>`. */
    function checkSessionDurations(node: TSESTree.Node | null | undefined, prefix: string, depth = 0): void {
      if (!node || depth > 2) return;
      const options = followConst(sourceCode, node);
      if (options.type !== AST_NODE_TYPES.ObjectExpression) return;
      for (const property of options.properties) {
        if (!isPlainProperty(property)) continue;
        const name = propertyName(property);
        if (name === null) continue;
        const path = prefix + name;
        if (SESSION_DURATIONS[path] !== undefined) checkDuration(property, name, SESSION_DURATIONS[path], path);
        else if (name === 'voiceOptions' || name === 'turnHandling' || prefix === 'turnHandling.')
          checkSessionDurations(property.value, `${path}.`, depth + 1);
      }
    }

    function checkDuration(property: TSESTree.Property, jsName: string, sessionLimit?: number, label = jsName): void {
      const limit = sessionLimit ?? VAD_DURATIONS[jsName];
      const value = skipTSWrappers(property.value);
      if (limit === undefined || value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'number') return;
      if (value.value <= 0 || value.value >= limit) return;
      const milliseconds = toMilliseconds(value.value);
      context.report({
        node: value,
        messageId: 'secondsDuration',
        data: { name: label, value: value.raw, milliseconds },
        suggest: [
          {
            messageId: 'toMilliseconds',
            data: { milliseconds },
            fix: (fixer) => fixer.replaceText(value, milliseconds),
          },
        ],
      });
    }

    function checkConnect(call: TSESTree.CallExpression): void {
      const argument = call.arguments[0];
      if (call.arguments.length !== 1 || argument?.type !== AST_NODE_TYPES.ObjectExpression) return;
      const keys = argument.properties.map((property) =>
        property.type === AST_NODE_TYPES.Property && !property.computed ? propertyName(property) : null,
      );
      // A real E2EEOptions object is the right first argument.
      if (argument.properties.length > 0 && keys.every((key) => key !== null && E2EE_OPTION_KEYS.has(key))) return;
      const positional: (string | undefined)[] = [];
      let exact = !hasSpread(argument);
      for (const property of argument.properties) {
        const key =
          property.type === AST_NODE_TYPES.Property && isPlainProperty(property) && !property.computed
            ? propertyName(property)
            : null;
        const position = key === null ? undefined : CONNECT_POSITIONS[key];
        if (position === undefined || positional[position] !== undefined || property.type !== AST_NODE_TYPES.Property) {
          exact = false;
          break;
        }
        positional[position] = sourceCode.getText(property.value);
      }
      const args = Array.from({ length: positional.length }, (_, index) => positional[index] ?? 'undefined').join(', ');
      context.report({
        node: argument,
        messageId: 'connectObject',
        suggest: exact
          ? [
              {
                messageId: 'positionalConnect',
                data: { args },
                fix: (fixer) => fixer.replaceTextRange([argument.range[0], argument.range[1]], args),
              },
            ]
          : [],
      });
    }

    function checkAgentClasses(): void {
      for (const info of lk.agentClasses) {
        let names: Set<string | null> | null = null;
        for (const member of info.node.body.body) {
          if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || member.static) continue;
          const name = propertyName(member);
          if (name === null || !isPythonName(name)) continue;
          const jsName = jsSpelling(name);
          if (!AGENT_HOOK_METHODS.has(jsName)) continue;
          names ??= classMemberNames(info.node);
          const key = member.key;
          context.report({
            node: key,
            messageId: 'pythonHook',
            data: { name, jsName },
            // Renaming next to an existing hook of that name would replace it: no suggestion then.
            suggest: names.has(jsName)
              ? []
              : [{ messageId: 'rename', data: { jsName }, fix: (fixer) => fixer.replaceText(key, jsName) }],
          });
        }
      }
    }

    function checkPythonFunctions(): void {
      for (const [path, jsName] of PYTHON_FUNCTION_ENTRIES) {
        for (const usage of lk.imports.usages(path)) {
          context.report({
            node: usage,
            messageId: 'pythonFunction',
            data: { name: sourceCode.getText(usage), jsName },
          });
        }
      }
    }

    return {
      'Program:exit'() {
        checkReceivers();
        for (const session of lk.sessions) {
          checkOptions(session.options, 'AgentSession');
          checkSessionDurations(session.options, '');
          // Starts on a session variable are found here even when `receiverOf` cannot see the call's receiver.
          for (const start of session.starts) checkOptions(start.arguments[0], 'session.start');
        }
        for (const construction of lk.agentConstructions) {
          if (construction.agentClass === null)
            checkOptions(construction.options, construction.kind === 'create' ? 'Agent.create' : 'Agent');
        }
        for (const info of lk.agentClasses) checkOptions(info.superOptions, 'Agent');
        for (const call of lk.imports.calls('silero:VAD.load')) checkOptions(call.arguments[0], 'silero:VAD.load');
        for (const construction of lk.imports.news('inference.VAD'))
          checkOptions(construction.arguments[0], 'inference.VAD');
        for (const definition of lk.defineAgents) checkOptions(definition.options, 'defineAgent');
        for (const construction of lk.imports.news('ServerOptions'))
          checkOptions(construction.arguments[0], 'ServerOptions');
        checkAgentClasses();
        checkPythonFunctions();
      },
    };
  },
});
