/**
 * The connection check that sendMessageToPeer and RtmChannel.sendMessage share (docs/reference/rtm1-web-sdk.md §2.3 tables,
 * docs/reference/rtm1-web-sdk.md §4.4); the end-call format (docs/reference/rtm1-web-sdk.md §4.9) is one of the shared 1.x rules.
 */

import type { ClientCore } from './ClientCore';
import { invalidStatus, timeoutError } from '../../rtm/rtm1/errors';

/**
 * docs/reference/rtm1-web-sdk.md §4.4: while RECONNECTING a send waits up to 9 s for the reconnection, then fails with
 * RtmTimeoutError 2; without a connection it fails with 102. Only a reconnecting
 * client gets a promise to await, so a send made while connected keeps its place among the
 * sender's other calls.
 */
export function connectionCheck(core: ClientCore, notLoggedInText: string): Promise<void> | undefined {
  const requireConnected = (): void => {
    if (core.state !== 'CONNECTED') throw invalidStatus(102, notLoggedInText);
  };
  if (core.state !== 'RECONNECTING') {
    requireConnected();
    return undefined;
  }
  return core.waitWhileReconnecting().then((outcome) => {
    // @note compat: the channel path's message names sendMessageToPeer too, an SDK bug (docs/reference/rtm1-web-sdk.md §2.3).
    if (outcome === 'timeout') throw timeoutError(2, 'Executing "RtmClient.sendMessageToPeer" timed out after 10s');
    requireConnected();
  });
}
