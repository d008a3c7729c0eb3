import { EventEmitter } from 'eventemitter3';
import type { FakeClient } from '../client/FakeClient';
import type { FakeLocalInvitation } from '../client/FakeLocalInvitation';
import type { LocalInvitationEvents, LocalInvitationLike, LocalInvitationState } from '../../rtm/types';
import type { RemoteContext } from './RemoteContext';
import { fitsInvitationText, syncError } from './remoteErrors';
import type { RemoteTarget } from './RemoteTarget';
import type { ObjectState } from './wire';

const ENDED: ReadonlySet<LocalInvitationState> = new Set([
  'ACCEPTED_BY_REMOTE',
  'REFUSED_BY_REMOTE',
  'CANCELED',
  'FAILURE',
]);

/**
 * The caller's side of an invitation whose real counterpart is a FakeLocalInvitation in the fake
 * RTM server. `send()` and `cancel()` stay synchronous (docs/reference/rtm1-web-sdk.md §2.4): their misuse checks
 * run here on the state the server last reported, the state change they make is applied at once,
 * and the server then repeats the call. Everything else arrives as the server's events.
 */
export class RemoteLocalInvitation extends EventEmitter<LocalInvitationEvents> implements LocalInvitationLike, RemoteTarget {
  readonly calleeId: string;
  readonly handle: string;
  readonly #context: RemoteContext;
  readonly #probe: FakeLocalInvitation;
  readonly #probeClient: FakeClient;
  #content = '';
  #channelId = '';
  #response = '';
  #state: LocalInvitationState = 'IDLE';
  /** Ended here by `cancel()`: later server events predate it and are not the app's any more. */
  #endedLocally = false;

  /** @internal Created by `RemoteClient.createLocalInvitation`. */
  constructor(context: RemoteContext, handle: string, client: string, calleeId: string, probeClient: FakeClient) {
    super();
    this.#context = context;
    this.handle = handle;
    this.calleeId = calleeId;
    this.#probeClient = probeClient;
    this.#probe = probeClient.createLocalInvitation(calleeId);
    context.register(this);
    context.declare('invitation', handle, client, [calleeId], true);
  }

  get content(): string {
    return this.#content;
  }

  set content(content: string) {
    this.#content = content;
    this.#context.link.send({ t: 'set', on: this.handle, prop: 'content', value: content });
  }

  get channelId(): string {
    return this.#channelId;
  }

  /** @note compat: outside IDLE the SDK ignores the write without an error (docs/reference/rtm1-web-sdk.md §1.4). */
  set channelId(channelId: string) {
    if (this.#state !== 'IDLE') return;
    this.#channelId = channelId;
    this.#context.link.send({ t: 'set', on: this.handle, prop: 'channelId', value: channelId });
  }

  get response(): string {
    return this.#response;
  }

  /** Always throws RtmInvalidArgumentError 1, as FakeRtm's does: the callee sets the response. */
  set response(response: string) {
    this.#probe.response = response;
  }

  get state(): LocalInvitationState {
    return this.#state;
  }

  get ended(): boolean {
    return ENDED.has(this.#state);
  }

  get underWay(): boolean {
    return this.#state !== 'IDLE' && !this.ended;
  }

  applyState(state: ObjectState): void {
    if (this.#endedLocally) return;
    if (typeof state.state === 'string') this.#state = state.state as LocalInvitationState;
    if (typeof state.response === 'string') this.#response = state.response;
  }

  receive(event: string, args: unknown[], state: ObjectState | undefined): void {
    if (this.#endedLocally) return;
    if (state) this.applyState(state);
    (this.emit as (event: string, ...rest: unknown[]) => boolean)(event, ...args);
  }

  /** docs/reference/rtm1-web-sdk.md §2.4 checks on the last known state; then SENT_TO_REMOTE at once, and the server sends. */
  send(): void {
    if (this.#state === 'SENT_TO_REMOTE' || this.#state === 'RECEIVED_BY_REMOTE') {
      throw syncError('RtmInvalidStatusError', 5, 'The invitation has already been sent');
    }
    if (ENDED.has(this.#state)) throw syncError('RtmInvalidStatusError', 3, 'The invitation has already ended');
    // The same ID rule and error as createChannel's.
    if (this.#channelId !== '') this.#probeClient.createChannel(this.#channelId);
    if (!fitsInvitationText(this.#content)) {
      throw syncError('RtmInvalidArgumentError', 1, 'The content exceeds the limit of 8 KB');
    }
    this.#state = 'SENT_TO_REMOTE';
    this.#context.mirror(this, 'send');
  }

  /** docs/reference/rtm1-web-sdk.md §2.4 checks; CANCELED and LocalInvitationCanceled at once, as the SDK; the server sends the cancel. */
  cancel(): void {
    if (ENDED.has(this.#state)) throw syncError('RtmInvalidStatusError', 3, 'The invitation has already ended');
    if (this.#state === 'IDLE') throw syncError('RtmInvalidStatusError', 2, 'The invitation has not been sent');
    if (!fitsInvitationText(this.#content)) {
      throw syncError('RtmInvalidArgumentError', 1, 'The content exceeds the limit of 8 KB');
    }
    this.#state = 'CANCELED';
    this.#endedLocally = true;
    this.#context.mirror(this, 'cancel');
    this.emit('LocalInvitationCanceled');
  }
}
