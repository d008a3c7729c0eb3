// Two legacy Web clients on one in-memory RTM: both log in, alice sends bob a p2p message.
// Shared by the ESM and CJS consumers so both module systems run the same code.
const APP_ID = '0123456789abcdef0123456789abcdef';

module.exports = async function exchange(Signal, FakeRtm) {
  Signal.configure({ rtm: new FakeRtm() });
  const login = (account) =>
    new Promise((resolve, reject) => {
      const session = Signal(APP_ID).login(account, '_no_need_token');
      session.onLoginSuccess = (uid) => resolve({ session, uid });
      session.onLoginFailed = (ecode) => reject(new Error(`${account}: onLoginFailed(${ecode})`));
    });
  const [alice, bob] = await Promise.all([login('alice'), login('bob')]);
  const received = new Promise((resolve) => {
    bob.session.onMessageInstantReceive = (account, uid, msg) => resolve([account, uid, msg]);
  });
  const sendFailed = new Promise((resolve) => alice.session.messageInstantSend('bob', 'hello bob', resolve));
  const result = {
    uids: [typeof alice.uid, typeof bob.uid],
    received: await received,
    sendFailed: await sendFailed,
  };
  const loggedOut = (client) => new Promise((resolve) => (client.session.onLogout = resolve));
  const codes = Promise.all([loggedOut(alice), loggedOut(bob)]);
  alice.session.logout();
  bob.session.logout();
  result.logoutCodes = await codes;
  return result;
};
