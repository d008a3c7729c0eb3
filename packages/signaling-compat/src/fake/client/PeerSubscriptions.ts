import type { PeerOnlineState } from '../../rtm/types';

/**
 * docs/reference/rtm1-web-sdk.md §4.10: the peers a client subscribed to with their last reported state (undefined
 * until the first report), and those whose subscription is still in flight. Both count toward the
 * 512-peer cap; all of it is cleared when the client enters DISCONNECTED or ABORTED (docs/reference/rtm1-web-sdk.md §4.1).
 */
export class PeerSubscriptions {
  readonly #states = new Map<string, PeerOnlineState | undefined>();
  readonly #pending = new Set<string>();

  has(peerId: string): boolean {
    return this.#states.has(peerId);
  }

  stateOf(peerId: string): PeerOnlineState | undefined {
    return this.#states.get(peerId);
  }

  /** Records a state reported for a subscribed peer. */
  report(peerId: string, state: PeerOnlineState): void {
    if (this.#states.has(peerId)) this.#states.set(peerId, state);
  }

  peers(): string[] {
    return [...this.#states.keys()];
  }

  get size(): number {
    return this.#states.size;
  }

  /** Subscribed or being subscribed: what the cap counts. */
  get total(): number {
    return this.#states.size + this.#pending.size;
  }

  isKnown(peerId: string): boolean {
    return this.#states.has(peerId) || this.#pending.has(peerId);
  }

  addPending(peerIds: readonly string[]): void {
    for (const id of peerIds) this.#pending.add(id);
  }

  /** The subscribe call of `peerIds` ended; `subscribed` when the server took it while connected. */
  settle(peerIds: readonly string[], subscribed: boolean): void {
    for (const id of peerIds) {
      this.#pending.delete(id);
      if (subscribed && !this.#states.has(id)) this.#states.set(id, undefined);
    }
  }

  remove(peerIds: readonly string[]): void {
    for (const id of peerIds) this.#states.delete(id);
  }

  clear(): void {
    this.#states.clear();
    this.#pending.clear();
  }
}
