import { FakeRtm2, ManualClock } from '../../src/fake';
import type { RtmClientLike } from '../../src/rtm/types';
import { fromRtm2, type Rtm2AdapterOptions } from '../../src/rtm2';

export const APP_ID = '0123456789abcdef0123456789abcdef';

/** One FakeRtm2 cloud on a ManualClock, the adapter over it, and raw 2.x clients for staging. */
export function adapterWorld(options: Rtm2AdapterOptions = {}, fakeOptions: ConstructorParameters<typeof FakeRtm2>[0] = {}) {
  const clock = new ManualClock();
  const fake = new FakeRtm2({ clock, ...fakeOptions });
  const rtm = fromRtm2(fake, options);
  return {
    clock,
    fake,
    rtm,
    flush: () => fake.flush(),
    advance: (ms: number) => fake.advance(ms),
    async client(uid: string): Promise<RtmClientLike> {
      const client = rtm.createInstance(APP_ID);
      await client.login({ uid });
      return client;
    },
    /** A plain 2.x client (not the adapter): what a hostile or foreign peer can send. */
    async raw(uid: string) {
      const client = new fake.RTM(APP_ID, uid);
      await client.login();
      return client;
    },
  };
}
