import { FakeRtm, ManualClock } from '../../src/fake';
import { defineRtmContract } from './defineRtmContract';

const APP_ID = '0123456789abcdef0123456789abcdef';

// A fresh FakeRtm (one cloud) and ManualClock per test: nothing leaks between cases.
defineRtmContract({
  name: 'FakeRtm',
  capabilities: { controllableClock: true, controls: true },
  makeEnv() {
    const clock = new ManualClock();
    const rtm = new FakeRtm({ clock });
    return {
      backend: 'fake',
      rtm,
      appId: APP_ID,
      createClient: () => rtm.createInstance(APP_ID),
      id: (label) => label,
      flush: () => rtm.flush(),
      advance: (ms) => rtm.advance(ms),
      now: () => clock.now(),
      controls: rtm,
      cleanup: async () => undefined,
    };
  },
});
