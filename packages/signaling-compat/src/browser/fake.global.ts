/**
 * Script-tag build of the in-memory RTM: defines `window.FakeRtm` and `window.ManualClock`.
 *
 * Loaded after `signaling-compat.global.js` on a page that configured no backend, it gives
 * `Signal` one shared in-page `FakeRtm`, so an unchanged legacy page runs with just the two script
 * tags and all its sessions talk to each other. A backend the page configured itself is left alone.
 */
import { FakeRtm, ManualClock } from '../fake/index';
import type Signal from '../index';

const page = globalThis as {
  FakeRtm?: typeof FakeRtm;
  ManualClock?: typeof ManualClock;
  Signal?: typeof Signal;
};

page.FakeRtm = FakeRtm;
page.ManualClock = ManualClock;
if (page.Signal && !page.Signal.configure().rtm) page.Signal.configure({ rtm: new FakeRtm() });
