import { afterEach, describe, expect, it } from 'vitest';
import { accountUid } from '../../src/core/ids';
import { FakeRtm2, ManualClock } from '../../src/fake';
import { AgoraAPI } from '../../src/legacy/native/AgoraAPI';
import { Signal } from '../../src/legacy/Signal';
import { fromRtm2 } from '../../src/rtm2';
import { APP_ID } from './env';

const quiet = { logger: {} };

/** Logs a Web session in and says what it reported. */
async function webLogin(signal: ReturnType<typeof Signal>, fake: FakeRtm2, account: string): Promise<unknown[]> {
  const events: unknown[] = [];
  const session = signal.login(account, '_no_need_token');
  session.onLoginSuccess = (uid: number) => events.push(['onLoginSuccess', uid]);
  session.onLoginFailed = (code: number) => events.push(['onLoginFailed', code]);
  await fake.flush();
  return events;
}

describe('a 2.x namespace is accepted wherever a 1.x one is', () => {
  const host = globalThis as { AgoraRTM?: unknown };
  afterEach(() => {
    Signal.configure({ rtm: undefined });
    delete host.AgoraRTM;
  });

  it('as the rtm option of Signal(appId) and new Signal(appId)', async () => {
    const fake = new FakeRtm2({ clock: new ManualClock() });
    expect(await webLogin(Signal(APP_ID, { rtm: fake, ...quiet }), fake, 'web')).toEqual([['onLoginSuccess', accountUid('web')]]);
    const server = new (Signal as unknown as new (appId: string, options: object) => ReturnType<typeof Signal>)(APP_ID, {
      rtm: fake,
      ...quiet,
    });
    const events: unknown[] = [];
    server.login('server', '_no_need_token', { onLoginSuccess: (_s: unknown, uid: number) => events.push(uid) } as never);
    await fake.flush();
    expect(events).toEqual([accountUid('server')]);
  });

  it('through Signal.configure({ rtm }) and a script tag’s globalThis.AgoraRTM', async () => {
    const configured = new FakeRtm2({ clock: new ManualClock() });
    Signal.configure({ rtm: configured });
    expect(await webLogin(Signal(APP_ID, quiet), configured, 'alice')).toEqual([['onLoginSuccess', accountUid('alice')]]);
    Signal.configure({ rtm: undefined });
    const global = new FakeRtm2({ clock: new ManualClock() });
    host.AgoraRTM = global;
    expect(await webLogin(Signal(APP_ID, quiet), global, 'bob')).toEqual([['onLoginSuccess', accountUid('bob')]]);
  });

  it('by AgoraAPI.createAgoraSDKInstance(appId, { rtm }), and already adapted by fromRtm2', async () => {
    const fake = new FakeRtm2({ clock: new ManualClock() });
    const events: unknown[] = [];
    const api = AgoraAPI.createAgoraSDKInstance(APP_ID, { rtm: fake, ...quiet });
    api.callbackSet({ onLoginSuccess: (uid: number) => events.push(['native', uid]) });
    api.login2(APP_ID, 'native', '_no_need_token', 0, '', 5, 1);
    const adapted = new FakeRtm2({ clock: new ManualClock() });
    const web = Signal(APP_ID, { rtm: fromRtm2(adapted), ...quiet });
    await fake.flush();
    expect(events).toEqual([['native', accountUid('native')]]);
    expect(await webLogin(web, adapted, 'carol')).toEqual([['onLoginSuccess', accountUid('carol')]]);
  });
});
