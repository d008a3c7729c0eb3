// @ts-check
// A CommonJS JavaScript app checked by TypeScript (checkJs): the legacy `require` pattern.
const Signal = require('signaling-compat');
const { FakeRtm } = require('signaling-compat/fake');
const { MAPPING } = require('signaling-compat/mapping');
require('signaling-compat/global');

Signal.configure({ rtm: new FakeRtm() });
/** @type {import('signaling-compat').Session} */
const session = Signal('0123456789abcdef0123456789abcdef').login('alice', '_no_need_token');
session.onLoginSuccess = function (uid) {
  /** @type {number} */
  const id = uid;
  void id;
};
new Signal('0123456789abcdef0123456789abcdef').login('bob', '', new Signal.LoginCallback());
Signal.AgoraAPI.getInstance('0123456789abcdef0123456789abcdef');
globalThis.Signal('0123456789abcdef0123456789abcdef');
// @ts-expect-error not a Session method: the types are not `any`
session.notAMethod();
void MAPPING;
