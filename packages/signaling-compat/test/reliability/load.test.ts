import { describe, expect, it } from 'vitest';
import type { ChannelCallback, LoginCallback, MessageCallback } from '../../src/legacy/server/callbacks';
import type { Channel } from '../../src/legacy/server/Channel';
import type { LoginSession } from '../../src/legacy/server/LoginSession';
import { CHANNEL_CALLBACKS, watch, world } from '../support/harness';

const SESSIONS = 1000;
const CHANNELS = 10;
/** Per channel: this many members send this many messages each (100 messages a channel). */
const CHANNEL_SENDERS = 10;
const CHANNEL_MESSAGES_EACH = 10;
/** Per session: messages to each of these peer offsets. */
const PEER_OFFSETS = [1, 7, 500];
const PEER_MESSAGES_EACH = 2;

/** What one session saw, counted as it arrives. */
interface Seen {
  logins: number;
  logouts: number[];
  joined: number;
  listSize: number;
  joinedLater: number;
  sent: number;
  sendErrors: number;
  errors: unknown[][];
  messages: string[];
}

/** "from:c3" / "from:p1" messages grouped by sender and kind ("from:c"), each group's numbers in arrival order. */
function bySender(messages: string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const m of messages) {
    const key = m.slice(0, m.indexOf(':') + 2);
    const group = groups.get(key) ?? [];
    group.push(Number(m.slice(key.length)));
    groups.set(key, group);
  }
  return groups;
}

const ascending = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('load: 1,000 Server-dialect sessions in one process', () => {
  it('10 channels of 100: every join, channel and p2p message arrives once, in per-sender order', async () => {
    const w = world();
    const seen: Seen[] = [];
    const sessions: LoginSession[] = [];
    const channels: Channel[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const s: Seen = { logins: 0, logouts: [], joined: 0, listSize: 0, joinedLater: 0, sent: 0, sendErrors: 0, errors: [], messages: [] };
      seen.push(s);
      const callback: LoginCallback = {
        onLoginSuccess: () => s.logins++,
        onLogout: (_, code) => s.logouts.push(code),
        onMessageInstantReceive: (_, account, __, msg) => s.messages.push(`${account}:${String(msg)}`),
        onError: (...args) => s.errors.push(args),
        onLoginFailed: (...args) => s.errors.push(args),
      };
      sessions.push(w.signal.login(`u${i}`, '_no_need_token', callback));
    }
    await w.flush();
    expect(seen.every((s) => s.logins === 1)).toBe(true);

    const channelEvents = (s: Seen): ChannelCallback => ({
      onChannelJoined: () => s.joined++,
      onChannelUserList: (_, __, users) => (s.listSize = users.length),
      onChannelUserJoined: () => s.joinedLater++,
      onChannelJoinFailed: (...args) => s.errors.push(args),
      onMessageChannelReceive: (_, __, account, ___, msg) => s.messages.push(`${account}:${String(msg)}`),
    });
    sessions.forEach((session, i) => channels.push(session.channelJoin(`room${i % CHANNELS}`, channelEvents(seen[i]!))));
    await w.flush();
    // Each member saw the whole channel: those before it in its user list, those after it join.
    expect(seen.every((s) => s.joined === 1 && s.listSize + s.joinedLater === SESSIONS / CHANNELS)).toBe(true);

    const result = (s: Seen): MessageCallback => ({ onMessageSendSuccess: () => s.sent++, onMessageSendError: () => s.sendErrors++ });
    const senders = ascending(CHANNEL_SENDERS * CHANNELS);
    for (let seq = 0; seq < CHANNEL_MESSAGES_EACH; seq++) {
      for (const i of senders) channels[i]!.messageChannelSend(`c${seq}`, result(seen[i]!));
    }
    for (let seq = 0; seq < PEER_MESSAGES_EACH; seq++) {
      sessions.forEach((session, i) => {
        for (const offset of PEER_OFFSETS) session.messageInstantSend(`u${(i + offset) % SESSIONS}`, `p${seq}`, result(seen[i]!));
      });
    }
    await w.flush();

    const peerSent = PEER_OFFSETS.length * PEER_MESSAGES_EACH;
    seen.forEach((s, i) => {
      const channelSenders = senders.filter((j) => j % CHANNELS === i % CHANNELS).map((j) => `u${j}`);
      const expected = new Map<string, number[]>();
      for (const sender of channelSenders) expected.set(`${sender}:c`, ascending(CHANNEL_MESSAGES_EACH));
      for (const offset of PEER_OFFSETS) expected.set(`u${(i - offset + SESSIONS) % SESSIONS}:p`, ascending(PEER_MESSAGES_EACH));
      expect(bySender(s.messages)).toEqual(expected);
      expect(s.sent).toBe(peerSent + (senders.includes(i) ? CHANNEL_MESSAGES_EACH : 0));
      expect([s.sendErrors, s.errors]).toEqual([0, []]);
    });
    expect(w.logger.lines).toEqual([]);

    for (const session of sessions) session.logout();
    await w.flush();
    expect(seen.every((s) => s.logouts.length === 1 && s.logouts[0] === 101)).toBe(true);
    expect(w.rtm.stats()['logout']).toBe(SESSIONS);
  });
});

