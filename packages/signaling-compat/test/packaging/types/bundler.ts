// `moduleResolution: bundler`: the package as a bundled app sees it.
import Signal, { AgoraAPI, IAgoraAPI, LegacyCode, type CompatOptions, type RtmNamespaceLike, type Session } from 'signaling-compat';
import * as namespace from 'signaling-compat';
import { FakeRtm, ManualClock } from 'signaling-compat/fake';
import { MAPPING, findMapping } from 'signaling-compat/mapping';
import 'signaling-compat/global';

const rtm: RtmNamespaceLike = new FakeRtm({ clock: new ManualClock() });
const options: CompatOptions = Signal.configure({ rtm });
const session: Session = Signal('0123456789abcdef0123456789abcdef', options).login('alice', '_no_need_token');
session.onLoginSuccess = (uid) => void (uid satisfies number);
new Signal('0123456789abcdef0123456789abcdef').login('bob', '', new Signal.LoginCallback());
AgoraAPI.getInstance('0123456789abcdef0123456789abcdef', { rtm }).login2('', 'carol', '', 0, '', 30, 5);
const codes: number[] = [LegacyCode.LOGIN_E_NET, IAgoraAPI.ECODE_LOGIN_E_NET, namespace.default('x').getSDKVersion_int()];
const viaGlobal: Session = globalThis.Signal('0123456789abcdef0123456789abcdef').login('dave', '');
findMapping(MAPPING[0].dialect, MAPPING[0].owner, MAPPING[0].member);
// @ts-expect-error an ES namespace object is never callable
namespace('0123456789abcdef0123456789abcdef');
// @ts-expect-error not a Session method: the types are not `any`
session.notAMethod();
void [codes, viaGlobal];
