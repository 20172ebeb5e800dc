import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  findVariable,
  followConst,
  hasSpread,
  isWithin,
  memberName,
  propertyName,
  skipTSWrappers,
} from '../analysis/ast.js';
import { isPlainProperty } from '../analysis/edits.js';
import { createRule } from '../create-rule.js';
import { type LiveKitModel, getLiveKitModel } from '../livekit/program.js';
import {
  AGENT_HOOK_METHODS,
  CONNECT_POSITIONS,
  E2EE_OPTION_KEYS,
  OPTION_NAMES,
  type OptionTarget,
  PYTHON_FUNCTIONS,
  type PythonReceiver,
  VAD_DURATIONS,
  isPythonName,
  jsMemberName,
  jsSpelling,
} from '../livekit/python-names.js';

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

/** `session.<method>(...)` calls whose options we check, and the argument that holds them. */
const SESSION_CALL_OPTIONS: Readonly<Record<string, { target: OptionTarget; index: number }>> = {
  generateReply: { target: 'session.generateReply', index: 0 },
  say: { target: 'session.say', index: 1 },
  run: { target: 'session.run', index: 0 },
  start: { target: 'session.start', index: 0 },
};

/** `0.55` → `550`, without floating-point noise. */
function toMilliseconds(seconds: number): string {
  return String(Number((seconds * 1000).toPrecision(12)));
}

