import { describe, expect, it } from 'vitest';
import { accountUid } from '../src/core/ids';
import type { Call as ServerCall } from '../src/legacy/server/Call';
import type { LoginSession } from '../src/legacy/server/LoginSession';
import { AgoraAPI } from '../src/legacy/native/AgoraAPI';
import type { Call as WebCall } from '../src/legacy/web/Call';
import { APP_ID, CALL_CALLBACKS, CHANNEL_CALLBACKS, watch } from './support/harness';
import { CALL_EVENTS, CHANNEL_EVENTS, LOGIN_EVENTS, byOwner, serverWorld } from './server/serverHarness';
import { NATIVE_EVENTS } from './native/nativeHarness';

const uid = accountUid;
/** RTM sends an accept about 1 s after `accept()` (docs/reference/rtm1-web-sdk.md §4.7). */
const ACCEPT_DELAY_MS = 1000;

/** Web "web", Server "server" and native "native" clients on one RTM cloud, each recording its events. */
async function threeDialects() {
  const w = serverWorld();
  const webCalls: WebCall[] = [];
  const webSession = w.signal.login('web', '_no_need_token');
  watch(webSession, ['onLoginSuccess', 'onMessageInstantReceive'], w.transcript, 'web');
  webSession.onInviteReceived = (call: WebCall) => {
    webCalls.push(call);
    w.transcript.push(['web.onInviteReceived', call.channelName, call.peer, call.extra]);
    watch(call, CALL_CALLBACKS, w.transcript, 'web');
  };
  const serverCalls: ServerCall[] = [];
  const serverCallback = {
    ...w.recorder('server', [...LOGIN_EVENTS, ...CALL_EVENTS]),
    onInviteReceived(session: LoginSession, call: ServerCall) {
      serverCalls.push(call);
      w.transcript.push(['server.onInviteReceived', w.label(session), w.label(call)]);
    },
  };
  const server = w.name(w.signal.login('server', '_no_need_token', serverCallback), 'server');
  const native = AgoraAPI.createAgoraSDKInstance(APP_ID, { rtm: w.rtm, logger: w.logger });
  native.callbackSet(w.recorder('native', NATIVE_EVENTS));
  native.login2(APP_ID, 'native', '_no_need_token', 0, '', 5, 1);
  await w.flush();
  return { w, webSession, webCalls, server, serverCalls, native };
}

