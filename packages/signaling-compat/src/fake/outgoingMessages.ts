/**
 * The parts of sendMessageToPeer and RtmChannel.sendMessage that the two share (docs/reference/rtm1-web-sdk.md §2.3 tables,
 * docs/reference/rtm1-web-sdk.md §4.4, §4.9).
 */

import type { ClientCore } from './ClientCore';
import { invalidStatus, timeoutError } from './errors';
import { isValidId } from './validation';

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

/** A legacy end-call message: the channel and the one `info` piece it carries. */
export interface EndCall {
  channelId: string;
  info: string;
}

/**
 * docs/reference/rtm1-web-sdk.md §4.9: text starting with END_CALL_PREFIX is an end-call signal, not text. Split on `_`, only
 * the first three pieces count: valid iff piece 1 is exactly the prefix and piece 2 a valid
 * channel ID. Returns `undefined` for ordinary text.
 */
export function parseEndCall(text: string, prefix: string): EndCall | 'invalid' | undefined {
  if (!text.startsWith(prefix)) return undefined;
  const [head, channelId, info] = text.split('_');
  if (head !== prefix || info === undefined || !isValidId(channelId)) return 'invalid';
  return { channelId, info };
}
