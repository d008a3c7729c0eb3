// @ts-check
// An ES module JavaScript app checked by TypeScript (checkJs).
import Signal from 'signaling-compat';
import { FakeRtm } from 'signaling-compat/fake';

Signal.configure({ rtm: new FakeRtm() });
/** @type {import('signaling-compat').Session} */
const session = Signal('0123456789abcdef0123456789abcdef').login('alice', '_no_need_token');
session.onLoginSuccess = (uid) => void (/** @type {number} */ (uid));
// @ts-expect-error not a Session method: the types are not `any`
session.notAMethod();
