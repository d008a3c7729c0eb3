import { EventEmitter } from 'eventemitter3';
import type { RemoteInvitationEvents, RemoteInvitationLike, RemoteInvitationState } from '../../rtm/types';
import type { RemoteContext } from './RemoteContext';
import { fitsInvitationText, syncError } from './remoteErrors';
import type { RemoteTarget } from './RemoteTarget';
import type { ObjectState } from './wire';

const ENDED: ReadonlySet<RemoteInvitationState> = new Set(['ACCEPTED', 'REFUSED', 'CANCELED', 'FAILURE']);

/**
 * The callee's side of an invitation whose real counterpart is a FakeRemoteInvitation in the
 * fake RTM server. `accept()` and `refuse()` stay synchronous (docs/reference/rtm1-web-sdk.md §2.4): their
 * misuse checks run on the state the server last reported, their state change is applied at
 * once, and the server then repeats the call.
 */
export class RemoteInvitation extends EventEmitter<RemoteInvitationEvents> implements RemoteInvitationLike, RemoteTarget {
  readonly callerId: string;
  readonly handle: string;
  readonly #channelId: string;
  readonly #context: RemoteContext;
  #content: string;
  #response = '';
  #state: RemoteInvitationState;
  #endedLocally = false;

  /** @internal Created when a `RemoteInvitationReceived` event arrives. */
  constructor(context: RemoteContext, handle: string, state: ObjectState) {
    super();
    this.#context = context;
    this.handle = handle;
    this.callerId = String(state.callerId);
    this.#channelId = String(state.channelId);
    this.#content = String(state.content);
    this.#state = state.state as RemoteInvitationState;
    context.register(this);
  }

  get channelId(): string {
    return this.#channelId;
  }

  /**
   * Always throws RtmInvalidArgumentError 1.
   * @note compat: the SDK's message for this setter wrongly names "response" (docs/reference/rtm1-web-sdk.md §1.5).
   */
  set channelId(_channelId: string) {
    throw syncError('RtmInvalidArgumentError', 1, 'The response of a RemoteInvitation cannot be set');
  }

  get content(): string {
    return this.#content;
  }

  /** Always throws RtmInvalidArgumentError 1 (docs/reference/rtm1-web-sdk.md §1.5). */
  set content(_content: string) {
    throw syncError('RtmInvalidArgumentError', 1, 'The content of a RemoteInvitation cannot be set');
  }

  get response(): string {
    return this.#response;
  }

  /** Sent with `accept()` or `refuse()`. */
  set response(response: string) {
    this.#response = response;
    this.#context.link.send({ t: 'set', on: this.handle, prop: 'response', value: response });
  }

  get state(): RemoteInvitationState {
    return this.#state;
  }

  get ended(): boolean {
    return ENDED.has(this.#state);
  }

  get underWay(): boolean {
    return !this.ended;
  }

  applyState(state: ObjectState): void {
    if (this.#endedLocally) return;
    if (typeof state.state === 'string') this.#state = state.state as RemoteInvitationState;
    if (typeof state.content === 'string') this.#content = state.content;
  }

  receive(event: string, args: unknown[], state: ObjectState | undefined): void {
    if (this.#endedLocally) return;
    if (state) this.applyState(state);
    (this.emit as (event: string, ...rest: unknown[]) => boolean)(event, ...args);
  }

  /** docs/reference/rtm1-web-sdk.md §2.4 checks; ACCEPT_SENT_TO_LOCAL at once; the server runs the accept handshake. */
  accept(): void {
    if (ENDED.has(this.#state)) throw syncError('RtmInvalidStatusError', 3, 'The invitation has already ended');
    if (this.#state === 'ACCEPT_SENT_TO_LOCAL') {
      throw syncError('RtmInvalidStatusError', 4, 'The invitation has already been accepted');
    }
    if (!fitsInvitationText(this.#response)) {
      throw syncError('RtmInvalidArgumentError', 1, 'The response exceeds the limit of 8 KB');
    }
    this.#state = 'ACCEPT_SENT_TO_LOCAL';
    this.#context.mirror(this, 'accept');
  }

  /** docs/reference/rtm1-web-sdk.md §2.4 checks; REFUSED and RemoteInvitationRefused at once, as the SDK; the server sends the refusal. */
  refuse(): void {
    if (this.#state === 'ACCEPT_SENT_TO_LOCAL') {
      throw syncError('RtmInvalidStatusError', 4, 'The invitation has already been accepted');
    }
    if (ENDED.has(this.#state)) throw syncError('RtmInvalidStatusError', 3, 'The invitation has already ended');
    if (!fitsInvitationText(this.#response)) {
      throw syncError('RtmInvalidArgumentError', 1, 'The response exceeds the limit of 8 KB');
    }
    this.#state = 'REFUSED';
    this.#endedLocally = true;
    this.#context.mirror(this, 'refuse');
    this.emit('RemoteInvitationRefused');
  }
}
