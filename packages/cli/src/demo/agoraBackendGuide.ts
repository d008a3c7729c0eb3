/**
 * What `demo --backend agora` prints instead of running: the demo never reaches Agora's servers
 * by itself, it says what the same legacy code needs to run on the RTM cloud.
 */
export function agoraBackendGuide(appId: string | undefined): string {
  return `The demo's legacy code runs unchanged on Agora's RTM cloud. It needs:

1. An Agora project with RTM enabled, and its App ID in the environment:
     export AGORA_APP_ID=<your 32-character App ID>
   ${describeAppId(appId)}
2. agora-rtm-sdk 1.x next to signaling-compat (an optional peer dependency):
     npm install agora-rtm-sdk@^1.6.0
   agora-rtm-sdk 1.x is a browser SDK: run the code in a web page (script tag or bundler).
3. Tokens, if the project has an App Certificate: a tokenProvider that asks your server for an
   RTM token (agora-token's RtmTokenBuilder.buildToken). Legacy Signaling tokens are never sent to RTM.

Then obtain Signal with the real backend; the rest of the code stays as it is:

  import AgoraRTM from 'agora-rtm-sdk';
  import Signal from 'signaling-compat';

  Signal.configure({
    rtm: AgoraRTM,
    tokenProvider: (account) => fetch('/rtm-token?account=' + encodeURIComponent(account)).then((r) => r.text()),
  });
  const session = Signal(AGORA_APP_ID).login('alice', '_no_need_token');
  session.onLoginSuccess = function (uid) { console.log('logged in as', uid); };

With script tags, load agora-rtm-sdk's index.js before signaling-compat.global.js and Signal
picks up window.AgoraRTM by itself.

Nothing was sent: this command does not contact Agora.
`;
}

function describeAppId(appId: string | undefined): string {
  if (!appId) return '(AGORA_APP_ID is not set.)';
  return /^[A-Za-z0-9]{32}$/.test(appId)
    ? '(AGORA_APP_ID is set.)'
    : '(AGORA_APP_ID is set but is not 32 letters and digits; RTM will reject it.)';
}
