import WebSocket from 'ws';
import Signal, { fromRtm2, type RtmNamespaceLike } from 'signaling-compat';
import { connectFakeRtm, connectFakeRtm2 } from 'signaling-compat/fake';

export const APP_ID = '0123456789abcdef0123456789abcdef';

/**
 * A legacy Web-dialect session on its own connection to the server ("its own page"), recording its
 * callbacks; on the server's FakeRtm, or with `backend: 'rtm2'` its FakeRtm2 through `fromRtm2`.
 */
export function legacyUser(url: string, account: string, backend: 'rtm1' | 'rtm2' = 'rtm1') {
  const rtm: RtmNamespaceLike = backend === 'rtm1' ? connectFakeRtm(url, { WebSocket }) : fromRtm2(connectFakeRtm2(url, { WebSocket }));
  const log: string[] = [];
  const waiters: Array<{ prefix: string; resolve: () => void }> = [];
  const record = (line: string) => {
    log.push(line);
    for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const session = Signal(APP_ID, { rtm }).login(account, '_no_need_token');
  session.onLoginSuccess = () => record('onLoginSuccess');
  session.onLoginFailed = (code) => record(`onLoginFailed ${code}`);
  session.onLogout = (code) => record(`onLogout ${code}`);
  session.onMessageInstantReceive = (from, _uid, msg) => record(`message ${from} ${String(msg)}`);
  /** Resolves when a callback line starting with `prefix` is recorded (now or later), counting repeats. */
  const next = (prefix: string, nth = 1): Promise<void> => {
    if (log.filter((line) => line.startsWith(prefix)).length >= nth) return Promise.resolve();
    return new Promise((resolve) => waiters.push({ prefix, resolve: () => void next(prefix, nth).then(resolve) }));
  };
  return { rtm, session, log, next };
}
