import { describe, expect, it } from 'vitest';
import type { ContractCapabilities, EnvRef } from '../env';
import { loggedIn, nameAndCode, rejection, Transcript } from '../testKit';

const ids = (count: number, prefix: string): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** docs/reference/rtm1-web-sdk.md §2.3 query/subscribe/unsubscribe, docs/reference/rtm1-web-sdk.md §4.10. */
export function presenceCases(env: EnvRef, caps: ContractCapabilities): void {
  describe('online status', () => {
    it('queryPeersOnlineStatus answers {id: online} and validates the list (ArgErr 2)', async () => {
      const [bobId, carolId] = [env().id('bob'), env().id('carol')];
      const alice = await loggedIn(env(), env().id('alice'));
      await loggedIn(env(), bobId);
      expect(await alice.queryPeersOnlineStatus([bobId, carolId])).toEqual({ [bobId]: true, [carolId]: false });
      for (const bad of [[], 'bob', ['a/b'], [5], ids(257, 'p')]) {
        expect(nameAndCode(await rejection(alice.queryPeersOnlineStatus(bad as never)))).toEqual([
          'RtmInvalidArgumentError',
          2,
        ]);
      }
      expect(Object.keys(await alice.queryPeersOnlineStatus(ids(256, 'p')))).toHaveLength(256);
    });

    it('subscribe resolves, then reports every subscribed peer once, then only changes', async () => {
      const [aliceId, bobId, carolId] = [env().id('alice'), env().id('bob'), env().id('carol')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const t = new Transcript();
      alice.on('PeersOnlineStatusChanged', t.on('status'));
      await alice.subscribePeersOnlineStatus([bobId, carolId, bobId]);
      t.mark('subscribed');
      await env().flush();
      expect(t.take()).toEqual([['subscribed'], ['status', { [bobId]: 'ONLINE', [carolId]: 'OFFLINE' }]]);
      const carol = await loggedIn(env(), carolId);
      await bob.logout();
      await env().flush();
      expect(t.take()).toEqual([['status', { [carolId]: 'ONLINE' }], ['status', { [bobId]: 'OFFLINE' }]]);
      await alice.unsubscribePeersOnlineStatus([carolId]);
      await carol.logout();
      await env().flush();
      expect(t.take()).toEqual([]);
    });

    it('a query of a subscribed peer re-reports its state even when unchanged', async () => {
      const bobId = env().id('bob');
      const alice = await loggedIn(env(), env().id('alice'));
      await loggedIn(env(), bobId);
      await alice.subscribePeersOnlineStatus([bobId]);
      await env().flush();
      const t = new Transcript();
      alice.on('PeersOnlineStatusChanged', t.on('status'));
      await alice.queryPeersOnlineStatus([bobId, env().id('carol')]);
      await env().flush();
      expect(t.entries).toEqual([['status', { [bobId]: 'ONLINE' }]]);
    });

    it('subscriptions end with the session', async () => {
      const [aliceId, bobId] = [env().id('alice'), env().id('bob')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      await alice.subscribePeersOnlineStatus([bobId]);
      await env().flush();
      await alice.logout();
      const t = new Transcript();
      alice.on('PeersOnlineStatusChanged', t.on('status'));
      if (caps.controllableClock) {
        await env().advance(500);
        await alice.login({ uid: aliceId });
        // Not subscribed any more, so a query reports nothing either (docs/reference/rtm1-web-sdk.md §4.10 side effect).
        await alice.queryPeersOnlineStatus([bobId]);
      }
      await bob.logout();
      await env().flush();
      expect(t.entries).toEqual([]);
    });

    it('at most 512 subscriptions, 512 IDs per unsubscribe, ArgErr 2 for bad lists', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      expect(nameAndCode(await rejection(alice.subscribePeersOnlineStatus(ids(513, 'p'))))).toEqual([
        'RtmLimitExceededError',
        6,
      ]);
      await alice.subscribePeersOnlineStatus(ids(500, 'p'));
      expect(nameAndCode(await rejection(alice.subscribePeersOnlineStatus(ids(13, 'q'))))).toEqual([
        'RtmLimitExceededError',
        6,
      ]);
      await alice.subscribePeersOnlineStatus([...ids(12, 'q'), 'p0']);
      for (const bad of [[], ['a/b'], 'p1']) {
        expect(nameAndCode(await rejection(alice.subscribePeersOnlineStatus(bad as never)))).toEqual([
          'RtmInvalidArgumentError',
          2,
        ]);
        expect(nameAndCode(await rejection(alice.unsubscribePeersOnlineStatus(bad as never)))).toEqual([
          'RtmInvalidArgumentError',
          2,
        ]);
      }
      expect(nameAndCode(await rejection(alice.unsubscribePeersOnlineStatus(ids(513, 'p'))))).toEqual([
        'RtmLimitExceededError',
        6,
      ]);
      await alice.unsubscribePeersOnlineStatus(ids(512, 'p'));
    });
  });
}
