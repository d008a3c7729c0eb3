// Written the way the old Signaling tutorials were: a global Signal, property callbacks,
// each step started from the callbacks of the one before.
var appid = '0123456789abcdef0123456789abcdef';
var transcript = { alice: [], bob: [] };
var done = false;
var uids = {};
var alice, bob, aliceChannel, bobChannel, aliceCall, bobCall;

// The script moves to the next step once the current step has seen all its callbacks, so each
// user's transcript is the same on every run whatever the delivery timing.
var steps = [];
var expected = 0;
function step(count, run) { steps.push({ count: count, run: run }); }
function next() {
  var current = steps.shift();
  if (!current) { done = true; return; }
  expected = current.count;
  current.run();
}
function log(who, text) {
  transcript[who].push(text);
  document.getElementById(who).textContent += text + '\n';
  expected -= 1;
  if (expected === 0) setTimeout(next, 0);
}
function uidName(uid) {
  for (var account in uids) if (uids[account] === uid) return 'uid(' + account + ')';
  return String(uid);
}
function userList(users) {
  return users.map(function (u) { return u[0] + '/' + uidName(u[1]); }).sort().join(',');
}

function watchSession(who, session) {
  session.onLoginSuccess = function (uid) { uids[who] = uid; log(who, 'onLoginSuccess ' + uidName(uid)); };
  session.onLoginFailed = function (ecode) { log(who, 'onLoginFailed ' + ecode); };
  session.onLogout = function (ecode) { log(who, 'onLogout ' + ecode); };
  session.onMessageInstantReceive = function (account, uid, msg) {
    log(who, 'onMessageInstantReceive ' + account + ' ' + uid + ' ' + msg);
  };
}
function watchChannel(who, channel) {
  channel.onChannelJoined = function () { log(who, 'onChannelJoined ' + this.name); };
  channel.onChannelJoinFailed = function (ecode) { log(who, 'onChannelJoinFailed ' + ecode); };
  channel.onChannelUserList = function (users) { log(who, 'onChannelUserList ' + userList(users)); };
  channel.onChannelUserJoined = function (account, uid) { log(who, 'onChannelUserJoined ' + account + ' ' + uidName(uid)); };
  channel.onChannelUserLeaved = function (account, uid) { log(who, 'onChannelUserLeaved ' + account + ' ' + uidName(uid)); };
  channel.onChannelAttrUpdated = function (name, value, type) { log(who, 'onChannelAttrUpdated ' + name + ' ' + value + ' ' + type); };
  channel.onMessageChannelReceive = function (account, uid, msg) {
    log(who, 'onMessageChannelReceive ' + account + ' ' + uidName(uid) + ' ' + msg);
  };
  channel.onChannelLeaved = function (ecode) { log(who, 'onChannelLeaved ' + ecode); };
}
function watchCall(who, call) {
  call.onInviteReceivedByPeer = function (extra) { log(who, 'onInviteReceivedByPeer ' + this.peer); };
  call.onInviteAcceptedByPeer = function (extra) { log(who, 'onInviteAcceptedByPeer ' + extra); };
  call.onInviteRefusedByPeer = function (extra) { log(who, 'onInviteRefusedByPeer ' + extra); };
  call.onInviteFailed = function (extra) { log(who, 'onInviteFailed ' + extra); };
  call.onInviteEndByPeer = function (extra) { log(who, 'onInviteEndByPeer ' + extra); };
  call.onInviteEndByMyself = function (extra) { log(who, 'onInviteEndByMyself ' + JSON.stringify(extra)); };
}

step(2, function () {
  alice = Signal(appid).login('alice', '_no_need_token');
  watchSession('alice', alice);
  bob = Signal(appid).login('bob', '_no_need_token');
  watchSession('bob', bob);
  bob.onInviteReceived = function (call) {
    bobCall = call;
    watchCall('bob', call);
    log('bob', 'onInviteReceived ' + call.peer + ' ' + call.channelName + ' ' + call.extra);
  };
});
step(2, function () {
  aliceChannel = alice.channelJoin('lobby');
  watchChannel('alice', aliceChannel);
});
step(3, function () {
  bobChannel = bob.channelJoin('lobby');
  watchChannel('bob', bobChannel);
});
step(3, function () {
  aliceChannel.messageChannelSend('hello bob', function () { log('alice', 'messageChannelSend done'); });
});
step(2, function () {
  bob.messageInstantSend('alice', 'hi alice', function (failed) { log('bob', 'messageInstantSend failed=' + failed); });
});
step(3, function () {
  aliceChannel.channelSetAttr('topic', 'legacy apps', function () { log('alice', 'channelSetAttr done'); });
});
step(2, function () {
  aliceCall = alice.channelInviteUser2('call-room', 'bob', '{"type":"video"}');
  watchCall('alice', aliceCall);
});
step(1, function () {
  bobCall.channelInviteAccept('ok');
});
step(2, function () {
  aliceCall.channelInviteEnd();
});
step(2, function () {
  bobChannel.channelLeave();
});
step(2, function () {
  alice.logout();
  bob.logout();
});
next();
