import { afterAll, describe, expect, it, vi } from 'vitest';
import { FakeRtm2 } from '../../../src/fake/index';
import { loadRealRtm2 } from './loadRealRtm2';
import { quietConsole } from './quietConsole';
import { type Described, describe as describeValue, track } from './outcome';
import { APP_ID } from './probes';

/**
 * The timed part of the differential suite (docs/reference/rtm2-web-sdk.md §2.3, §2.14): the
 * real agora-rtm-sdk 2.3.0 bundle and FakeRtm2 run on the same mocked timers and clock, and
 * their link-state sequences, login outcomes and rate windows must be equal at the same moments.
 * Its own file, so the mocked timers and the bundle's globals affect nothing else.
 */
vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
quietConsole();
const real = loadRealRtm2();
const fake = new FakeRtm2();
afterAll(() => vi.useRealTimers());

/* eslint-disable @typescript-eslint/no-explicit-any */
interface TimedSide {
  ns: any;
  offline(userId: string): void;
}

const sides: Record<'real' | 'fake', TimedSide> = {
  real: { ns: real, offline: () => undefined },
  fake: { ns: fake, offline: (userId) => fake.disconnect(userId) },
};

/** Moves the mocked clock in 100 ms steps, so work scheduled on the way runs at its time. */
async function advance(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 100) await vi.advanceTimersByTimeAsync(Math.min(100, left));
}

type Timed = (side: TimedSide, userId: string) => Promise<Described>;

/** An offline client whose link states are recorded with their time since `start`. */
function offlineClient(side: TimedSide, userId: string) {
  side.offline(userId);
  const client = new side.ns.RTM(APP_ID, userId, { logLevel: 'none' });
  const start = Date.now();
  const states: string[] = [];
  client.addEventListener('linkState', (event: any) => {
    states.push(`${Math.round((Date.now() - start) / 100) / 10}s ${event.currentState}/${event.reasonCode}/${event.operation}`);
  });
  return { client, states };
}

const settled = (login: ReturnType<typeof track>) => {
  const state = login.state();
  return { kind: state.kind, value: describeValue(state.value, Error) };
};

const TIMED: Array<[string, Timed]> = [
  [
    'unreachable login: attempts, waits and SUSPENDED over 200 s',
    async (side, userId) => {
      const { client, states } = offlineClient(side, userId);
      const login = track(client.login());
      await advance(200_000);
      const pending = login.state().kind;
      await client.logout();
      await advance(100);
      return { states, pending, end: settled(login) };
    },
  ],
  [
    'logout while DISCONNECTED stops the loop and cancels the login',
    async (side, userId) => {
      const { client, states } = offlineClient(side, userId);
      const login = track(client.login());
      await advance(6_000);
      await client.logout();
      await advance(60_000);
      return { states, end: settled(login) };
    },
  ],
  [
    'login again while DISCONNECTED',
    async (side, userId) => {
      const { client, states } = offlineClient(side, userId);
      const first = track(client.login());
      await advance(6_000);
      const second = track(client.login());
      await advance(20_000);
      const during = [settled(first).kind, settled(second).kind];
      await client.logout();
      await advance(100);
      return { states, during, first: settled(first), second: settled(second) };
    },
  ],
  [
    'calls while DISCONNECTED before any successful login',
    async (side, userId) => {
      const { client } = offlineClient(side, userId);
      const login = track(client.login());
      await advance(6_000);
      const results = [
        track(client.subscribe('ch')),
        track(client.publish('ch', 'x')),
        track(client.presence.setState('ch', 'MESSAGE', { a: '1' })),
        track(client.unsubscribe('ch')),
      ];
      await advance(100);
      const outcomes = results.map(settled);
      await client.logout();
      await advance(100);
      return { outcomes, end: settled(login) };
    },
  ],
  [
    'the publish budget is a sliding second',
    async (side, userId) => {
      const client = new side.ns.RTM(APP_ID, userId, { logLevel: 'none' });
      const codes: Described[] = [];
      const publish = async () => {
        try {
          await client.publish('ch', 'x');
          codes.push('ok');
        } catch (error) {
          codes.push((error as { code: number }).code);
        }
      };
      for (let i = 0; i < 30; i++) await publish();
      await vi.advanceTimersByTimeAsync(500);
      for (let i = 0; i < 31; i++) await publish();
      await vi.advanceTimersByTimeAsync(499);
      await publish();
      await vi.advanceTimersByTimeAsync(1);
      await publish();
      return codes.slice(28);
    },
  ],
  [
    'calls while SUSPENDED',
    async (side, userId) => {
      const { client, states } = offlineClient(side, userId);
      const login = track(client.login());
      await advance(130_000);
      const results = [track(client.publish('ch', 'x')), track(client.presence.setState('ch', 'MESSAGE', { a: '1' })), track(client.login())];
      await advance(100);
      const outcomes = results.map(settled);
      await client.logout();
      await advance(100);
      return { last: states.slice(-2), outcomes, end: settled(login) };
    },
  ],
  [
    // Last: the parameter is global to the page and stays set.
    'MIN_RECONNECT_TIMEOUT_IN_SECONDS ends an unreachable login',
    async (side, userId) => {
      side.ns.setParameter('MIN_RECONNECT_TIMEOUT_IN_SECONDS', 20);
      const { client, states } = offlineClient(side, userId);
      const login = track(client.login());
      await advance(60_000);
      const end = settled(login);
      await client.logout();
      await advance(100);
      return { states, end };
    },
  ],
];

describe('FakeRtm2 against the real agora-rtm-sdk 2.3.0 on mocked timers', () => {
  TIMED.forEach(([label, run], index) => {
    it(label, async () => {
      const realOutcome = await run(sides.real, `timed${index}r`);
      const fakeOutcome = await run(sides.fake, `timed${index}f`);
      expect(fakeOutcome).toEqual(realOutcome);
    });
  });
});
