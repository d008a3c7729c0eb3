import { Emitter } from './Emitter';
import type { AttrChange } from './attributeDiff';
import { LegacyCode, type Failure } from './legacyCodes';
import { err, ok, toldLater, type Result, type SendNotice } from './result';

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

/**
 * A handle's lifecycle, in the legacy Web `channel.state` words. Only the handle moves it:
 * `joining` → `joined` when its join sequence goes out (`announceJoined`), → `leaved` when the app
 * leaves (`leave`); a failed join stays `joining`, as legacy.
 */
export type ChannelState = 'joining' | 'joined' | 'leaved';

/** What a handle asks of its membership; implemented by `ChannelMembership`. */
export interface ChannelOps {
  /** `notice` is told the result with `datum` (see `SendNotice`), before the promise settles. */
  send<D>(payload: unknown, notice?: SendNotice<D>, datum?: D): Promise<Result>;
  leave(): Promise<Result>;
  setAttr(name: string, value: string): Promise<Result>;
  delAttr(name: string): Promise<Result>;
  clearAttr(): Promise<Result>;
}

/**
 * What one legacy `channelJoin` returns to a dialect. Each join makes a new handle; the newest
 * handle of a channel receives its events, as the legacy SDK's "current channel" did.
 */
export class ChannelHandle extends Emitter<ChannelEvents> {
  readonly name: string;
  #state: ChannelState = 'joining';
  #ops: ChannelOps | undefined;

  constructor(name: string) {
    super();
    this.name = name;
  }

  get state(): ChannelState {
    return this.#state;
  }

  /** @internal The join sequence starts: `joined`, then the user list and attributes follow. */
  announceJoined(): void {
    this.#state = 'joined';
    this.emit('joined');
  }

  /** @internal Binds the handle to its membership once the channel ID is known. */
  bind(ops: ChannelOps): void {
    this.#ops = ops;
  }

  send<D>(payload: unknown, notice?: SendNotice<D>, datum?: D): Promise<Result> {
    return this.#ops ? this.#ops.send(payload, notice, datum) : notJoined(this.name, notice, datum);
  }

  leave(): Promise<Result> {
    this.#state = 'leaved';
    return this.#ops ? this.#ops.leave() : Promise.resolve(ok());
  }

  setAttr(name: string, value: string): Promise<Result> {
    return this.#ops ? this.#ops.setAttr(name, value) : notJoined(this.name);
  }

  delAttr(name: string): Promise<Result> {
    return this.#ops ? this.#ops.delAttr(name) : notJoined(this.name);
  }

  clearAttr(): Promise<Result> {
    return this.#ops ? this.#ops.clearAttr() : notJoined(this.name);
  }
}

function notJoined<D>(name: string, notice?: SendNotice<D>, datum?: D): Promise<Result> {
  return toldLater(err(LegacyCode.GENERAL_E_NOT_LOGIN, `channel "${name}" was never joined`), notice, datum as D);
}
