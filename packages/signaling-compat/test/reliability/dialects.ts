import { accountUid } from '../../src/core/ids';
import type { FakeRtm } from '../../src/fake';
import type { CompatOptions } from '../../src/core/options';
import { AgoraAPI } from '../../src/legacy/native/AgoraAPI';
import type { LoginCallback, MessageCallback } from '../../src/legacy/server/callbacks';
import { Channel } from '../../src/legacy/server/Channel';
import type { LoginSession } from '../../src/legacy/server/LoginSession';
import type { Session } from '../../src/legacy/web/Session';
import type { Call as ServerCall } from '../../src/legacy/server/Call';
import type { Call as WebCall } from '../../src/legacy/web/Call';
import { callbacksOf } from '../support/callbacks';
import { APP_ID, CALL_CALLBACKS, CHANNEL_CALLBACKS, SESSION_CALLBACKS, watch, world, type Transcript } from '../support/harness';
import { recorder as record } from '../support/recorder';

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
  /** From now on, every incoming call is accepted; call events are recorded as `account.call.*`. */
  answerCalls(): void;
  /** An outgoing call to `peer` about `channel`, its events recorded as `account.call.*`. */
  call(peer: string, channel: string): void;
  /** Ends the newest call (answered or not) from this side. */
  endCall(): void;
  /** A channel attribute update on a channel this login joined. */
  setAttr(channel: string, name: string, value: string): void;
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

// The Server and native callbacks a Login records (a Web Login watches its objects' whole lists).
// Server: the LoginCallback without the channel events, which go to the ChannelCallback, and without
// onInviteReceived, recorded once `answerCalls()` asks; the ChannelCallback without the user list and
// the member count query.
const SERVER_EVENTS = callbacksOf('server', 'LoginCallback', {
  except: ['onChannelJoined', 'onChannelJoinFailed', 'onChannelLeaved', 'onInviteReceived'],
});
const SERVER_CHANNEL_EVENTS = callbacksOf('server', 'ChannelCallback', { except: ['onChannelUserList', 'onChannelQueryUserNum'] });
// Native: the connection, message and channel events without the user list; send results are
// recorded as `sent`, call events once `answerCalls()` or `call()` asks, and query results are no
// part of a Login.
const NATIVE_EVENTS = callbacksOf('native', 'ICallBack', {
  fired: true,
  except: [
    'onChannelUserList',
    'onMessageSendError',
    'onMessageSendSuccess',
    ...callbacksOf('native', 'ICallBack').filter((name) => name.startsWith('onInvite')),
    'onChannelQueryUserNumResult',
    'onChannelQueryUserIsIn',
    'onInvokeRet',
    'onUserAttrResult',
    'onUserAttrAllResult',
    'onQueryUserStatusResult',
  ],
});

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
    const calls: WebCall[] = [];
    const track = (call: WebCall) => {
      calls.push(call);
      watch(call, CALL_CALLBACKS, w.transcript, `${account}.call`);
      return call;
    };
    return {
      answerCalls() {
        session.onInviteReceived = (call: WebCall) => {
          w.transcript.push([`${account}.onInviteReceived`, call.channelName, call.peer, call.extra]);
          track(call).channelInviteAccept('');
        };
      },
      call: (peer, channel) => void track(session.channelInviteUser2(channel, peer, '')),
      endCall: () => void calls.at(-1)?.channelInviteEnd(''),
      setAttr: (name, key, value) => channels.get(name)?.channelSetAttr(key, value),
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
    const recorder = (events: readonly string[]) => record(w.transcript, account, events, named);
    const callback = recorder(SERVER_EVENTS) as LoginCallback;
    const session: LoginSession = w.signal.login(account, token, callback);
    const calls: ServerCall[] = [];
    // Without the leading (session, call) arguments, as the other dialects' call events.
    const callEvents = () => record(w.transcript, account, CALL_CALLBACKS, (args) => named(args.slice(2)));
    const channels = new Map<string, ReturnType<LoginSession['channelJoin']>>();
    const result: MessageCallback = {
      onMessageSendSuccess: () => w.transcript.push([`${account}.sent`, true]),
      onMessageSendError: () => w.transcript.push([`${account}.sent`, false]),
    };
    return {
      answerCalls() {
        // The Server SDK gives an incoming call no callback object: its events go to the LoginCallback.
        Object.assign(callback, callEvents(), {
          onInviteReceived: (_session: LoginSession, call: ServerCall) => {
            w.transcript.push([`${account}.onInviteReceived`, call.channelName, call.peer, call.extra]);
            calls.push(call);
            call.channelInviteAccept('');
          },
        });
      },
      call: (peer, channel) => void calls.push(session.channelInviteUser2(channel, peer, '', callEvents())),
      endCall: () => void calls.at(-1)?.channelInviteEnd(''),
      setAttr: (name, key, value) => channels.get(name)?.channelSetAttr(key, value),
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
    const callbacks: Record<string, unknown> = {
      ...record(w.transcript, account, NATIVE_EVENTS),
      onMessageSendSuccess: () => w.transcript.push([`${account}.sent`, true]),
      onMessageSendError: () => w.transcript.push([`${account}.sent`, false]),
    };
    api.callbackSet(callbacks);
    api.login(APP_ID, account, token, 0, '');
    let n = 0;
    let last: [string, string] | undefined;
    // Without the leading (channelID, account, uid) arguments, as the other dialects' call events.
    const recordCalls = () => Object.assign(callbacks, record(w.transcript, `${account}.call`, CALL_CALLBACKS, (args) => args.slice(3)));
    return {
      answerCalls() {
        recordCalls();
        callbacks.onInviteReceived = (channel: string, peer: string, uid: number, extra: string) => {
          w.transcript.push([`${account}.onInviteReceived`, channel, peer, extra]);
          last = [channel, peer];
          api.channelInviteAccept(channel, peer, uid, '');
        };
      },
      call(peer, channel) {
        recordCalls();
        last = [channel, peer];
        api.channelInviteUser2(channel, peer, '');
      },
      endCall: () => void (last && api.channelInviteEnd(last[0], last[1], 0)),
      setAttr: (name, key, value) => api.channelSetAttr(name, key, value),
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
