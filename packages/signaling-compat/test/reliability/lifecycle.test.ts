import { describe, expect, it } from 'vitest';
import { APP_ID } from '../support/harness';
import { PROTOTYPE_KEYS } from './hostileData';
import { DIALECTS, dialectWorld } from './dialects';

/** Every sequence of `length` joins over `channels`. */
function sequences(channels: string[], length: number): string[][] {
  if (length === 0) return [[]];
  return sequences(channels, length - 1).flatMap((rest) => channels.map((c) => [...rest, c]));
}

describe.each(DIALECTS)('$name: the last channelJoin wins, however fast the switching', (d) => {
  it.each(sequences(['A', 'B'], 3).map((joins) => ({ joins: joins.join(' → ') })))('$joins, 2 ms apart on a 20 ms network', async ({ joins }) => {
    const w = dialectWorld({ singleChannel: true }, { latencyMs: 20 });
    const alice = d.login(w, 'alice');
    await w.advance(100);
    for (const channel of joins.split(' → ')) {
      alice.join(channel);
      await w.advance(2);
    }
    await w.advance(1000);
    const last = joins.split(' → ').at(-1)!;
    const observer = w.rtm.createInstance(APP_ID);
    const settle = async <T>(promise: Promise<T>): Promise<T> => {
      await w.advance(100);
      return promise;
    };
    await settle(observer.login({ uid: 'observer' }));
    for (const channel of ['A', 'B']) {
      const probe = observer.createChannel(channel);
      await settle(probe.join());
      const members = await settle(probe.getMembers());
      expect(members.includes('alice'), `alice in ${channel}`).toBe(channel === last);
      await settle(probe.leave());
    }
    expect(w.transcript.filter(([name]) => String(name).endsWith('onChannelJoinFailed'))).toEqual([]);
  });
});

describe.each(DIALECTS)('$name: attribute names that mean something to JavaScript are ordinary names', (d) => {
  // `constructor` is the one name RTM 1.x cannot carry (its map check reads it): see below.
  it.each(PROTOTYPE_KEYS.filter((key) => key !== 'constructor'))('%s', async (key) => {
    const w = dialectWorld();
    const alice = d.login(w, 'alice');
    const bob = d.login(w, 'bob');
    await w.flush();
    alice.join('room');
    bob.join('room');
    await w.flush();
    w.transcript.splice(0);
    alice.setAttr('room', key, 'v');
    await w.advance(100);
    alice.setAttr('room', 'other', 'w');
    await w.advance(100);
    const observer = await w.rtmClient('observer');
    const stored = await observer.getChannelAttributes('room');
    expect(Object.getOwnPropertyDescriptor(stored, key)?.value).toMatchObject({ value: 'v' });
    const updates = w.transcript.filter(([name]) => String(name).endsWith('onChannelAttrUpdated'));
    // Each member (the setter once) sees both updates, and nothing is ever reported deleted.
    for (const who of ['alice', 'bob']) {
      const seen = updates.filter(([name]) => String(name).startsWith(`${who}.`)).map((e) => e.slice(-3));
      expect(seen, who).toEqual([
        [key, 'v', 'update'],
        ['other', 'w', 'update'],
      ]);
    }
  });
});

describe.each(DIALECTS)('$name: an attribute named "constructor"', (d) => {
  it('fails alone with the reason, and the sets around it still land', async () => {
    const w = dialectWorld();
    const alice = d.login(w, 'alice');
    await w.flush();
    alice.join('room');
    await w.flush();
    w.transcript.splice(0);
    alice.setAttr('room', 'before', 'a');
    alice.setAttr('room', 'constructor', 'v');
    alice.setAttr('room', 'after', 'b');
    await w.advance(100);
    const observer = await w.rtmClient('observer');
    const stored = await observer.getChannelAttributes('room');
    expect(Object.keys(stored).sort()).toEqual(['after', 'before']);
    const updates = w.transcript.filter(([name]) => String(name).endsWith('onChannelAttrUpdated')).map((e) => e.slice(-3));
    expect(updates).toEqual([
      ['before', 'a', 'update'],
      ['after', 'b', 'update'],
    ]);
    expect(w.logger.lines.some(([level, line]) => level === 'warn' && line.includes('named "constructor"'))).toBe(true);
  });
});
