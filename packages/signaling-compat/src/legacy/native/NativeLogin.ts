import type { ChannelHandle } from '../../core/ChannelHandle';
import { sendToChannelForce } from '../../core/channelSendForce';
import type { CoreCall } from '../../core/CoreCall';
import type { Engine } from '../../core/Engine';
import { accountUid } from '../../core/ids';
import { LegacyCode } from '../../core/legacyCodes';
import type { Result } from '../../core/result';
import { wire, type Deliver } from '../wiring';
import type { NativeCallback } from './NativeCallback';
import { NATIVE_CALL_WIRING, NATIVE_CHANNEL_WIRING, NATIVE_LOGIN_WIRING } from './wiring';

/** Delivers one event to the instance's current handler. */
export type Emit = (name: keyof NativeCallback, ...args: unknown[]) => void;

/**
 * One native login: its core engine, the channels it named in `channelJoin`, and its calls. The flat
 * API names channels and calls instead of returning objects, so this is where names find their core
 * handles; the callbacks themselves come from the tables in `./wiring`.
 */
export class NativeLogin {
  #engine: Engine;
  #emit: Emit;
  #deliver: Deliver;
  #channels = new Map<string, ChannelHandle>();
  #calls: CoreCall[] = [];

  constructor(engine: Engine, emit: Emit, emitNow: Emit) {
    this.#engine = engine;
    this.#emit = emit;
    this.#deliver = (name, args, w) => (w.sync ? emitNow : emit)(name as keyof NativeCallback, ...args);
    engine.on('logout', () => {
      this.#channels.clear();
      this.#calls = [];
    });
    engine.on('inviteReceived', (call) => this.#track(call));
    wire(engine, NATIVE_LOGIN_WIRING, undefined, this.#deliver);
  }

  /** The core engine: every operation of this login goes through it. */
  get engine(): Engine {
    return this.#engine;
  }

  /** True from `login` until it fails or a logout is asked for: a second `login` is ignored meanwhile. */
  get active(): boolean {
    return this.#engine.active;
  }

  logout(): void {
    this.#engine.logout();
  }

  /** Joins `name` (several channels may be joined); a second join of the same name re-announces it. */
  join(name: string): void {
    const handle = this.#engine.join(name);
    this.#channels.set(name, handle);
    const forget = (): void => {
      if (this.#channels.get(name) === handle) this.#channels.delete(name);
    };
    handle.on('joinFailed', forget);
    handle.on('left', forget);
    wire(handle, NATIVE_CHANNEL_WIRING, name, this.#deliver);
  }

  /** The handle of a channel this login joined (or is joining) by that name. */
  channel(name: string): ChannelHandle | undefined {
    return this.#channels.get(name);
  }

  /** Leaves a named channel: `onChannelLeaved(name, 0)`. False when the login is not in it. */
  leave(name: string): boolean {
    const handle = this.#channels.get(name);
    if (!handle) return false;
    this.#channels.delete(name);
    void handle.leave().then(() => this.#emit('onChannelLeaved', name, LegacyCode.SUCCESS));
    return true;
  }

  /** A channel message by name: in a joined channel a normal send, otherwise a brief join. */
  sendToChannel(name: string, msg: unknown): Promise<Result> {
    const handle = this.#channels.get(name);
    return handle?.state === 'joined' ? handle.send(msg) : this.#engine.sendToChannel(name, msg, sendToChannelForce);
  }

  /** An outgoing call; returns the operation id its `onInviteResult` reports. */
  invite(channel: string, account: string, extra: unknown): number {
    const call = this.#engine.invite(channel, account, extra);
    this.#track(call);
    return call.inviteOperationId;
  }

  /** The newest call with `account` about `channel` (only incoming ones when `incoming`), active ones first. */
  findCall(channel: string, account: string, incoming: boolean): CoreCall | undefined {
    const matches = this.#calls.filter(
      (c) => c.channelName === channel && c.peer === account && (!incoming || c.direction === 'incoming'),
    );
    return matches.filter((c) => c.active).pop() ?? matches.pop();
  }

  #track(call: CoreCall): void {
    this.#calls.push(call);
    const forget = (): void => {
      this.#calls = this.#calls.filter((c) => c !== call);
    };
    // A refused incoming call ends without an event of its own; any end releases the call, before
    // its callback runs (onInviteEndByMyself runs inside channelInviteEnd).
    call.once('ended', forget);
    for (const end of ['refused', 'failed', 'endByPeer', 'endByMyself'] as const) call.on(end, forget);
    wire(call, NATIVE_CALL_WIRING, [call.channelName, call.peer, accountUid(call.peer)], this.#deliver);
  }
}
