/**
 * The demo: legacy Signaling Web code, written the way the old tutorials wrote it (`Signal(appid)`,
 * property callbacks assigned after each call), run for three users on one in-memory RTM. Only the
 * `Signal.configure` line is new. Every call and callback prints one line.
 *
 * The fake runs on a ManualClock: each step ends with `rtm.flush()`, and where RTM itself takes time
 * the demo moves the clock on, so the transcript is the same on every run and nothing waits on real
 * time.
 */
import { FakeRtm, FakeRtm2, ManualClock } from 'signaling-compat/fake';
import Signal, { type Call, type Channel, type Session } from 'signaling-compat';

const APP_ID = '0123456789abcdef0123456789abcdef';

/** `rtm2`: the same legacy code on FakeRtm2, the in-memory Signaling 2.x (the shim adapts it). */
export async function runLegacyWebDemo(print: (line: string) => void, backend: 'fake' | 'rtm2' = 'fake'): Promise<void> {
  const clock = new ManualClock();
  const rtm = backend === 'rtm2' ? new FakeRtm2({ clock }) : new FakeRtm({ clock });
  Signal.configure({ rtm });

  let step = 0;
  const heading = (title: string) => print(`${step++ === 0 ? '' : '\n'}== ${step}. ${title} ==`);
  const calls = (who: string, call: string) => print(`${who.padEnd(5)} -> ${call}`);
  const hears = (who: string, callback: string, ...args: unknown[]) =>
    print(`${who.padEnd(5)} <- ${callback}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`);

  function login(who: string): Session {
    calls(who, `Signal(appid).login("${who}", "_no_need_token")`);
    const session = Signal(APP_ID).login(who, '_no_need_token');
    session.onLoginSuccess = function (uid) { hears(who, 'onLoginSuccess', uid); };
    session.onLoginFailed = function (ecode) { hears(who, 'onLoginFailed', ecode); };
    session.onLogout = function (ecode) { hears(who, 'onLogout', ecode); };
    session.onMessageInstantReceive = function (account, uid, msg) {
      hears(who, 'onMessageInstantReceive', account, uid, msg);
    };
    return session;
  }

  function join(who: string, session: Session, name: string): Channel {
    calls(who, `session.channelJoin("${name}")`);
    const channel = session.channelJoin(name)!;
    channel.onChannelJoined = function () { hears(who, 'onChannelJoined'); };
    channel.onChannelJoinFailed = function (ecode) { hears(who, 'onChannelJoinFailed', ecode); };
    channel.onChannelUserList = function (users) { hears(who, 'onChannelUserList', users); };
    channel.onChannelUserJoined = function (account, uid) { hears(who, 'onChannelUserJoined', account, uid); };
    channel.onChannelUserLeaved = function (account, uid) { hears(who, 'onChannelUserLeaved', account, uid); };
    channel.onChannelAttrUpdated = function (name, value, type) {
      hears(who, 'onChannelAttrUpdated', name, value, type);
    };
    channel.onMessageChannelReceive = function (account, uid, msg) {
      hears(who, 'onMessageChannelReceive', account, uid, msg);
    };
    channel.onChannelLeaved = function (ecode) { hears(who, 'onChannelLeaved', ecode); };
    return channel;
  }

  function watchCall(who: string, call: Call): Call {
    call.onInviteReceivedByPeer = function (extra) { hears(who, 'onInviteReceivedByPeer', extra); };
    call.onInviteAcceptedByPeer = function (extra) { hears(who, 'onInviteAcceptedByPeer', extra); };
    call.onInviteRefusedByPeer = function (extra) { hears(who, 'onInviteRefusedByPeer', extra); };
    call.onInviteFailed = function (extra) { hears(who, 'onInviteFailed', extra); };
    call.onInviteEndByPeer = function (extra) { hears(who, 'onInviteEndByPeer', extra); };
    call.onInviteEndByMyself = function (extra) { hears(who, 'onInviteEndByMyself', extra); };
    return call;
  }

  /** The callee side of the old tutorials: remember the call, watch it, answer later. */
  const incoming: Record<string, Call> = {};
  function answerCalls(who: string, session: Session): void {
    session.onInviteReceived = function (call) {
      hears(who, 'onInviteReceived', `<call from ${call.peer} to "${call.channelName}", extra ${call.extra}>`);
      incoming[who] = watchCall(who, call);
    };
  }

  print('Legacy Signaling Web code on the in-memory RTM (signaling-compat/fake).');
  print('"->" is a call the app makes, "<-" a callback the app receives.\n');

  heading('Log in');
  const alice = login('alice');
  const bob = login('bob');
  const carol = login('carol');
  answerCalls('bob', bob);
  answerCalls('carol', carol);
  await rtm.flush();

  heading('Join a channel: the user list arrives after onChannelJoined');
  const aliceLobby = join('alice', alice, 'lobby');
  await rtm.flush();
  const bobLobby = join('bob', bob, 'lobby');
  await rtm.flush();

  heading('Chat: the sender receives its own channel message too');
  calls('alice', 'channel.messageChannelSend("Hi bob!")');
  aliceLobby.messageChannelSend('Hi bob!');
  await rtm.flush();
  calls('bob', 'channel.messageChannelSend("Hi alice, carol is online too")');
  bobLobby.messageChannelSend('Hi alice, carol is online too');
  await rtm.flush();

  heading('Channel attributes');
  calls('alice', 'channel.channelSetAttr("topic", "release 2.0")');
  aliceLobby.channelSetAttr('topic', 'release 2.0');
  await rtm.flush();

  heading('invoke: is carol online?');
  calls('bob', 'session.invoke("io.agora.signal.user_query_user_status", {account: "carol"}, cb)');
  bob.invoke('io.agora.signal.user_query_user_status', { account: 'carol' }, function (err, result) {
    hears('bob', 'cb', err, result);
  });
  await rtm.flush();

  heading('A call: invited, accepted, ended');
  calls('alice', 'session.channelInviteUser2("room-42", "carol", \'{"video":true}\')');
  const aliceCall = watchCall('alice', alice.channelInviteUser2('room-42', 'carol', '{"video":true}'));
  await rtm.flush();
  calls('carol', 'call.channelInviteAccept()');
  incoming.carol.channelInviteAccept();
  // RTM sends the accept about a second after accept(); the fake's clock moves only when told.
  print('      ... one second later ...');
  await rtm.advance(1_000);
  calls('alice', 'call.channelInviteEnd()');
  aliceCall.channelInviteEnd();
  await rtm.flush();

  heading('A refused call: bob is busy');
  calls('carol', 'session.channelInviteUser2("room-7", "bob", "")');
  watchCall('carol', carol.channelInviteUser2('room-7', 'bob', ''));
  await rtm.flush();
  calls('bob', 'call.channelInviteRefuse(\'{"status":1}\')');
  incoming.bob.channelInviteRefuse('{"status":1}');
  await rtm.flush();

  heading('A message to one user');
  calls('carol', 'session.messageInstantSend("alice", "See you at the release", cb)');
  carol.messageInstantSend('alice', 'See you at the release', function (failed) {
    hears('carol', 'cb', failed);
  });
  await rtm.flush();

  heading('Leave and log out');
  calls('bob', 'channel.channelLeave()');
  bobLobby.channelLeave();
  await rtm.flush();
  for (const [who, session] of [['alice', alice], ['bob', bob], ['carol', carol]] as const) {
    calls(who, 'session.logout()');
    session.logout();
  }
  await rtm.flush();
}
