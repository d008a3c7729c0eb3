import { accountUid } from '../../src/core/ids';
import type { FakeRtm } from '../../src/fake';
import type { CompatOptions } from '../../src/core/options';
import { AgoraAPI } from '../../src/legacy/native/AgoraAPI';
import type { LoginCallback, MessageCallback } from '../../src/legacy/server/callbacks';
import { Channel } from '../../src/legacy/server/Channel';
import type { LoginSession } from '../../src/legacy/server/LoginSession';
import type { Session } from '../../src/legacy/web/Session';
import { APP_ID, CHANNEL_CALLBACKS, SESSION_CALLBACKS, watch, world, type Transcript } from '../support/harness';

/**
 * One login of any dialect, driven the same way: its legacy callbacks (channel ones included) are
 * recorded as `account.callback` with their legacy arguments — a Server LoginSession appears as its
 * account, a Server Channel as `channel` — and send results as `[account.sent, ok]`.
 */
export interface Login {
  status(): number;
  join(channel: string): void;
  sendPeer(peer: string, msg: unknown): void;
  sendChannel(channel: string, msg: unknown): void;
  logout(): void;
}

/** The legacy shapes of the connection events a dialect reports. */
export interface Dialect {
  name: 'web' | 'server' | 'native';
  /** Status numbers: logged in, reconnecting, logged out. */
  status: { in: number; reconnecting: number; out: number };
  loginSuccess(account: string): unknown[];
  logout(account: string, code: number): unknown[];
  /** Native's `onReconnecting(n)`; nothing in the other dialects. */
  reconnecting(account: string, attempt: number): Transcript;
  /** Native's `onReconnected(0)`; nothing in the other dialects. */
  reconnected(account: string): Transcript;
  login(w: DialectWorld, account: string, token?: string): Login;
}

export type DialectWorld = ReturnType<typeof dialectWorld>;

const SERVER_EVENTS = ['onLoginSuccess', 'onLoginFailed', 'onLogout', 'onMessageInstantReceive', 'onError'];
const SERVER_CHANNEL_EVENTS = [
  'onChannelJoined', 'onChannelJoinFailed', 'onChannelLeaved', 'onChannelUserJoined', 'onChannelUserLeaved', 'onMessageChannelReceive',
];
const NATIVE_EVENTS = [
  'onLoginSuccess', 'onLoginFailed', 'onLogout', 'onReconnecting', 'onReconnected', 'onMessageInstantReceive',
  'onMessageChannelReceive', 'onChannelJoined', 'onChannelJoinFailed', 'onChannelLeaved', 'onChannelUserJoined',
  'onChannelUserLeaved', 'onError',
];

const web: Dialect = {
  name: 'web',
  status: { in: 2, reconnecting: 3, out: 0 },
  loginSuccess: (a) => [`${a}.onLoginSuccess`, accountUid(a)],
  logout: (a, code) => [`${a}.onLogout`, code],
  reconnecting: () => [],
  reconnected: () => [],
  login(w, account, token = '_no_need_token') {
    const session: Session = w.signal.login(account, token);
    watch(session, SESSION_CALLBACKS, w.transcript, account);
    const channels = new Map<string, ReturnType<Session['channelJoin']>>();
    const sent = (ok: boolean) => w.transcript.push([`${account}.sent`, ok]);
    return {
      status: () => session.state,
      join(name) {
        const channel = session.channelJoin(name);
        if (channel) watch(channel, CHANNEL_CALLBACKS, w.transcript, account);
        channels.set(name, channel);
      },
      sendPeer: (peer, msg) => session.messageInstantSend(peer, msg, (failed) => sent(!failed)),
      // Web reports no channel send result; the sender's echo shows it.
      sendChannel: (name, msg) => channels.get(name)?.messageChannelSend(msg),
      logout: () => session.logout(),
    };
  },
};

const server: Dialect = {
  name: 'server',
  status: { in: 2, reconnecting: 1, out: 0 },
  loginSuccess: (a) => [`${a}.onLoginSuccess`, a, accountUid(a)],
  logout: (a, code) => [`${a}.onLogout`, a, code],
  reconnecting: () => [],
  reconnected: () => [],
  login(w, account, token = '_no_need_token') {
    const named = (args: unknown[]) => args.map((arg) => (arg === session ? account : arg instanceof Channel ? 'channel' : arg));
    const recorder = (events: readonly string[]) =>
      Object.fromEntries(events.map((e) => [e, (...args: unknown[]) => w.transcript.push([`${account}.${e}`, ...named(args)])]));
    const session: LoginSession = w.signal.login(account, token, recorder(SERVER_EVENTS) as LoginCallback);
    const channels = new Map<string, ReturnType<LoginSession['channelJoin']>>();
    const result: MessageCallback = {
      onMessageSendSuccess: () => w.transcript.push([`${account}.sent`, true]),
      onMessageSendError: () => w.transcript.push([`${account}.sent`, false]),
    };
    return {
      status: () => session.getStatus(),
      join: (name) => channels.set(name, session.channelJoin(name, recorder(SERVER_CHANNEL_EVENTS))),
      sendPeer: (peer, msg) => session.messageInstantSend(peer, msg, result),
      sendChannel: (name, msg) => channels.get(name)?.messageChannelSend(msg, result),
      logout: () => session.logout(),
    };
  },
};

const native: Dialect = {
  name: 'native',
  status: { in: 2, reconnecting: 3, out: 0 },
  loginSuccess: (a) => [`${a}.onLoginSuccess`, accountUid(a), 0],
  logout: (a, code) => [`${a}.onLogout`, code],
  reconnecting: (a, n) => [[`${a}.onReconnecting`, n]],
  reconnected: (a) => [[`${a}.onReconnected`, 0]],
  login(w, account, token = '_no_need_token') {
    const api = AgoraAPI.createAgoraSDKInstance(APP_ID, { rtm: w.rtm, logger: w.logger, ...w.options });
    const handler = Object.fromEntries(
      NATIVE_EVENTS.map((e) => [e, (...args: unknown[]) => w.transcript.push([`${account}.${e}`, ...args])]),
    );
    api.callbackSet({
      ...handler,
      onMessageSendSuccess: () => w.transcript.push([`${account}.sent`, true]),
      onMessageSendError: () => w.transcript.push([`${account}.sent`, false]),
    });
    api.login(APP_ID, account, token, 0, '');
    let n = 0;
    return {
      status: () => api.getStatus(),
      join: (name) => api.channelJoin(name),
      sendPeer: (peer, msg) => api.messageInstantSend(peer, 0, msg, `m${++n}`),
      sendChannel: (name, msg) => api.messageChannelSend(name, msg, `m${++n}`),
      logout: () => api.logout(),
    };
  },
};

export const DIALECTS: readonly Dialect[] = [web, server, native];

/** A world for any dialect: one FakeRtm on a manual clock, a Web/Server Signal and native instances on it. */
export function dialectWorld(options: CompatOptions = {}, fakeOptions: ConstructorParameters<typeof FakeRtm>[0] = {}) {
  return Object.assign(world(options, fakeOptions), { options });
}

/** The payloads `account` received, in order, from its instant and channel message callbacks. */
export function received(transcript: Transcript, account: string): unknown[] {
  return transcript
    .filter(([name]) => name === `${account}.onMessageInstantReceive` || name === `${account}.onMessageChannelReceive`)
    .map((event) => event[event.length - 1]);
}
