import type { CompatOptions } from '../../src/core/options';
import type { FakeRtm } from '../../src/fake';
import { AgoraAPI } from '../../src/legacy/native/AgoraAPI';
import type { NativeCallback } from '../../src/legacy/native/NativeCallback';
import { callbacksOf, RESULT_CALLBACKS } from '../support/callbacks';
import { APP_ID, world } from '../support/harness';
import { recorder as record } from '../support/recorder';

/** Every `ICallBack` event the shim can fire (docs/reference/server-and-native-api.md §2), as the mapping table lists them. */
export const NATIVE_EVENTS = callbacksOf('native', 'ICallBack', { fired: true });
export const NATIVE_RESULT_EVENTS = RESULT_CALLBACKS;

/** The Web harness's world (one FakeRtm on a ManualClock), plus native instances on it. */
export function nativeWorld(options: CompatOptions = {}, fakeOptions: ConstructorParameters<typeof FakeRtm>[0] = {}) {
  const w = world(options, fakeOptions);

  /** A handler whose methods append `[label.event, ...args]` to the transcript. */
  function recorder(label: string, events: readonly string[] = NATIVE_EVENTS): NativeCallback {
    return record<NativeCallback>(w.transcript, label, events);
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

/** bob in `room` and carol logged in beside him, with what that took out of the transcript. */
export async function bobInRoom() {
  const w = nativeWorld();
  const bob = await w.login('bob');
  const carol = await w.login('carol');
  bob.channelJoin('room');
  await w.flush();
  w.take();
  return { w, bob, carol };
}
