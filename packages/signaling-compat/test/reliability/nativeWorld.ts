import { expect } from 'vitest';
import { accountUid } from '../../src/core/ids';
import type { CompatOptions } from '../../src/core/options';
import { nativeWorld } from '../native/nativeHarness';
import { APP_ID } from '../support/harness';

/** Alice and bob logged in (native instances recorded under their names); alice is in "room". */
export async function nativeBadWorld(options: CompatOptions) {
  const w = nativeWorld(options);
  const alice = await w.login('alice');
  const bob = await w.login('bob');
  alice.channelJoin('room');
  await w.flush();
  /** An instance that never logged in, recorded as `early`. */
  const early = () => w.instance('early');
  return Object.assign(w, { alice, bob, early });
}

export type NativeBadWorld = Awaited<ReturnType<typeof nativeBadWorld>>;

/** Alice can still message bob, and bob gets it (bob logs in again if a case logged him out). */
export async function nativeStillUsable(w: NativeBadWorld): Promise<void> {
  if (w.bob.getStatus() !== 2) {
    w.bob.login2(APP_ID, 'bob', '_no_need_token', 0, '', 5, 1);
    await w.flush();
    expect(w.take()).toEqual([['bob.onLoginSuccess', accountUid('bob'), 0]]);
  }
  w.alice.messageInstantSend('bob', 0, 'still usable', 'probe');
  await w.flush();
  expect(w.take()).toEqual([
    ['bob.onMessageInstantReceive', 'alice', 0, 'still usable'],
    ['alice.onMessageSendSuccess', 'probe'],
  ]);
}

/** Alice calls bob in channel "c" and bob accepts. */
export async function answeredCall(w: NativeBadWorld): Promise<void> {
  w.alice.channelInviteUser2('c', 'bob', '');
  await w.flush();
  w.bob.channelInviteAccept('c', 'alice', 0, '');
  await w.advance(1000);
}
