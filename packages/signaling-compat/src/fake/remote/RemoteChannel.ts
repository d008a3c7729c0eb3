import { EventEmitter } from 'eventemitter3';
import type { RtmChannelEvents, RtmChannelLike, RtmMessage } from '../../rtm/types';
import type { RemoteContext } from './RemoteContext';
import type { RemoteTarget } from './RemoteTarget';
import { decodeValue, type ObjectState } from './wire';

type JoinState = 'LEFT' | 'JOINING' | 'JOINED';

/** An `RtmChannel` whose real counterpart is a FakeChannel in the fake RTM server. */
export class RemoteChannel extends EventEmitter<RtmChannelEvents> implements RtmChannelLike, RemoteTarget {
  readonly channelId: string;
  readonly handle: string;
  readonly underWay = false;
  readonly #context: RemoteContext;
  #joinState: JoinState = 'LEFT';
  #memberCount = 0;

  /** @internal Created by `RemoteClient.createChannel`. */
  constructor(context: RemoteContext, handle: string, client: string, channelId: string) {
    super();
    this.#context = context;
    this.handle = handle;
    this.channelId = channelId;
    context.register(this);
    context.declare('channel', handle, client, [channelId], true);
  }

  /** Undocumented in the SDK: `"LEFT"`, `"JOINING"` or `"JOINED"`, as the server last reported. */
  get joinState(): JoinState {
    return this.#joinState;
  }

  /** Undocumented in the SDK: the latest member count received (0 when not joined). */
  get memberCount(): number {
    return this.#memberCount;
  }

  applyState(state: ObjectState): void {
    if (state.joinState === 'LEFT' || state.joinState === 'JOINING' || state.joinState === 'JOINED') {
      this.#joinState = state.joinState;
    }
    if (typeof state.memberCount === 'number') this.#memberCount = state.memberCount;
  }

  receive(event: string, args: unknown[], state: ObjectState | undefined): void {
    if (state) this.applyState(state);
    (this.emit as (event: string, ...rest: unknown[]) => boolean)(event, ...args.map(decodeValue));
  }

  sessionLost(): void {
    this.#joinState = 'LEFT';
    this.#memberCount = 0;
  }

  join(): Promise<void> {
    return this.#context.call(this, 'join', []);
  }

  leave(): Promise<void> {
    return this.#context.call(this, 'leave', []);
  }

  sendMessage(message: RtmMessage): Promise<void> {
    return this.#context.call(this, 'sendMessage', [message], message);
  }

  getMembers(): Promise<string[]> {
    return this.#context.call(this, 'getMembers', []);
  }
}
