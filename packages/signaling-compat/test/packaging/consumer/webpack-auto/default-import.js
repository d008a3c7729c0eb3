// The same app with a default import.
import Signal from 'signaling-compat';
import { FakeRtm } from 'signaling-compat/fake';

Signal.configure({ rtm: new FakeRtm() });
const session = Signal('0123456789abcdef0123456789abcdef').login('alice', '_no_need_token');
session.onLoginSuccess = (uid) => {
  console.log(`onLoginSuccess(${typeof uid})`);
  session.logout();
};
