import type { PeerMessageSendResult } from '../../rtm/types';
import type { ClientCore } from './ClientCore';
import { END_CALL_CALL_ID } from './InvitationRouter';
import { invalidArgument, limitExceeded, RtmError, timeoutError, unavailable } from '../../rtm/rtm1/errors';
import { TIMEOUTS } from '../../rtm/rtm1/limits';
import { connectionCheck } from './outgoingMessages';
import {
  checkDestination,
  checkMessageShape,
  checkMessageSize,
  checkMessageType,
  defaultDescription,
  normalizeMessage,
  parseEndCall,
  PEER_MESSAGE_CODES,
} from '../../rtm/rtm1/validation';

/** The result of an end-call message also says whether the SDK resent it (docs/reference/rtm1-web-sdk.md §4.9). */
export type PeerMessageResult = PeerMessageSendResult & { hasReSent?: boolean };

/**
 * `sendMessageToPeer`, checks in the SDK's order (docs/reference/rtm1-web-sdk.md §2.3): shape (even logged out), the
 * RECONNECTING wait, 102, a malformed end-call message, the 180/3 s limit (which counts every
 * send that got this far), then the type; an end-call message goes out as a cancel signal with
 * no peer-ID or size check; other messages check the peer ID and raw payload, then the size.
 * Resolves `{hasPeerReceived: false}` for an offline peer (docs/reference/rtm1-web-sdk.md §4.6).
 */
export async function sendMessageToPeer(core: ClientCore, message: unknown, peerId: unknown): Promise<PeerMessageResult> {
  const codes = PEER_MESSAGE_CODES;
  const shaped = checkMessageShape(message, codes);
  if (shaped instanceof RtmError) throw shaped;
  const reconnecting = connectionCheck(core, 'Failed to send the peer-to-peer message. The client is not logged in.');
  if (reconnecting) await reconnecting;
  // The SDK calls `text.startsWith` on a TEXT message: a non-string text fails there, before the
  // rate limit, and surfaces as the generic send failure.
  if (shaped.messageType === 'TEXT' && typeof shaped.text !== 'string') {
    throw unavailable(1, 'Peer-to-peer message send failure');
  }
  const endCall = shaped.messageType === 'TEXT' ? parseEndCall(shaped.text as string, core.endCallPrefix) : undefined;
  if (endCall === 'invalid') throw invalidArgument(7, 'Message is not valid');
  if (!core.takeMessageSlot()) throw limitExceeded(5, 'Message sent failed, exceeded the 180 message in 3 seconds');
  const typeError = checkMessageType(shaped);
  if (typeError) throw typeError;
  defaultDescription(shaped);
  const late = endCall ? undefined : (checkDestination(shaped, peerId, codes) ?? checkMessageSize(shaped, codes));
  if (late) throw late;
  const to = peerId as string;
  const request = {
    timeoutMs: TIMEOUTS.messageMs,
    timeout: () => timeoutError(2, 'Executing "RtmClient.sendMessageToPeer" timed out after 10s'),
    fault: core.ledger.takeFault('sendMessageToPeer'),
    answerAfterPushes: true,
  };
  if (endCall) {
    // docs/reference/rtm1-web-sdk.md §4.9: an invitation-cancel signal with callId "0", channel = piece 2, extra = piece 3.
    const signal = { kind: 'cancel', callId: END_CALL_CALL_ID, channelId: endCall.channelId, content: endCall.info } as const;
    const hasPeerReceived = await core.request({
      ...request,
      serve: (server, port) => server.sendSignal(port, to, signal),
    });
    return { hasPeerReceived, hasReSent: false };
  }
  const outgoing = normalizeMessage(shaped);
  const hasPeerReceived = await core.request({
    ...request,
    serve: (server, port) => server.sendPeerMessage(port, to, outgoing),
  });
  return { hasPeerReceived };
}
