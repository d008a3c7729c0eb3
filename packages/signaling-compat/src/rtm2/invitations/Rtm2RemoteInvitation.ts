import { EventEmitter } from 'eventemitter3';
import { invalidArgument, invalidStatus } from '../../rtm/rtm1/errors';
import { DEFAULT_INVITATION_TIMING } from '../../rtm/rtm1/limits';
import { RESPONSE_OVERFLOW, fitsInvitationText } from '../../rtm/rtm1/validation';
import type { TimerHandle } from '../../rtm/clock';
import type { RemoteInvitationEvents, RemoteInvitationLike, RemoteInvitationState } from '../../rtm/types';
import type { InvitationHub, SendOutcome } from './InvitationHub';
import type { Envelope } from './protocol';

const ENDED: ReadonlySet<RemoteInvitationState> = new Set(['ACCEPTED', 'REFUSED', 'CANCELED', 'FAILURE']);

/**
 * The callee's side of a call (docs/reference/rtm1-web-sdk.md §4.7): expires 60 s after arrival;
 * `accept()` sends ACCEPT about 1 s later and every second until the caller's ACCEPT_ACK, giving
 * up 5 s after `accept()` (PEER_OFFLINE when the caller was offline, else ACCEPT_FAILURE).
 */
export class Rtm2RemoteInvitation extends EventEmitter<RemoteInvitationEvents> implements RemoteInvitationLike {
  readonly callerId: string;
  readonly callId: string;
  response = '';
  readonly #hub: InvitationHub;
  readonly #channelId: string;
  #content: string;
  #state: RemoteInvitationState = 'INVITATION_RECEIVED';
  #timers: TimerHandle[] = [];
  #acceptTimers: TimerHandle[] = [];
  #lastAccept: SendOutcome | undefined;
  #detached = false;

  constructor(hub: InvitationHub, callerId: string, invite: Envelope) {
    super();
    this.#hub = hub;
    this.callerId = callerId;
    this.callId = invite.id;
    this.#channelId = invite.ch ?? '';
    this.#content = invite.c ?? '';
    const clock = hub.host.clock;
    this.#timers.push(clock.setTimeout(() => this.#fail('INVITATION_EXPIRE'), DEFAULT_INVITATION_TIMING.expiryMs));
  }

  get state(): RemoteInvitationState {
    return this.#state;
  }

  get content(): string {
    return this.#content;
  }

  set content(_value: string) {
    throw invalidArgument(1, 'The content of a remote invitation is read-only');
  }

  get channelId(): string {
    return this.#channelId;
  }

  set channelId(_value: string) {
    throw invalidArgument(1, 'The channel ID of a remote invitation is read-only');
  }

  accept(): void {
    if (ENDED.has(this.#state)) throw invalidStatus(3, 'The invitation has already ended');
    if (this.#state === 'ACCEPT_SENT_TO_LOCAL') throw invalidStatus(4, 'The invitation has already been accepted');
    if (!fitsInvitationText(this.response)) throw invalidArgument(1, RESPONSE_OVERFLOW);
    this.#state = 'ACCEPT_SENT_TO_LOCAL';
    const clock = this.#hub.host.clock;
    const { acceptResendMs, acceptAckMs } = DEFAULT_INVITATION_TIMING;
    const response = this.response;
    const resend = (): void => {
      // After logout (detached) nothing is sent and nothing is rescheduled.
      if (this.#detached || this.#state !== 'ACCEPT_SENT_TO_LOCAL') return;
      void this.#hub.send(this.callerId, { v: 1, t: 'ACCEPT', id: this.callId, r: response }).then((outcome) => {
        this.#lastAccept = outcome;
      });
      this.#acceptTimers.push(clock.setTimeout(resend, acceptResendMs));
    };
    this.#acceptTimers.push(clock.setTimeout(resend, acceptResendMs));
    this.#acceptTimers.push(
      clock.setTimeout(() => this.#fail(this.#lastAccept === 'offline' ? 'PEER_OFFLINE' : 'ACCEPT_FAILURE'), acceptAckMs),
    );
  }

  refuse(): void {
    if (this.#state === 'ACCEPT_SENT_TO_LOCAL') throw invalidStatus(4, 'The invitation has already been accepted');
    if (ENDED.has(this.#state)) throw invalidStatus(3, 'The invitation has already ended');
    if (!fitsInvitationText(this.response)) throw invalidArgument(1, RESPONSE_OVERFLOW);
    void this.#hub.send(this.callerId, { v: 1, t: 'REFUSE', id: this.callId, r: this.response });
    this.#end('REFUSED');
    this.emit('RemoteInvitationRefused');
  }

  /** @internal The caller's ACCEPT_ACK. */
  acked(): void {
    if (this.#detached || this.#state !== 'ACCEPT_SENT_TO_LOCAL') return;
    this.#end('ACCEPTED');
    this.emit('RemoteInvitationAccepted');
  }

  /** @internal The caller's CANCEL, carrying the content current at cancel time (also after accept()). */
  canceledByCaller(content: string): void {
    if (this.#detached || ENDED.has(this.#state)) return;
    this.#content = content;
    this.#end('CANCELED');
    this.emit('RemoteInvitationCanceled', content);
  }

  /** @internal Logout: stop where it is, without events. */
  detach(): void {
    this.#detached = true;
    this.#clearTimers();
  }

  #fail(reason: 'PEER_OFFLINE' | 'ACCEPT_FAILURE' | 'INVITATION_EXPIRE'): void {
    if (this.#detached) return this.#clearTimers();
    if (ENDED.has(this.#state)) return;
    this.#end('FAILURE');
    this.emit('RemoteInvitationFailure', reason);
  }

  #end(state: RemoteInvitationState): void {
    this.#state = state;
    this.#clearTimers();
    this.#hub.forget(this);
  }

  #clearTimers(): void {
    const clock = this.#hub.host.clock;
    for (const timer of [...this.#timers, ...this.#acceptTimers]) clock.clearTimeout(timer);
    this.#timers = [];
    this.#acceptTimers = [];
  }
}
