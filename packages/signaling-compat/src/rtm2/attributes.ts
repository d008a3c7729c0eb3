import { invalidArgument, invalidStatus, type RtmError, unavailable } from '../rtm/rtm1/errors';
import { ATTRIBUTES } from '../rtm/rtm1/limits';
import { checkAttributeMap, checkDeleteKeys, checkGetKeys, isValidId, utf8Bytes } from '../rtm/rtm1/validation';
import type { AttributesMap, ChannelAttributes } from '../rtm/types';
import type { AdapterSession } from './session';
import type { Rtm2MetadataDetail, Rtm2MetadataItem, Rtm2MetadataOptions } from './types';
import { decodeKey, encodeKey, isRtm2Id } from './wire';

/**
 * 1.x channel and user attributes over 2.x storage (docs/reference/rtm2-web-sdk.md §1.5, §2.12).
 * The 1.x checks run first, with 1.x's errors; then the keys must pass the 2.x ID rule (docs/reference/rtm2-web-sdk.md §5 A8).
 * 1.x `set*` replaces the whole map: on 2.x a channel's map is cleared and the new items set; the
 * user's map gets an upsert of the new items followed by a removal of the keys that are gone (two
 * writes either way; subscribers see both). Every write stamps the author and time so the 1.x
 * `lastUpdateUserId`/`lastUpdateTs` fields can be filled.
 */

const STAMP: Rtm2MetadataOptions = { addTimeStamp: true, addUserId: true };

/**
 * 2.x metadata details as 1.x channel attributes. Peer data: anything malformed is skipped. Built
 * with `Object.fromEntries`, as 1.x builds its maps: a key such as `__proto__` (which the adapter
 * itself stores for that 1.x key) stays an own key, and the result keeps `Object.prototype`.
 */
export function toChannelAttributes(metadata: unknown): ChannelAttributes {
  if (typeof metadata !== 'object' || metadata === null) return {};
  const entries: [string, ChannelAttributes[string]][] = [];
  for (const [key, detail] of Object.entries(metadata as Record<string, Partial<Rtm2MetadataDetail>>)) {
    if (typeof detail?.value !== 'string') continue;
    entries.push([
      decodeKey(key),
      {
        value: detail.value,
        lastUpdateUserId: typeof detail.authorUid === 'string' ? detail.authorUid : '',
        lastUpdateTs: typeof detail.updated === 'number' ? detail.updated : 0,
      },
    ]);
  }
  return Object.fromEntries(entries);
}

function toAttributesMap(metadata: unknown): AttributesMap {
  const attributes = toChannelAttributes(metadata);
  return Object.fromEntries(Object.entries(attributes).map(([key, { value }]) => [key, value]));
}

/** The asked keys the map holds as its own (never an inherited name such as `toString`). */
function pick<T>(all: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(keys.filter((key) => Object.hasOwn(all, key)).map((key) => [key, all[key]!]));
}

/**
 * docs/reference/rtm2-web-sdk.md §2.12: a 2.x storage call carries at most 16 KB and 32 items, while a 1.x map may hold 32 KB
 * (channel) or 16 KB (user) plus per-key overhead, so one 1.x write becomes as many 2.x writes
 * as it takes (each one a storage event for subscribers).
 */
const CALL_BUDGET_BYTES = 14_000;

function batches(map: AttributesMap): Rtm2MetadataItem[][] {
  const result: Rtm2MetadataItem[][] = [];
  let current: Rtm2MetadataItem[] = [];
  let bytes = 0;
  for (const [key, value] of Object.entries(map)) {
    const size = utf8Bytes(key) + utf8Bytes(value) + 64;
    if (current.length > 0 && bytes + size > CALL_BUDGET_BYTES) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ key: encodeKey(key) ?? key, value });
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}
const keyItems = (keys: string[]): Rtm2MetadataItem[] => keys.map((key) => ({ key: encodeKey(key) ?? key, value: '' }));

function requireConnected(session: AdapterSession): void {
  if (session.state !== 'CONNECTED') throw invalidStatus(102, 'The client is not logged in. Cannot do the operation');
}

function require2xKeys(keys: string[]): void {
  const bad = keys.find((key) => encodeKey(key) === undefined);
  if (bad !== undefined) {
    throw invalidArgument(3, `the attribute key "${bad}" does not fit RTM 2.x's 32-byte key once escaped`);
  }
}

function require2xChannel(channelId: string): void {
  if (!isRtm2Id(channelId)) throw invalidArgument(3, `"${channelId}" is not a valid RTM 2.x channel name`);
}

