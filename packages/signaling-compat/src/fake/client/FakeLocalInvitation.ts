import { SdkEmitter } from '../shared/SdkEmitter';
import type {
  LocalInvitationEvents,
  LocalInvitationFailureReason,
  LocalInvitationLike,
  LocalInvitationState,
} from '../../rtm/types';
import type { InvitationPort } from './InvitationPort';
import { InvitationTimers } from './InvitationTimers';
import { invalidArgument, invalidStatus } from '../../rtm/rtm1/errors';
import { noSession } from '../rules/errors';
import { uuidV4 } from '../shared/uuid';
import { INVITE_NO_ANSWER_RESEND_MS } from '../rules/limits';
import { CONTENT_OVERFLOW, fitsInvitationText, isValidId } from '../../rtm/rtm1/validation';

const ENDED: ReadonlySet<LocalInvitationState> = new Set([
  'ACCEPTED_BY_REMOTE',
  'REFUSED_BY_REMOTE',
  'CANCELED',
  'FAILURE',
]);

/**
 * The caller's side of a call invitation (docs/reference/rtm1-web-sdk.md §1.4, §2.4, §4.7, §4.8). `send()` and
 * `cancel()` are synchronous and throw on misuse; `send()` moves to SENT_TO_REMOTE at once and
 * everything after that arrives as events. All timers run on the fake's clock.
 */
export class FakeLocalInvitation extends SdkEmitter<LocalInvitationEvents> implements LocalInvitationLike {
  readonly calleeId: string;
  /** Undocumented in the SDK: a uuid v4 identifying the call on the wire. */
  readonly callId: string;
  readonly #port: InvitationPort;
  readonly #timers: InvitationTimers;
  #content = '';
  #channelId = '';
  #response = '';
  #state: LocalInvitationState = 'IDLE';
  /** For the docs/reference/rtm1-web-sdk.md §4.7 failure reason: some attempt was answered "offline" / some got no answer at all. */
  #sawOffline = false;
  #sawNoAnswer = false;

  /** @internal Created by `FakeClient.createLocalInvitation`. */
  constructor(port: InvitationPort, calleeId: string) {
    super();
    this.#port = port;
    this.#timers = new InvitationTimers(port.net);
    this.calleeId = calleeId;
    this.callId = uuidV4();
  }

  get content(): string {
    return this.#content;
  }

  /** Writable at any time: the invite's content at `send()`, the cancel payload at `cancel()`. */
  set content(content: string) {
    this.#content = content;
  }

  get channelId(): string {
    return this.#channelId;
  }

