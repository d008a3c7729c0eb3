import { describe, it } from 'vitest';
import type { RtmClientLike, RtmNamespaceLike } from '../../src/rtm/types';
import { defineRtmContract } from './defineRtmContract';
import type { ContractEnv } from './env';

/**
 * The same contract against agora-rtm-sdk 1.6.0 and Agora's cloud. Needs `AGORA_APP_ID`; for an
 * App ID with an App Certificate also `AGORA_APP_CERTIFICATE` (tokens are then minted per user
 * with agora-token). The SDK is a browser bundle: under Node it needs a global WebSocket
 * (Node ≥ 22, or `NODE_OPTIONS=--experimental-websocket` on Node 20). Timer and fake-control
 * cases are skipped: the real clock cannot be moved.
 */
const appId = process.env.AGORA_APP_ID;
const appCertificate = process.env.AGORA_APP_CERTIFICATE;

if (!appId) {
  describe.skip('RTM 1.x contract on agora-rtm-sdk: skipped, set AGORA_APP_ID to run it', () => {
    it('needs AGORA_APP_ID', () => undefined);
  });
} else {
  defineRtmContract({
    name: 'agora-rtm-sdk 1.6.0',
    capabilities: { controllableClock: false, controls: false },
    makeEnv: () => realEnv(appId),
  });
}

/** How long `flush()` waits for the cloud to deliver what is in flight. */
const SETTLE_MS = 1_500;
const runId = Math.random().toString(36).slice(2, 8);

async function loadAgoraRtm(): Promise<RtmNamespaceLike> {
  const host = globalThis as Record<string, unknown>;
  host.window ??= globalThis;
  host.navigator ??= { userAgent: `Node.js ${process.version}` };
  if (typeof host.WebSocket !== 'function') {
    throw new Error('the real-SDK contract needs a global WebSocket (Node ≥ 22, or NODE_OPTIONS=--experimental-websocket)');
  }
  // UMD bundle: under ESM interop the namespace is the default export.
  const { default: AgoraRTM } = await import('agora-rtm-sdk');
  return AgoraRTM;
}

async function tokenFor(uid: string): Promise<string | undefined> {
  if (!appId || !appCertificate) return undefined;
  const { RtmTokenBuilder } = await import('agora-token');
  return RtmTokenBuilder.buildToken(appId, appCertificate, uid, 3_600);
}

async function realEnv(id: string): Promise<ContractEnv> {
  const rtm = await loadAgoraRtm();
  const clients: RtmClientLike[] = [];
  const unsupported = (what: string) => (): never => {
    throw new Error(`${what} is not available on the real SDK`);
  };
  return {
    backend: 'real',
    rtm,
    appId: id,
    createClient() {
      const client = rtm.createInstance(id);
      const login = client.login.bind(client);
      // Supplies a token when the app needs one; the contract itself always logs in by uid.
      client.login = async (options) => login({ ...options, token: options.token ?? (await tokenFor(options.uid)) });
      clients.push(client);
      return client;
    },
    id: (label) => `${label}-${runId}`,
    flush: () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS)),
    advance: unsupported('advance()'),
    now: () => Date.now(),
    controls: {
      disconnect: unsupported('disconnect()'),
      reconnect: unsupported('reconnect()'),
      kick: unsupported('kick()'),
      expireToken: unsupported('expireToken()'),
    },
    async cleanup() {
      await Promise.all(clients.map((client) => client.logout().catch(() => undefined)));
    },
  };
}
