import { EventEmitter } from 'eventemitter3';
import type { AttrChange } from './attributeDiff';
import type { Failure } from './legacyCodes';
import type { Outcome } from './outcome';

/** A member as legacy user lists carry it: `[account, uid]`. */
export type MemberEntry = [account: string, uid: number];

/** Dialect-neutral channel events, in the legacy order and shapes. */
export interface ChannelEvents {
  joined: () => void;
  joinFailed: (failure: Failure) => void;
  /** Left without the app asking this object (single-channel switch, logout, kick). */
  left: (code: number) => void;
  userList: (members: MemberEntry[]) => void;
  userJoined: (account: string, uid: number) => void;
  userLeft: (account: string, uid: number) => void;
  attrUpdated: (change: AttrChange) => void;
  message: (account: string, uid: number, payload: unknown) => void;
}

export type ChannelState = 'joining' | 'joined' | 'leaved';

/** What a handle asks of its membership; implemented by `ChannelMembership`. */
export interface ChannelOps {
  send(payload: unknown): Promise<Outcome>;
  leave(handle: ChannelHandle): Promise<Outcome>;
  setAttr(name: string, value: string): Promise<Outcome>;
  delAttr(name: string): Promise<Outcome>;
  clearAttr(): Promise<Outcome>;
}

/**
 * What one legacy `channelJoin` returns to a dialect. Each join makes a new handle; the newest
 * handle of a channel receives its events, as the legacy SDK's "current channel" did.
 */
export class ChannelHandle extends EventEmitter<ChannelEvents> {
  readonly name: string;
  state: ChannelState = 'joining';
  #ops: ChannelOps | undefined;

  constructor(name: string) {
    super();
    this.name = name;
  }

  /** @internal Binds the handle to its membership once the channel ID is known. */
  bind(ops: ChannelOps): void {
    this.#ops = ops;
  }

  send(payload: unknown): Promise<Outcome> {
    return this.#ops ? this.#ops.send(payload) : notJoined(this.name);
  }

  leave(): Promise<Outcome> {
    if (!this.#ops) {
      this.state = 'leaved';
      return Promise.resolve({ ok: true, value: undefined });
    }
    return this.#ops.leave(this);
  }

  setAttr(name: string, value: string): Promise<Outcome> {
    return this.#ops ? this.#ops.setAttr(name, value) : notJoined(this.name);
  }

  delAttr(name: string): Promise<Outcome> {
    return this.#ops ? this.#ops.delAttr(name) : notJoined(this.name);
  }

  clearAttr(): Promise<Outcome> {
    return this.#ops ? this.#ops.clearAttr() : notJoined(this.name);
  }
}

function notJoined(name: string): Promise<Outcome> {
  return Promise.resolve({ ok: false, failure: { code: 1003, reason: `channel "${name}" was never joined` } });
}
