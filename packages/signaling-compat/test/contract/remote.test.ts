import { type FakeRtmServer, startFakeRtmServer } from 'signaling-compat-cli';
import WebSocket from 'ws';
import { connectFakeRtm, FakeRtm, ManualClock } from '../../src/fake';
import { defineRtmContract } from './defineRtmContract';

const APP_ID = '0123456789abcdef0123456789abcdef';

// The same contract through the wire: a fresh server hosting a fresh FakeRtm (on a ManualClock)
// per test, reached by `connectFakeRtm`. The controls travel on the same socket as the calls
// (`control()`), so each lands after the calls the test made before it, as on FakeRtm.
defineRtmContract({
  name: 'connectFakeRtm (fake RTM server)',
  capabilities: { controllableClock: true, controls: true },
  async makeEnv() {
    const clock = new ManualClock();
    const hosted = new FakeRtm({ clock });
    const server: FakeRtmServer = await startFakeRtmServer({ rtm: hosted });
    const rtm = connectFakeRtm(server.url, { WebSocket });
    const controlled: Promise<unknown>[] = [];
    const control = (name: string) => (uid: string, option?: string) => {
      controlled.push(rtm.control(name, { uid, ...(option === undefined ? {} : { [name === 'kick' ? 'reason' : 'phase']: option }) }));
    };
    const settle = async () => {
      await Promise.all(controlled.splice(0));
      await rtm.flush();
    };
    return {
      backend: 'remote',
      rtm,
      appId: APP_ID,
      createClient: () => rtm.createInstance(APP_ID),
      id: (label) => label,
      flush: settle,
      // Timer by timer, letting the wire settle after each, so every event reaches this
      // process while the clock still reads the time it happened at.
      advance: async (ms) => {
        await settle();
        const target = clock.now() + ms;
        for (let next = clock.nextTimerAt(); next !== undefined && next <= target; next = clock.nextTimerAt()) {
          await hosted.advance(next - clock.now());
          await settle();
        }
        await hosted.advance(target - clock.now());
        await settle();
      },
      now: () => clock.now(),
      controls: {
        disconnect: control('disconnect'),
        reconnect: control('reconnect'),
        kick: control('kick'),
        expireToken: control('expireToken'),
      },
      cleanup: async () => {
        await settle();
        await server.close();
      },
    };
  },
});
