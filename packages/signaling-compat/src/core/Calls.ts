import type { RemoteInvitationLike } from '../rtm/types';
import type { EngineContext } from './context';
import { CoreCall } from './CoreCall';

/**
 * The calls of one login: outgoing and incoming calls stay registered while active so that END_CALL
 * and DTMF messages reach the right one. Each incoming invitation is its own call (apps implement
 * "busy" by refusing the second one).
 */
export class Calls {
  #ctx: EngineContext;
  #calls = new Set<CoreCall>();

  constructor(ctx: EngineContext) {
    this.#ctx = ctx;
  }

  invite(channelName: string, peer: string, extra: unknown): CoreCall {
    return this.#track(CoreCall.outgoing(this.#ctx, channelName, peer, extra));
  }

  incoming(remote: RemoteInvitationLike): CoreCall {
    return this.#track(CoreCall.incoming(this.#ctx, remote));
  }

  #track(call: CoreCall): CoreCall {
    this.#calls.add(call);
    const forget = (): void => {
      // Keep an ended call only as long as its end can still arrive; the newest match wins anyway.
      if (!call.active) this.#calls.delete(call);
    };
    call.on('failed', forget).on('refused', forget).on('endByPeer', forget);
    return call;
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

  disposeAll(): void {
    for (const call of this.#calls) call.dispose();
    this.#calls.clear();
  }
}
