import { FakeRtm2, ManualClock, type FakeRtm2Options, type RTMClient, type RTMEventMap } from '../../src/fake/index';

export const APP_ID = '0123456789abcdef0123456789abcdef';

/** One recorded event: its name and payload. */
export type Recorded = [keyof RTMEventMap, unknown];

/** A FakeRtm2 on a ManualClock with helpers to create clients that record every event. */
export function fake2(options: FakeRtm2Options = {}) {
  const clock = new ManualClock();
  const rtm = new FakeRtm2({ clock, ...options });
  const events = new Map<RTMClient, Recorded[]>();
  const client = (userId: string, config?: ConstructorParameters<typeof rtm.RTM>[2]) => {
    const created = new rtm.RTM(APP_ID, userId, config);
    const log: Recorded[] = [];
    for (const name of ['linkState', 'message', 'presence', 'storage', 'lock', 'token', 'tokenPrivilegeWillExpire'] as const) {
      created.addEventListener(name, (payload: unknown) => log.push([name, payload]));
    }
    events.set(created, log);
    return created;
  };
  const log = (of: RTMClient, name?: keyof RTMEventMap) => (events.get(of) ?? []).filter(([event]) => !name || event === name).map(([, payload]) => payload);
  const take = (of: RTMClient) => (events.get(of) ?? []).splice(0);
  return { rtm, clock, client, log, take };
}
