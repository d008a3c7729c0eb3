import { EventEmitter } from 'eventemitter3';
import { invalidArgument, invalidStatus } from '../../rtm/rtm1/errors';
import { DEFAULT_INVITATION_TIMING } from '../../rtm/rtm1/limits';
import { CONTENT_OVERFLOW, fitsInvitationText, isValidId } from '../../rtm/rtm1/validation';
import type { TimerHandle } from '../../rtm/clock';
import type {
  LocalInvitationEvents,
  LocalInvitationFailureReason,
  LocalInvitationLike,
  LocalInvitationState,
} from '../../rtm/types';
import { isRtm2Id } from '../wire';
import type { InvitationHub, SendOutcome } from './InvitationHub';

const ENDED: ReadonlySet<LocalInvitationState> = new Set([
  'ACCEPTED_BY_REMOTE',
  'REFUSED_BY_REMOTE',
  'CANCELED',
  'FAILURE',
]);

/**
 * The caller's side of a call (docs/reference/rtm1-web-sdk.md §4.7) over the adapter's protocol:
 * `send()` publishes INVITE and retries every 2 s while the callee is offline, failing after
 * 30 s; a delivered INVITE is RECEIVED_BY_REMOTE and expires 60 s later; ACCEPT is acked every
 * time it comes (the callee resends until it has the ack), answered once.
 */
export class Rtm2LocalInvitation extends EventEmitter<LocalInvitationEvents> implements LocalInvitationLike {
  readonly calleeId: string;
  readonly callId: string;
  content = '';
  readonly #hub: InvitationHub;
  #channelId = '';
  #response = '';
  #state: LocalInvitationState = 'IDLE';
  #timers: TimerHandle[] = [];
  #detached = false;

  constructor(hub: InvitationHub, calleeId: string) {
    super();
    this.#hub = hub;
    this.calleeId = calleeId;
    this.callId = hub.newCallId();
  }

  get state(): LocalInvitationState {
    return this.#state;
  }

  get channelId(): string {
    return this.#channelId;
  }

  /** Writable only while IDLE; later writes are ignored, as 1.x does. */
  set channelId(value: string) {
    if (this.#state === 'IDLE') this.#channelId = value;
  }

  get response(): string {
    return this.#response;
  }

  set response(_value: string) {
    throw invalidArgument(1, 'The response of a local invitation is read-only');
  }

  send(): void {
    if (this.#state === 'SENT_TO_REMOTE' || this.#state === 'RECEIVED_BY_REMOTE') {
      throw invalidStatus(5, 'The invitation has already been sent');
    }
    if (ENDED.has(this.#state)) throw invalidStatus(3, 'The invitation has already ended');
    if (this.#channelId !== '' && !isValidId(this.#channelId)) throw invalidArgument(1, 'The channel ID is not valid');
    if (!isValidId(this.calleeId)) throw invalidArgument(1, 'The callee ID is not valid');
    if (!fitsInvitationText(this.content)) throw invalidArgument(1, CONTENT_OVERFLOW);
    this.#state = 'SENT_TO_REMOTE';
    const host = this.#hub.host;
    if (!host.everStarted) return this.#later(() => this.#fail('NOT_LOGGEDIN'));
    if (host.state !== 'CONNECTED' || !isRtm2Id(this.calleeId)) return this.#later(() => this.#fail('UNKNOWN'));
    this.#hub.track(this);
    const sentAt = host.clock.now();
    const attempt = (): void => {
      const invite = { v: 1, t: 'INVITE', id: this.callId, ch: this.#channelId, c: this.content } as const;
      void this.#hub.send(this.calleeId, invite).then((outcome) => this.#afterInvite(outcome, sentAt, attempt));
    };
    attempt();
  }

  cancel(): void {
    if (ENDED.has(this.#state)) throw invalidStatus(3, 'The invitation has already ended');
    if (this.#state === 'IDLE') throw invalidStatus(2, 'The invitation has not been sent');
    if (!fitsInvitationText(this.content)) throw invalidArgument(1, CONTENT_OVERFLOW);
    void this.#hub.send(this.calleeId, { v: 1, t: 'CANCEL', id: this.callId, c: this.content });
    this.#end('CANCELED');
    this.emit('LocalInvitationCanceled');
  }

  /** @internal ACCEPT from the callee: always acked; answered once if the call is still open. */
  acceptedByCallee(response: string): void {
    this.#hub.ack(this.calleeId, this.callId);
    if (this.#detached || ENDED.has(this.#state)) return;
    this.#receivedIfNeeded();
    this.#response = response;
    this.#end('ACCEPTED_BY_REMOTE');
    this.emit('LocalInvitationAccepted', response);
  }

  /** @internal REFUSE from the callee. */
  refusedByCallee(response: string): void {
    if (this.#detached || ENDED.has(this.#state)) return;
    this.#receivedIfNeeded();
    this.#response = response;
    this.#end('REFUSED_BY_REMOTE');
    this.emit('LocalInvitationRefused', response);
  }

  /** @internal Logout: stop where it is, without events. */
  detach(): void {
    this.#detached = true;
    this.#clearTimers();
  }

  #afterInvite(outcome: SendOutcome, sentAt: number, attempt: () => void): void {
    if (this.#detached || this.#state !== 'SENT_TO_REMOTE') return;
    if (outcome === 'delivered') {
      this.#receivedIfNeeded();
      return;
    }
    const { retryMs, offlineWindowMs } = DEFAULT_INVITATION_TIMING;
    const clock = this.#hub.host.clock;
    const left = sentAt + offlineWindowMs - clock.now();
    const reason: LocalInvitationFailureReason = outcome === 'offline' ? 'PEER_OFFLINE' : 'PEER_NO_RESPONSE';
    if (left <= retryMs) {
      this.#timers.push(clock.setTimeout(() => this.#state === 'SENT_TO_REMOTE' && this.#fail(reason), Math.max(0, left)));
    } else {
      this.#timers.push(clock.setTimeout(attempt, retryMs));
    }
  }

  #receivedIfNeeded(): void {
    if (this.#state !== 'SENT_TO_REMOTE') return;
    this.#clearTimers();
    this.#state = 'RECEIVED_BY_REMOTE';
    this.emit('LocalInvitationReceivedByPeer');
    const clock = this.#hub.host.clock;
    this.#timers.push(clock.setTimeout(() => this.#fail('INVITATION_EXPIRE'), DEFAULT_INVITATION_TIMING.expiryMs));
  }

  #fail(reason: LocalInvitationFailureReason): void {
    if (this.#detached || ENDED.has(this.#state)) return;
    this.#end('FAILURE');
    this.emit('LocalInvitationFailure', reason);
  }

  #end(state: LocalInvitationState): void {
    this.#state = state;
    this.#clearTimers();
    this.#hub.forget(this);
  }

  #later(run: () => void): void {
    this.#timers.push(this.#hub.host.clock.setTimeout(run, 0));
  }

  #clearTimers(): void {
    for (const timer of this.#timers) this.#hub.host.clock.clearTimeout(timer);
    this.#timers = [];
  }
}
