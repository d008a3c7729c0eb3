import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Call as ServerCall } from '../../src/legacy/server/Call';
import type { LoginSession } from '../../src/legacy/server/LoginSession';
import type { Call } from '../../src/legacy/web/Call';
import type { Session } from '../../src/legacy/web/Session';
import type { RtmClientLike, RtmNamespaceLike } from '../../src/rtm/types';
import { APP_ID, world } from '../support/harness';

/** The host's collector: `--expose-gc` if the runner gave it, else switched on at run time. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
const gc = collector();

/**
 * How many of `refs` survive full collections, each in a turn of its own (for finalizers,
 * promises, and the targets a `deref` keeps to the end of its turn). An object let go can stay
 * reachable for a few turns after the work that held it ended (seen after the Web calls of this
 * file: one of 600 Server calls alive after four turns, gone after eight), so collections go on
 * for up to 16 turns while any survives; a leak survives them all.
 */
async function survivors(refs: Array<WeakRef<object>>): Promise<number> {
  const alive = (): number => refs.filter((ref) => ref.deref() !== undefined).length;
  for (let turn = 0; turn < 16; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    if (turn >= 3 && alive() === 0) return 0;
  }
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return alive();
}

async function heapAfterGc(): Promise<number> {
  await survivors([]);
  return process.memoryUsage().heapUsed;
}

/** A namespace over `backend` that lets the test hold weak references to every client it makes. */
function watchingClients(backend: RtmNamespaceLike, refs: Array<WeakRef<object>>): RtmNamespaceLike {
  return {
    createInstance(appId, config) {
      const client: RtmClientLike = backend.createInstance(appId, config);
      refs.push(new WeakRef(client));
      return client;
    },
  } as RtmNamespaceLike;
}

/**
 * 400 calls from alice to bob, ended in turn by the caller, refused, ended by the callee after the
 * answer, and timed out; weak references to both sides' Call objects. A function of its own, so no
 * suspended frame of the test holds the last call.
 */
async function webCalls(w: ReturnType<typeof world>, alice: Session, bob: Session): Promise<Array<WeakRef<object>>> {
  const refs: Array<WeakRef<object>> = [];
  let way = 0;
  bob.onInviteReceived = (call: Call) => {
    refs.push(new WeakRef(call));
    if (way === 1) call.channelInviteRefuse('');
    else if (way !== 3) call.channelInviteAccept('');
    if (way === 2) setTimeoutOn(w, 1500, () => call.channelInviteEnd(''));
  };
  for (let i = 0; i < 400; i++) {
    way = i % 4;
    const call = alice.channelInviteUser2(`c${i}`, 'bob', way === 3 ? '{"_timeout":1}' : '');
    // Whatever the app hangs on a call goes with it.
    Object.assign(call, { appState: new Uint8Array(4096) });
    refs.push(new WeakRef(call));
    await w.advance(1200);
    if (way === 0) call.channelInviteEnd('');
    await w.advance(1500);
  }
  await w.advance(60_000);
  return refs;
}

function setTimeoutOn(w: ReturnType<typeof world>, ms: number, run: () => void): void {
  w.clock.setTimeout(run, ms);
}

/** 300 answered Server calls, each ended by the caller; weak references to both sides' Calls. */
async function serverCalls(w: ReturnType<typeof world>): Promise<Array<WeakRef<object>>> {
  const refs: Array<WeakRef<object>> = [];
  const alice: LoginSession = w.signal.login('alice', '', {});
  w.signal.login('bob', '', {
    onInviteReceived: (_s: unknown, call: ServerCall) => {
      refs.push(new WeakRef(call));
      call.channelInviteAccept('');
    },
  });
  await w.flush();
  for (let i = 0; i < 300; i++) {
    const call = alice.channelInviteUser2(`c${i}`, 'bob', '', {});
    refs.push(new WeakRef(call));
    await w.advance(1500);
    call.channelInviteEnd('');
    await w.advance(100);
  }
  await w.advance(60_000);
  return refs;
}

async function bareClientCycles(w: ReturnType<typeof world>, count: number): Promise<Array<WeakRef<object>>> {
  const refs: Array<WeakRef<object>> = [];
  for (let i = 0; i < count; i++) {
    const client = w.rtm.createInstance(APP_ID);
    refs.push(new WeakRef(client));
    await client.login({ uid: `u${i}` });
    client.createLocalInvitation('nobody').send();
    await client.logout();
  }
  return refs;
}

describe('ended calls are released while the session lives on', () => {
  it('Web: 400 calls ended every way — by either side, refused, timed out — leave nothing behind', async () => {
    const w = world();
    const alice = await w.login('alice');
    const refs = await webCalls(w, alice, await w.login('bob'));
    expect(refs.length).toBe(800);
    expect(await survivors(refs)).toBe(0);
    expect(alice.state).toBe(2);
  });

  it('Server: 300 answered calls ended by channelInviteEnd', async () => {
    const w = world();
    const refs = await serverCalls(w);
    expect(refs.length).toBe(600);
    expect(await survivors(refs)).toBe(0);
  });
});

describe('nothing of a logged-out login stays reachable', () => {
  it('1,000 Web login/logout cycles on one Signal and one FakeRtm: sessions and RTM clients are collected', async () => {
    const w = world();
    const clients: Array<WeakRef<object>> = [];
    const sessions: Array<WeakRef<object>> = [];
    const { Signal } = await import('../../src/legacy/Signal');
    const signal = Signal(APP_ID, { rtm: watchingClients(w.rtm, clients), logger: w.logger });
    for (let i = 0; i < 1000; i++) {
      const session = signal.login(`user${i % 50}`, '');
      sessions.push(new WeakRef(session));
      await w.flush();
      session.channelJoin('room');
      await w.flush();
      session.logout();
      await w.advance(600);
    }
    expect(await survivors(sessions)).toBe(0);
    expect(await survivors(clients)).toBe(0);
  });

  it('FakeRtm: 1,000 bare clients that logged in, sent an invitation and logged out are collected', async () => {
    const w = world();
    const refs = await bareClientCycles(w, 1000);
    await w.flush();
    expect(await survivors(refs)).toBe(0);
    // Their invitations keep no timer either.
    expect(w.clock.pendingTimers()).toBe(0);
  });
});

describe('visiting many channels keeps memory flat', () => {
  it('5,000 channels joined, updated and left: the heap grows by no per-channel state', async () => {
    const w = world();
    const alice = await w.login('alice');
    const visit = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const channel = alice.channelJoin(`room${i}`)!;
        await w.flush();
        channel.channelSetAttr('k', 'v');
        await w.flush();
        // Deleted again, so RTM itself keeps nothing of the channel either.
        channel.channelDelAttr('k');
        await w.flush();
        channel.channelLeave();
        // RTM allows a client about 10 attribute writes per 5 s across its channels; each visit
        // makes two, so a visit takes a second for the pacing to carry them (no backlog builds up).
        await w.advance(1000);
      }
    };
    await visit(0, 500);
    await w.advance(10_000);
    const before = await heapAfterGc();
    await visit(500, 5500);
    await w.advance(10_000);
    const after = await heapAfterGc();
    // A kept attribute queue, membership or fake channel record costs several hundred bytes each;
    // what is left is the heap's own noise.
    expect((after - before) / 5000).toBeLessThan(200);
  });
});
