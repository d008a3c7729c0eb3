import { SdkEmitter } from '../shared/SdkEmitter';
import type { TimerHandle } from '../../rtm/clock';
import type {
  RemoteInvitationEvents,
  RemoteInvitationFailureReason,
  RemoteInvitationLike,
  RemoteInvitationState,
} from '../../rtm/types';
import type { InvitationPort, RemoteInvitationEndpoint } from './InvitationPort';
import { InvitationTimers } from './InvitationTimers';
import { invalidArgument, invalidStatus } from '../../rtm/rtm1/errors';
import { RESPONSE_OVERFLOW, fitsInvitationText } from '../../rtm/rtm1/validation';

/** The SDK's texts (docs/reference/rtm1-web-sdk.md §2.4). */
const ACCEPTING = 'The remote invitation is accepting. Cannot do the operation.';

const ENDED: ReadonlySet<RemoteInvitationState> = new Set(['ACCEPTED', 'REFUSED', 'CANCELED', 'FAILURE']);

/** What an incoming invite carries. */
export interface IncomingInvite {
  callerId: string;
  callId: string;
  channelId: string;
  content: string;
}

/**
 * The callee's side of a call invitation (docs/reference/rtm1-web-sdk.md §1.5, §2.4, §4.7, §4.8): emitted by
 * the client as `RemoteInvitationReceived`. `accept()` and `refuse()` are synchronous and throw
 * on misuse; the accept handshake (send after ~1 s, resend every ~1 s, 5 s ack window) and the
 * 60 s expiry run on the fake's clock.
 */
export class FakeRemoteInvitation extends SdkEmitter<RemoteInvitationEvents> implements RemoteInvitationLike {
  readonly callerId: string;
  /** Undocumented in the SDK: the caller's callId. */
  readonly callId: string;
  readonly #port: InvitationPort;
  readonly #timers: InvitationTimers;
  readonly #channelId: string;
  #content: string;
  #response = '';
  #state: RemoteInvitationState = 'INVITATION_RECEIVED';
  #ackWindow: TimerHandle | undefined;
  #callerHasAccept = false;
  #callerOffline = false;

  /** @internal Created by the client when an invite arrives; `register` receives its wire endpoint. */
  constructor(port: InvitationPort, invite: IncomingInvite, register: (endpoint: RemoteInvitationEndpoint) => void) {
    super();
    this.#port = port;
    this.#timers = new InvitationTimers(port.net);
    this.callerId = invite.callerId;
    this.callId = invite.callId;
    this.#channelId = invite.channelId;
    this.#content = invite.content;
    register({
      receiveCancel: (content) => this.#onCancel(content),
      receiveAcceptAck: () => this.#onAcceptAck(),
      halt: () => this.#timers.clearAll(),
    });
    this.#timers.later(port.timing.expiryMs, () => this.#fail('INVITATION_EXPIRE'));
  }

  get channelId(): string {
    return this.#channelId;
  }

  /**
   * Always throws RtmInvalidArgumentError 1.
   * @note compat: the SDK's message for this setter wrongly names "response" (docs/reference/rtm1-web-sdk.md §1.5).
   */
  set channelId(_channelId: string) {
    throw invalidArgument(1, 'Cannot set the "response" of the RemoteInvitation instance.');
  }

  get content(): string {
    return this.#content;
  }

  /** Always throws RtmInvalidArgumentError 1 (docs/reference/rtm1-web-sdk.md §1.5). */
  set content(_content: string) {
    throw invalidArgument(1, 'Cannot set the "content" of the RemoteInvitation instance.');
  }

  get response(): string {
    return this.#response;
  }

  /** Sent with `accept()` or `refuse()`. */
  set response(response: string) {
    this.#response = response;
  }

  get state(): RemoteInvitationState {
    return this.#state;
  }

