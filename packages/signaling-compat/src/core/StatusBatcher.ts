import { MAX_QUERY_PEERS } from '../rtm/rtm1/limits';
import type { PeersOnlineStatusResult } from '../rtm/types';
import type { EngineContext } from './context';

/** A `queryPeersOnlineStatus` being collected: the IDs asked for so far and the answer they share. */
interface Batch {
  ids: Set<string>;
  answer: Promise<PeersOnlineStatusResult>;
}

/**
 * Legacy status queries ask about one account each (`user_query_user_status`, native
 * `queryUserStatus`), and apps ask about a whole contact list at once; RTM answers up to 256 IDs in
 * one `queryPeersOnlineStatus` and allows about 10 calls per 5 s (docs/reference/rtm1-web-sdk.md
 * §3.4, §3.5). Queries made in the same tick share one call (a further one per 256 IDs); each
 * caller reads its own ID from the shared answer, so it gets what a call of its own would have
 * returned, and a failed call fails each of its queries with the same error.
 */
export class StatusBatcher {
  readonly #ctx: EngineContext;
  #open: Batch | undefined;

  constructor(ctx: EngineContext) {
    this.#ctx = ctx;
  }

  /** The answer of the call that carries `peerId`; read `answer[peerId]`. */
  query(peerId: string): Promise<PeersOnlineStatusResult> {
    let batch = this.#open;
    if (!batch || (batch.ids.size >= MAX_QUERY_PEERS && !batch.ids.has(peerId))) batch = this.#openBatch();
    batch.ids.add(peerId);
    return batch.answer;
  }

  #openBatch(): Batch {
    let settle!: { resolve: (answer: PeersOnlineStatusResult) => void; reject: (error: unknown) => void };
    const answer = new Promise<PeersOnlineStatusResult>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const batch: Batch = { ids: new Set(), answer };
    this.#open = batch;
    // The call goes out after the current tick's synchronous code, with every ID asked for in it.
    void Promise.resolve().then(() => {
      if (this.#open === batch) this.#open = undefined;
      this.#send([...batch.ids]).then(settle.resolve, settle.reject);
    });
    return batch;
  }

  #send(ids: string[]): Promise<PeersOnlineStatusResult> {
    // Logged out within the tick of the query: nothing of the session may call RTM any more.
    if (!this.#ctx.live()) return Promise.reject(new Error('logged out before the status query was sent'));
    try {
      return this.#ctx.client.queryPeersOnlineStatus(ids);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
