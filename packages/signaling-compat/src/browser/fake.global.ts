/**
 * Script-tag build of the in-memory RTM: defines `window.FakeRtm`, `window.FakeRtm2` (an in-memory
 * agora-rtm-sdk 2.x namespace, docs/fake2.md) and `window.ManualClock`.
 *
 * Loaded after `signaling-compat.global.js` on a page that configured no backend, it gives
 * `Signal` one shared in-page `FakeRtm`, so an unchanged legacy page runs with just the two script
 * tags and all its sessions talk to each other. A backend the page configured itself is left alone.
 */
import { FakeRtm, FakeRtm2, ManualClock } from '../fake/index';
import type Signal from '../index';

const page = globalThis as {
  FakeRtm?: typeof FakeRtm;
  FakeRtm2?: typeof FakeRtm2;
  ManualClock?: typeof ManualClock;
  Signal?: typeof Signal;
};

page.FakeRtm = FakeRtm;
page.FakeRtm2 = FakeRtm2;
page.ManualClock = ManualClock;
if (page.Signal && !page.Signal.configure().rtm) page.Signal.configure({ rtm: new FakeRtm() });
