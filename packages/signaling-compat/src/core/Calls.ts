import type { RemoteInvitationLike } from '../rtm/types';
import type { EngineContext } from './context';
import { CoreCall } from './CoreCall';

/**
 * Unseen refusals per second at most. Each is an RTM call (a publish on 2.x, in the budget the
 * app's messages use), so past this an unusable invitation is dropped unanswered (its caller
 * times out): a peer's flood of them cannot make the session flood RTM.
 */
const MAX_REFUSALS_PER_SECOND = 5;

/**
 * The calls of one login: outgoing and incoming calls stay registered while active so that END_CALL
 * and DTMF messages reach the right one. Each incoming invitation is its own call (apps implement
 * "busy" by refusing the second one).
 */
export class Calls {
  #ctx: EngineContext;
  #calls = new Set<CoreCall>();
  #refusalSecond = Number.NEGATIVE_INFINITY;
  #refusals = 0;

  constructor(ctx: EngineContext) {
    this.#ctx = ctx;
  }

  invite(channelName: string, peer: string, extra: unknown): CoreCall {
    return this.#track(CoreCall.outgoing(this.#ctx, channelName, peer, extra));
  }

  /** The call of an incoming invitation; one from an ID the shim never writes is refused unseen. */
  incoming(remote: RemoteInvitationLike): CoreCall | undefined {
    const call = CoreCall.incoming(this.#ctx, remote);
    if (call) return this.#track(call);
    const second = Math.floor(this.#ctx.clock.now() / 1000);
    if (second !== this.#refusalSecond) {
      this.#refusalSecond = second;
      this.#refusals = 0;
    }
    if (++this.#refusals > MAX_REFUSALS_PER_SECOND) return undefined;
    this.#ctx.log.debug(`refused an invitation from "${String(remote.callerId)}": not an ID the shim writes`);
    try {
      remote.refuse();
    } catch {
      // Already ended on the RTM side.
    }
    return undefined;
  }

  /** Registered until it ends, however it ends (a control message can only reach a live call). */
  #track(call: CoreCall): CoreCall {
    this.#calls.add(call);
    call.once('ended', () => this.#calls.delete(call));
    return call;
  }

  /** Calls still registered (live ones): what a control message is matched against. */
  get size(): number {
    return this.#calls.size;
  }

  /**
   * A control message (END_CALL or DTMF) from `peerId` about `channelId`: honoured only by a call
   * with exactly that peer and channel — never from anyone else.
   */
  route(peerId: string, channelId: string, type: 'end' | 'dtmf', data: unknown): boolean {
    let target: CoreCall | undefined;
    for (const call of this.#calls) if (call.matches(peerId, channelId)) target = call;
    if (!target) {
      this.#ctx.log.debug(`ignored a call ${type} message from "${peerId}" about "${channelId}": no such call`);
      return false;
    }
    target.receiveControl(type, data);
    return true;
  }

  /** A re-login after a token expiry: the ringing calls of the old login end (`CoreCall.loginEnded`). */
  loginEnded(): void {
    for (const call of [...this.#calls]) call.loginEnded();
  }

  disposeAll(): void {
    for (const call of this.#calls) call.dispose();
    this.#calls.clear();
  }
}
