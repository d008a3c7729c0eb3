import { invalidArgument, invalidStatus, limitExceeded } from '../rtm/rtm1/errors';
import { MAX_QUERY_PEERS, MAX_SUBSCRIBED_PEERS, MAX_UNSUBSCRIBE_PEERS } from '../rtm/rtm1/limits';
import { isIdList } from '../rtm/rtm1/validation';
import type { TimerHandle } from '../rtm/clock';
import type { PeerOnlineState, PeersOnlineStatusMap, PeersOnlineStatusResult } from '../rtm/types';
import type { AdapterSession } from './session';
import { CUSTOM_TYPE, isRtm2Id } from './wire';

/**
 * 1.x online status on 2.x, which has no such query (docs/reference/rtm2-web-sdk.md §5; the
 * mapping's "publish probe"): a one-character USER message under `customType` `rtm1.ping` that
 * receiving adapters consume. It resolves for an online user and fails with −11033 for an
 * offline one, so the answer is exact and immediate; each probe is one publish. Subscriptions
 * are re-probed every `pollMs` and report changes, as 1.x reported them (1.x pushed them).
 */
export class OnlineStatus {
  readonly #session: AdapterSession;
  readonly #pollMs: number;
  readonly #emit: (status: PeersOnlineStatusMap) => void;
  readonly #subscribed = new Map<string, PeerOnlineState | undefined>();
  #timer: TimerHandle | undefined;

  constructor(session: AdapterSession, pollMs: number, emit: (status: PeersOnlineStatusMap) => void) {
    this.#session = session;
    this.#pollMs = pollMs;
    this.#emit = emit;
  }

  /** Whether `peerId` is logged in now (self: yes). Throws the mapped 1.x error when 2.x fails otherwise. */
  async isOnline(peerId: string): Promise<boolean> {
    if (peerId === this.#session.uid) return true;
    if (!isRtm2Id(peerId)) return false;
    return this.#session.publishToUser(peerId, { message: 'p', customType: CUSTOM_TYPE.ping }, 'query');
  }

  async query(peerIds: string[]): Promise<PeersOnlineStatusResult> {
    this.#requireConnected();
    if (!isIdList(peerIds, MAX_QUERY_PEERS)) throw invalidArgument(2, 'The peer IDs are not valid');
    const unique = [...new Set(peerIds)];
    const online = await Promise.all(unique.map((id) => this.isOnline(id)));
    const result: PeersOnlineStatusResult = {};
    const report: PeersOnlineStatusMap = {};
    unique.forEach((id, i) => {
      result[id] = online[i];
      if (this.#subscribed.has(id)) {
        const state: PeerOnlineState = online[i] ? 'ONLINE' : 'OFFLINE';
        this.#subscribed.set(id, state);
        report[id] = state;
      }
    });
    // docs/reference/rtm1-web-sdk.md §4.10: a query of subscribed peers re-reports them.
    if (Object.keys(report).length > 0) this.#session.clock.setTimeout(() => this.#report(report), 0);
    return result;
  }

  async subscribe(peerIds: string[]): Promise<void> {
    this.#requireConnected();
    if (!isIdList(peerIds)) throw invalidArgument(2, 'The peer IDs are not valid');
    const fresh = [...new Set(peerIds)].filter((id) => !this.#subscribed.has(id));
    if (fresh.length + this.#subscribed.size > MAX_SUBSCRIBED_PEERS) {
      throw limitExceeded(6, `Subscriptions exceed the limit of ${MAX_SUBSCRIBED_PEERS}`);
    }
    for (const id of fresh) this.#subscribed.set(id, undefined);
    void this.#probe(fresh);
    this.#schedule();
  }

  async unsubscribe(peerIds: string[]): Promise<void> {
    this.#requireConnected();
    if (Array.isArray(peerIds) && peerIds.length > MAX_UNSUBSCRIBE_PEERS) {
      throw limitExceeded(6, `At most ${MAX_UNSUBSCRIBE_PEERS} IDs per call`);
    }
    if (!isIdList(peerIds)) throw invalidArgument(2, 'The peer IDs are not valid');
    for (const id of peerIds) this.#subscribed.delete(id);
    if (this.#subscribed.size === 0) this.#stopTimer();
  }

  /** After a reconnect 1.x reports a fresh map of every subscription. */
  refresh(): void {
    for (const id of this.#subscribed.keys()) this.#subscribed.set(id, undefined);
    void this.#probe([...this.#subscribed.keys()]);
  }

  /** Subscriptions end with the session. */
  close(): void {
    this.#subscribed.clear();
    this.#stopTimer();
  }

  async #probe(ids: string[]): Promise<void> {
    const changed: PeersOnlineStatusMap = {};
    await Promise.all(
      ids.map(async (id) => {
        const online = await this.isOnline(id).catch(() => undefined);
        if (online === undefined || !this.#subscribed.has(id)) return;
        const state: PeerOnlineState = online ? 'ONLINE' : 'OFFLINE';
        if (this.#subscribed.get(id) === state) return;
        this.#subscribed.set(id, state);
        changed[id] = state;
      }),
    );
    if (Object.keys(changed).length > 0) this.#report(changed);
  }

  #report(status: PeersOnlineStatusMap): void {
    if (this.#session.state === 'CONNECTED' || this.#session.state === 'RECONNECTING') this.#emit(status);
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#subscribed.size === 0) return;
    this.#timer = this.#session.clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#session.state === 'CONNECTED') void this.#probe([...this.#subscribed.keys()]);
      this.#schedule();
    }, this.#pollMs);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) this.#session.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #requireConnected(): void {
    if (this.#session.state !== 'CONNECTED') throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
  }
}
