import type { ClientCore } from './ClientCore';
import { argError, limitError, notConnected, rtmError, statusError, timeoutError, unavailableError } from '../rules/errors';
import { byteLength, isValidChannelName, isValidId } from '../rules/ids';
import type { Rtm2MethodName } from '../server/Ledger';
import { METADATA, type RateBucket, TIMEOUTS } from '../rules/limits';
import type { MetadataWrite } from '../server/MetadataStore';
import type { ChannelType, MetadataItem, MetadataOptions, StorageData } from '../types';

export interface ChannelMetadataResponse {
  timestamp: number;
  channelName: string;
  channelType: ChannelType;
  totalCount: number;
}

export interface UserMetadataResponse {
  timestamp: number;
  userId: string;
  totalCount: number;
}

export interface RemoveMetadataOptions extends MetadataOptions {
  data?: MetadataItem[];
}

export interface UserMetadataOptions extends MetadataOptions {
  userId?: string;
}

export interface RemoveUserMetadataOptions extends RemoveMetadataOptions {
  userId?: string;
}

const OPERATION_TIMEOUT = (operation: string) => () => timeoutError(-12018, operation);

/**
 * `rtm.storage` of 2.3.0 (docs/reference/rtm2-web-sdk.md §1.5, §2.1, §2.12): channel and user
 * metadata with revisions, compare-and-set and `storage` events (SNAPSHOT first, then UPDATE with
 * the full set). Checks run in the SDK's order: rate budget, channel type, connection, Storage
 * enabled, names, then the item rules.
 */
export class RTMStorage {
  readonly #core: ClientCore;

  constructor(core: ClientCore) {
    this.#core = core;
  }

  setChannelMetadata(channelName: string, channelType: ChannelType, data: MetadataItem[], options?: MetadataOptions) {
    return this.#writeChannel('storage.setChannelMetadata', 'setChannelMetadata', 'set', channelName, channelType, data, options);
  }

  updateChannelMetadata(channelName: string, channelType: ChannelType, data: MetadataItem[], options?: MetadataOptions) {
    return this.#writeChannel('storage.updateChannelMetadata', 'updateChannelMetadata', 'update', channelName, channelType, data, options);
  }

  removeChannelMetadata(channelName: string, channelType: ChannelType, options?: RemoveMetadataOptions) {
    return this.#writeChannel('storage.removeChannelMetadata', 'removeChannelMetadata', 'remove', channelName, channelType, options?.data, options);
  }

