/**
 * Script-tag build of the in-memory RTM: defines `window.FakeRtm`, `window.FakeRtm2` (an in-memory
 * agora-rtm-sdk 2.x namespace, docs/fake2.md), `window.ManualClock`, `window.connectFakeRtm` and
 * `window.connectFakeRtm2`.
 *
 * Loaded after `signaling-compat.global.js` on a page that configured no backend, it gives
 * `Signal` one shared in-page `FakeRtm`, so an unchanged legacy page runs with just the two script
 * tags and all its sessions talk to each other. A backend the page configured itself is left alone.
 *
 * To share one fake between pages instead, name a fake RTM server (`signaling-compat-cli serve`):
 * `<script src="signaling-compat-fake.global.js" data-server="ws://127.0.0.1:8790">`, or set
 * `window.SIGNALING_COMPAT_FAKE_SERVER = 'ws://…'` before this script loads. `Signal` then uses
 * `connectFakeRtm(url)`.
 *
 * `data-rtm="2"` (or `window.SIGNALING_COMPAT_FAKE_RTM = '2'`) asks for the 2.x fake instead:
 * `connectFakeRtm2(url)` with a server, else one in-page `FakeRtm2`. It also becomes
 * `window.AgoraRTM` when the page loaded no RTM SDK, so a page written for agora-rtm-sdk 2.x
 * (`new AgoraRTM.RTM(…)`) runs on it unchanged.
 */
import { connectFakeRtm, connectFakeRtm2, FakeRtm, FakeRtm2, ManualClock } from '../fake/index';
import type Signal from '../index';

const page = globalThis as {
  FakeRtm?: typeof FakeRtm;
  FakeRtm2?: typeof FakeRtm2;
  ManualClock?: typeof ManualClock;
  connectFakeRtm?: typeof connectFakeRtm;
  connectFakeRtm2?: typeof connectFakeRtm2;
  AgoraRTM?: unknown;
  Signal?: typeof Signal;
  SIGNALING_COMPAT_FAKE_SERVER?: unknown;
  SIGNALING_COMPAT_FAKE_RTM?: unknown;
  document?: { currentScript?: { getAttribute(name: string): string | null } | null };
};

page.FakeRtm = FakeRtm;
page.FakeRtm2 = FakeRtm2;
page.ManualClock = ManualClock;
page.connectFakeRtm = connectFakeRtm;
page.connectFakeRtm2 = connectFakeRtm2;

const script = page.document?.currentScript;
const named = script?.getAttribute('data-server') ?? page.SIGNALING_COMPAT_FAKE_SERVER;
const serverUrl = typeof named === 'string' && named !== '' ? named : undefined;
const wantsRtm2 = String(script?.getAttribute('data-rtm') ?? page.SIGNALING_COMPAT_FAKE_RTM ?? '') === '2';
if (wantsRtm2) {
  const rtm2 = serverUrl ? connectFakeRtm2(serverUrl) : new FakeRtm2();
  page.AgoraRTM ??= rtm2;
  if (page.Signal && !page.Signal.configure().rtm) page.Signal.configure({ rtm: rtm2 });
} else if (page.Signal && !page.Signal.configure().rtm) {
  page.Signal.configure({ rtm: serverUrl ? connectFakeRtm(serverUrl) : new FakeRtm() });
}
