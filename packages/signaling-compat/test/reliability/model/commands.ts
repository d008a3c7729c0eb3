import fc from 'fast-check';
import { expect } from 'vitest';
import { accountUid } from '../../../src/core/ids';
import type { Transcript } from '../../support/harness';
import { CHANNELS, CLIENTS, Model, byOwner, entry, type CallModel, type Client } from './state';
import { System } from './system';

type Cmd = fc.AsyncCommand<Model, System>;

const uid = accountUid;
const ATTR_WINDOW_MS = 5000;
const ACCEPT_DELAY_MS = 1000;
const REQUIRE_ONLINE = '{"_require_peer_online":1}';

/** Runs `act`, then checks the whole transcript (per owner) and every session's status against the model. */
async function step(m: Model, s: System, expected: Transcript, act: () => Promise<void>): Promise<void> {
  await act();
  for (const call of m.calls) if (call.orphan) s.orphans.add(call.id);
  expect(byOwner(s.take())).toEqual(byOwner(expected));
  for (const [c, session] of s.sessions) expect([c, session.state]).toEqual([c, m.isIn(c) ? 2 : 0]);
}

/** A command from its name, its precondition and its run. */
function command(name: string, check: (m: Readonly<Model>) => boolean, run: (m: Model, s: System) => Promise<void>): Cmd {
  return { check, run, toString: () => name };
}

/** The `k`-th live call (modulo), for commands generated before the calls exist. */
const pick = (m: Readonly<Model>, k: number, ok: (call: CallModel) => boolean): CallModel | undefined => {
  const calls = m.live().filter(ok);
  return calls[k % Math.max(calls.length, 1)];
};

function login(c: Client): Cmd {
  return command(`login(${c})`, () => true, (m, s) => {
    // A second login of the account kicks the first, as on legacy Signaling.
    const kicked: Transcript = m.isIn(c) ? [[`${c}.onLogout`, 103], ...m.gone(c)] : [];
    m.status.set(c, 'in');
    return step(m, s, [...kicked, [`${c}.onLoginSuccess`, uid(c)]], async () => {
      s.channels.delete(c);
      s.login(c);
      await s.w.flush();
    });
  });
}

function logout(c: Client): Cmd {
  return command(`logout(${c})`, (m) => m.isIn(c), (m, s) =>
    step(m, s, [[`${c}.onLogout`, 101], ...m.gone(c)], async () => {
      s.sessions.get(c)!.logout();
      s.channels.delete(c);
      await s.w.flush();
    }),
  );
}

function join(c: Client, ch: string): Cmd {
  return command(`join(${c}, ${ch})`, (m) => m.isIn(c), (m, s) => {
    const current = m.channel.get(c);
    const expected: Transcript = [];
    if (current !== undefined && current !== ch) expected.push([`${c}@${current}.onChannelLeaved`, 0], ...m.leaveChannel(c));
    if (current !== ch) {
      for (const other of m.members.get(ch)!) expected.push([`${other}@${ch}.onChannelUserJoined`, c, uid(c)]);
      m.members.get(ch)!.push(c);
      m.channel.set(c, ch);
    }
    expected.push([`${c}@${ch}.onChannelJoined`], [`${c}@${ch}.onChannelUserList`, m.members.get(ch)!.map(entry)]);
    for (const [k, v] of m.attrs.get(ch)!) expected.push([`${c}@${ch}.onChannelAttrUpdated`, k, v, 'update']);
    return step(m, s, expected, async () => {
      s.join(c, ch);
      await s.w.flush();
    });
  });
}

function leave(c: Client): Cmd {
  return command(`leave(${c})`, (m) => m.channel.has(c), (m, s) => {
    const ch = m.channel.get(c)!;
    return step(m, s, [[`${c}@${ch}.onChannelLeaved`, 0], ...m.leaveChannel(c)], async () => {
      s.channels.get(c)!.channelLeave();
      s.channels.delete(c);
      await s.w.flush();
    });
  });
}

