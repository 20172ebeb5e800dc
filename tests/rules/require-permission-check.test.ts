import rule from '../../src/rules/require-permission-check.js';
import { code, commonJsTester, ruleTester } from '../rule-tester.js';

const LK = "import { llm } from '@livekit/agents';";

ruleTester.run('require-permission-check', rule, {
  valid: [
    {
      name: "removing items from the caller's own order in userData touches no one else's data",
      code: code`
        import { llm } from '@livekit/agents';
        import { z } from 'zod';
        llm.tool({
          name: 'removeOrderItem',
          description: 'Remove items from the order.',
          parameters: z.object({ itemIds: z.array(z.string()) }),
          execute: async ({ itemIds }, { ctx }: llm.ToolOptions<{ order: Map<string, string> }>) => {
            const missing = itemIds.filter((id) => !ctx.userData.order.has(id));
            if (missing.length > 0) throw new llm.ToolError(\`No item \${missing.join(', ')} in the order; list the order first.\`);
            itemIds.forEach((id) => ctx.userData.order.delete(id));
            return JSON.stringify({ removed: itemIds });
          },
        });
      `,
    },
    {
      name: 'official style: a refund that checks the verified caller first',
      code: code`
        ${LK}
        import { z } from 'zod';
        declare const billing: { refund(id: string): Promise<void> };
        export const refundOrder = llm.tool({
          name: 'refundOrder',
          description: 'Refund an order after the caller has been verified.',
          parameters: z.object({ orderId: z.string().describe('The order number') }),
          execute: async ({ orderId }, { ctx }) => {
            if (!ctx.userData.identityVerified) throw new llm.ToolError('Verify the caller before refunding.');
            await billing.refund(orderId);
            return 'Refunded.';
          },
        });
      `,
    },
    {
      name: 'role, permission, admin, authorization, canX, isOwner, owner comparisons',
      code: code`
        ${LK}
        declare const db: { remove(id: string): void; cancel(id: string): void; close(id: string): void; revoke(id: string): void; reset(id: string): void; order(id: string): { ownerId: string } };
        llm.tool({ name: 'deleteAccount', description: 'Delete the account.', execute: async (a: { id: string }, { ctx }: any) => { if (ctx.userData.role !== 'admin') return 'no'; db.remove(a.id); return 'ok'; } });
        llm.tool({ name: 'removeUser', description: 'Remove a user.', execute: async (a: { id: string }, { ctx }: any) => { if (!ctx.userData.permissions.includes('users:write')) return 'no'; db.remove(a.id); return 'ok'; } });
        llm.tool({ name: 'cancelOrder', description: 'Cancel an order.', execute: async (a: { id: string }, { ctx }: any) => { await authorizeCaller(ctx); db.cancel(a.id); return 'ok'; } });
        llm.tool({ name: 'closeTicket', description: 'Close a ticket.', execute: async (a: { id: string }, { ctx }: any) => { if (!ctx.userData.canCloseTickets) return 'no'; db.close(a.id); return 'ok'; } });
        llm.tool({ name: 'revokeKey', description: 'Revoke a key.', execute: async (a: { id: string }, { ctx }: any) => { if (!isOwner(ctx, a.id)) return 'no'; db.revoke(a.id); return 'ok'; } });
        llm.tool({ name: 'reset_pin', description: 'Reset a PIN.', execute: async (a: { id: string }, { ctx }: any) => { if (db.order(a.id).ownerId !== ctx.userData.customerId) return 'no'; db.reset(a.id); return 'ok'; } });
      `,
    },
    {
      name: 'the check in a same-file helper that execute calls, and in a nested callback',
      code: code`
        ${LK}
        declare const db: { cancel(id: string): Promise<void> };
        function ensureVerified(ctx: { userData: { verified: boolean } }) {
          if (!ctx.userData.verified) throw new llm.ToolError('Verify the caller first.');
        }
        llm.tool({ name: 'cancelSubscription', description: 'Cancel the subscription.', execute: async (_: object, { ctx }: any) => { ensureVerified(ctx); await db.cancel('x'); return 'ok'; } });
        llm.tool({ name: 'cancelOrder', description: 'Cancel the order.', execute: async (_: object, { ctx }: any) => [1].map(() => ctx.userData.role)[0] });
      `,
    },
    {
      name: 'tools that are not destructive, and unknown names or executes',
      code: code`
        ${LK}
        import { options } from './options';
        llm.tool({ name: 'lookupOrder', description: 'Look up an order.', execute: async () => 'shipped' });
        llm.tool({ name: 'closestStore', description: 'Find the closest store.', execute: async () => 'Main St' });
        llm.tool({ description: 'Delete something.', execute: async () => 'ok' });
        llm.tool({ name: 'deleteOrder', description: 'Delete an order.', execute: options.execute });
      `,
    },
    {
      name: 'permissionWords option',
      code: code`
        ${LK}
        declare function ensureCaller(): Promise<void>;
        llm.tool({ name: 'refundPayment', description: 'Refund a payment.', execute: async () => { await ensureCaller(); return 'ok'; } });
      `,
      options: [{ permissionWords: ['ensureCaller'] }],
    },
    {
      name: 'destructiveVerbs option replaces the default list',
      code: code`
        ${LK}
        llm.tool({ name: 'cancelOrder', description: 'Cancel an order.', execute: async () => 'ok' });
      `,
      options: [{ destructiveVerbs: ['wipe'] }],
    },
    {
      name: 'shadowing local named llm',
      code: code`
        import { llm as lk } from '@livekit/agents';
        function build(llm: { tool(x: object): void }) {
          llm.tool({ name: 'deleteAccount', execute: async () => 'ok' });
        }
      `,
    },
    {
      name: 'same-named import from another package',
      code: code`
        import { tool } from 'ai';
        tool({ name: 'deleteAccount', execute: async () => 'ok' });
      `,
    },
    {
      name: 'type-only import is not a binding',
      code: code`
        import type { llm } from '@livekit/agents';
        declare const l: typeof llm;
        l.tool({ name: 'deleteAccount', description: 'x', execute: async () => 'ok' });
      `,
    },
    {
      name: 'known miss: a "verified" flag the LLM itself fills in is taken for a check',
      code: code`
        ${LK}
        import { z } from 'zod';
        llm.tool({
          name: 'cancelOrder',
          description: 'Cancel an order.',
          parameters: z.object({ orderId: z.string(), callerVerified: z.boolean() }),
          execute: async ({ orderId, callerVerified }) => (callerVerified ? \`Cancelled \${orderId}\` : 'Verify first.'),
        });
      `,
    },
  ],
  invalid: [
    {
      name: 'a db kept in userData, or an imported client, is an external system',
      code: code`
        import { llm } from '@livekit/agents';
        import { orders } from './orders';
        llm.tool({
          name: 'cancelBooking',
          description: 'Cancel the booking.',
          execute: async ({ code }: { code: string }, { ctx }: llm.ToolOptions<{ db: { cancel(c: string): void } }>) => {
            ctx.userData.db.cancel(code);
            return 'cancelled';
          },
        });
        llm.tool({
          name: 'removeOrder',
          description: 'Remove the order.',
          execute: async ({ id }: { id: string }, { ctx }: llm.ToolOptions<{ lastOrder: string }>) => {
            ctx.userData.lastOrder = '';
            await orders.remove(id);
            return 'removed';
          },
        });
      `,
      errors: [
        { messageId: 'noPermissionCheck', data: { tool: 'cancelBooking', verb: 'cancel' }, line: 4 },
        { messageId: 'noPermissionCheck', data: { tool: 'removeOrder', verb: 'remove' }, line: 12 },
      ],
    },
    {
      name: 'a refund with no check at all',
      code: code`
        ${LK}
        import { z } from 'zod';
        declare const billing: { refund(id: string): Promise<void> };
        export const refundOrder = llm.tool({
          name: 'refundOrder',
          description: 'Refund an order to the original payment method.',
          parameters: z.object({ orderId: z.string().describe('The order number') }),
          execute: async ({ orderId }) => {
            await billing.refund(orderId);
            return 'Refunded.';
          },
        });
      `,
      errors: [
        {
          messageId: 'noPermissionCheck',
          data: { tool: 'refundOrder', verb: 'refund' },
          line: 5,
          column: 9,
          endColumn: 22,
        },
      ],
    },
    {
      name: 'snake_case and kebab names, a map-registered name (flat aliased import)',
      code: code`
        import { tool as defineTool, voice } from '@livekit/agents';
        const close = defineTool({ description: 'Close the account.', execute: async () => 'closed' });
        defineTool({ name: 'delete_account', description: 'Delete the account.', execute: async () => 'deleted' });
        new voice.Agent({ instructions: 'x', tools: { closeAccount: close } });
      `,
      errors: [
        { messageId: 'noPermissionCheck', data: { tool: 'delete_account', verb: 'delete' }, line: 3 },
        { messageId: 'noPermissionCheck', data: { tool: 'closeAccount', verb: 'close' }, line: 4 },
      ],
    },
    {
      name: 'a type annotation naming a role is not a check (namespace import)',
      code: code`
        import * as agents from '@livekit/agents';
        interface AdminRole { id: string }
        agents.llm.tool({ name: 'revokeAccess', description: 'Revoke the access.', execute: async (args: AdminRole) => args.id });
      `,
      errors: [{ messageId: 'noPermissionCheck', data: { tool: 'revokeAccess', verb: 'revoke' } }],
    },
    {
      name: "an object key named role is written, not read (chat message { role: 'system' })",
      code: code`
        import { voice, llm } from '@livekit/agents';
        llm.tool({
          name: 'resetConversation',
          description: 'Start the conversation over when the caller asks.',
          execute: async (_: object, { ctx }: any) => {
            const chat = ctx.session.chatCtx.copy();
            chat.addMessage({ role: 'system', content: 'The caller started over.' });
            return 'Starting over.';
          },
        });
      `,
      errors: [{ messageId: 'noPermissionCheck', data: { tool: 'resetConversation', verb: 'reset' }, line: 3 }],
    },
    {
      name: 'destructiveVerbs option',
      code: code`
        ${LK}
        llm.tool({ name: 'wipeHistory', description: 'Wipe the call history.', execute: async () => 'ok' });
      `,
      options: [{ destructiveVerbs: ['wipe'] }],
      errors: [{ messageId: 'noPermissionCheck', data: { tool: 'wipeHistory', verb: 'wipe' } }],
    },
  ],
});

commonJsTester.run('require-permission-check (CommonJS)', rule, {
  valid: [
    {
      name: 'require of another package',
      code: "const { llm } = require('other'); llm.tool({ name: 'deleteAccount', execute: async () => 'ok' });",
    },
  ],
  invalid: [
    {
      name: 'destructured require',
      code: "const { llm } = require('@livekit/agents'); llm.tool({ name: 'cancelOrder', description: 'Cancel.', execute: async () => 'ok' });",
      errors: [{ messageId: 'noPermissionCheck', data: { tool: 'cancelOrder', verb: 'cancel' } }],
    },
  ],
});
