import { describe, expect, it } from 'vitest';
import type { ContractCapabilities, EnvRef } from '../env';
import { expectDifference } from '../expectations';
import { loggedIn, nameAndCode, rejection, textOfBytes, Transcript } from '../testKit';

const many = (count: number, value = 'v'): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, value]));

/** docs/reference/rtm1-web-sdk.md §2.3 attribute methods, docs/reference/rtm1-web-sdk.md §3.3, §4.12, §4.13. */
export function attributeCases(env: EnvRef, _caps: ContractCapabilities): void {
  describe('channel attributes', () => {
    it('work without joining and record who wrote each key', async () => {
      const [aliceId, roomId] = [env().id('alice'), env().id('room')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), env().id('bob'));
      await alice.setChannelAttributes(roomId, { topic: 'cats', mood: 'calm' });
      await alice.addOrUpdateChannelAttributes(roomId, { mood: 'happy' });
      const stamp = { lastUpdateUserId: aliceId, lastUpdateTs: expect.any(Number) };
      expect(await bob.getChannelAttributes(roomId)).toEqual({
        topic: { value: 'cats', ...stamp },
        mood: { value: 'happy', ...stamp },
      });
      expect(await bob.getChannelAttributesByKeys(roomId, ['mood', 'absent'])).toEqual({
        mood: { value: 'happy', ...stamp },
      });
      await alice.deleteChannelAttributesByKeys(roomId, ['topic']);
      expect(Object.keys(await bob.getChannelAttributes(roomId))).toEqual(['mood']);
      await alice.clearChannelAttributes(roomId);
      expect(await bob.getChannelAttributes(roomId)).toEqual({});
    });

    it('AttributesUpdated carries the full map, only when asked, only to joined instances', async () => {
      const [aliceId, roomId] = [env().id('alice'), env().id('room')];
      const alice = await loggedIn(env(), aliceId);
      const t = new Transcript();
      const bobRoom = (await loggedIn(env(), env().id('bob'))).createChannel(roomId);
      bobRoom.on('AttributesUpdated', t.on('bob'));
      await bobRoom.join();
      const carolRoom = (await loggedIn(env(), env().id('carol'))).createChannel(roomId);
      carolRoom.on('AttributesUpdated', t.on('carol (not joined)'));
      const notify = { enableNotificationToChannelMembers: true };
      const stamp = { lastUpdateUserId: aliceId, lastUpdateTs: expect.any(Number) };

      await alice.setChannelAttributes(roomId, { a: '1' });
      await env().flush();
      expect(t.take()).toEqual([]);
      await alice.addOrUpdateChannelAttributes(roomId, { b: '2' }, notify);
      await env().flush();
      expect(t.take()).toEqual([['bob', { a: { value: '1', ...stamp }, b: { value: '2', ...stamp } }]]);
      await alice.deleteChannelAttributesByKeys(roomId, ['a'], notify);
      await env().flush();
      expect(t.take()).toEqual([['bob', { b: { value: '2', ...stamp } }]]);
      await alice.clearChannelAttributes(roomId, notify);
      await env().flush();
      expect(t.take()).toEqual([['bob', {}]]);
    });

    it('whether the updater’s own joined instance hears its update', async () => {
      const roomId = env().id('room');
      const alice = await loggedIn(env(), env().id('alice'));
      const room = alice.createChannel(roomId);
      const t = new Transcript();
      room.on('AttributesUpdated', t.on('alice'));
      await room.join();
      await alice.setChannelAttributes(roomId, { a: '1' }, { enableNotificationToChannelMembers: true });
      await env().flush();
      // Whether an event carries the update, not how many come: on 2.x a replace is two writes.
      const heard = t.entries.filter((entry) => JSON.stringify(entry).includes('"a":{"value":"1"'));
      expectDifference(env().backend, 'updaterGetsAttributesUpdated', heard.length, (echo) => (echo ? 1 : 0));
    });

    it('validates maps before the connection, and keys/IDs per method', async () => {
      const client = env().createClient();
      const roomId = env().id('room');
      const before: Array<[() => Promise<unknown>, [string, number]]> = [
        [() => client.setChannelAttributes(roomId, 'x' as never), ['RtmInvalidArgumentError', 3]],
        [() => client.setChannelAttributes(roomId, {}), ['RtmInvalidArgumentError', 3]],
        [() => client.setChannelAttributes(roomId, { k: '' }), ['RtmInvalidArgumentError', 3]],
        [() => client.setChannelAttributes(roomId, { k: 5 } as never), ['RtmInvalidArgumentError', 3]],
        [() => client.setChannelAttributes(roomId, { [textOfBytes(33)]: 'v' }), ['RtmInvalidArgumentError', 3]],
        [() => client.setChannelAttributes(roomId, many(33)), ['RtmLimitExceededError', 4]],
        [() => client.setChannelAttributes(roomId, { k: textOfBytes(8_193) }), ['RtmLimitExceededError', 4]],
        [() => client.setChannelAttributes(roomId, many(5, textOfBytes(8_000))), ['RtmLimitExceededError', 4]],
        [() => client.addOrUpdateChannelAttributes(roomId, { k: '' }), ['RtmInvalidArgumentError', 3]],
        [() => client.deleteChannelAttributesByKeys(roomId, []), ['RtmInvalidStatusError', 3]],
        [() => client.deleteChannelAttributesByKeys(roomId, ['']), ['RtmInvalidStatusError', 3]],
        [() => client.deleteChannelAttributesByKeys('a/b', ['k']), ['RtmInvalidStatusError', 3]],
        [() => client.getChannelAttributes('a/b'), ['RtmInvalidArgumentError', 3]],
        [() => client.getChannelAttributesByKeys('a/b', []), ['RtmInvalidStatusError', 102]],
        [() => client.setChannelAttributes(roomId, { k: 'v' }), ['RtmInvalidStatusError', 102]],
        [() => client.clearChannelAttributes(roomId), ['RtmInvalidStatusError', 102]],
      ];
      for (const [call, expected] of before) expect(nameAndCode(await rejection(call())), String(call)).toEqual(expected);
      await client.login({ uid: env().id('alice') });
      const after: Array<[() => Promise<unknown>, [string, number]]> = [
        [() => client.getChannelAttributesByKeys(roomId, []), ['RtmInvalidArgumentError', 3]],
        [() => client.getChannelAttributesByKeys(roomId, many(33) as never), ['RtmInvalidArgumentError', 3]],
        [() => client.getChannelAttributesByKeys(roomId, [textOfBytes(33)]), ['RtmInvalidArgumentError', 3]],
        [() => client.getChannelAttributesByKeys('a/b', ['k']), ['RtmInvalidArgumentError', 3]],
      ];
      for (const [call, expected] of after) expect(nameAndCode(await rejection(call())), String(call)).toEqual(expected);
      const full = { ...many(3, textOfBytes(8_192)), [textOfBytes(32)]: textOfBytes(32_768 - 3 * 8_194 - 32) };
      await client.setChannelAttributes(roomId, full);
    });

    it('addOrUpdate checks the merge with what this client last wrote', async () => {
      const roomId = env().id('room');
      const alice = await loggedIn(env(), env().id('alice'));
      await alice.setChannelAttributes(roomId, many(30));
      expect(nameAndCode(await rejection(alice.addOrUpdateChannelAttributes(roomId, { x: '1', y: '2', z: '3' })))).toEqual([
        'RtmLimitExceededError',
        4,
      ]);
      await alice.addOrUpdateChannelAttributes(roomId, { x: '1', y: '2' });
    });
  });

  describe('user attributes', () => {
    it('are readable by others and follow set/addOrUpdate/delete/clear', async () => {
      const aliceId = env().id('alice');
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), env().id('bob'));
      await alice.setLocalUserAttributes({ status: 'busy', mood: 'ok' });
      await alice.addOrUpdateLocalUserAttributes({ mood: 'great', city: 'Oslo' });
      expect(await bob.getUserAttributes(aliceId)).toEqual({ status: 'busy', mood: 'great', city: 'Oslo' });
      expect(await bob.getUserAttributesByKeys(aliceId, ['mood', 'absent'])).toEqual({ mood: 'great' });
      await alice.deleteLocalUserAttributesByKeys(['status']);
      expect(await bob.getUserAttributes(aliceId)).toEqual({ mood: 'great', city: 'Oslo' });
      await alice.setLocalUserAttributes({ only: 'this' });
      expect(await bob.getUserAttributes(aliceId)).toEqual({ only: 'this' });
      await alice.clearLocalUserAttributes();
      expect(await bob.getUserAttributes(aliceId)).toEqual({});
    });

    it('getUserAttributes of a user who is not logged in is RtmUnavailableError 6', async () => {
      const bob = await loggedIn(env(), env().id('bob'));
      expect(nameAndCode(await rejection(bob.getUserAttributes(env().id('nobody'))))).toEqual([
        'RtmUnavailableError',
        6,
      ]);
      expect(nameAndCode(await rejection(bob.getUserAttributesByKeys(env().id('nobody'), ['k'])))).toEqual([
        'RtmUnavailableError',
        6,
      ]);
    });

    it('are gone after the owner logs out and back in', async () => {
      const aliceId = env().id('alice');
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), env().id('bob'));
      await alice.setLocalUserAttributes({ status: 'busy' });
      await alice.logout();
      await env().flush();
      await loggedIn(env(), aliceId);
      expectDifference(env().backend, 'userAttributesClearedOnLogout', await bob.getUserAttributes(aliceId), (cleared): Record<string, string> =>
        cleared ? {} : { status: 'busy' },
      );
    });

    it('enforce 16 KB in total, 32 keys and the merge with the local copy', async () => {
      const client = env().createClient();
      const atLimit = { a: textOfBytes(8_192), b: textOfBytes(8_190) };
      const overLimit = { a: textOfBytes(8_192), b: textOfBytes(8_191) };
      const cases: Array<[() => Promise<unknown>, [string, number]]> = [
        [() => client.setLocalUserAttributes(overLimit), ['RtmLimitExceededError', 4]],
        [() => client.setLocalUserAttributes(many(33)), ['RtmLimitExceededError', 4]],
        [() => client.setLocalUserAttributes({ k: '' }), ['RtmInvalidArgumentError', 3]],
        [() => client.deleteLocalUserAttributesByKeys([]), ['RtmInvalidStatusError', 3]],
        [() => client.deleteLocalUserAttributesByKeys(['']), ['RtmInvalidStatusError', 3]],
        [() => client.getUserAttributes('a/b'), ['RtmInvalidArgumentError', 3]],
        [() => client.getUserAttributesByKeys('a/b', []), ['RtmInvalidStatusError', 102]],
        [() => client.setLocalUserAttributes(atLimit), ['RtmInvalidStatusError', 102]],
      ];
      for (const [call, expected] of cases) expect(nameAndCode(await rejection(call())), String(call)).toEqual(expected);
      await client.login({ uid: env().id('alice') });
      await client.setLocalUserAttributes(many(30));
      expect(nameAndCode(await rejection(client.addOrUpdateLocalUserAttributes({ x: '1', y: '2', z: '3' })))).toEqual([
        'RtmLimitExceededError',
        4,
      ]);
      await client.addOrUpdateLocalUserAttributes({ x: '1', y: '2' });
      await client.setLocalUserAttributes(atLimit);
      expect(nameAndCode(await rejection(client.getUserAttributesByKeys(env().id('bob'), [])))).toEqual([
        'RtmInvalidArgumentError',
        3,
      ]);
    });
  });
}
