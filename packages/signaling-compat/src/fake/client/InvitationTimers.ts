import type { TimerHandle } from '../../rtm/clock';
import type { Network } from '../server/Network';

/**
 * The timers of one invitation (expiry, retries, the accept handshake), on the fake's clock. They
 * are cancelled together when the invitation ends or its client logs out, so no invitation timer
 * outlives either.
 */
export class InvitationTimers {
  readonly #net: Pick<Network, 'later' | 'cancel'>;
  readonly #handles = new Set<TimerHandle>();

  constructor(net: Pick<Network, 'later' | 'cancel'>) {
    this.#net = net;
  }

  later(ms: number, callback: () => void): TimerHandle {
    const handle = this.#net.later(ms, () => {
      this.#handles.delete(handle);
      callback();
    });
    this.#handles.add(handle);
    return handle;
  }

  clear(handle: TimerHandle | undefined): void {
    if (handle === undefined) return;
    this.#net.cancel(handle);
    this.#handles.delete(handle);
  }

  clearAll(): void {
    for (const handle of this.#handles) this.#net.cancel(handle);
    this.#handles.clear();
  }
}
