import type { RtmMessage } from '../rtm/types';
import type { Calls } from './Calls';
import type { EngineContext } from './context';
import { LegacyCode, describeRtmError, sendFailureCode } from './legacyCodes';
import { err, ok, type Result } from './result';
import { decodeMessage, encodePayload } from './payload';

/**
 * P2P messages: legacy `messageInstantSend` onto `sendMessageToPeer` (paced), and incoming peer
 * messages split into app payloads and the shim's call control messages.
 */
export class PeerMessages {
  #ctx: EngineContext;
  #calls: Calls;
  #deliver: (account: string, payload: unknown) => void;

  constructor(ctx: EngineContext, calls: Calls, deliver: (account: string, payload: unknown) => void) {
    this.#ctx = ctx;
    this.#calls = calls;
    this.#deliver = deliver;
  }

  /**
   * Success means RTM took the message (legacy: the server took it), whether or not the peer was
   * online; `peerMessageSuccess: 'delivered'` requires `hasPeerReceived`.
   */
  send(peer: string, payload: unknown): Promise<Result> {
    const encoded = this.#ctx.codec.encode(peer);
    if (!('id' in encoded)) {
      this.#ctx.log.warn(`messageInstantSend: ${encoded.why}`);
      return Promise.resolve(err(LegacyCode.SENDMESSAGE_E_OTHER, encoded.why));
    }
    const encodedPayload = encodePayload(payload);
    if (!encodedPayload.ok) {
      this.#ctx.log.warn(`messageInstantSend: ${encodedPayload.reason}`);
      return Promise.resolve(encodedPayload);
    }
    const message = encodedPayload.value;
    const peerId = encoded.id;
    return this.#ctx.pacer.send(
      () => this.#ctx.client.sendMessageToPeer(message, peerId),
      (result) => {
        if (!result.ok) {
          const reason = describeRtmError(result.error);
          this.#ctx.log.warn(`messageInstantSend to "${peerId}" failed: ${reason}`);
          return err(sendFailureCode(result.error), reason);
        }
        if (this.#ctx.options.peerMessageSuccess === 'delivered' && !result.value.hasPeerReceived) {
          return err(LegacyCode.SENDMESSAGE_E_OTHER, 'the peer did not receive the message');
        }
        return ok();
      },
      () => err(LegacyCode.SENDMESSAGE_E_OTHER, 'logged out before the message was sent'),
    );
  }

  /** `MessageFromPeer`: control messages go to their call and are never surfaced as messages. */
  receive = (message: RtmMessage, peerId: string): void => {
    const decoded = decodeMessage(message);
    if (decoded.kind === 'end-call') {
      this.#calls.route(peerId, decoded.channel, 'end', decoded.extra);
    } else if (decoded.kind === 'control') {
      this.#calls.route(peerId, decoded.control.channel, decoded.control.type, decoded.control.data);
    } else {
      const account = this.#ctx.codec.decode(peerId);
      if (account === undefined) this.#ctx.log.debug(`ignored a message from "${peerId}": not an ID the shim writes`);
      else this.#deliver(account, decoded.payload);
    }
  };
}