/** The attribute calls of one client, with the client's copy of what it last wrote (1.x merges checks with it). */
export class Attributes {
  readonly #session: AdapterSession;
  #user: AttributesMap = {};
  #wroteUser = false;
  readonly #channels = new Map<string, AttributesMap>();

  constructor(session: AdapterSession) {
    this.#session = session;
  }

  // ---- channel attributes -----------------------------------------------------------------

  async setChannel(channelId: string, map: AttributesMap): Promise<void> {
    const error = checkAttributeMap(map, ATTRIBUTES.maxChannelTotalBytes);
    if (error) throw error;
    requireConnected(this.#session);
    require2xChannel(channelId);
    require2xKeys(Object.keys(map));
    // 2.x has no replace: the map is cleared, then the new items are set. Two writes and no read,
    // where reading the stale keys first took three; subscribers see the cleared map in between,
    // which is what the clear and sets the shim folds into this call would have shown them.
    await this.clearChannel(channelId);
    await this.#setChannelItems(channelId, map);
    this.#channels.set(channelId, { ...map });
  }

  async addOrUpdateChannel(channelId: string, map: AttributesMap): Promise<void> {
    const merged = { ...this.#channels.get(channelId), ...(map as object) };
    const error =
      checkAttributeMap(map, ATTRIBUTES.maxChannelTotalBytes) ?? checkAttributeMap(merged, ATTRIBUTES.maxChannelTotalBytes);
    if (error) throw error;
    requireConnected(this.#session);
    require2xChannel(channelId);
    require2xKeys(Object.keys(map));
    await this.#setChannelItems(channelId, map);
    this.#channels.set(channelId, merged);
  }

  async #setChannelItems(channelId: string, map: AttributesMap): Promise<void> {
    for (const batch of batches(map)) {
      await this.#session.call('channelMetaModify', 'attributes', (rtm) =>
        rtm.storage.setChannelMetadata(channelId, 'MESSAGE', batch, STAMP),
      );
    }
  }

  async deleteChannelKeys(channelId: string, keys: string[]): Promise<void> {
    const error = checkDeleteKeys(keys, ATTRIBUTES.maxChannelDeleteKeyLength);
    if (error) throw error;
    if (!isValidId(channelId)) throw invalidStatus(3, 'arguments is not valid');
    requireConnected(this.#session);
    require2xChannel(channelId);
    require2xKeys(keys);
    await this.#session.call('channelMetaModify', 'attributes', (rtm) =>
      rtm.storage.removeChannelMetadata(channelId, 'MESSAGE', { ...STAMP, data: keyItems(keys) }),
    );
    const cached = this.#channels.get(channelId);
    if (!cached) return;
    for (const key of keys) delete cached[key];
    // An emptied copy is the same as none: dropped, so a long session keeps nothing per channel it left.
    if (Object.keys(cached).length === 0) this.#channels.delete(channelId);
  }

  async clearChannel(channelId: string): Promise<void> {
    requireConnected(this.#session);
    require2xChannel(channelId);
    await this.#session.call('channelMetaModify', 'attributes', (rtm) =>
      rtm.storage.removeChannelMetadata(channelId, 'MESSAGE', STAMP),
    );
    this.#channels.delete(channelId);
  }

  getChannel(channelId: string): Promise<ChannelAttributes> {
    if (!isValidId(channelId)) return Promise.reject(invalidArgument(3, 'arguments is not valid'));
    return this.#readChannel(channelId);
  }

  getChannelByKeys(channelId: string, keys: string[]): Promise<ChannelAttributes> {
    if (this.#session.state !== 'CONNECTED') return this.#readChannel(channelId);
    const error = checkGetKeys(keys) ?? (isValidId(channelId) ? undefined : invalidArgument(3, 'arguments is not valid'));
    return error ? Promise.reject(error) : this.#readChannel(channelId, keys);
  }

  /** Both getters take the same steps, so answers come back in call order. */
  async #readChannel(channelId: string, keys?: string[]): Promise<ChannelAttributes> {
    requireConnected(this.#session);
    const all = isRtm2Id(channelId) ? toChannelAttributes(await this.#getChannelMetadata(channelId)) : {};
    return keys ? pick(all, keys) : all;
  }

  async #getChannelMetadata(channelId: string): Promise<unknown> {
    const result = await this.#session.call('channelMetaGet', 'attributes', (rtm) =>
      rtm.storage.getChannelMetadata(channelId, 'MESSAGE'),
    );
    return result?.metadata;
  }

  // ---- user attributes ----------------------------------------------------------------------

  async setUser(map: AttributesMap): Promise<void> {
    const error = checkAttributeMap(map, ATTRIBUTES.maxUserTotalBytes);
    if (error) throw error;
    requireConnected(this.#session);
    require2xKeys(Object.keys(map));
    const current = toAttributesMap((await this.#getUserMetadata(this.#session.uid)).metadata);
    this.#wroteUser = true;
    for (const batch of batches(map)) {
      await this.#session.call('userMetaModify', 'attributes', (rtm) => rtm.storage.setUserMetadata(batch, STAMP));
    }
    const stale = Object.keys(current).filter((key) => !Object.hasOwn(map, key));
    if (stale.length > 0) {
      await this.#session.call('userMetaModify', 'attributes', (rtm) =>
        rtm.storage.removeUserMetadata({ ...STAMP, data: keyItems(stale) }),
      );
    }
    this.#user = { ...map };
  }

  async addOrUpdateUser(map: AttributesMap): Promise<void> {
    const merged = { ...this.#user, ...(map as object) };
    const error =
      checkAttributeMap(map, ATTRIBUTES.maxUserTotalBytes) ?? checkAttributeMap(merged, ATTRIBUTES.maxUserTotalBytes);
    if (error) throw error;
    requireConnected(this.#session);
    require2xKeys(Object.keys(map));
    this.#wroteUser = true;
    for (const batch of batches(map)) {
      await this.#session.call('userMetaModify', 'attributes', (rtm) => rtm.storage.setUserMetadata(batch, STAMP));
    }
    this.#user = merged;
  }

  async deleteUserKeys(keys: string[]): Promise<void> {
    const error = checkDeleteKeys(keys);
    if (error) throw error;
    requireConnected(this.#session);
    require2xKeys(keys);
    this.#wroteUser = true;
    await this.#session.call('userMetaModify', 'attributes', (rtm) =>
      rtm.storage.removeUserMetadata({ ...STAMP, data: keyItems(keys) }),
    );
    for (const key of keys) delete this.#user[key];
  }

  async clearUser(): Promise<void> {
    requireConnected(this.#session);
    this.#wroteUser = true;
    await this.#session.call('userMetaModify', 'attributes', (rtm) => rtm.storage.removeUserMetadata(STAMP));
    this.#user = {};
  }

  /**
   * 1.x answers only for a user who is online (RtmUnavailableError 6 otherwise); 2.x keeps user
   * metadata after logout, so the adapter asks `isOnline` first.
   */
  getUser(userId: string, isOnline: (userId: string) => Promise<boolean>): Promise<AttributesMap> {
    if (!isValidId(userId)) return Promise.reject(invalidArgument(3, 'arguments is not valid'));
    return this.#readUser(userId, isOnline);
  }

  getUserByKeys(userId: string, keys: string[], isOnline: (userId: string) => Promise<boolean>): Promise<AttributesMap> {
    if (this.#session.state !== 'CONNECTED') return this.#readUser(userId, isOnline);
    const error = checkGetKeys(keys) ?? (isValidId(userId) ? undefined : invalidArgument(3, 'arguments is not valid'));
    return error ? Promise.reject(error) : this.#readUser(userId, isOnline, keys);
  }

  /** Both getters take the same steps, so answers come back in call order. */
  async #readUser(userId: string, isOnline: (userId: string) => Promise<boolean>, keys?: string[]): Promise<AttributesMap> {
    requireConnected(this.#session);
    if (!(await isOnline(userId))) throw unavailable(6, 'The user is not online');
    const all = toAttributesMap((await this.#getUserMetadata(userId)).metadata);
    return keys ? pick(all, keys) : all;
  }

  async #getUserMetadata(userId: string): Promise<{ metadata?: unknown }> {
    const self = userId === this.#session.uid;
    return this.#session.call('userMetaGet', 'userAttributes.get', (rtm) =>
      rtm.storage.getUserMetadata(self ? {} : { userId }),
    );
  }

  /**
   * 1.x user attributes end with the session; 2.x keeps them (docs/reference/rtm2-web-sdk.md §1.5). Before logging out, a client
   * that wrote any clears them, so the next session starts empty as on 1.x.
   */
  async clearOnLogout(): Promise<void> {
    this.#channels.clear();
    this.#user = {};
    if (!this.#wroteUser) return;
    this.#wroteUser = false;
    await this.#session.call('userMetaModify', 'attributes', (rtm) => rtm.storage.removeUserMetadata()).catch(() => undefined);
  }
}
