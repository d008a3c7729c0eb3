import { expect } from 'vitest';
import { RTM2_DIFFERENCES } from './rtm2Expectations';

/**
 * Where the fake and the real SDK are known or allowed to differ: every behaviour the RTM spec
 * leaves open (docs/reference/rtm1-web-sdk.md §6), with the choice FakeRtm makes and why. Every entry
 * is asserted on every backend by `expectDifference`: a known value must be observed exactly, and an
 * `'undetermined'` one (no run against the cloud has settled it) must be one of the two documented
 * outcomes, so any other behaviour still fails the case.
 */

/**
 * `remote`: FakeRtm in a fake RTM server, reached through `connectFakeRtm`. `rtm2`: the 2.x adapter on
 * FakeRtm2 (`fromRtm2(new FakeRtm2())`), whose own differences are in rtm2Expectations.ts.
 */
export type Backend = 'fake' | 'remote' | 'real' | 'rtm2';

export interface KnownDifference<T> {
  fake: T;
  /** Only where the wire changes what the app sees (latency); otherwise as `fake`. */
  remote?: T;
  real: T | 'undetermined';
  reason: string;
}

export const KNOWN_DIFFERENCES = {
  getMembersIncludesSelf: {
    fake: true,
    real: 'undetermined',
    reason: 'docs/reference/rtm1-web-sdk.md §6.4: the SDK asks the server for the member page; the fake lists every member, the caller included.',
  },
  updaterGetsAttributesUpdated: {
    fake: true,
    real: 'undetermined',
    reason:
      'docs/reference/rtm1-web-sdk.md §6.2: the SDK does not filter the updater out; the server decides. The fake broadcasts to every joined member, updater included.',
  },
  selfPeerMessageAcked: {
    fake: true,
    real: 'undetermined',
    reason:
      'docs/reference/rtm1-web-sdk.md §6.7: the server ack for a message to oneself is unknown; the fake acks it as delivered (the user is online) and the receiver drops it.',
  },
  userAttributesClearedOnLogout: {
    fake: true,
    real: 'undetermined',
    reason: 'docs/reference/rtm1-web-sdk.md §6.9: documented for native SDKs only; the fake clears them with the session.',
  },
  othersSeeMemberLeftOnRemoteLogin: {
    fake: true,
    real: 'undetermined',
    reason: 'docs/reference/rtm1-web-sdk.md §5 P0.3 / §6.6: the typings say the kicked session leaves its channels; the fake tells the others.',
  },
  connectingInsideLogin: {
    fake: true,
    remote: false,
    real: true,
    reason:
      'docs/reference/rtm1-web-sdk.md §4.1: CONNECTING/LOGIN is emitted inside login(). Through connectFakeRtm it is the server fake that emits it, so the app hears it one socket hop later (latency), still before CONNECTED and before login() resolves.',
  },
  othersSeeMemberLeftOnLogout: {
    fake: true,
    real: true,
    reason: 'docs/reference/rtm1-web-sdk.md §4.14: inferred (logout sends quit); the fake tells the others at once.',
  },
} satisfies Record<string, KnownDifference<boolean>>;

export type DifferenceKey = keyof typeof KNOWN_DIFFERENCES;

/** The expected value on `backend`, or `undefined` when it is undetermined there. */
function expectedOn(backend: Backend, key: DifferenceKey): boolean | undefined {
  const difference: KnownDifference<boolean> = KNOWN_DIFFERENCES[key];
  const value =
    backend === 'remote'
      ? (difference.remote ?? difference.fake)
      : backend === 'rtm2'
        ? (RTM2_DIFFERENCES[key]?.value ?? difference.fake)
        : difference[backend];
  return value === 'undetermined' ? undefined : value;
}

/**
 * Asserts what a case observed for the open question `key`: `outcome(value)` describes the observation
 * each answer produces. Where `backend` has a value, the observation must be exactly its outcome; where
 * it is undetermined, it must be one of the two outcomes, so a third behaviour fails there too.
 */
export function expectDifference<T>(backend: Backend, key: DifferenceKey, observed: T, outcome: (value: boolean) => T): void {
  const expected = expectedOn(backend, key);
  if (expected === undefined) {
    expect([outcome(true), outcome(false)], `${key} on ${backend}: one of the two documented outcomes`).toContainEqual(observed);
  } else {
    expect(observed, `${key} on ${backend}`).toEqual(outcome(expected));
  }
}