describe('load: bursts', () => {
  it('100 channelSetAttr/Del/Clear on one channel under the attribute rate limit: exact state everywhere, every cb, no error', async () => {
    const w = world({}, { limits: { channelAttributeOps: { max: 10, perMs: 5000 } } });
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const a = alice.channelJoin('room')!;
    const b = bob.channelJoin('room')!;
    await w.flush();
    const views = { a: new Map<string, string>(), b: new Map<string, string>() };
    const follow = (view: Map<string, string>) => (name: string, value: string, type: string) => {
      if (type === 'update') view.set(name, value);
      else if (type === 'del') view.delete(name);
      else view.clear();
    };
    a.onChannelAttrUpdated = follow(views.a);
    b.onChannelAttrUpdated = follow(views.b);
    const model = new Map<string, string>();
    let callbacks = 0;
    for (let i = 0; i < 100; i++) {
      const key = `k${(i * 7) % 23}`;
      if (i % 31 === 30) {
        a.channelClearAttr(() => callbacks++);
        model.clear();
      } else if (i % 5 === 4) {
        a.channelDelAttr(key, () => callbacks++);
        model.delete(key);
      } else {
        a.channelSetAttr(key, `v${i}`, () => callbacks++);
        model.set(key, `v${i}`);
      }
    }
    await w.flush();
    await w.advance(60_000);
    expect(callbacks).toBe(100);
    expect(views.a).toEqual(model);
    expect(views.b).toEqual(model);
    const late = bob.channelJoin('room')!;
    const snapshot = new Map<string, string>();
    late.onChannelAttrUpdated = follow(snapshot);
    await w.flush();
    expect(snapshot).toEqual(model);
    expect(w.logger.lines).toEqual([]);
  });

  it('600 sends in one burst under RTM’s 180-per-3-s limit: paced, none dropped, none failed, in order', async () => {
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const room = alice.channelJoin('room')!;
    const inBob = bob.channelJoin('room')!;
    await w.flush();
    w.take();
    watch(inBob, CHANNEL_CALLBACKS, w.transcript, 'room');
    w.rtm.resetStats();
    const results: boolean[] = [];
    for (let i = 0; i < 300; i++) {
      alice.messageInstantSend('bob', `p${i}`, (failed) => results.push(!failed));
      room.messageChannelSend(`c${i}`, () => results.push(true));
    }
    await w.flush();
    const sends = () => (w.rtm.stats()['sendMessageToPeer'] ?? 0) + (w.rtm.stats()['channel.sendMessage'] ?? 0);
    // The first window's worth went out at once; the rest waits its turn instead of failing.
    expect(sends()).toBe(180);
    await w.advance(15_000);
    expect(sends()).toBe(600);
    expect(results).toEqual(Array(600).fill(true));
    const got = w.take();
    expect(got.filter(([name]) => name === 'bob.onMessageInstantReceive').map((e) => e[3])).toEqual(
      ascending(300).map((i) => `p${i}`),
    );
    expect(got.filter(([name]) => name === 'room.onMessageChannelReceive').map((e) => e[3])).toEqual(
      ascending(300).map((i) => `c${i}`),
    );
    expect(w.logger.lines).toEqual([]);
  });
});
