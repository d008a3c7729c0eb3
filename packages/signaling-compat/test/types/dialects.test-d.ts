import { describe, expectTypeOf, test } from 'vitest';
import Signal, {
  AgoraAPI,
  CallCallback,
  ChannelCallback,
  IAgoraAPI,
  LoginCallback,
  MessageCallback,
  UserAttrCallback,
  createAgoraSDKInstance,
  type Call,
  type CallEvents,
  type ChannelEvents,
  type InvitationResultCallbacks,
  type LoginSession,
  type NativeCallback,
  type ServerCall,
  type ServerChannel,
  type Session,
  type SessionEvents,
  type SignalObject,
} from '../../src/index';

// Compile-time only: the public surface of the three dialects, as apps and ported code use it.

describe('Web dialect', () => {
  test('Signal is callable and constructible; login(account, token[, count, time]) is a Web Session', () => {
    expectTypeOf(Signal('appid')).toEqualTypeOf<SignalObject>();
    expectTypeOf(new Signal('appid')).toEqualTypeOf<SignalObject>();
    expectTypeOf(Signal('appid').login('alice', '_no_need_token')).toEqualTypeOf<Session>();
    expectTypeOf(Signal('appid').login('alice', '_no_need_token', 10, 5)).toEqualTypeOf<Session>();
  });

  test('property callbacks are typed; "" is the unassigned default', () => {
    expectTypeOf<SessionEvents['onLoginSuccess']>().toEqualTypeOf<((uid: number) => void) | '' | undefined>();
    expectTypeOf<ChannelEvents['onChannelUserList']>().exclude<'' | undefined>().parameters.toEqualTypeOf<[[string, number][]]>();
    const session = Signal('appid').login('alice', '');
    session.onLogout = (ecode: number) => void ecode;
    // @ts-expect-error a Web onLogout receives a number
    session.onLogout = (ecode: string) => void ecode;
  });

  test('the Web Call reports operation results opt-in, and its methods return the operation ids', () => {
    expectTypeOf<CallEvents>().toExtend<InvitationResultCallbacks>();
    const call = {} as Call;
    expectTypeOf(call.channelInviteAccept()).toBeNumber();
    expectTypeOf(call.channelInviteRefuse('{"status":1}')).toBeNumber();
    expectTypeOf(call.channelInviteEnd()).toBeNumber();
    call.onAcceptInviteResult = (operationId: number, ok: boolean, reason: string) => void [operationId, ok, reason];
  });
});

describe('Server dialect', () => {
  test('login(account, token, callback) is a LoginSession; the Server Signal methods exist', () => {
    const signal = new Signal('appid');
    expectTypeOf(signal.login('alice', '_no_need_token', {})).toEqualTypeOf<LoginSession>();
    expectTypeOf(signal.login('alice', '_no_need_token', new Signal.LoginCallback())).toEqualTypeOf<LoginSession>();
    expectTypeOf(signal.getStatus()).toBeNumber();
    signal.userSetAttr('name', 'value', {
      onUserSetAttr: (err, ret) => {
        expectTypeOf(err).toEqualTypeOf<string>();
        expectTypeOf(ret.result).toEqualTypeOf<'ok' | 'failed'>();
        expectTypeOf(ret.json).toEqualTypeOf<Record<string, string> | undefined>();
      },
    });
    signal.userGetAttr('bob', 'name', new UserAttrCallback());
    signal.userGetAttrAll('bob', {});
    signal.channelQueryUserNum('room', {
      onChannelQueryUserNum: (session, err, num) => expectTypeOf([session, err, num] as const).toEqualTypeOf<readonly [LoginSession | null, string, number]>(),
    });
  });

  test('LoginSession, Channel and Call', () => {
    const session = new Signal('appid').login('alice', '', {});
    expectTypeOf(session.getStatus()).toBeNumber();
    expectTypeOf(session.channelJoin('room', new ChannelCallback())).toEqualTypeOf<ServerChannel>();
    expectTypeOf(session.channelJoin('room')).toEqualTypeOf<ServerChannel>();
    expectTypeOf(session.channelJoin('room', {}).getName()).toBeString();
    expectTypeOf(session.channelInviteUser2('room', 'bob', '{}', new CallCallback())).toEqualTypeOf<ServerCall>();
    session.messageInstantSend('bob', 'hi', new MessageCallback());
    session.messageInstantSend('bob', 'hi', 60, { onMessageSendError: (s, ecode) => expectTypeOf(ecode).toBeNumber() });
    const call = {} as ServerCall;
    expectTypeOf(call.channelInviteAccept('{}')).toBeNumber();
    expectTypeOf(call.channelInviteEnd()).toBeNumber();
    const channel = {} as ServerChannel;
    channel.messageChannelSend('hi', {});
    expectTypeOf(channel.channelClearAttr()).toBeVoid();
  });

  test('callback objects: Java-style subclasses with super calls, or plain literals with typed arguments', () => {
    class Callback extends Signal.LoginCallback {
      override onLoginSuccess(session: LoginSession, uid: number): void {
        super.onLoginSuccess(session, uid);
      }
      onInviteEndByPeer(session: LoginSession, call: ServerCall, extra: string): void {}
    }
    expectTypeOf(new Callback()).toExtend<LoginCallback>();
    expectTypeOf(Signal.LoginCallback).toEqualTypeOf<typeof LoginCallback>();
    const literal: LoginCallback = {
      onLoginFailed: (session, ecode) => expectTypeOf(ecode).toBeNumber(),
      onError: (session, ecode, reason) => expectTypeOf(reason).toBeString(),
      onInviteReceived: (session, call) => expectTypeOf(call).toEqualTypeOf<ServerCall>(),
    };
    void literal;
    const channel: ChannelCallback = {
      onChannelUserList: (session, channel, users, uids) => expectTypeOf([users, uids] as const).toEqualTypeOf<readonly [string[], number[]]>(),
    };
    void channel;
    const call: CallCallback = { onInviteFailed: (session, c, ecode) => expectTypeOf(ecode).toBeNumber(), onInviteResult: () => {} };
    void call;
    // @ts-expect-error a misspelt handler is caught
    const typo: LoginCallback = { onLoginSucess() {} };
    void typo;
  });
});

