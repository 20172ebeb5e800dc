/**
 * Evidence for no-participant-wait-before-connect: `ctx.waitForParticipant()` before the room is connected throws
 * `room is not connected`, so the job fails before it ever joins; after `ctx.connect()` it returns the caller. The
 * entries are the docs page's, run on the SDK's own JobContext over a stand-in room (connecting needs a LiveKit
 * server; see sdk.ts). Backed by job.ts (`waitForParticipant`: `if (!this.#room.isConnected) throw`).
 */
import { defineAgent } from '@livekit/agents';
import { describe, expect, it } from 'vitest';
import { StandInRoom, jobContext } from './sdk.js';

describe('no-participant-wait-before-connect', () => {
  it('❌ waiting for the participant first throws, and the agent never joins', async () => {
    // ❌ from docs/rules/no-participant-wait-before-connect.md
    const agent = defineAgent({
      entry: async (ctx) => {
        const _participant = await ctx.waitForParticipant();
        await ctx.connect();
      },
    });
    const room = new StandInRoom();
    await expect(agent.entry(jobContext(room))).rejects.toThrow('room is not connected');
    expect(room.connectCalls).toHaveLength(0);
  });

  it('✅ connecting first, the wait returns the caller', async () => {
    let participant: unknown;
    // ✅ from docs/rules/no-participant-wait-before-connect.md (the participant kept for the assertion)
    const agent = defineAgent({
      entry: async (ctx) => {
        await ctx.connect();
        participant = await ctx.waitForParticipant();
      },
    });
    const room = new StandInRoom();
    await agent.entry(jobContext(room));
    expect(room.connectCalls).toHaveLength(1);
    expect(participant).toMatchObject({ identity: 'caller' });
  });
});
