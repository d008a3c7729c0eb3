import type { CompatOptions } from '../../src/core/options';
import type { FakeRtm } from '../../src/fake';
import { AgoraAPI } from '../../src/legacy/native/AgoraAPI';
import type { NativeCallback } from '../../src/legacy/native/NativeCallback';
import { APP_ID, world } from '../support/harness';

/** Every `ICallBack` event the shim can fire (docs/reference/server-and-native-api.md §2). */
export const NATIVE_EVENTS = [
  'onReconnecting', 'onReconnected', 'onLoginSuccess', 'onLogout', 'onLoginFailed', 'onChannelJoined',
  'onChannelJoinFailed', 'onChannelLeaved', 'onChannelUserJoined', 'onChannelUserLeaved', 'onChannelUserList',
  'onChannelQueryUserNumResult', 'onChannelQueryUserIsIn', 'onChannelAttrUpdated', 'onInviteReceived',
  'onInviteReceivedByPeer', 'onInviteAcceptedByPeer', 'onInviteRefusedByPeer', 'onInviteFailed', 'onInviteEndByPeer',
  'onInviteEndByMyself', 'onInviteMsg', 'onMessageSendError', 'onMessageSendSuccess', 'onMessageInstantReceive',
  'onMessageChannelReceive', 'onInvokeRet', 'onUserAttrResult', 'onUserAttrAllResult', 'onError',
  'onQueryUserStatusResult',
] as const;
export const NATIVE_RESULT_EVENTS = ['onInviteResult', 'onCancelInviteResult', 'onAcceptInviteResult', 'onRejectInviteResult'] as const;

/** The Web harness's world (one FakeRtm on a ManualClock), plus native instances on it. */
export function nativeWorld(options: CompatOptions = {}, fakeOptions: ConstructorParameters<typeof FakeRtm>[0] = {}) {
  const w = world(options, fakeOptions);

  /** A handler whose methods append `[label.event, ...args]` to the transcript. */
  function recorder(label: string, events: readonly string[] = NATIVE_EVENTS): NativeCallback {
    const handler: Record<string, unknown> = {};
    for (const event of events) handler[event] = (...args: unknown[]) => w.transcript.push([`${label}.${event}`, ...args]);
    return handler as NativeCallback;
  }

  /** A new instance on this world's RTM with a recording handler. */
  function instance(label: string, events?: readonly string[]): AgoraAPI {
    const api = AgoraAPI.createAgoraSDKInstance(APP_ID, { rtm: w.rtm, logger: w.logger, ...options });
    api.callbackSet(recorder(label, events));
    return api;
  }

  /** An instance logged in as `account` (the OpenDuo-Android call: `login2(appId, account, token, 0, "", 5, 1)`). */
  async function login(account: string, events?: readonly string[]): Promise<AgoraAPI> {
    const api = instance(account, events);
    api.login2(APP_ID, account, '_no_need_token', 0, '', 5, 1);
    await w.flush();
    return api;
  }

  return { ...w, recorder, instance, login };
}
