/**
 * The Web-only script-tag build (`signaling-compat-web.global.js`): defines the global `Signal` of
 * the Web dialect alone, as the legacy `AgoraSig-*.js` did, on agora-rtm-sdk 1.x (load its script
 * first and `Signal` picks up `window.AgoraRTM` at login) or `FakeRtm`. Pages never used the Server
 * or native dialects, so it carries neither, nor the 2.x adapter: with agora-rtm-sdk 2.x on the
 * page, login fails with `onLoginFailed` and a reason naming `signaling-compat.global.js`, the
 * script with every dialect on RTM 1.x and 2.x.
 */
import { WebSignal } from '../legacy/web/Signal';

(globalThis as { Signal?: unknown }).Signal = WebSignal;
