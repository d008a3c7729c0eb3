/**
 * What every benchmark starts from: one in-memory RTM cloud, the shim bound to it, and the same
 * operations done through the shim (legacy Web dialect) and directly on `RtmClientLike`, so the two
 * can be timed side by side on one backend.
 */
import { FakeRtm, type FakeRtmOptions } from 'signaling-compat/fake';
import Signal, { type Channel, type Session, type SignalObject } from 'signaling-compat';
import type { RtmChannelLike, RtmClientLike } from 'signaling-compat';

/** A valid RTM App ID (32 ASCII letters/digits). */
export const APP_ID = '0123456789abcdef0123456789abcdef';

export interface World {
  rtm: FakeRtm;
  signal: SignalObject;
}

/** A fake cloud and a Signal bound to it; the shim's warnings go nowhere, so they cost nothing. */
export function world(options: FakeRtmOptions = {}): World {
  const rtm = new FakeRtm(options);
  return { rtm, signal: Signal(APP_ID, { rtm, logger: {} }) };
}

/** A logged-in Web session, once `onLoginSuccess` ran. */
export function shimLogin(signal: SignalObject, account: string): Promise<Session> {
  return new Promise((resolve, reject) => {
    const session = signal.login(account, '_no_need_token');
    session.onLoginSuccess = () => resolve(session);
    session.onLoginFailed = (code) => reject(new Error(`login of ${account} failed with ${code}`));
  });
}

/** A joined Web channel, once `onChannelUserList` ran. */
export function shimJoin(session: Session, name: string): Promise<Channel> {
  return new Promise((resolve, reject) => {
    const channel = session.channelJoin(name);
    if (!channel) throw new Error(`${session.account} is not logged in`);
    channel.onChannelUserList = () => resolve(channel);
    channel.onChannelJoinFailed = (reason) => reject(new Error(`join of ${name} failed: ${reason}`));
  });
}

/** A logged-in bare RTM client: the "app calls RTM directly" twin of a session. */
export async function directLogin(rtm: FakeRtm, uid: string): Promise<RtmClientLike> {
  const client = rtm.createInstance(APP_ID);
  await client.login({ uid });
  return client;
}

export async function directJoin(client: RtmClientLike, id: string): Promise<RtmChannelLike> {
  const channel = client.createChannel(id);
  await channel.join();
  return channel;
}

/** Runs `work` over `items`, at most `width` at a time (so a big setup doesn't queue everything at once). */
export async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return results;
}

/**
 * Counts events: `expect(n)` resolves once `tick` has been called `n` more times. Receivers call
 * `tick`, so a timed operation ends exactly when its last callback ran.
 */
export class Countdown {
  #left = 0;
  #resolve: () => void = () => undefined;

  expect(n: number): Promise<void> {
    this.#left = n;
    return new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  tick = (): void => {
    if (--this.#left === 0) this.#resolve();
  };
}