  async getChannelMetadata(channelName: string, channelType: ChannelType): Promise<ChannelMetadataResponse & StorageData> {
    const operation = 'getChannelMetadata';
    this.#gate('storage.getChannelMetadata', 'channelMetaGet', operation, channelType);
    this.#channel(channelName, operation);
    return this.#core.request('storage.getChannelMetadata', operation, TIMEOUTS.storageMs, OPERATION_TIMEOUT(operation), (service) => ({
      timestamp: 0,
      channelName,
      channelType,
      ...service.channelMetadata(channelName),
    }));
  }

  setUserMetadata(data: MetadataItem[], options?: UserMetadataOptions) {
    return this.#writeUser('storage.setUserMetadata', 'setUserMetadata', 'set', data, options);
  }

  updateUserMetadata(data: MetadataItem[], options?: UserMetadataOptions) {
    return this.#writeUser('storage.updateUserMetadata', 'updateUserMetadata', 'update', data, options);
  }

  removeUserMetadata(options?: RemoveUserMetadataOptions) {
    return this.#writeUser('storage.removeUserMetadata', 'removeUserMetadata', 'remove', options?.data, options);
  }

  async getUserMetadata(options?: { userId?: string }): Promise<UserMetadataResponse & StorageData> {
    const operation = 'getUserMetadata';
    this.#gate('storage.getUserMetadata', 'userMetaGet', operation, 'MESSAGE');
    const userId = this.#user(options?.userId, operation);
    return this.#core.request('storage.getUserMetadata', operation, TIMEOUTS.storageMs, OPERATION_TIMEOUT(operation), (service) => ({
      timestamp: 0,
      userId,
      ...service.userMetadata(userId),
    }));
  }

  async subscribeUserMetadata(userId: string): Promise<{ timestamp: number; userId: string }> {
    const core = this.#core;
    const operation = 'subscribeUserMetadata';
    this.#gate('storage.subscribeUserMetadata', 'userMetaSub', operation, 'MESSAGE');
    if (!isValidId(userId)) throw argError(-10006, operation);
    if (!core.userWatches.has(userId) && core.userWatches.size >= METADATA.maxUserSubscriptions) throw limitError(-12017, operation);
    const result = await core.request('storage.subscribeUserMetadata', operation, TIMEOUTS.storageMs, OPERATION_TIMEOUT(operation), (service, session) => {
      service.watchUser(session, userId);
      return { timestamp: 0, userId };
    });
    core.userWatches.add(userId);
    return result;
  }

  async unsubscribeUserMetadata(userId: string): Promise<{ timestamp: number; userId: string }> {
    const core = this.#core;
    const operation = 'unsubscribeUserMetadata';
    core.count('storage.unsubscribeUserMetadata');
    if (core.state === 'IDLE') throw notConnected(operation);
    // Then 2.3.0 looks the subscription up: unknown users fail −12015 even while the link is down.
    if (!core.userWatches.delete(userId)) throw statusError(-12015, operation);
    core.send((service, session) => service.unwatchUser(session, userId));
    return { timestamp: 0, userId };
  }

  async #writeChannel(
    method: Rtm2MethodName,
    operation: string,
    kind: MetadataWrite,
    channelName: string,
    channelType: ChannelType,
    items: MetadataItem[] | undefined,
    options: MetadataOptions | undefined,
  ): Promise<ChannelMetadataResponse> {
    const core = this.#core;
    this.#gate(method, 'channelMetaModify', operation, channelType);
    this.#channel(channelName, operation);
    const checked = this.#items(kind, items, options, operation);
    const settings = { ...options };
    const now = core.now();
    return core.request(method, operation, TIMEOUTS.storageMs, OPERATION_TIMEOUT(operation), (service, session) => {
      const code = service.writeChannelMetadata(session, channelName, kind, checked, settings, now);
      return code === 0 ? { timestamp: 0, channelName, channelType, totalCount: 0 } : unavailableError(code, operation);
    });
  }

  async #writeUser(
    method: Rtm2MethodName,
    operation: string,
    kind: MetadataWrite,
    items: MetadataItem[] | undefined,
    options: UserMetadataOptions | undefined,
  ): Promise<UserMetadataResponse> {
    const core = this.#core;
    this.#gate(method, 'userMetaModify', operation, 'MESSAGE');
    const userId = this.#user(options?.userId, operation);
    const checked = this.#items(kind, items, options, operation);
    const settings = { ...options };
    const now = core.now();
    return core.request(method, operation, TIMEOUTS.storageMs, OPERATION_TIMEOUT(operation), (service, session) => {
      if (userId !== core.userId && !core.cloud.switches.writeOtherUsersMetadata) return unavailableError(-12020, operation);
      const code = service.writeUserMetadata(session, userId, kind, checked, settings, now);
      return code === 0 ? { timestamp: 0, userId, totalCount: 0 } : unavailableError(code, operation);
    });
  }

  /** Rate budget, channel type (USER → −10019), connection, Storage enabled. */
  #gate(method: Rtm2MethodName, bucket: RateBucket, operation: string, channelType: unknown): void {
    const core = this.#core;
    core.count(method);
    const rateError = core.takeRate(bucket, operation);
    if (rateError) throw rateError;
    if (channelType !== 'MESSAGE' && channelType !== 'STREAM') throw argError(-10019, operation);
    if (!core.connected) throw notConnected(operation);
    if (!core.cloud.console.storage) throw unavailableError(-12019, operation);
  }

  #channel(channelName: string, operation: string): void {
    if (!isValidChannelName(channelName, this.#core.cloud.parameters.EXTEND_CHANNEL_NAME)) throw argError(-10008, operation);
  }

  #user(userId: string | undefined, operation: string): string {
    if (userId === undefined || userId === '') return this.#core.userId;
    if (!isValidId(userId)) throw argError(-10006, operation);
    return userId;
  }

  /**
   * docs/reference/rtm2-web-sdk.md §2.12, in order: array (else a TypeError, as 2.3.0 crashes on it), ≤ 32 items, ≥ 1 for
   * set/update, revisions, then per item the key rule, key bytes, value type and size, then the
   * serialized request size. Duplicate keys collapse, the last one winning. Returns copies.
   */
  #items(kind: MetadataWrite, items: MetadataItem[] | undefined, options: MetadataOptions | undefined, operation: string): MetadataItem[] | undefined {
    const major = options?.majorRevision ?? -1;
    if (kind === 'remove' && items === undefined) {
      this.#majorRevision(major, kind, operation);
      this.#lockName(options?.lockName, operation);
      return undefined;
    }
    // 2.3.0 crashes on the first forEach; the messages are V8's, one naming its minified variable.
    if (items === null || items === undefined) throw new TypeError(`Cannot read properties of ${String(items)} (reading 'forEach')`);
    if (!Array.isArray(items)) throw new TypeError('A.forEach is not a function');
    if (items.length > METADATA.maxItems) throw limitError(-12002, operation);
    if (items.length === 0 && kind !== 'remove') throw argError(-12003, operation);
    this.#majorRevision(major, kind, operation);
    const byKey = new Map<string, MetadataItem>();
    for (const item of items) {
      const revision = item?.revision ?? -1;
      // Type checks run in a shared validator whose errors carry the operation "storage".
      if (!Number.isInteger(revision)) throw argError(-12005, 'storage');
      if (revision < -1 || (kind !== 'set' && revision === 0)) throw argError(-12005, operation);
      if (typeof item.key !== 'string') throw argError(-12009, 'storage');
      if (!isValidId(item.key)) throw argError(-12009, operation);
      if (byteLength(item.key) > METADATA.maxKeyBytes) throw argError(-12011, operation);
      const value = kind === 'remove' ? (item.value ?? '') : item.value;
      if (typeof value !== 'string') throw argError(-12010, operation);
      if (byteLength(value) > METADATA.maxValueBytes) throw limitError(-12012, operation);
      byKey.set(item.key, { key: item.key, value, revision });
    }
    const checked = [...byKey.values()];
    if (byteLength(JSON.stringify(checked)) > METADATA.maxRequestBytes) throw limitError(-12006, operation);
    this.#lockName(options?.lockName, operation);
    return checked;
  }

  #majorRevision(major: unknown, kind: MetadataWrite, operation: string): void {
    if (!Number.isInteger(major) || (major as number) < -1 || (kind !== 'set' && major === 0)) throw argError(-12005, operation);
  }

  /** A `lockName` must pass the ID rule (−12007) and be held by this client (−12008). */
  #lockName(lockName: string | undefined, operation: string): void {
    if (lockName === undefined || lockName === '') return;
    if (!isValidId(lockName)) throw argError(-12007, operation);
    if (!this.#core.heldLocks.has(lockName)) throw rtmError('RtmUnavailableError', -12008, operation);
  }
}
