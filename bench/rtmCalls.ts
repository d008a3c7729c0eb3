/**
 * RTM calls per legacy operation, from `FakeRtm.stats()` (and, on Signaling 2.x, `FakeRtm2.stats()`:
 * the 2.x calls the adapter makes). On a real network each call is a round trip, so this is the
 * shim's cost that users feel most.
 */
import { FakeRtm2, ManualClock } from 'signaling-compat/fake';
import Signal from 'signaling-compat';
import type { Channel } from 'signaling-compat';
import { APP_ID, Countdown, shimJoin, shimLogin, world } from './world';

/** Local factories: counted by `stats()` but never sent to the server. */
const LOCAL = new Set(['createChannel', 'createLocalInvitation']);
const BURST = 100;
/** Keys the burst cycles through: RTM holds at most 32 attributes per channel. */
const BURST_KEYS = 10;
const STATUS_QUERIES = 5;
const MINUTE_MS = 60_000;
/** Past the attribute write window, so a later write never waits. */
const ATTR_SETTLE_MS = 5_000;
/** The attribute write that turns `_auto_update_num` on (1.x and 2.x names): not part of that figure. */
const WRITES = /ChannelAttributes|ChannelMetadata/;

export interface CallCount {
  /** Calls that reach the server. */
  calls: number;
  /** Every counted method, local factories included. */
  byMethod: Record<string, number>;
}

export interface RtmCalls {
  messageInstantSend: CallCount;
  messageChannelSend: CallCount;
  channelJoin: CallCount;
  attrBurst100: CallCount;
  /**
   * `channelSetAttr`, `channelClearAttr` and three more `channelSetAttr` in one tick: the first
   * goes out at once, the rest queue behind it as one burst.
   */
  attrSetClearSet3: CallCount;
  /** Five Web `invoke('io.agora.signal.user_query_user_status')` of five accounts in one tick. */
  statusQueryBurst5: CallCount;
  /** Two members with `_auto_update_num` = 1 for one simulated minute (`getChannelMemberCount` and all). */
  autoUpdateNumPerMinute: CallCount;
}

/** `rtm2`: the same operations on FakeRtm2, counting the 2.x calls (publish, subscribe, …). */
export async function rtmCallsPerOp(backend: 'rtm1' | 'rtm2' = 'rtm1'): Promise<RtmCalls> {
  const clock = new ManualClock();
  const { rtm, signal } =
    backend === 'rtm2'
      ? rtm2World(clock)
      : // The documented attribute limit (about 10 operations per 5 s per channel) enforced by the server.
        world({ clock, limits: { channelAttributeOps: { max: 10, perMs: 5000 } } });
  /** Calls made during `operation`, without local factories and the methods `ignore` matches. */
  const count = async (operation: () => Promise<void>, ignore?: RegExp): Promise<CallCount> => {
    await rtm.flush();
    rtm.resetStats();
    await operation();
    await rtm.flush();
    const byMethod = rtm.stats();
    const counted = ([method]: [string, number]): boolean => !LOCAL.has(method) && !ignore?.test(method);
    const calls = Object.entries(byMethod).reduce((sum, entry) => sum + (counted(entry) ? entry[1] : 0), 0);
    return { calls, byMethod };
  };
  const [alice, bob] = await Promise.all([shimLogin(signal, 'calls-alice'), shimLogin(signal, 'calls-bob')]);
  const bobRoom = await shimJoin(bob, 'calls-room');

  const messageInstantSend = await count(
    () => new Promise((resolve) => alice.messageInstantSend('calls-bob', 'hello', () => resolve())),
  );
  let aliceRoom: Channel | undefined;
  const channelJoin = await count(async () => {
    aliceRoom = await shimJoin(alice, 'calls-room');
  });
  if (!aliceRoom) throw new Error('join did not complete');
  const room = aliceRoom;
  const messageChannelSend = await count(() => new Promise((resolve) => room.messageChannelSend('hello', resolve)));

  const latest = new Map<string, string>();
  bobRoom.onChannelAttrUpdated = (name, value) => latest.set(name, value);
  const attrBurst100 = await count(async () => {
    const counter = new Countdown();
    let done = false;
    const finished = counter.expect(BURST).then(() => {
      done = true;
    });
    for (let i = 0; i < BURST; i++) room.channelSetAttr(`key${i % BURST_KEYS}`, `value${i}`, counter.tick);
    // The queue may wait for the rate window: let simulated time pass until every callback ran.
    while (!done) await rtm.advance(500);
    await finished;
  });
  // Coalescing must lose nothing: the other member ends with the last value of every key.
  for (let k = 0; k < BURST_KEYS; k++) {
    const expected = `value${BURST - BURST_KEYS + k}`;
    if (latest.get(`key${k}`) !== expected) throw new Error(`attribute burst: key${k} is ${latest.get(`key${k}`)}, not ${expected}`);
  }

  const attrSetClearSet3 = await count(async () => {
    const counter = new Countdown();
    const done = counter.expect(5);
    room.channelSetAttr('before', 'clear', counter.tick);
    room.channelClearAttr(counter.tick);
    for (let k = 0; k < 3; k++) room.channelSetAttr(`key${k}`, 'after clear', counter.tick);
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    while (!finished) await rtm.advance(500);
  });
  await rtm.advance(ATTR_SETTLE_MS);

  const statusQueryBurst5 = await count(async () => {
    const counter = new Countdown();
    const answered = counter.expect(STATUS_QUERIES);
    let failures = 0;
    for (let i = 0; i < STATUS_QUERIES; i++) {
      // Alternately online (bob) and not: both answers come from the same RTM call.
      const account = i % 2 === 0 ? 'calls-bob' : `calls-away-${i}`;
      alice.invoke('io.agora.signal.user_query_user_status', { account }, (err) => {
        if (err !== '') failures++;
        counter.tick();
      });
    }
    await answered;
    if (failures > 0) throw new Error(`${failures} status queries failed`);
  });

  // Both members follow `_auto_update_num` once it is set; the minute starts when it is reported.
  const autoUpdateNumPerMinute = await count(async () => {
    const reported = new Countdown();
    const both = reported.expect(2);
    for (const channel of [room, bobRoom]) {
      channel.onChannelAttrUpdated = (name) => {
        if (name === '_member_num') reported.tick();
      };
    }
    room.channelSetAttr('_auto_update_num', '1');
    let started = false;
    void both.then(() => {
      started = true;
    });
    while (!started) await rtm.advance(100);
    await rtm.advance(MINUTE_MS);
  }, WRITES);
  room.channelDelAttr('_auto_update_num');
  await rtm.advance(ATTR_SETTLE_MS);
  return { messageInstantSend, messageChannelSend, channelJoin, attrBurst100, attrSetClearSet3, statusQueryBurst5, autoUpdateNumPerMinute };
}

function rtm2World(clock: ManualClock) {
  const rtm = new FakeRtm2({ clock });
  return { rtm, signal: Signal(APP_ID, { rtm, logger: {} }) };
}
