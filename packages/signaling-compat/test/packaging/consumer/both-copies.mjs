// Loads the ESM and the CommonJS copy of the package into one process, as an app does when it
// `import`s the package and one of its dependencies `require`s it, and reports whether both see
// one set of `Signal.configure()` defaults.
import { createRequire } from 'node:module';
import Signal from 'signaling-compat';
import { FakeRtm } from 'signaling-compat/fake';

const SignalCjs = createRequire(import.meta.url)('signaling-compat');
const rtm = new FakeRtm();
SignalCjs.configure({ rtm });
Signal.configure({ idCodec: 'escape' });

const session = Signal('0123456789abcdef0123456789abcdef').login('alice', '_no_need_token');
const login = await new Promise((resolve) => {
  session.onLoginSuccess = (uid) => resolve(`onLoginSuccess(${typeof uid})`);
  session.onLoginFailed = (ecode) => resolve(`onLoginFailed(${ecode})`);
});
await new Promise((resolve) => {
  session.onLogout = resolve;
  session.logout();
});
console.log(
  JSON.stringify({
    twoCopies: Signal !== SignalCjs,
    esmSeesCjsBackend: Signal.configure().rtm === rtm,
    cjsSeesEsmOption: SignalCjs.configure().idCodec,
    esmLogin: login,
  }),
);
