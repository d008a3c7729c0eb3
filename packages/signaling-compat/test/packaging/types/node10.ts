// `moduleResolution: node` (node10): no `exports`, so `types` and `typesVersions` carry every subpath.
import Signal, { AgoraAPI, type RtmNamespaceLike, type Session } from 'signaling-compat';
import SignalRequired = require('signaling-compat');
import { FakeRtm, ManualClock } from 'signaling-compat/fake';
import { MAPPING } from 'signaling-compat/mapping';
import 'signaling-compat/global';

const rtm: RtmNamespaceLike = new FakeRtm({ clock: new ManualClock() });
Signal.configure({ rtm });
const session: Session = Signal('0123456789abcdef0123456789abcdef').login('alice', '_no_need_token');
const required: SignalRequired.Session = SignalRequired('0123456789abcdef0123456789abcdef').login('bob', '');
new Signal('0123456789abcdef0123456789abcdef').login('carol', '', new Signal.LoginCallback());
AgoraAPI.getInstance('0123456789abcdef0123456789abcdef', { rtm });
const viaGlobal: Session = globalThis.Signal('0123456789abcdef0123456789abcdef').login('dave', '');
// @ts-expect-error not a Session method: the types are not `any`
session.notAMethod();
void [required, viaGlobal, MAPPING];
