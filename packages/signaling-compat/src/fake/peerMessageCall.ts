import type { PeerMessageSendResult } from '../rtm/types';
import type { ClientCore } from './ClientCore';
import { END_CALL_CALL_ID } from './InvitationRouter';
import { invalidArgument, limitExceeded, RtmError, timeoutError, unavailable } from './errors';
import { TIMEOUTS } from './limits';
import { connectionCheck, parseEndCall } from './outgoingMessages';
import {
  checkMessageShape,
  checkMessageSize,
  checkMessageType,
  checkRawPayload,
  isEncodable,
  isValidId,
  normalizeMessage,
  PEER_MESSAGE_CODES,
} from './validation';

/** The result of an end-call message also says whether the SDK resent it (§4.9). */
export type PeerMessageResult = PeerMessageSendResult & { hasReSent?: boolean };

/**
 * `sendMessageToPeer`, checks in the order of the §2.3 table: shape (even logged out), the
 * RECONNECTING wait, 102, a malformed end-call message, the 180/3 s limit, then type, peer ID,
 * raw payload and size. Resolves `{hasPeerReceived: false}` for an offline peer (§4.6).
 */
export async function sendMessageToPeer(core: ClientCore, message: unknown, peerId: unknown): Promise<PeerMessageResult> {
  const codes = PEER_MESSAGE_CODES;
  const shaped = checkMessageShape(message, codes);
  if (shaped instanceof RtmError) throw shaped;
  const reconnecting = connectionCheck(core, 'Failed to send the peer-to-peer message. The client is not logged in.');
  if (reconnecting) await reconnecting;
  const endCall =
    shaped.messageType === 'TEXT' && typeof shaped.text === 'string'
      ? parseEndCall(shaped.text, core.endCallPrefix)
      : undefined;
  if (endCall === 'invalid') throw invalidArgument(7, 'Message is not valid');
  if (!core.takeMessageSlot()) throw limitExceeded(5, 'Messages exceeded the limit of 180 per 3 seconds');
  const late =
    checkMessageType(shaped) ??
    (isValidId(peerId) ? undefined : invalidArgument(6, 'The peer ID is not valid')) ??
    checkRawPayload(shaped, codes) ??
    checkMessageSize(shaped, codes);
  if (late) throw late;
  if (!isEncodable(shaped)) throw unavailable(1, 'Peer-to-peer message send failure');
  const to = peerId as string;
  const request = {
    timeoutMs: TIMEOUTS.messageMs,
    timeout: () => timeoutError(2, 'Executing "RtmClient.sendMessageToPeer" timed out after 10s'),
    fault: core.ledger.takeFault('sendMessageToPeer'),
    answerAfterPushes: true,
  };
  if (endCall) {
    // §4.9: an invitation-cancel signal with callId "0", channel = piece 2, extra = piece 3.
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
