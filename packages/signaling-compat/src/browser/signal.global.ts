/**
 * Script-tag build: defines the global `Signal`, as the legacy `AgoraSig-*.js` did, so an unchanged
 * page only swaps the file it loads. Load the real `agora-rtm-sdk` 1.x script first and `Signal`
 * picks up `window.AgoraRTM` at login. It is also what `import 'signaling-compat/global'` runs, and
 * the declaration below is that import's types.
 */
import Signal from '../index';
import type { SignalFactory } from '../legacy/Signal';

declare global {
  /** The legacy global `Signal`, defined by `signaling-compat/global` or the script-tag build. */
  var Signal: SignalFactory;
}

globalThis.Signal = Signal;
