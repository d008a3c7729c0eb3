import { describe, expect, it } from 'vitest';
import type { Channel } from '../../src/legacy/web/Channel';
import type { Session } from '../../src/legacy/web/Session';
import { BACKEND, CHANNEL_CALLBACKS, watch, world } from '../support/harness';

async function joined(w: ReturnType<typeof world>, session: Session, name: string, label: string): Promise<Channel> {
  const channel = session.channelJoin(name)!;
  watch(channel, CHANNEL_CALLBACKS, w.transcript, label);
  await w.flush();
  return channel;
}

/** Each member's onChannelAttrUpdated events, by label. */
function attrEvents(transcript: unknown[][], label: string): unknown[][] {
  return transcript.filter((e) => e[0] === `${label}.onChannelAttrUpdated`).map((e) => e.slice(1));
}

/**
 * Updates queued behind one in flight are coalesced; every member must still see the events the
 * same calls one by one would have given on RTM 1.x, in the order the app made them.
 */
describe('Web coalesced attribute updates', () => {
  async function room() {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const a = await joined(w, alice, 'room', 'a');
    a.channelSetAttr('x', '1');
    await w.flush();
    a.channelSetAttr('y', '2');
    await w.flush();
    await joined(w, bob, 'room', 'b');
    w.take();
    return { w, a };
  }

  it('a clear and then a set are one replace: the setter sees them as made, the others the replaced map', async () => {
    const { w, a } = await room();
    a.channelSetAttr('q', 'first');
    a.channelClearAttr();
    a.channelSetAttr('k', 'v');
    await w.flush();
    const transcript = w.take();
    expect(attrEvents(transcript, 'a')).toEqual([
      ['q', 'first', 'update'],
      ['', '', 'clear'],
      ['k', 'v', 'update'],
    ]);
    // One setChannelAttributes in place of the clear and the set (one RTM call less). On 1.x the
    // other members get the difference between the map before and after it; on 2.x, which has no
    // replace, the map is cleared and then set, so they see the clear and the set as made.
    expect(attrEvents(transcript, 'b')).toEqual(
      BACKEND === 'rtm2'
        ? attrEvents(transcript, 'a')
        : [
            ['q', 'first', 'update'],
            ['k', 'v', 'update'],
            ['x', '1', 'del'],
            ['y', '2', 'del'],
            ['q', 'first', 'del'],
          ],
    );
  });

  it('a set and then a delete: every member sees them in that order', async () => {
    const { w, a } = await room();
    a.channelSetAttr('q', 'first');
    a.channelSetAttr('k', 'v');
    a.channelDelAttr('x');
    await w.flush();
    const transcript = w.take();
    const expected = [
      ['q', 'first', 'update'],
      ['k', 'v', 'update'],
      ['x', '1', 'del'],
    ];
    expect(attrEvents(transcript, 'a')).toEqual(expected);
    expect(attrEvents(transcript, 'b')).toEqual(expected);
  });

  it('callbacks come in the order of the calls, a call RTM would refuse included', async () => {
    const { w, a } = await room();
    const order: string[] = [];
    a.channelSetAttr('q', 'first', () => order.push('q'));
    a.channelSetAttr('x'.repeat(33), 'v', () => order.push('too long'));
    a.channelDelAttr('x', () => order.push('del x'));
    a.channelSetAttr('constructor', 'v', () => order.push('constructor'));
    await w.flush();
    expect(order).toEqual(['q', 'too long', 'del x', 'constructor']);
  });
});