  /** docs/reference/rtm1-web-sdk.md §2.4 checks, then ACCEPT_SENT_TO_LOCAL synchronously; the accept leaves ~1 s later (docs/reference/rtm1-web-sdk.md §4.7). */
  accept(): void {
    const port = this.#port;
    port.count('invitation.accept');
    if (ENDED.has(this.#state)) throw invalidStatus(3, 'The local invitation has ended. Cannot accept.');
    if (this.#state === 'ACCEPT_SENT_TO_LOCAL') throw invalidStatus(4, ACCEPTING);
    if (!fitsInvitationText(this.#response)) throw invalidArgument(1, RESPONSE_OVERFLOW);
    const fault = port.takeFault('invitation.accept');
    if (fault) throw fault;
    this.#state = 'ACCEPT_SENT_TO_LOCAL';
    this.#ackWindow = this.#timers.later(port.timing.acceptAckMs, () =>
      this.#fail(this.#callerOffline ? 'PEER_OFFLINE' : 'ACCEPT_FAILURE'),
    );
    this.#timers.later(port.timing.acceptResendMs, () => this.#sendAccept());
  }

  /** docs/reference/rtm1-web-sdk.md §2.4 checks; sends the refusal, then REFUSED synchronously. */
  refuse(): void {
    const port = this.#port;
    port.count('invitation.refuse');
    if (this.#state === 'ACCEPT_SENT_TO_LOCAL') throw invalidStatus(4, ACCEPTING);
    if (ENDED.has(this.#state)) throw invalidStatus(3, 'The invitation is end. Cannot refuse');
    if (!fitsInvitationText(this.#response)) throw invalidArgument(1, RESPONSE_OVERFLOW);
    const fault = port.takeFault('invitation.refuse');
    if (fault) throw fault;
    port.sendSignal(this.callerId, { kind: 'refuse', callId: this.callId, response: this.#response });
    this.#end('REFUSED');
    this.emit('RemoteInvitationRefused');
  }

  /**
   * Sends the accept and resends it every ~1 s until the caller has it; once it has, the 5 s
   * ack window restarts and ends in ACCEPT_FAILURE. An "offline" answer makes the first window
   * end in PEER_OFFLINE (probe timings: 5.0 s offline, 6.0 s received-but-no-ack).
   */
  #sendAccept(): void {
    if (this.#state !== 'ACCEPT_SENT_TO_LOCAL' || this.#callerHasAccept) return;
    const port = this.#port;
    port.sendSignal(this.callerId, { kind: 'accept', callId: this.callId, response: this.#response }, (received) => {
      if (this.#state !== 'ACCEPT_SENT_TO_LOCAL' || this.#callerHasAccept) return;
      if (!received) {
        this.#callerOffline = true;
        return;
      }
      this.#callerHasAccept = true;
      this.#callerOffline = false;
      this.#timers.clear(this.#ackWindow);
      this.#ackWindow = this.#timers.later(port.timing.acceptAckMs, () => this.#fail('ACCEPT_FAILURE'));
    });
    this.#timers.later(port.timing.acceptResendMs, () => this.#sendAccept());
  }

  #onAcceptAck(): void {
    if (this.#state !== 'ACCEPT_SENT_TO_LOCAL') return;
    this.#end('ACCEPTED');
    this.emit('RemoteInvitationAccepted');
  }

  /** docs/reference/rtm1-web-sdk.md §4.7: the cancel's content replaces `content`; this happens even in ACCEPT_SENT_TO_LOCAL. */
  #onCancel(content: string): void {
    if (ENDED.has(this.#state)) return;
    this.#content = content;
    this.#end('CANCELED');
    this.emit('RemoteInvitationCanceled', content);
  }

  #fail(reason: RemoteInvitationFailureReason): void {
    if (ENDED.has(this.#state)) return;
    this.#end('FAILURE');
    this.emit('RemoteInvitationFailure', reason);
  }

  #end(state: RemoteInvitationState): void {
    this.#timers.clearAll();
    this.#state = state;
  }
}
