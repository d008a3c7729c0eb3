import type { MemberEntry } from './ChannelHandle';

/** How many message senders keep their decoded entry (see `MemberList.senderEntry`). */
export const SENDER_CACHE_SIZE = 1024;

/** Recent senders' decoded entries (`undefined`: an ID the shim never writes). */
export type SenderCache = Map<string, MemberEntry | undefined>;

const sharedSenderCaches = new Map<string, SenderCache>();

/**
 * The sender cache every membership decoding IDs the same way shares (one per ID codec): an ID's
 * entry depends on the codec alone, and a message to a large channel then looks its sender up in
 * one warm map, not in one map per receiving session. Peers sending under ever new IDs can only
 * empty it sooner (it is bounded), which costs decoding again, never a wrong entry.
 */
export function sharedSenderCache(codec: string): SenderCache {
  let cache = sharedSenderCaches.get(codec);
  if (!cache) sharedSenderCaches.set(codec, (cache = new Map()));
  return cache;
}

/**
 * A channel's members as the session knows them, in the order it learnt of them: joins and leaves
 * are O(1) (a join into a 10,000-member channel adds 200 fetched members). Members are kept as
 * RTM IDs only (a session in a large channel holds 200 of them) and decoded when listed; the
 * senders of messages keep their legacy `[account, uid]` (in a cache that memberships decoding IDs
 * the same way share), so a received message needs no decoding.
 * IDs the shim never writes decode to `undefined`: kept as members, never shown.
 */
export class MemberList {
  #members = new Set<string>();
  /**
   * Recent senders' entries, made by `decode`: at most `SENDER_CACHE_SIZE`, emptied when full, so
   * peers sending under ever new IDs cannot grow it.
   */
  #senders: SenderCache;
  #decode: (id: string) => MemberEntry | undefined;

  constructor(decode: (id: string) => MemberEntry | undefined, senders: SenderCache) {
    this.#decode = decode;
    this.#senders = senders;
  }

  /** Adds a member at the end; false when it was one already. */
  add(id: string): boolean {
    const before = this.#members.size;
    return this.#members.add(id).size > before;
  }

  /** Removes a member; false when it was none. */
  remove(id: string): boolean {
    return this.#members.delete(id);
  }

  /** A member as legacy events show it, decoded now (joins and leaves are one event each). */
  entry(id: string): MemberEntry | undefined {
    return this.#senders.get(id) ?? this.#decode(id);
  }

  /** The entry of a message's sender, member or not, from the cache of recent senders. */
  senderEntry(id: string): MemberEntry | undefined {
    const known = this.#senders.get(id);
    if (known !== undefined || this.#senders.has(id)) return known;
    const entry = this.#decode(id);
    if (this.#senders.size >= SENDER_CACHE_SIZE) this.#senders.clear();
    this.#senders.set(id, entry);
    return entry;
  }

  /**
   * The legacy user list: the shown members with `self` (at the end unless a member already), at
   * most the latest `limit`. Fresh arrays: the app may change the list it is given.
   */
  latest(limit: number, self: string): MemberEntry[] {
    const ids = [...this.#members];
    if (!this.#members.has(self)) ids.push(self);
    const list: MemberEntry[] = [];
    for (let i = ids.length - 1; i >= 0 && list.length < limit; i--) {
      const entry = this.entry(ids[i]!);
      if (entry) list.push([entry[0], entry[1]]);
    }
    return list.reverse();
  }
}