describe('native dialect', () => {
  test('instances and the handler', () => {
    expectTypeOf(AgoraAPI.getInstance('appid')).toEqualTypeOf<AgoraAPI>();
    expectTypeOf(createAgoraSDKInstance('appid', {})).toEqualTypeOf<AgoraAPI>();
    // @ts-expect-error instances come from getInstance / createAgoraSDKInstance
    void new AgoraAPI('appid', {});
    const api = AgoraAPI.getInstance('appid');
    api.callbackSet({
      onLoginSuccess: (uid, fd) => expectTypeOf([uid, fd]).toEqualTypeOf<number[]>(),
      onChannelUserList: (accounts, uids) => expectTypeOf([accounts, uids] as const).toEqualTypeOf<readonly [string[], number[]]>(),
      onInviteReceived: (channelID, account, uid, extra) => expectTypeOf([channelID, account, extra]).toEqualTypeOf<string[]>(),
      onQueryUserStatusResult: (name, status) => expectTypeOf(status).toBeString(),
      onInvokeRet: (callID, err, resp) => expectTypeOf(resp).toBeString(),
      onAcceptInviteResult: (operationId, ok) => expectTypeOf([operationId, ok] as const).toEqualTypeOf<readonly [number, boolean]>(),
    });
    expectTypeOf(api.callbackGet()).toEqualTypeOf<NativeCallback | undefined>();
    expectTypeOf<NativeCallback>().toExtend<InvitationResultCallbacks>();
  });

  test('methods take the flat legacy argument lists; call methods return operation ids', () => {
    const api = createAgoraSDKInstance('appid');
    api.login2('appid', 'alice', '_no_need_token', 0, '', 5, 1);
    api.messageInstantSend('bob', 0, 'hi', 'm1');
    api.messageChannelSend('room', 'hi', 'm2');
    api.invoke('io.agora.signal.user_query_user_status', '{"account":"bob"}', 'q1');
    expectTypeOf(api.channelInviteUser('room', 'bob', 0)).toBeNumber();
    expectTypeOf(api.channelInviteAccept('room', 'bob', 0, null)).toBeNumber();
    expectTypeOf(api.getStatus()).toBeNumber();
    expectTypeOf(api.isOnline()).toBeNumber();
    expectTypeOf(api.getSdkVersion()).toBeNumber();
    // @ts-expect-error channelJoin names its channel
    api.channelJoin();
  });

  test('IAgoraAPI.ECODE_* constants are the legacy numbers', () => {
    expectTypeOf(IAgoraAPI.ECODE_LOGOUT_E_KICKED).toEqualTypeOf<103>();
    expectTypeOf(IAgoraAPI.ECODE_LOGIN_E_NET).toEqualTypeOf<201>();
    // @ts-expect-error only legacy codes exist
    void IAgoraAPI.ECODE_NO_SUCH_CODE;
  });
});