export default createRule<[], MessageIds>({
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
        "'{{name}}: {{value}}' looks like seconds, but VAD durations in Node.js are milliseconds: this is {{value}} ms, which changes when the agent thinks the caller started or stopped speaking. Use {{milliseconds}}.",
      pythonFunction:
        "'{{name}}' is the Python SDK's decorator and does not exist in Node.js. Define tools with {{jsName}}({ name, description, parameters, execute }).",
      rename: "Rename to '{{jsName}}'.",
      toMilliseconds: 'Use {{milliseconds}} (milliseconds).',
      positionalConnect: 'Pass the arguments by position: ctx.connect({{args}}).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const model = getLiveKitModel(context);
    if (!model) return {};
    const lk: LiveKitModel = model;
    const sourceCode = context.sourceCode;

    /** Parameters that hold LiveKit objects: the entry's JobContext, prewarm's JobProcess, execute's RunContext. */
    const parameterKinds = new Map<TSESLint.Scope.Variable, PythonReceiver | 'RunContextHolder'>();
    function addParameter(fn: FunctionNode | null, index: number, kind: PythonReceiver, property?: string): void {
      const param = fn?.params[index];
      if (!param) return;
      const pattern = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      for (const variable of sourceCode.scopeManager?.getDeclaredVariables(fn) ?? []) {
        const definition = variable.defs[0];
        if (definition?.type !== 'Parameter' || !isWithin(definition.name, pattern)) continue;
        if (pattern.type === AST_NODE_TYPES.Identifier) {
          parameterKinds.set(variable, property ? 'RunContextHolder' : kind);
        } else if (property && definition.name.parent?.type === AST_NODE_TYPES.Property) {
          // `execute(args, { ctx })`: the destructured `ctx` is the RunContext.
          const key = propertyName(definition.name.parent);
          if (key === property) parameterKinds.set(variable, kind);
        }
      }
    }
    for (const definition of lk.defineAgents) {
      addParameter(definition.entry, 0, 'JobContext');
      addParameter(definition.prewarm, 0, 'JobProcess');
    }
    for (const tool of lk.tools) addParameter(tool.execute, 1, 'RunContext', 'ctx');
    const sessionVariables = new Set(lk.sessions.flatMap((session) => (session.variable ? [session.variable] : [])));
    const agentClassNodes = new Set<TSESTree.Node>(lk.agentClasses.map((info) => info.node));

    /** The class whose instance `this` is at `node`, when it is an Agent class of this file. */
    function agentClassOfThis(node: TSESTree.Node): boolean {
      let current = node.parent;
      while (current) {
        if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
          const method = current.parent;
          return method?.type === AST_NODE_TYPES.MethodDefinition && !method.static && agentClassNodes.has(method.parent.parent);
        }
        if (current.type === AST_NODE_TYPES.PropertyDefinition) return !current.static && agentClassNodes.has(current.parent.parent);
        current = current.parent;
      }
      return false;
    }

    /** What LiveKit object an expression is, when this file shows it. */
    function receiverOf(node: TSESTree.Node): PythonReceiver | null {
      const expression = skipTSWrappers(node);
      if (expression.type === AST_NODE_TYPES.ThisExpression) return agentClassOfThis(expression) ? 'Agent' : null;
      if (expression.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(sourceCode, expression);
        if (!variable) return null;
        if (sessionVariables.has(variable)) return 'AgentSession';
        const kind = parameterKinds.get(variable);
        return kind === 'RunContextHolder' ? null : (kind ?? null);
      }
      if (expression.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberName(expression);
        const object = skipTSWrappers(expression.object);
        if (name === 'ctx' && object.type === AST_NODE_TYPES.Identifier) {
          const variable = findVariable(sourceCode, object);
          if (variable && parameterKinds.get(variable) === 'RunContextHolder') return 'RunContext';
          return null;
        }
        const owner = receiverOf(object);
        if (name === 'session' && (owner === 'Agent' || owner === 'RunContext')) return 'AgentSession';
        if (name === 'proc' && owner === 'JobContext') return 'JobProcess';
      }
      return null;
    }

    function reportMember(member: TSESTree.MemberExpression): void {
      const name = memberName(member);
      if (name === null || !isPythonName(name)) return;
      const receiver = receiverOf(member.object);
      if (!receiver) return;
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
                  fix: (fixer) =>
                    property.shorthand ? fixer.replaceText(property, `${jsName}: ${name}`) : fixer.replaceText(key, jsName),
                },
              ],
            });
          } else {
            context.report({ node: property.key, messageId: 'unknownPythonOption', data: { name, target: label, jsName } });
          }
        }
        if (target === 'silero:VAD.load' || target === 'inference.VAD') checkDuration(property, jsSpelling(name));
      }
    }

    function checkDuration(property: TSESTree.Property, jsName: string): void {
      const limit = VAD_DURATIONS[jsName];
      const value = skipTSWrappers(property.value);
      if (limit === undefined || value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'number') return;
      if (value.value <= 0 || value.value >= limit) return;
      const milliseconds = toMilliseconds(value.value);
      context.report({
        node: value,
        messageId: 'secondsDuration',
        data: { name: jsName, value: value.raw, milliseconds },
        suggest: [{ messageId: 'toMilliseconds', data: { milliseconds }, fix: (fixer) => fixer.replaceText(value, milliseconds) }],
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
        const key = property.type === AST_NODE_TYPES.Property && isPlainProperty(property) && !property.computed ? propertyName(property) : null;
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
          ? [{ messageId: 'positionalConnect', data: { args }, fix: (fixer) => fixer.replaceTextRange([argument.range[0], argument.range[1]], args) }]
          : [],
      });
    }

    function checkAgentClasses(): void {
      for (const info of lk.agentClasses) {
        const names = new Set(
          info.node.body.body.flatMap((member) =>
            member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition
              ? [propertyName(member)]
              : [],
          ),
        );
        for (const member of info.node.body.body) {
          if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || member.static) continue;
          const name = propertyName(member);
          if (name === null || !isPythonName(name)) continue;
          const jsName = jsSpelling(name);
          if (!AGENT_HOOK_METHODS.has(jsName)) continue;
          const key = member.key;
          context.report({
            node: key,
            messageId: 'pythonHook',
            data: { name, jsName },
            // Renaming next to an existing hook of that name would replace it: no suggestion then.
            suggest: names.has(jsName) ? [] : [{ messageId: 'rename', data: { jsName }, fix: (fixer) => fixer.replaceText(key, jsName) }],
          });
        }
      }
    }

    function checkPythonFunctions(): void {
      for (const [path, jsName] of Object.entries(PYTHON_FUNCTIONS)) {
        for (const usage of lk.imports.usages(path)) {
          context.report({ node: usage, messageId: 'pythonFunction', data: { name: sourceCode.getText(usage), jsName } });
        }
      }
    }

    return {
      MemberExpression(node) {
        reportMember(node);
      },
      CallExpression(node) {
        const callee = skipTSWrappers(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = memberName(callee);
        if (name === null) return;
        const receiver = receiverOf(callee.object);
        if (receiver === 'AgentSession') {
          const entry = SESSION_CALL_OPTIONS[name];
          if (entry) checkOptions(node.arguments[entry.index], entry.target);
        } else if (receiver === 'JobContext' && name === 'connect') {
          checkConnect(node);
        }
      },
      'Program:exit'() {
        for (const session of lk.sessions) {
          checkOptions(session.options, 'AgentSession');
          // Starts on a session variable are found here even when `receiverOf` cannot see the call's receiver.
          for (const start of session.starts) checkOptions(start.arguments[0], 'session.start');
        }
        for (const construction of lk.agentConstructions) {
          if (construction.agentClass === null) checkOptions(construction.options, construction.kind === 'create' ? 'Agent.create' : 'Agent');
        }
        for (const info of lk.agentClasses) checkOptions(info.superOptions, 'Agent');
        for (const call of lk.imports.calls('silero:VAD.load')) checkOptions(call.arguments[0], 'silero:VAD.load');
        for (const construction of lk.imports.news('inference.VAD')) checkOptions(construction.arguments[0], 'inference.VAD');
        for (const definition of lk.defineAgents) checkOptions(definition.options, 'defineAgent');
        for (const construction of lk.imports.news('ServerOptions')) checkOptions(construction.arguments[0], 'ServerOptions');
        checkAgentClasses();
        checkPythonFunctions();
      },
    };
  },
});