describe('Web, Server and native clients together', () => {
  it('share one channel: the same user lists and uids, attributes and messages in every dialect’s shape', async () => {
    const { w, webSession, server, native } = await threeDialects();
    expect(w.take()).toEqual([
      ['web.onLoginSuccess', uid('web')],
      ['server.onLoginSuccess', 'server', uid('server')],
      ['native.onLoginSuccess', uid('native'), 0],
    ]);
    const webChannel = webSession.channelJoin('room')!;
    watch(webChannel, CHANNEL_CALLBACKS, w.transcript, 'web');
    await w.flush();
    const serverChannel = w.name(server.channelJoin('room', w.recorder('server', CHANNEL_EVENTS)), 'room');
    await w.flush();
    native.channelJoin('room');
    await w.flush();
    const joined = byOwner(w.take());
    expect(joined.web).toEqual([
      ['web.onChannelJoined'],
      ['web.onChannelUserList', [['web', uid('web')]]],
      ['web.onChannelUserJoined', 'server', uid('server')],
      ['web.onChannelUserJoined', 'native', uid('native')],
    ]);
    expect(joined.server).toEqual([
      ['server.onChannelJoined', 'server', 'room'],
      ['server.onChannelUserList', 'server', 'room', ['web', 'server'], [uid('web'), uid('server')]],
      ['server.onChannelUserJoined', 'server', 'room', 'native', uid('native')],
    ]);
    expect(joined.native).toEqual([
      ['native.onChannelJoined', 'room'],
      ['native.onChannelUserList', ['web', 'server', 'native'], [uid('web'), uid('server'), uid('native')]],
    ]);

    native.channelSetAttr('room', 'topic', 'cats');
    await w.flush();
    webChannel.messageChannelSend({ move: 'e4' });
    await w.flush();
    serverChannel.messageChannelSend('from server');
    await w.flush();
    const events = byOwner(w.take());
    expect(events.web).toEqual([
      ['web.onChannelAttrUpdated', 'topic', 'cats', 'update'],
      ['web.onMessageChannelReceive', 'web', uid('web'), { move: 'e4' }],
      ['web.onMessageChannelReceive', 'server', uid('server'), 'from server'],
    ]);
    expect(events.server).toEqual([
      ['server.onChannelAttrUpdated', 'server', 'room', 'topic', 'cats', 'update'],
      ['server.onMessageChannelReceive', 'server', 'room', 'web', uid('web'), { move: 'e4' }],
      ['server.onMessageChannelReceive', 'server', 'room', 'server', uid('server'), 'from server'],
    ]);
    expect(events.native).toEqual([
      ['native.onChannelAttrUpdated', 'room', 'topic', 'cats', 'update'],
      ['native.onMessageChannelReceive', 'room', 'web', uid('web'), { move: 'e4' }],
      ['native.onMessageChannelReceive', 'room', 'server', uid('server'), 'from server'],
    ]);
  });

  it('exchange p2p messages across dialects', async () => {
    const { w, webSession, server, native } = await threeDialects();
    w.take();
    webSession.messageInstantSend('server', 'web→server');
    await w.flush();
    server.messageInstantSend('native', 'server→native', {});
    await w.flush();
    native.messageInstantSend('web', 0, 'native→web', 'm1');
    await w.flush();
    expect(byOwner(w.take())).toEqual({
      server: [['server.onMessageInstantReceive', 'server', 'web', 0, 'web→server']],
      native: [['native.onMessageInstantReceive', 'server', 0, 'server→native'], ['native.onMessageSendSuccess', 'm1']],
      web: [['web.onMessageInstantReceive', 'native', 0, 'native→web']],
    });
  });

  it('one call across dialects: Web calls Server, Native joins in with DTMF to Server, everyone hangs up', async () => {
    const { w, webSession, webCalls, serverCalls, native } = await threeDialects();
    w.take();
    const webCall = webSession.channelInviteUser2('call', 'server', '{"type":"audio"}');
    watch(webCall, CALL_CALLBACKS, w.transcript, 'webOut');
    await w.flush();
    serverCalls[0]!.channelInviteAccept('{"ok":1}');
    await w.advance(ACCEPT_DELAY_MS);
    native.channelInviteUser2('call', 'server', '');
    await w.flush();
    serverCalls[1]!.channelInviteAccept();
    await w.advance(ACCEPT_DELAY_MS);
    native.channelInviteDTMF('call', 'server', '5');
    await w.flush();
    serverCalls[0]!.channelInviteEnd('bye web');
    native.channelInviteEnd('call', 'server', 0);
    await w.flush();
    expect(webCalls).toEqual([]);
    expect(byOwner(w.take())).toEqual({
      server: [
        ['server.onInviteReceived', 'server', 'Call#1'],
        ['server.onInviteReceived', 'server', 'Call#2'],
        ['server.onInviteMsg', 'server', 'Call#2', '{"msgtype":"dtmf","msgdata":"5"}'],
        ['server.onInviteEndByMyself', 'server', 'Call#1', ''],
        ['server.onInviteEndByPeer', 'server', 'Call#2', ''],
      ],
      webOut: [
        ['webOut.onInviteReceivedByPeer', ''],
        ['webOut.onInviteAcceptedByPeer', '{"ok":1}'],
        ['webOut.onInviteEndByPeer', 'bye web'],
      ],
      native: [
        ['native.onInviteReceivedByPeer', 'call', 'server', uid('server')],
        ['native.onInviteAcceptedByPeer', 'call', 'server', uid('server'), ''],
        ['native.onInviteEndByMyself', 'call', 'server', uid('server')],
      ],
    });
  });

  it('operation results are opt-in on the Web Call too: absent until assigned, then fed with the returned ids', async () => {
    const { w, webCalls, native } = await threeDialects();
    w.take();
    native.channelInviteUser('native-web', 'web', 0);
    await w.flush();
    const call = webCalls[0]!;
    expect(Object.keys(call)).not.toContain('onAcceptInviteResult');
    call.onAcceptInviteResult = (operationId: number, ok: boolean, reason: string) =>
      w.transcript.push(['web.onAcceptInviteResult', operationId, ok, reason]);
    const accepted = call.channelInviteAccept('');
    const again = call.channelInviteAccept('');
    await w.advance(ACCEPT_DELAY_MS);
    const events = byOwner(w.take());
    expect(events.web).toEqual([
      ['web.onInviteReceived', 'native-web', 'native', ''],
      ['web.onAcceptInviteResult', accepted, true, ''],
      ['web.onAcceptInviteResult', again, false, 'no incoming invitation to accept'],
    ]);
    expect(events.native).toEqual([
      ['native.onInviteReceivedByPeer', 'native-web', 'web', uid('web')],
      ['native.onInviteAcceptedByPeer', 'native-web', 'web', uid('web'), ''],
    ]);
  });

  it('a native caller is refused by a Web callee with the busy extra', async () => {
    const { w, webCalls, native } = await threeDialects();
    w.take();
    native.channelInviteUser('native-web', 'web', 0);
    await w.flush();
    webCalls[0]!.channelInviteRefuse('{"status":1}');
    await w.flush();
    expect(byOwner(w.take())).toEqual({
      web: [['web.onInviteReceived', 'native-web', 'native', '']],
      native: [
        ['native.onInviteReceivedByPeer', 'native-web', 'web', uid('web')],
        ['native.onInviteRefusedByPeer', 'native-web', 'web', uid('web'), '{"status":1}'],
      ],
    });
  });
});