function sendPeer(c: Client, to: Client): Cmd {
  return command(`sendPeer(${c} → ${to})`, (m) => m.isIn(c) && c !== to, (m, s) => {
    const msg = `m${++m.serial}`;
    // RTM takes a message to an offline peer (success) and drops it.
    const delivered: Transcript = m.isIn(to) ? [[`${to}.onMessageInstantReceive`, c, 0, msg]] : [];
    return step(m, s, [...delivered, [`${c}.sent`, true]], async () => {
      s.sessions.get(c)!.messageInstantSend(to, msg, (failed) => s.w.transcript.push([`${c}.sent`, !failed]));
      await s.w.flush();
    });
  });
}

function sendChannel(c: Client): Cmd {
  return command(`sendChannel(${c})`, (m) => m.channel.has(c), (m, s) => {
    const ch = m.channel.get(c)!;
    const msg = `m${++m.serial}`;
    const expected: Transcript = m.members.get(ch)!.map((member) => [`${member}@${ch}.onMessageChannelReceive`, c, uid(c), msg]);
    expected.push([`${c}@${ch}.cb`]);
    return step(m, s, expected, async () => {
      s.channels.get(c)!.messageChannelSend(msg, () => s.w.transcript.push([`${c}@${ch}.cb`]));
      await s.w.flush();
    });
  });
}

type AttrOp = { kind: 'set'; key: string; value: string } | { kind: 'del'; key: string } | { kind: 'clear' };

function attr(c: Client, op: AttrOp): Cmd {
  const name = op.kind === 'set' ? `setAttr(${c}, ${op.key}=${op.value})` : op.kind === 'del' ? `delAttr(${c}, ${op.key})` : `clearAttr(${c})`;
  return command(name, (m) => m.channel.has(c), (m, s) => {
    const ch = m.channel.get(c)!;
    const attrs = m.attrs.get(ch)!;
    const members = m.members.get(ch)!;
    const each = (event: (member: Client) => unknown[] | undefined): Transcript =>
      members.flatMap((member) => {
        const args = event(member);
        return args ? [[`${member}@${ch}.onChannelAttrUpdated`, ...args]] : [];
      });
    let expected: Transcript = [];
    if (op.kind === 'set' && attrs.get(op.key) !== op.value) {
      expected = each(() => [op.key, op.value, 'update']);
      attrs.set(op.key, op.value);
    } else if (op.kind === 'del' && attrs.has(op.key)) {
      expected = each(() => [op.key, attrs.get(op.key), 'del']);
      attrs.delete(op.key);
    } else if (op.kind === 'clear' && attrs.size > 0) {
      // The others see RTM's full map: a single key's removal reads as its delete.
      const [only] = attrs;
      expected = each((member) => (member === c || attrs.size > 1 ? ['', '', 'clear'] : [only![0], only![1], 'del']));
      attrs.clear();
    }
    expected.push([`${c}@${ch}.cb`]);
    return step(m, s, expected, async () => {
      let done = false;
      const cb = () => {
        done = true;
        s.w.transcript.push([`${c}@${ch}.cb`]);
      };
      const channel = s.channels.get(c)!;
      if (op.kind === 'set') channel.channelSetAttr(op.key, op.value, cb);
      else if (op.kind === 'del') channel.channelDelAttr(op.key, cb);
      else channel.channelClearAttr(cb);
      await s.w.flush();
      // RTM's attribute rate window may hold the update back; it is late, never lost.
      if (!done) await s.w.advance(ATTR_WINDOW_MS);
    });
  });
}

