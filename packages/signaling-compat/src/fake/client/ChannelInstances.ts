import type { ChannelAttributes, ReceivedMessageProperties, RtmMessage } from '../../rtm/types';
import type { MemberNotice } from '../server/wire';

export type JoinState = 'LEFT' | 'JOINING' | 'JOINED';

/** An RtmChannel instance as the client routes to it. */
export interface ChannelEndpoint {
  readonly channelId: string;
  readonly joinState: JoinState;
  receiveMessage(message: RtmMessage, from: string, props: ReceivedMessageProperties): void;
  receiveMemberNotice(notice: MemberNotice): void;
  receiveAttributes(attributes: ChannelAttributes): void;
  receiveMemberCount(count: number): void;
  /** Logout: back to LEFT with no local events (docs/reference/rtm1-web-sdk.md §4.14). */
  dropMembership(): void;
}

/**
 * One client's RtmChannel instances that are joining or joined, and the SDK session's record of
 * channel IDs (its `usedChannelIds`): an ID goes in when a join is sent and comes out only when a
 * joined (or joining) channel leaves, or at logout. A join that fails leaves its ID behind, so
 * every later join of that ID in the same login gets 202; the record counts toward the 20-channel
 * cap (docs/reference/rtm1-web-sdk.md §3.4). A new login starts a new record.
 *
 * The instances are an array in the order they were added (at most 20 and the leaving ones), not
 * a `Set`: `joined` runs once per receiver of every channel message, and an index loop makes no
 * iterator there.
 */
export class ChannelInstances {
  readonly #live: ChannelEndpoint[] = [];
  readonly #usedIds = new Set<string>();

  isUsed(channelId: string): boolean {
    return this.#usedIds.has(channelId);
  }

  get usedCount(): number {
    return this.#usedIds.size;
  }

  /** A join is being sent: its ID is recorded (and stays so if the join fails). */
  recordId(channelId: string): void {
    this.#usedIds.add(channelId);
  }

  add(channel: ChannelEndpoint): void {
    if (!this.#live.includes(channel)) this.#live.push(channel);
  }

  has(channel: ChannelEndpoint): boolean {
    return this.#live.includes(channel);
  }

  /** The instance left (or failed to join); `freeId` false keeps its ID recorded (the SDK quirk above). */
  remove(channel: ChannelEndpoint, freeId: boolean): void {
    const at = this.#live.indexOf(channel);
    if (at >= 0) this.#live.splice(at, 1);
    if (freeId) this.#usedIds.delete(channel.channelId);
  }

  /** The joined instance of `channelId`, which pushes for that channel go to. */
  joined(channelId: string): ChannelEndpoint | undefined {
    const live = this.#live;
    for (let i = 0; i < live.length; i++) {
      const channel = live[i]!;
      if (channel.channelId === channelId && channel.joinState === 'JOINED') return channel;
    }
    return undefined;
  }

  joinedIds(): string[] {
    return this.#live.filter((channel) => channel.joinState === 'JOINED').map((channel) => channel.channelId);
  }

  /**
   * `getChannelMemberCount` results feed MemberCountUpdated of the joined instances (docs/reference/rtm1-web-sdk.md §4.11).
   * Over a copy: an instance a listener adds or removes meanwhile is not JOINED (it joins later,
   * or left before it went), so it is skipped, as a live iteration would skip or never reach it.
   */
  receiveMemberCounts(counts: Record<string, number>): void {
    for (const channel of [...this.#live]) {
      const count = counts[channel.channelId];
      if (channel.joinState === 'JOINED' && count !== undefined) channel.receiveMemberCount(count);
    }
  }

  /** Logout: every instance back to LEFT, silently. */
  dropAll(): void {
    for (const channel of [...this.#live]) channel.dropMembership();
  }

  /** A new login starts a new record of IDs. */
  newLogin(): void {
    this.#usedIds.clear();
  }
}
