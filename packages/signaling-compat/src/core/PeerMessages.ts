import type { PeerMessageSendResult, RtmClientLike, RtmMessage } from '../rtm/types';
import type { Calls } from './Calls';
import type { EngineContext } from './context';
import type { SendResult } from './MessagePacer';
import { unredacted } from './secrets';
import { LegacyCode, describeRtmError, sendFailureCode } from './legacyCodes';
import { droppedSend, err, ok, told, toldLater, type Result, type SendNotice } from './result';
import { decodeMessage, encodePayload, plainText } from './payload';

/** One peer send on its way through the pacer, and whom to tell its result. */
interface PeerSend {
  readonly owner: PeerMessages;
  readonly message: RtmMessage;
  readonly peerId: string;
  readonly notice: SendNotice<unknown> | undefined;
  readonly datum: unknown;
}

/**
 * P2P messages: legacy `messageInstantSend` onto `sendMessageToPeer` (paced), and incoming peer
 * messages split into app payloads and the shim's call control messages.
 */
export class PeerMessages {
  #ctx: EngineContext;
  #calls: Calls;
  #deliver: (account: string, payload: unknown) => void;
  /** The login's client without its redacting view, for sends (see `unredacted`), and the view it is of. */
  #unredacted: { view: RtmClientLike; target: RtmClientLike; redact: (error: unknown) => unknown } | undefined;

  constructor(ctx: EngineContext, calls: Calls, deliver: (account: string, payload: unknown) => void) {
    this.#ctx = ctx;
    this.#calls = calls;
    this.#deliver = deliver;
  }

  /**
   * Success means RTM took the message (legacy: the server took it), whether or not the peer was
   * online; `peerMessageSuccess: 'delivered'` requires `hasPeerReceived`. `notice` is told the
   * result with `datum` (see `SendNotice`).
   */
  send<D>(peer: string, payload: unknown, notice?: SendNotice<D>, datum?: D): Promise<Result> {
    const tell = notice as SendNotice<unknown> | undefined;
    const encoded = this.#ctx.codec.encode(peer);
    if (!('id' in encoded)) {
      this.#ctx.log.warn(`messageInstantSend: ${encoded.why}`);
      return toldLater(err(LegacyCode.SENDMESSAGE_E_OTHER, encoded.why), tell, datum);
    }
    const encodedPayload = encodePayload(payload);
    if (!encodedPayload.ok) {
      this.#ctx.log.warn(`messageInstantSend: ${encodedPayload.reason}`);
      return toldLater(encodedPayload, tell, datum);
    }
    const send: PeerSend = { owner: this, message: encodedPayload.value, peerId: encoded.id, notice: tell, datum };
    return this.#ctx.pacer.send(PeerMessages.#sendRtm, PeerMessages.#settle, PeerMessages.#dropped, send);
  }

  /** The client exists once the login started; a later login's client replaces it. */
  #raw(): { target: RtmClientLike; redact: (error: unknown) => unknown } {
    const view = this.#ctx.client;
    if (this.#unredacted?.view !== view) this.#unredacted = { view, ...unredacted(view) };
    return this.#unredacted;
  }

  /**
   * Shared by every session (static, so a login holds no handler of its own): the pacer hands each
   * send's data, its session included, to them, so a message needs no closure of its own.
   */
  static #sendRtm(send: PeerSend): Promise<PeerMessageSendResult> {
    return send.owner.#raw().target.sendMessageToPeer(send.message, send.peerId);
  }

  static #settle(result: SendResult<PeerMessageSendResult>, send: PeerSend): Result {
    return told(PeerMessages.#resultOf(result, send), send.notice, send.datum);
  }

  static #dropped(send: PeerSend): Result {
    return told(droppedSend(), send.notice, send.datum);
  }

  static #resultOf(result: SendResult<PeerMessageSendResult>, send: PeerSend): Result {
    const ctx = send.owner.#ctx;
    if (!result.ok) {
      // The one reader of a send's error: redacted here, first (the send bypassed the redacting view).
      const error = send.owner.#raw().redact(result.error);
      const reason = describeRtmError(error);
      ctx.log.warn(`messageInstantSend to "${send.peerId}" failed: ${reason}`);
      return err(sendFailureCode(error), reason);
    }
    if (ctx.options.peerMessageSuccess === 'delivered' && !result.value.hasPeerReceived) {
      return err(LegacyCode.SENDMESSAGE_E_OTHER, 'the peer did not receive the message');
    }
    return ok();
  }

  /** `MessageFromPeer`: control messages go to their call and are never surfaced as messages. */
  receive = (message: RtmMessage, peerId: string): void => {
    const text = plainText(message);
    if (text !== undefined) return this.#deliverFrom(peerId, text);
    const decoded = decodeMessage(message);
    if (decoded.kind === 'end-call') {
      this.#calls.route(peerId, decoded.channel, 'end', decoded.extra);
    } else if (decoded.kind === 'control') {
      this.#calls.route(peerId, decoded.control.channel, decoded.control.type, decoded.control.data);
    } else {
      this.#deliverFrom(peerId, decoded.payload);
    }
  };

  #deliverFrom(peerId: string, payload: unknown): void {
    const account = this.#ctx.codec.decode(peerId);
    if (account === undefined) this.#ctx.log.debug(`ignored a message from "${peerId}": not an ID the shim writes`);
    else this.#deliver(account, payload);
  }
}