function invite(c: Client, to: Client, ch: string): Cmd {
  const between = (call: CallModel) => call.channel === ch && [call.from, call.to].sort().join() === [c, to].sort().join();
  return command(`invite(${c} → ${to} in ${ch})`, (m) => m.isIn(c) && c !== to && !m.live().some(between), (m, s) => {
    const id = ++m.serial;
    const online = m.isIn(to);
    m.calls.push({ id, from: c, to, channel: ch, state: online ? 'ringing' : 'over', orphan: false });
    const expected: Transcript = online
      ? [[`${to}#c${id}.onInviteReceived`, ch, c, REQUIRE_ONLINE], [`${c}#c${id}.onInviteReceivedByPeer`, '']]
      : [[`${c}#c${id}.onInviteFailed`, JSON.stringify({ reason: 'peer offline', ecode: 703 })]];
    return step(m, s, expected, async () => {
      s.invite(c, to, ch, id, REQUIRE_ONLINE);
      await s.w.flush();
    });
  });
}

function answer(k: number, how: 'accept' | 'refuse'): Cmd {
  const ringing = (call: CallModel) => call.state === 'ringing';
  return command(`${how}(ringing call #${k})`, (m) => pick(m, k, ringing) !== undefined, (m, s) => {
    const call = pick(m, k, ringing)!;
    const label = `${call.from}#c${call.id}`;
    call.state = how === 'accept' ? 'answered' : 'over';
    const expected: Transcript = [how === 'accept' ? [`${label}.onInviteAcceptedByPeer`, ''] : [`${label}.onInviteRefusedByPeer`, 'busy']];
    return step(m, s, expected, async () => {
      const callee = s.call(call.id, 'callee');
      if (how === 'accept') {
        callee.channelInviteAccept('');
        await s.w.advance(ACCEPT_DELAY_MS);
      } else {
        callee.channelInviteRefuse('busy');
        await s.w.flush();
      }
    });
  });
}

function end(k: number, side: 'caller' | 'callee'): Cmd {
  const any = () => true;
  return command(`end(call #${k}, by the ${side})`, (m) => pick(m, k, any) !== undefined, (m, s) => {
    const call = pick(m, k, any)!;
    call.state = 'over';
    const [me, peer] = side === 'caller' ? [call.from, call.to] : [call.to, call.from];
    const expected: Transcript = [[`${me}#c${call.id}.onInviteEndByMyself`, ''], [`${peer}#c${call.id}.onInviteEndByPeer`, 'bye']];
    return step(m, s, expected, async () => {
      s.call(call.id, side).channelInviteEnd('bye');
      await s.w.flush();
    });
  });
}

function dtmf(k: number, side: 'caller' | 'callee'): Cmd {
  const answered = (call: CallModel) => call.state === 'answered';
  return command(`dtmf(answered call #${k}, from the ${side})`, (m) => pick(m, k, answered) !== undefined, (m, s) => {
    const call = pick(m, k, answered)!;
    const peer = side === 'caller' ? call.to : call.from;
    return step(m, s, [[`${peer}#c${call.id}.onInviteMsg`, '{"msgtype":"dtmf","msgdata":"5"}']], async () => {
      s.call(call.id, side).channelInviteDTMF('5');
      await s.w.flush();
    });
  });
}

/**
 * A connection drop and the reconnect. Within the budget the login continues: what the dropped
 * client sends meanwhile (a peer and a channel message) is held and delivered, while a peer message
 * to it is taken by RTM and lost (RTM 1.x keeps none). Beyond it the login ends (102).
 */
