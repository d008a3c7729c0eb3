import { describe, expect, it, onTestFinished } from 'vitest';
import { AgoraAPI } from '../../src/legacy/native/AgoraAPI';
import type { Call } from '../../src/legacy/web/Call';
import { APP_ID, world } from '../support/harness';

/** A 10,000-deep array, built without recursion (`JSON.stringify` and `String` overflow on it). */
function deepArray(depth: number): unknown[] {
  const root: unknown[] = [];
  let at = root;
  for (let i = 0; i < depth; i++) {
    const next: unknown[] = [];
    at.push(next);
    at = next;
  }
  return root;
}

const circular = (): unknown => {
  const o: Record<string, unknown> = {};
  o.self = o;
  return o;
};
const throwing = () => {
  throw new Error('app value refuses');
};
/** A Proxy that throws on every operation. */
const hostileProxy = () =>
  new Proxy({}, { get: throwing, has: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing, getPrototypeOf: throwing });

/** App values the legacy API never refused: they must fail through the legacy path, never throw. */
const VALUES: Array<{ name: string; make: () => unknown }> = [
  { name: 'an array nested 10,000 deep', make: () => deepArray(10_000) },
  { name: 'a circular object', make: circular },
  { name: 'a BigInt', make: () => 10n },
  { name: 'an object whose toJSON and toString throw', make: () => ({ toJSON: throwing, toString: throwing }) },
  { name: 'an object with a throwing getter', make: () => Object.defineProperty({}, '_timeout', { get: throwing, enumerable: true }) },
  { name: 'a Proxy that throws on every trap', make: hostileProxy },
  { name: 'a symbol', make: () => Symbol('x') },
];

function escapedErrors(): unknown[] {
  const errors: unknown[] = [];
  const trap = (error: unknown) => errors.push(error);
  process.on('uncaughtException', trap);
  process.on('unhandledRejection', trap);
  onTestFinished(() => {
    process.off('uncaughtException', trap);
    process.off('unhandledRejection', trap);
  });
  return errors;
}

describe('Web: hostile app values in every payload and extra argument never throw', () => {
  it.each(VALUES)('$name', async ({ make }) => {
    const errors = escapedErrors();
    const w = world();
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const incoming: Call[] = [];
    bob.onInviteReceived = (call: Call) => incoming.push(call);
    const room = alice.channelJoin('room')!;
    await w.flush();
    expect(() => {
      alice.messageInstantSend('bob', make(), () => undefined);
      room.messageChannelSend(make(), () => undefined);
      room.channelSetAttr('k', make() as string, () => undefined);
      alice.invoke('io.agora.signal.user_set_attr', make(), () => undefined);
      const call = alice.channelInviteUser2('c', 'bob', make());
      call.channelInviteDTMF(make());
      call.channelInviteEnd(make());
      alice.channelInviteUser2('d', 'bob', '');
    }).not.toThrow();
    await w.advance(1000);
    expect(() => {
      incoming.at(-1)?.channelInviteAccept(make());
      incoming.at(-1)?.channelInviteDTMF(make());
      incoming.at(-1)?.channelInviteEnd(make());
      incoming.at(-1)?.channelInviteRefuse(make());
    }).not.toThrow();
    await w.advance(30_000);
    expect(errors.map((e) => (e as Error).stack)).toEqual([]);
    const failed: boolean[] = [];
    alice.messageInstantSend('bob', 'still usable', (f: boolean) => failed.push(f));
    await w.flush();
    expect(failed).toEqual([false]);
  });
});

describe('handler objects whose reading throws (getters, Proxies) never break a session', () => {
  it('native: callbackSet with a Proxy that throws on every read', async () => {
    const errors = escapedErrors();
    const w = world();
    const api = AgoraAPI.createAgoraSDKInstance(APP_ID, { rtm: w.rtm, logger: w.logger });
    api.callbackSet(hostileProxy() as never);
    api.login(APP_ID, 'alice', '_no_need_token', 0, '');
    await w.flush();
    api.channelJoin('room');
    api.messageInstantSend('bob', 0, 'hi', 'm1');
    api.getUserAttrAll('alice');
    await w.advance(1000);
    api.logout();
    await w.advance(1000);
    expect(errors).toEqual([]);
    expect(w.logger.lines.some(([level, line]) => level === 'error' && line.includes('threw'))).toBe(true);
  });

  it('Server: a LoginCallback whose every getter throws', async () => {
    const errors = escapedErrors();
    const w = world();
    const session = w.signal.login('alice', '', hostileProxy() as never);
    await w.flush();
    session.channelJoin('room', hostileProxy() as never);
    session.messageInstantSend('bob', 'hi', hostileProxy() as never);
    await w.advance(1000);
    session.logout();
    await w.advance(1000);
    expect(errors).toEqual([]);
  });

  it('Web: session properties that are throwing getters', async () => {
    const errors = escapedErrors();
    const w = world();
    const session = w.signal.login('alice', '');
    for (const name of ['onLoginSuccess', 'onLogout', 'onMessageInstantReceive']) {
      Object.defineProperty(session, name, { get: throwing, configurable: true });
    }
    await w.flush();
    session.logout();
    await w.flush();
    expect(errors).toEqual([]);
  });
});
