import { describe, expect, it } from 'vitest';
import type { RtmChannelLike } from '../../../src/rtm/types';
import type { ContractCapabilities, EnvRef } from '../env';
import { expectDifference } from '../expectations';
import { loggedIn, nameAndCode, rejection, thrown, Transcript } from '../testKit';

/** docs/reference/rtm1-web-sdk.md §1.3, §2.3 join/leave/getMembers/getChannelMemberCount, docs/reference/rtm1-web-sdk.md §3.4, §4.11, §4.14. */
export function channelCases(env: EnvRef, caps: ContractCapabilities): void {
  describe('channels', () => {
    it('createChannel throws RtmInvalidArgumentError 1 for a bad ID and makes a new instance per call', () => {
      const client = env().createClient();
      for (const id of ['', 'null', 'a/b', 'x'.repeat(65), 7]) {
        expect(nameAndCode(thrown(() => client.createChannel(id as never)))).toEqual(['RtmInvalidArgumentError', 1]);
      }
      const roomId = env().id('room');
      const first = client.createChannel(roomId);
      expect(client.createChannel(roomId)).not.toBe(first);
      expect(first.channelId).toBe(roomId);
    });

    it('join and leave before any login fail with 102', async () => {
      const room = env().createClient().createChannel(env().id('room'));
      expect(await rejection(room.join())).toEqual({
        name: 'RtmInvalidStatusError',
        code: 102,
        message: ' Error Code 102 - The client is not logged in. Cannot do the operation.',
      });
      expect(nameAndCode(await rejection(room.leave()))).toEqual(['RtmInvalidStatusError', 102]);
    });

    it('join rejects 6 for the same instance, 202 for another instance of the same ID', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      const roomId = env().id('room');
      const room = alice.createChannel(roomId);
      const twin = alice.createChannel(roomId);
      const joining = room.join();
      expect(nameAndCode(await rejection(twin.join()))).toEqual(['RtmInvalidStatusError', 202]);
      await joining;
      expect(nameAndCode(await rejection(room.join()))).toEqual(['RtmInvalidStatusError', 6]);
      expect(nameAndCode(await rejection(twin.join()))).toEqual(['RtmInvalidStatusError', 202]);
      await room.leave();
      await twin.join();
    });

    it('a second join() while the first is pending rejects 6, and the first still joins', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      const room = alice.createChannel(env().id('room'));
      const first = room.join();
      expect(nameAndCode(await rejection(room.join()))).toEqual(['RtmInvalidStatusError', 6]);
      await first;
      await room.sendMessage({ text: 'joined' });
    });

    it('counts joined and joining channels toward the limit of 20', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      const joins = Array.from({ length: 20 }, (_, i) => alice.createChannel(env().id(`room${i}`)).join());
      expect(nameAndCode(await rejection(alice.createChannel(env().id('room20')).join()))).toEqual([
        'RtmLimitExceededError',
        5,
      ]);
      await Promise.all(joins);
      expect(nameAndCode(await rejection(alice.createChannel(env().id('room20')).join()))).toEqual([
        'RtmLimitExceededError',
        5,
      ]);
    });

    it('leave of a channel not joined is 3; after logout join is 102 and leave is 3', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      const room = alice.createChannel(env().id('room'));
      expect(await rejection(room.leave())).toEqual({
        name: 'RtmInvalidStatusError',
        code: 3,
        message: ' Error Code 3 - The channel does not join. Cannot do the operation.',
      });
      await room.join();
      await alice.logout();
      expect(await rejection(room.join())).toEqual({
        name: 'RtmInvalidStatusError',
        code: 102,
        message: ' Error Code 102 - Client is not logged in. Cannot join the channel.',
      });
      expect(nameAndCode(await rejection(room.leave()))).toEqual(['RtmInvalidStatusError', 3]);
    });

    it('MemberJoined/MemberLeft reach the other members only', async () => {
      const [aliceId, bobId, roomId] = [env().id('alice'), env().id('bob'), env().id('room')];
      const t = new Transcript();
      const watch = (room: RtmChannelLike, who: string): RtmChannelLike =>
        room.on('MemberJoined', t.on(`${who}: MemberJoined`)).on('MemberLeft', t.on(`${who}: MemberLeft`));
      const aliceRoom = watch((await loggedIn(env(), aliceId)).createChannel(roomId), 'alice');
      const bobRoom = watch((await loggedIn(env(), bobId)).createChannel(roomId), 'bob');
      await aliceRoom.join();
      await env().flush();
      await bobRoom.join();
      await env().flush();
      expect(t.take()).toEqual([['alice: MemberJoined', bobId]]);
      await bobRoom.leave();
      await env().flush();
      expect(t.take()).toEqual([['alice: MemberLeft', bobId]]);
    });

    it('getMembers needs a joined instance and lists the members', async () => {
      const [aliceId, bobId, roomId] = [env().id('alice'), env().id('bob'), env().id('room')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const room = alice.createChannel(roomId);
      expect(nameAndCode(await rejection(room.getMembers()))).toEqual(['RtmInvalidStatusError', 5]);
      await room.join();
      await bob.createChannel(roomId).join();
      const members = await room.getMembers();
      expect(members).toContain(bobId);
      expectDifference(env().backend, 'getMembersIncludesSelf', [...members].sort(), (self) =>
        (self ? [aliceId, bobId] : [bobId]).sort(),
      );
      await alice.logout();
      expect(nameAndCode(await rejection(room.getMembers()))).toEqual(['RtmInvalidStatusError', 102]);
    });

    it('logout un-joins silently; the others see MemberLeft', async () => {
      const [aliceId, bobId, roomId] = [env().id('alice'), env().id('bob'), env().id('room')];
      const alice = await loggedIn(env(), aliceId);
      const t = new Transcript();
      const aliceRoom = alice.createChannel(roomId);
      aliceRoom.on('MemberLeft', t.on('alice: MemberLeft')).on('MemberJoined', t.on('alice: MemberJoined'));
      await aliceRoom.join();
      const bobRoom = (await loggedIn(env(), bobId)).createChannel(roomId);
      bobRoom.on('MemberLeft', t.on('bob: MemberLeft'));
      await bobRoom.join();
      await env().flush();
      t.take();
      await alice.logout();
      await env().flush();
      expectDifference(env().backend, 'othersSeeMemberLeftOnLogout', t.take(), (left) => (left ? [['bob: MemberLeft', aliceId]] : []));
      expect(nameAndCode(await rejection(aliceRoom.leave()))).toEqual(['RtmInvalidStatusError', 3]);
    });

    it('getChannelMemberCount counts members and validates its IDs', async () => {
      const [roomId, emptyId] = [env().id('room'), env().id('empty')];
      const alice = await loggedIn(env(), env().id('alice'));
      await alice.createChannel(roomId).join();
      await (await loggedIn(env(), env().id('bob'))).createChannel(roomId).join();
      expect(await alice.getChannelMemberCount([roomId, emptyId])).toEqual({ [roomId]: 2, [emptyId]: 0 });
      const bad: Array<[unknown, [string, number]]> = [
        [[], ['RtmInvalidArgumentError', 2]],
        ['room', ['RtmInvalidArgumentError', 2]],
        [[5], ['RtmInvalidArgumentError', 2]],
        [['a/b'], ['RtmInvalidArgumentError', 2]],
        [Array.from({ length: 33 }, (_, i) => `r${i}`), ['RtmInvalidArgumentError', 5]],
        [[...Array.from({ length: 32 }, (_, i) => `r${i}`), 'a/b'], ['RtmInvalidArgumentError', 5]],
      ];
      for (const [ids, expected] of bad) {
        expect(nameAndCode(await rejection(alice.getChannelMemberCount(ids as never)))).toEqual(expected);
      }
    });

    it.runIf(caps.controllableClock)('MemberCountUpdated: at join, 1 s leading+trailing throttle, only on change, again after rejoin', async () => {
      const roomId = env().id('room');
      const t = new Transcript(env().now);
      const aliceRoom = (await loggedIn(env(), env().id('alice'))).createChannel(roomId);
      aliceRoom.on('MemberCountUpdated', t.timed('alice'));
      await aliceRoom.join();
      await env().flush();
      const bobRoom = (await loggedIn(env(), env().id('bob'))).createChannel(roomId);
      bobRoom.on('MemberCountUpdated', t.timed('bob'));
      await bobRoom.join();
      await env().flush();
      expect(t.take()).toEqual([
        ['alice', 1, '@0'],
        ['bob', 2, '@0'],
      ]);
      await env().advance(1_000);
      expect(t.take()).toEqual([['alice', 2, '@1000']]);
      const carol = await loggedIn(env(), env().id('carol'));
      const visit = async (): Promise<void> => {
        const carolRoom = carol.createChannel(roomId);
        await carolRoom.join();
        await carolRoom.leave();
        await env().flush();
      };
      // 2 → 3 → 2 inside alice's window: her trailing count equals the last one emitted, so nothing.
      await visit();
      expect(t.take()).toEqual([['bob', 3, '@1000']]);
      await env().advance(1_000);
      expect(t.take()).toEqual([['bob', 2, '@2000']]);
      await env().advance(1_500);
      await visit();
      expect(t.take()).toEqual([
        ['alice', 3, '@3500'],
        ['bob', 3, '@3500'],
      ]);
      await env().advance(1_000);
      expect(t.take()).toEqual([
        ['alice', 2, '@4500'],
        ['bob', 2, '@4500'],
      ]);
      await env().advance(1_000);
      await aliceRoom.leave();
      await aliceRoom.join();
      await env().flush();
      expect(t.take()).toEqual([
        ['bob', 1, '@5500'],
        ['alice', 2, '@5500'],
      ]);
      await env().advance(1_000);
      expect(t.take()).toEqual([['bob', 2, '@6500']]);
    });
  });
}
