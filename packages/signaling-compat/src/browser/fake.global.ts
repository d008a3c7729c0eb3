/**
 * Script-tag build of the in-memory RTM: defines `window.FakeRtm`, `window.FakeRtm2` (an in-memory
 * agora-rtm-sdk 2.x namespace, docs/fake2.md), `window.ManualClock` and `window.connectFakeRtm`.
 *
 * Loaded after `signaling-compat.global.js` on a page that configured no backend, it gives
 * `Signal` one shared in-page `FakeRtm`, so an unchanged legacy page runs with just the two script
 * tags and all its sessions talk to each other. A backend the page configured itself is left alone.
 *
 * To share one fake between pages instead, name a fake RTM server (`signaling-compat-cli serve`):
 * `<script src="signaling-compat-fake.global.js" data-server="ws://127.0.0.1:8790">`, or set
 * `window.SIGNALING_COMPAT_FAKE_SERVER = 'ws://…'` before this script loads. `Signal` then uses
 * `connectFakeRtm(url)`.
 */
import { connectFakeRtm, FakeRtm, FakeRtm2, ManualClock } from '../fake/index';
import type Signal from '../index';

const page = globalThis as {
  FakeRtm?: typeof FakeRtm;
  FakeRtm2?: typeof FakeRtm2;
  ManualClock?: typeof ManualClock;
  connectFakeRtm?: typeof connectFakeRtm;
  Signal?: typeof Signal;
  SIGNALING_COMPAT_FAKE_SERVER?: unknown;
  document?: { currentScript?: { getAttribute(name: string): string | null } | null };
};

page.FakeRtm = FakeRtm;
page.FakeRtm2 = FakeRtm2;
page.ManualClock = ManualClock;
page.connectFakeRtm = connectFakeRtm;

const named = page.document?.currentScript?.getAttribute('data-server') ?? page.SIGNALING_COMPAT_FAKE_SERVER;
const serverUrl = typeof named === 'string' && named !== '' ? named : undefined;
if (page.Signal && !page.Signal.configure().rtm) {
  page.Signal.configure({ rtm: serverUrl ? connectFakeRtm(serverUrl) : new FakeRtm() });
}
