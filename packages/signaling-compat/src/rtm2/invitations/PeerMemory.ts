/** Call IDs one publisher may have remembered at a time (a caller makes a few calls in 120 s). */
const MAX_PER_PEER = 64;
/** Publishers remembered at a time; the one heard from least recently goes first beyond this. */
const MAX_PEERS = 1_024;

/**
 * Call IDs remembered per publisher, with the time each was seen. Peer data must not grow memory
 * without bound, and one peer's envelopes must not push out what is remembered about another:
 * each publisher's IDs are capped on their own (its oldest go first), and so is the number of
 * publishers, so a flood only ever evicts the flooder's own memories.
 */
export class PeerMemory {
  readonly #byPeer = new Map<string, Map<string, number>>();

  has(peer: string, id: string): boolean {
    return this.#byPeer.get(peer)?.has(id) ?? false;
  }

  remember(peer: string, id: string, at: number): void {
    let ids = this.#byPeer.get(peer);
    if (ids) this.#byPeer.delete(peer);
    else ids = new Map();
    this.#byPeer.set(peer, ids);
    ids.delete(id);
    ids.set(id, at);
    if (ids.size > MAX_PER_PEER) ids.delete(ids.keys().next().value as string);
    if (this.#byPeer.size > MAX_PEERS) this.#byPeer.delete(this.#byPeer.keys().next().value as string);
  }

  delete(peer: string, id: string): boolean {
    const ids = this.#byPeer.get(peer);
    if (!ids?.delete(id)) return false;
    if (ids.size === 0) this.#byPeer.delete(peer);
    return true;
  }

  /** Forgets what was seen `ttlMs` or longer ago. */
  prune(now: number, ttlMs: number): void {
    for (const [peer, ids] of this.#byPeer) {
      for (const [id, at] of ids) if (now - at >= ttlMs) ids.delete(id);
      if (ids.size === 0) this.#byPeer.delete(peer);
    }
  }

  clear(): void {
    this.#byPeer.clear();
  }
}
