/**
 * What `connectFakeRtm` and `connectFakeRtm2` share: choosing the WebSocket class, and the two
 * members of their namespaces that are not part of RTM, `flush()` and `control()`.
 */

import type { SocketConstructor, WireLink } from './WireLink';

export interface ConnectFakeRtmOptions {
  /**
   * The WebSocket class to connect with. Browsers and Node ≥ 22 have a global one; on Node 20 pass
   * the `ws` package's: `connectFakeRtm(url, { WebSocket })` after `import WebSocket from 'ws'`.
   */
  WebSocket?: unknown;
}

/** Rounds of `flush()` before it gives up on work that keeps producing more work. */
const MAX_SETTLE_ROUNDS = 1_000;

/** The WebSocket class to use and a checked URL; `connect` names the function in its errors. */
export function socketFor(connect: string, url: string, options: ConnectFakeRtmOptions): SocketConstructor {
  const Socket = (options.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket) as SocketConstructor | undefined;
  if (typeof Socket !== 'function') {
    throw new TypeError(
      `${connect}: this runtime has no global WebSocket; pass one: ${connect}(url, { WebSocket }) with WebSocket from the 'ws' package`,
    );
  }
  if (!/^wss?:\/\//.test(url)) throw new TypeError(`${connect}: expected a ws:// or wss:// URL, got ${String(url)}`);
  return Socket;
}

/**
 * `flush()`: resolves once the server has handled everything sent so far, its fake has nothing
 * due now, and every event that caused has reached this page's listeners (repeated while those
 * listeners keep making calls).
 */
export async function settleLink(connect: string, link: WireLink): Promise<void> {
  for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
    const before = link.appFrames;
    await link.ping();
    // Let the app's promise continuations run before deciding nothing more was sent.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (link.appFrames === before) return;
  }
  throw new Error(`${connect}(…).flush(): listeners keep making calls`);
}

/** `control(name, body)`: one of the server's test controls, after every call this page made before it. */
export function runControl(link: WireLink, name: string, body: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    link.request(
      (id) => ({ t: 'control', id, name, body }),
      (frame) => {
        if (frame.t === 'pong') resolve(frame.value);
        else if (frame.t === 'result' && !frame.ok) reject(new Error(frame.error.message));
      },
    );
  });
}
