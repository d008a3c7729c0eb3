/**
 * Script-tag build: defines the global `Signal`, as the legacy `AgoraSig-*.js` did, so an unchanged
 * page only swaps the file it loads. Load the real `agora-rtm-sdk` 1.x script first and `Signal`
 * picks up `window.AgoraRTM` at login.
 */
import Signal from '../index';

(globalThis as { Signal?: typeof Signal }).Signal = Signal;
