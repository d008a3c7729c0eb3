import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FakeRtm } from '../../src/fake';
import type { Call } from '../../src/legacy/web/Call';
import type { Session } from '../../src/legacy/web/Session';
import { Signal } from '../../src/legacy/Signal';
import { APP_ID, recordingLogger } from '../support/harness';

/**
 * Long-lived use on the host's real timers (no ManualClock): many login/logout, channel and call
 * cycles, and a message exchange that runs into RTM's rate window. Counts and memory are checked;
 * time is not — the only bound on time is that a step that never completes fails the test.
 */

const gc = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

/** Resolves when `ready()` holds; a step that never gets there fails instead of hanging the run. */
async function until(what: string, ready: () => boolean): Promise<void> {
  for (let turns = 0; !ready(); turns++) {
    if (turns > 20_000) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** The fake's invitation timers shortened, so a call cycle takes milliseconds of real time. */
const FAST_CALLS = { retryMs: 5, acceptResendMs: 1, acceptAckMs: 200, offlineWindowMs: 500, expiryMs: 1000 };

/** What an app hangs on the objects it is given: kept alive exactly as long as the object is. */
const appState = () => ({ appState: new Uint8Array(16 * 1024) });

async function cycle(signal: ReturnType<typeof Signal>, n: number): Promise<void> {
  const events: string[] = [];
  const alice: Session = Object.assign(signal.login(`alice${n % 7}`, ''), appState());
  const bob: Session = Object.assign(signal.login(`bob${n % 5}`, ''), appState());
  for (const [who, session] of [['alice', alice], ['bob', bob]] as const) {
    session.onLoginSuccess = () => events.push(`${who} in`);
    session.onLogout = () => events.push(`${who} out`);
    session.onMessageInstantReceive = () => events.push(`${who} msg`);
  }
  bob.onInviteReceived = (call: Call) => {
    Object.assign(call, appState());
    call.onInviteEndByPeer = () => events.push('bob call ended');
    call.channelInviteAccept('');
  };
  await until('both logged in', () => events.includes('alice in') && events.includes('bob in'));
  const room = Object.assign(alice.channelJoin('room')!, appState());
  const theirs = Object.assign(bob.channelJoin('room')!, appState());
  let joined = 0;
  room.onChannelJoined = theirs.onChannelJoined = () => joined++;
  theirs.onChannelAttrUpdated = (name: string) => events.push(`attr ${name}`);
  await until('both joined', () => joined === 2);
  room.channelSetAttr('round', String(n));
  alice.messageInstantSend(bob.account, `hello ${n}`);
  room.messageChannelSend('all');
  const call = Object.assign(alice.channelInviteUser2(`call${n}`, bob.account, ''), appState());
  let accepted = false;
  call.onInviteAcceptedByPeer = () => (accepted = true);
  await until('call answered', () => accepted);
  call.channelInviteEnd('');
  await until('call ended at the callee', () => events.includes('bob call ended'));
  await until('attribute seen', () => events.includes('attr round'));
  room.channelDelAttr('round');
  room.channelLeave();
  theirs.channelLeave();
  alice.logout();
  bob.logout();
  await until('both logged out', () => events.includes('alice out') && events.includes('bob out'));
}

describe('soak on a real clock', () => {
  it('500 cycles of login, channel, attributes, messages, a call and logout: memory stays flat', async () => {
    const rtm = new FakeRtm({ invitation: FAST_CALLS });
    const logger = recordingLogger();
    const signal = Signal(APP_ID, { rtm, logger });
    for (let n = 0; n < 100; n++) await cycle(signal, n);
    const warm = await heapAfterGc();
    for (let n = 100; n < 500; n++) await cycle(signal, n);
    const after = await heapAfterGc();
    // Each cycle hangs 16 KB on each of its six objects (2 sessions, 2 channels, 2 calls): keeping any
    // one of them per cycle would grow the heap by 6 MB over these 400 cycles. The rest is noise.
    expect(after - warm).toBeLessThan(3 * 1024 * 1024);
    expect(logger.lines).toEqual([]);
  }, 120_000);

  it('ping-pong of 400 peer messages sent from inside onMessageInstantReceive, through RTM’s rate window', async () => {
    const rtm = new FakeRtm();
    const signal = Signal(APP_ID, { rtm, logger: recordingLogger() });
    const alice = signal.login('alice', '');
    const bob = signal.login('bob', '');
    let count = 0;
    const failures: unknown[] = [];
    const bounce = (from: Session, to: string) => (_account: string, _uid: number, msg: unknown) => {
      if (++count >= 400) return;
      from.messageInstantSend(to, String(Number(msg) + 1), (failed: boolean) => failed && failures.push(msg));
    };
    alice.onMessageInstantReceive = bounce(alice, 'bob');
    bob.onMessageInstantReceive = bounce(bob, 'alice');
    let ready = 0;
    alice.onLoginSuccess = bob.onLoginSuccess = () => ready++;
    await until('logged in', () => ready === 2);
    alice.messageInstantSend('bob', '0');
    // Each side sends 200: past the 180 of one window, so the exchange must survive the window's edge.
    await until(`400 messages exchanged (stopped at ${count})`, () => count >= 400);
    expect(failures).toEqual([]);
    alice.logout();
    bob.logout();
  }, 60_000);
});