  /** @note compat: outside IDLE the SDK ignores the write without an error (docs/reference/rtm1-web-sdk.md §1.4). */
  set channelId(channelId: string) {
    if (this.#state === 'IDLE') this.#channelId = channelId;
  }

  get response(): string {
    return this.#response;
  }

  /** Always throws RtmInvalidArgumentError 1: the response is set by the callee (docs/reference/rtm1-web-sdk.md §1.4). */
  set response(_response: string) {
    throw invalidArgument(1, 'Cannot set the "response" of the LocalInvitation instance.');
  }

  get state(): LocalInvitationState {
    return this.#state;
  }

  /**
   * docs/reference/rtm1-web-sdk.md §2.4 checks, then SENT_TO_REMOTE synchronously. Not being logged in is no error here:
   * FAILURE/NOT_LOGGEDIN (never logged in) or FAILURE/UNKNOWN (no live connection) follows
   * asynchronously. An offline callee is retried every 2 s for 30 s.
   */
  send(): void {
    const port = this.#port;
    port.count('invitation.send');
    if (this.#state === 'SENT_TO_REMOTE' || this.#state === 'RECEIVED_BY_REMOTE') {
      throw invalidStatus(5, 'The local invitation send failure. The call invitation has already been sent.');
    }
    if (ENDED.has(this.#state)) throw invalidStatus(3, 'The local invitation send failure. The call invitation has ended.');
    // @note compat: the SDK reads `channelId.length` (null/undefined throw a TypeError; a number
    // has no length and skips the check).
    if ((this.#channelId as { length: number }).length > 0 && !isValidId(this.#channelId)) throw invalidArgument(1, 'Illegal invitation channel ID');
    if (!isValidId(this.calleeId)) throw invalidArgument(1, 'Illegal invitation callee user ID');
    if (!fitsInvitationText(this.#content)) throw invalidArgument(1, CONTENT_OVERFLOW);
    const fault = port.takeFault('invitation.send');
    if (fault) throw fault;
    this.#state = 'SENT_TO_REMOTE';
    if (!port.everLoggedIn) {
      port.net.soon(() => this.#fail('NOT_LOGGEDIN'));
      return;
    }
    if (port.state !== 'CONNECTED') {
      port.net.soon(() => this.#fail('UNKNOWN'));
      return;
    }
    port.trackLocal(this.calleeId, this.callId, {
      receiveAccept: (response) => this.#onAccept(response),
      receiveRefuse: (response) => this.#onRefuse(response),
      halt: () => this.#timers.clearAll(),
    });
    const invite = { kind: 'invite', callId: this.callId, channelId: this.#channelId, content: this.#content } as const;
    this.#timers.later(port.timing.offlineWindowMs, () =>
      this.#fail(this.#sawOffline && !this.#sawNoAnswer ? 'PEER_OFFLINE' : 'PEER_NO_RESPONSE'),
    );
    this.#attempt(invite);
  }

  /** docs/reference/rtm1-web-sdk.md §2.4 checks; sends the cancel with the current content, then CANCELED synchronously. */
  cancel(): void {
    const port = this.#port;
    port.count('invitation.cancel');
    if (ENDED.has(this.#state)) throw invalidStatus(3, 'The local invitation cancel failure');
    if (this.#state === 'IDLE') throw invalidStatus(2, 'The local invitation has not been sent');
    if (!fitsInvitationText(this.#content)) throw invalidArgument(1, CONTENT_OVERFLOW);
    // The cancel goes out through the session, which a never-logged-in client does not have.
    if (!port.everLoggedIn) throw noSession();
    const fault = port.takeFault('invitation.cancel');
    if (fault) throw fault;
    port.sendSignal(this.calleeId, {
      kind: 'cancel',
      callId: this.callId,
      channelId: this.#channelId,
      content: this.#content,
    });
    this.#end('CANCELED');
    this.emit('LocalInvitationCanceled');
  }

  #attempt(invite: { kind: 'invite'; callId: string; channelId: string; content: string }): void {
    if (this.#state !== 'SENT_TO_REMOTE') return;
    const port = this.#port;
    const sentAt = port.net.clock.now();
    let answered = false;
    // No answer at all within 6 s: resend; the eventual failure is then PEER_NO_RESPONSE.
    const noAnswer = this.#timers.later(INVITE_NO_ANSWER_RESEND_MS, () => {
      if (answered) return;
      this.#sawNoAnswer = true;
      this.#attempt(invite);
    });
    port.sendSignal(this.calleeId, invite, (received) => {
      answered = true;
      this.#timers.clear(noAnswer);
      if (this.#state !== 'SENT_TO_REMOTE') return;
      if (received) {
        this.#receivedByPeer();
        return;
      }
      this.#sawOffline = true;
      const wait = Math.max(0, sentAt + port.timing.retryMs - port.net.clock.now());
      this.#timers.later(wait, () => this.#attempt(invite));
    });
  }

  #receivedByPeer(): void {
    this.#timers.clearAll();
    this.#state = 'RECEIVED_BY_REMOTE';
    this.#timers.later(this.#port.timing.expiryMs, () => this.#fail('INVITATION_EXPIRE'));
    this.emit('LocalInvitationReceivedByPeer');
  }

  /** docs/reference/rtm1-web-sdk.md §4.7: an early accept first counts as received; a repeated accept is re-acked silently. */
  #onAccept(response: string): void {
    if (this.#state === 'ACCEPTED_BY_REMOTE') {
      this.#ackAccept();
      return;
    }
    if (this.#state === 'SENT_TO_REMOTE') this.#receivedByPeer();
    if (this.#state !== 'RECEIVED_BY_REMOTE') return;
    this.#response = response;
    this.#end('ACCEPTED_BY_REMOTE');
    this.#ackAccept();
    this.emit('LocalInvitationAccepted', response);
  }

  #onRefuse(response: string): void {
    if (this.#state === 'SENT_TO_REMOTE') this.#receivedByPeer();
    if (this.#state !== 'RECEIVED_BY_REMOTE') return;
    this.#response = response;
    this.#end('REFUSED_BY_REMOTE');
    this.emit('LocalInvitationRefused', response);
  }

  #ackAccept(): void {
    this.#port.sendSignal(this.calleeId, { kind: 'acceptAck', callId: this.callId });
  }

  #fail(reason: LocalInvitationFailureReason): void {
    if (this.#state !== 'SENT_TO_REMOTE' && this.#state !== 'RECEIVED_BY_REMOTE') return;
    this.#end('FAILURE');
    this.emit('LocalInvitationFailure', reason);
  }

  #end(state: LocalInvitationState): void {
    this.#timers.clearAll();
    this.#state = state;
  }
}
