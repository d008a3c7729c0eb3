import { type FakeClient, FakeRtm, type FakeRtmOptions, ManualClock } from '../../src/fake';

export const APP_ID = '0123456789abcdef0123456789abcdef';
export const OTHER_APP_ID = 'fedcba9876543210fedcba9876543210';

/** A fake cloud on a manual clock, and a way to log clients in. */
export function setup(options: Omit<FakeRtmOptions, 'clock'> = {}) {
  const clock = new ManualClock();
  const rtm = new FakeRtm({ clock, ...options });
  const login = async (uid: string, appId = APP_ID): Promise<FakeClient> => {
    const client = rtm.createInstance(appId);
    await client.login({ uid });
    return client;
  };
  return { clock, rtm, login };
}
