// A CommonJS module of a TypeScript app: `require('signaling-compat')` is the callable Signal.
import Signal = require('signaling-compat');
import fake = require('signaling-compat/fake');
import mapping = require('signaling-compat/mapping');
import type { CompatOptions, RtmNamespaceLike, Session } from 'signaling-compat';
import 'signaling-compat/global';

const rtm: RtmNamespaceLike = new fake.FakeRtm({ clock: new fake.ManualClock() });
const options: CompatOptions = Signal.configure({ rtm });
const session: Signal.Session = Signal('0123456789abcdef0123456789abcdef', options).login('alice', '_no_need_token');
session.onLoginSuccess = (uid) => void (uid satisfies number);
const server: Signal.SignalObject = new Signal('0123456789abcdef0123456789abcdef');
server.login('bob', '', new Signal.LoginCallback());
class Callbacks extends Signal.LoginCallback {}
const api: Signal.AgoraAPI = Signal.AgoraAPI.getInstance('0123456789abcdef0123456789abcdef', { rtm });
const codes: number[] = [Signal.LegacyCode.LOGIN_E_NET, Signal.IAgoraAPI.ECODE_LOGIN_E_NET];
const itself: Signal.SignalFactory = Signal.default;
const viaGlobal: Session = globalThis.Signal('0123456789abcdef0123456789abcdef').login('carol', '');
const rows: number = mapping.MAPPING.length;
// @ts-expect-error not a Session method: the types are not `any`
session.notAMethod();
void [Callbacks, api, codes, itself, viaGlobal, rows];
