// A legacy Signaling Web app, for the packed CLI's scan.
var signal = Signal('0123456789abcdef0123456789abcdef');
var session = signal.login('alice', '_no_need_token');
session.onLoginSuccess = function (uid) {
  var channel = session.channelJoin('lobby');
  channel.onChannelJoined = function () {
    channel.messageChannelSend('hello');
  };
};
