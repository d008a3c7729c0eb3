import { ManualClock } from '../../src/fake';
import { FakeRtm2 } from '../../src/fake2';
import { fromRtm2 } from '../../src/rtm2';
import { defineRtmContract } from './defineRtmContract';
import { RTM2_KNOWN_FAILURES } from './rtm2Expectations';

const APP_ID = '0123456789abcdef0123456789abcdef';

// The same 1.x contract through the 2.x adapter: a fresh FakeRtm2 (one 2.x cloud and page) and
// ManualClock per test. The adapter's controls are FakeRtm2's, with 2.x semantics underneath.
defineRtmContract({
  name: 'fromRtm2(FakeRtm2)',
  capabilities: { controllableClock: true, controls: true },
  knownFailures: RTM2_KNOWN_FAILURES,
  makeEnv() {
    const clock = new ManualClock();
    const fake = new FakeRtm2({ clock });
    const rtm = fromRtm2(fake);
    return {
      backend: 'rtm2',
      rtm,
      appId: APP_ID,
      createClient: () => rtm.createInstance(APP_ID),
      id: (label) => label,
      flush: () => fake.flush(),
      advance: (ms) => fake.advance(ms),
      now: () => clock.now(),
      controls: {
        disconnect: (uid) => fake.disconnect(uid),
        reconnect: (uid) => fake.reconnect(uid),
        kick: (uid, reason) => fake.kick(uid, reason === 'REMOTE_LOGIN' ? 'SAME_UID_LOGIN' : 'KICKED_OUT_BY_SERVER'),
        expireToken: (uid, phase) => fake.expireToken(uid, phase),
      },
      cleanup: async () => undefined,
    };
  },
});
