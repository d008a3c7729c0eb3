import type { Metadata, MetadataItem, MetadataOptions, StorageData } from '../types';

export type MetadataWrite = 'set' | 'update' | 'remove';

/** −12014: "Storage operation with outdated revision or the key does not exist." */
export const OUTDATED_REVISION = -12014;

/**
 * One channel's or one user's metadata as the storage service keeps it (docs/reference/
 * docs/reference/rtm2-web-sdk.md §1.5, §2.12): items with a revision each and a `majorRevision` for the whole set;
 * writes are all-or-nothing compare-and-set on those revisions (`-1` = don't check). Revisions come
 * from one counter per fake cloud, so they only grow.
 */
export class MetadataStore {
  majorRevision = 0;
  readonly #items = new Map<string, Metadata[string]>();

  get size(): number {
    return this.#items.size;
  }

  /**
   * Applies one write; returns 0, or −12014 when a revision does not match or (update/remove) a
   * key does not exist. `items` is undefined for a remove that clears everything.
   */
  write(
    kind: MetadataWrite,
    items: MetadataItem[] | undefined,
    options: MetadataOptions,
    author: string,
    now: number,
    nextRevision: () => number,
  ): number {
    const major = options.majorRevision ?? -1;
    if (major !== -1 && major !== this.majorRevision) return OUTDATED_REVISION;
    const list: MetadataItem[] = items ?? [...this.#items.keys()].map((key) => ({ key, value: '' }));
    for (const item of list) {
      const current = this.#items.get(item.key);
      const revision = item.revision ?? -1;
      if (kind !== 'set' && !current) return OUTDATED_REVISION;
      if (revision !== -1 && current?.revision !== revision) return OUTDATED_REVISION;
    }
    const revision = nextRevision();
    for (const item of list) {
      if (kind === 'remove') this.#items.delete(item.key);
      else {
        this.#items.set(item.key, {
          value: item.value,
          revision,
          updated: options.addTimeStamp ? now : 0,
          authorUid: options.addUserId ? author : '',
        });
      }
    }
    this.majorRevision = revision;
    return 0;
  }

  /** The full set, as `getChannelMetadata` and every `storage` event carry it (copies). */
  snapshot(): StorageData {
    const metadata: Metadata = {};
    for (const [key, detail] of this.#items) metadata[key] = { ...detail };
    return { totalCount: this.#items.size, majorRevision: this.majorRevision, metadata };
  }
}