function drop(c: Client, long: boolean): Cmd {
  return command(`drop(${c}, ${long ? 'beyond' : 'within'} the budget)`, (m) => m.isIn(c), (m, s) => {
    if (long) {
      // The budget ends the login at 15 s; the server drops the silent member at 30 s.
      return step(m, s, [[`${c}.onLogout`, 102], ...m.gone(c)], async () => {
        s.w.rtm.disconnect(c);
        await s.w.advance(30_000);
        s.w.rtm.reconnect(c);
        s.channels.delete(c);
        await s.w.flush();
      });
    }
    const other = CLIENTS.find((x) => x !== c)!;
    const [toPeer, toChannel, lost] = [++m.serial, ++m.serial, ++m.serial].map((n) => `m${n}`);
    const ch = m.channel.get(c);
    const otherIn = m.isIn(other);
    const expected: Transcript = [[`${c}.onLoginSuccess`, uid(c)]];
    if (otherIn) expected.push([`${other}.sent`, true], [`${other}.onMessageInstantReceive`, c, 0, toPeer]);
    if (ch === undefined) expected.push([`${c}.sent`, true]);
    else {
      // The held sends go out in order once reconnected. The members get the channel message in the
      // fake's delivery order; the peer send's callback comes just before the sender's own copy, and
      // the channel send's callback last.
      for (const member of m.members.get(ch)!) {
        if (member === c) expected.push([`${c}.sent`, true]);
        expected.push([`${member}@${ch}.onMessageChannelReceive`, c, uid(c), toChannel]);
      }
      expected.push([`${c}@${ch}.cb`]);
    }
    return step(m, s, expected, async () => {
      const session = s.sessions.get(c)!;
      s.w.rtm.disconnect(c);
      await s.w.flush();
      expect(session.state).toBe(3);
      session.messageInstantSend(other, toPeer, (failed) => s.w.transcript.push([`${c}.sent`, !failed]));
      s.channels.get(c)?.messageChannelSend(toChannel, () => s.w.transcript.push([`${c}@${ch}.cb`]));
      if (otherIn) s.sessions.get(other)!.messageInstantSend(c, lost, (failed) => s.w.transcript.push([`${other}.sent`, !failed]));
      await s.w.advance(2000);
      s.w.rtm.reconnect(c);
      await s.w.flush();
    });
  });
}

const client = fc.constantFrom(...CLIENTS);
const channel = fc.constantFrom(...CHANNELS);
const key = fc.constantFrom('k1', 'k2', 'k3');
const side = fc.constantFrom<'caller' | 'callee'>('caller', 'callee');
const slot = fc.nat(3);

const join_ = fc.tuple(client, channel).map(([c, ch]) => join(c, ch));
const setAttr = fc.tuple(client, key, fc.constantFrom('x', 'y')).map(([c, k, value]) => attr(c, { kind: 'set', key: k, value }));
const invite_ = fc.tuple(client, client, channel).map(([c, to, ch]) => invite(c, to, ch));
const answer_ = fc.tuple(slot, fc.constantFrom<'accept' | 'refuse'>('accept', 'refuse')).map(([k, how]) => answer(k, how));

/** Every command with random arguments; joins, attribute sets, invitations and answers are drawn twice as often. */
export const COMMANDS: Array<fc.Arbitrary<Cmd>> = [
  client.map(login),
  client.map(logout),
  join_,
  join_,
  client.map(leave),
  fc.tuple(client, client).map(([c, to]) => sendPeer(c, to)),
  client.map(sendChannel),
  setAttr,
  setAttr,
  fc.tuple(client, key).map(([c, k]) => attr(c, { kind: 'del', key: k })),
  client.map((c) => attr(c, { kind: 'clear' })),
  invite_,
  invite_,
  answer_,
  answer_,
  fc.tuple(slot, side).map(([k, by]) => end(k, by)),
  fc.tuple(slot, side).map(([k, from]) => dtmf(k, from)),
  fc.tuple(client, fc.boolean()).map(([c, long]) => drop(c, long)),
];

/** Every run starts with a and b logged in and in r1, and c logged in and in r2. */
export async function start(): Promise<{ model: Model; real: System }> {
  const model = new Model();
  const real = new System();
  for (const [c, ch] of [['a', 'r1'], ['b', 'r1'], ['c', 'r2']] as const) {
    real.login(c);
    model.status.set(c, 'in');
    await real.w.flush();
    real.join(c, ch);
    model.channel.set(c, ch);
    model.members.get(ch)!.push(c);
    await real.w.flush();
  }
  real.w.take();
  return { model, real };
}
