/**
 * RTM calls per legacy operation, from `FakeRtm.stats()` (and, on Signaling 2.x, `FakeRtm2.stats()`:
 * the 2.x calls the adapter makes). On a real network each call is a round trip, so this is the
 * shim's cost that users feel most.
 */
import { FakeRtm2, ManualClock } from '../packages/signaling-compat/src/fake';
import Signal from '../packages/signaling-compat/src/index';
import type { Channel } from '../packages/signaling-compat/src/index';
import { APP_ID, Countdown, shimJoin, shimLogin, world } from './world';

/** Local factories: counted by `stats()` but never sent to the server. */
const LOCAL = new Set(['createChannel', 'createLocalInvitation']);
const BURST = 100;
/** Keys the burst cycles through: RTM holds at most 32 attributes per channel. */
const BURST_KEYS = 10;

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
}

/** `rtm2`: the same operations on FakeRtm2, counting the 2.x calls (publish, subscribe, …). */
export async function rtmCallsPerOp(backend: 'rtm1' | 'rtm2' = 'rtm1'): Promise<RtmCalls> {
  const clock = new ManualClock();
  const { rtm, signal } =
    backend === 'rtm2'
      ? rtm2World(clock)
      : // The documented attribute limit (about 10 operations per 5 s per channel) enforced by the server.
        world({ clock, limits: { channelAttributeOps: { max: 10, perMs: 5000 } } });
  const count = async (operation: () => Promise<void>): Promise<CallCount> => {
    await rtm.flush();
    rtm.resetStats();
    await operation();
    await rtm.flush();
    const byMethod = rtm.stats();
    const calls = Object.entries(byMethod).reduce((sum, [method, n]) => sum + (LOCAL.has(method) ? 0 : n), 0);
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
  return { messageInstantSend, messageChannelSend, channelJoin, attrBurst100 };
}

function rtm2World(clock: ManualClock) {
  const rtm = new FakeRtm2({ clock });
  return { rtm, signal: Signal(APP_ID, { rtm, logger: {} }) };
}
