import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, staticKeyName, walkOwnBody } from '../analysis/ast.js';
import { createLiveKitRule } from '../create-rule.js';
import { declaresMember } from '../livekit/agent-options.js';

type MessageIds = 'sessionInConstructor';

export default createLiveKitRule<[], MessageIds>({
  name: 'no-session-in-agent-constructor',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading `this.session` while an Agent is being constructed',
      recommended: 'recommended',
    },
    messages: {
      sessionInConstructor:
        "`this.session` is read while {{agent}} is being constructed, where it throws 'Agent activity not found': an agent has no session until it becomes active. Read it in `onEnter()` or in a tool (`ctx.session`).",
    },
    schema: [],
  },
  create(context, _options, model) {
    const visitorKeys = context.sourceCode.visitorKeys;

    return {
      'Program:exit'() {
        for (const agentClass of model.agentClasses) {
          if (declaresMember(agentClass, 'session')) continue;
          const agent = agentClass.name ?? 'the agent';
          const report = (node: TSESTree.Node): void => {
            context.report({ node, messageId: 'sessionInConstructor', data: { agent } });
          };
          const visit = (node: TSESTree.Node): void => {
            if (
              node.type === AST_NODE_TYPES.MemberExpression &&
              node.object.type === AST_NODE_TYPES.ThisExpression &&
              memberName(node) === 'session'
            ) {
              report(node);
            } else if (
              node.type === AST_NODE_TYPES.VariableDeclarator &&
              node.init?.type === AST_NODE_TYPES.ThisExpression &&
              node.id.type === AST_NODE_TYPES.ObjectPattern
            ) {
              // const { session } = this;
              for (const property of node.id.properties) {
                if (
                  property.type === AST_NODE_TYPES.Property &&
                  staticKeyName(property.key, property.computed) === 'session'
                ) {
                  report(property);
                }
              }
            }
          };
          // Code that runs during construction: the constructor's own statements and instance field initialisers.
          if (agentClass.constructorFunction?.body)
            walkOwnBody(agentClass.constructorFunction.body, visit, visitorKeys);
          for (const member of agentClass.node.body.body) {
            if (
              member.type === AST_NODE_TYPES.PropertyDefinition &&
              !member.static &&
              member.value &&
              !isFunctionNode(member.value)
            ) {
              walkOwnBody(member.value, visit, visitorKeys);
            }
          }
        }
      },
    };
  },
});
