// The offline pages' legacy login: whatever RTM SDK and shim script the page loaded, its
// transcript (window.transcript) is what the test compares.
var transcript = [];
function log(entry) {
  transcript.push(entry);
  document.getElementById('log').textContent += JSON.stringify(entry) + '\n';
}
// A well-formed App ID (RTM wants 32 letters and digits) that no project has.
var session = Signal('0123456789abcdef0123456789abcdef').login('alice', '_no_need_token');
session.onLoginSuccess = function (uid) { log(['onLoginSuccess', uid]); };
session.onLoginFailed = function (ecode) { log(['onLoginFailed', ecode, this.getStatus()]); };
session.onLogout = function (ecode) { log(['onLogout', ecode]); };
