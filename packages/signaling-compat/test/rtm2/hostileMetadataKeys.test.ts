import { describe, expect, it } from 'vitest';
import { FakeRtm2, ManualClock } from '../../src/fake';
import { Signal } from '../../src/legacy/Signal';
import { CHANNEL_CALLBACKS, watch } from '../support/harness';
import { APP_ID, adapterWorld } from './env';

/**
 * A hostile (or just foreign) 2.x peer writes metadata whose escaped key decodes to a prototype
 * key. `~5F_proto__` is exactly what the adapter itself stores for a 1.x attribute named
 * `__proto__` (src/rtm2/wire.ts encodeKey), and 1.x delivers such an attribute as an ordinary key.
 */
describe('2.x metadata keys that decode to prototype keys', () => {
  it('getChannelAttributes: a "__proto__" attribute is an own key, and the result keeps Object.prototype', async () => {
    const w = adapterWorld();
    const bob = await w.client('bob');
    const mallory = await w.raw('mallory');
    await mallory.storage.setChannelMetadata('room', 'MESSAGE', [
      { key: '~5F_proto__', value: 'P' },
      { key: 'k', value: 'v' },
    ]);
    await w.fake.flush();
    const all = await bob.getChannelAttributes('room');
    // 1.x (FakeRtm) gives ['__proto__', 'k'] for the same map.
    expect(Object.keys(all).sort()).toEqual(['__proto__', 'k']);
    expect(Object.getPrototypeOf(all)).toBe(Object.prototype);
  });

  it('getChannelAttributesByKeys / getUserAttributesByKeys return only stored keys, never inherited ones', async () => {
    const w = adapterWorld();
    const bob = await w.client('bob');
    const mallory = await w.raw('mallory');
    await mallory.storage.setChannelMetadata('room', 'MESSAGE', [{ key: 'k', value: 'v' }]);
    await mallory.storage.setUserMetadata([{ key: 'k', value: 'v' }]);
    await w.fake.flush();
    // 1.x (FakeRtm) answers {} for keys that are not stored.
    expect(await bob.getChannelAttributesByKeys('room', ['toString', 'constructor'])).toEqual({});
    expect(await bob.getUserAttributesByKeys('mallory', ['toString', 'hasOwnProperty'])).toEqual({});
  });

  it('getUserAttributes: a "__proto__" user attribute is kept, as on 1.x', async () => {
    const w = adapterWorld();
    const bob = await w.client('bob');
    const mallory = await w.raw('mallory');
    await mallory.storage.setUserMetadata([
      { key: '~5F_proto__', value: 'P' },
      { key: 'k', value: 'v' },
    ]);
    await w.fake.flush();
    const attributes = await bob.getUserAttributes('mallory');
    expect(Object.keys(attributes).sort()).toEqual(['__proto__', 'k']);
  });

  it('legacy Web: onChannelAttrUpdated reports a "__proto__" attribute, as it does on 1.x', async () => {
    const clock = new ManualClock();
    const fake = new FakeRtm2({ clock });
    const signal = Signal(APP_ID, { rtm: fake as never });
    const transcript: unknown[][] = [];
    const session = signal.login('bob', '_no_need_token');
    await fake.flush();
    const channel = session.channelJoin('room')!;
    watch(channel, CHANNEL_CALLBACKS, transcript, 'room');
    await fake.flush();
    const mallory = new fake.RTM(APP_ID, 'mallory');
    await mallory.login();
    await mallory.storage.setChannelMetadata('room', 'MESSAGE', [
      { key: '~5F_proto__', value: 'P' },
      { key: 'k', value: 'v' },
    ]);
    await fake.advance(1000);
    const updates = transcript.filter(([name]) => name === 'room.onChannelAttrUpdated');
    // 1.x: [['room.onChannelAttrUpdated', '__proto__', 'P', 'update'], ['room.onChannelAttrUpdated', 'k', 'v', 'update']]
    expect(updates).toContainEqual(['room.onChannelAttrUpdated', '__proto__', 'P', 'update']);
    expect(updates).toContainEqual(['room.onChannelAttrUpdated', 'k', 'v', 'update']);
  });
});
