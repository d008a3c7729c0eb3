import type { MemberEntry } from './ChannelHandle';

/** How many senders outside the member list keep their decoded entry (see `MemberList.entryOf`). */
export const SENDER_CACHE_SIZE = 256;

/**
 * A channel's members as the session knows them, in the order it learnt of them, each with its
 * legacy `[account, uid]` decoded once: joins and leaves are O(1) (a 10,000-member channel's join
 * checks 200 fetched members), and a received message needs no decoding for a known sender.
 * `undefined` entries are IDs the shim never writes: kept as members, never shown.
 */
export class MemberList {
  #members = new Map<string, MemberEntry | undefined>();
  /**
   * Senders that are not members as far as the session knows (RTM sends no member events above
   * 512 members): at most `SENDER_CACHE_SIZE`, emptied when full, so peers sending under ever new
   * IDs cannot grow it.
   */
  #senders = new Map<string, MemberEntry | undefined>();
  #decode: (id: string) => MemberEntry | undefined;

  constructor(decode: (id: string) => MemberEntry | undefined) {
    this.#decode = decode;
  }

  has(id: string): boolean {
    return this.#members.has(id);
  }

  get size(): number {
    return this.#members.size;
  }

  /** Adds a member at the end; its entry, or `undefined` when it was one already or is never shown. */
  add(id: string): MemberEntry | undefined {
    if (this.#members.has(id)) return undefined;
    const entry = this.#senders.get(id) ?? this.#decode(id);
    this.#members.set(id, entry);
    return entry;
  }

  /** Removes a member; its entry, or `undefined` when it was none or is never shown. */
  remove(id: string): MemberEntry | undefined {
    const entry = this.#members.get(id);
    this.#members.delete(id);
    return entry;
  }

  /** The entry of a member or any other sender; `undefined` for an ID the shim never writes. */
  entryOf(id: string): MemberEntry | undefined {
    const member = this.#members.get(id);
    if (member !== undefined || this.#members.has(id)) return member;
    if (this.#senders.has(id)) return this.#senders.get(id);
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
    const entries: Array<MemberEntry | undefined> = [...this.#members.values()];
    if (!this.#members.has(self)) entries.push(this.entryOf(self));
    const list: MemberEntry[] = [];
    for (let i = entries.length - 1; i >= 0 && list.length < limit; i--) {
      const entry = entries[i];
      if (entry) list.push([entry[0], entry[1]]);
    }
    return list.reverse();
  }
}
