import type { ClientCore } from './ClientCore';
import type { ClientPort } from '../server/ClientPort';
import type { Service } from '../server/Service';
import { argError, notConnected, timeoutError, unavailableError } from '../rules/errors';
import { isValidChannelName, isValidId } from '../rules/ids';
import type { Rtm2MethodName } from '../server/Ledger';
import { LOCK_TTL_S, type RateBucket, TIMEOUTS } from '../rules/limits';
import type { ChannelType, LockDetail } from '../types';

export interface LockResponse {
  timestamp: number;
  channelName: string;
  channelType: ChannelType;
  lockName: string;
}

export interface GetLockResponse {
  timestamp: number;
  channelName: string;
  channelType: ChannelType;
  totalLocks: number;
  lockDetails: LockDetail[];
}

type LockOperation = 'setLock' | 'removeLock' | 'acquireLock' | 'releaseLock' | 'revokeLock';

/**
 * `rtm.lock` of 2.3.0 (docs/reference/rtm2-web-sdk.md §1.6, §2.13): named locks per channel with a
 * TTL clamped to 10…300 s. Checks: rate budget, channel type, connection, Lock enabled (−14009),
 * channel name (−10008), lock name (−14005). A client's locks are released when its session ends.
 */
export class RTMLock {
  readonly #core: ClientCore;

  constructor(core: ClientCore) {
    this.#core = core;
  }

  setLock(channelName: string, channelType: ChannelType, lockName: string, options?: { ttl?: number }): Promise<LockResponse> {
    const ttl = Math.min(LOCK_TTL_S.max, Math.max(LOCK_TTL_S.min, options?.ttl ?? LOCK_TTL_S.default));
    return this.#operate('setLock', channelName, channelType, lockName, (service) => service.setLock(channelName, lockName, ttl));
  }

  removeLock(channelName: string, channelType: ChannelType, lockName: string): Promise<LockResponse> {
    return this.#operate('removeLock', channelName, channelType, lockName, (service) => service.removeLock(channelName, lockName));
  }

  acquireLock(channelName: string, channelType: ChannelType, lockName: string, _options?: { retry?: boolean }): Promise<LockResponse> {
    return this.#operate('acquireLock', channelName, channelType, lockName, (service, session) => {
      const code = service.acquireLock(session, channelName, lockName);
      if (code === 0) this.#core.heldLocks.add(lockName);
      return code;
    });
  }

  releaseLock(channelName: string, channelType: ChannelType, lockName: string): Promise<LockResponse> {
    return this.#operate('releaseLock', channelName, channelType, lockName, (service, session) => {
      const code = service.releaseLock(session, channelName, lockName, session.userId);
      if (code === 0) this.#core.heldLocks.delete(lockName);
      return code;
    });
  }

  revokeLock(channelName: string, channelType: ChannelType, lockName: string, owner: string): Promise<LockResponse> {
    return this.#operate('revokeLock', channelName, channelType, lockName, (service, session) => service.releaseLock(session, channelName, lockName, owner), owner);
  }

  async getLock(channelName: string, channelType: ChannelType): Promise<GetLockResponse> {
    const core = this.#core;
    this.#gate('lock.getLock', 'getLock', 'getLock', channelType, channelName);
    return core.request('lock.getLock', 'getLock', TIMEOUTS.storageMs, () => timeoutError(-14002, 'getLock'), (service) => {
      const lockDetails = service.lockDetails(channelName);
      return { timestamp: 0, channelName, channelType, totalLocks: lockDetails.length, lockDetails };
    });
  }

  async #operate(
    operation: LockOperation,
    channelName: string,
    channelType: ChannelType,
    lockName: string,
    serve: (service: Service, session: ClientPort) => number,
    owner?: string,
  ): Promise<LockResponse> {
    const core = this.#core;
    const method = `lock.${operation}` as Rtm2MethodName;
    this.#gate(method, operation, operation, channelType, channelName);
    if (!isValidId(lockName)) throw argError(-14005, operation);
    if (owner !== undefined && !isValidId(owner)) throw argError(-10006, operation);
    return core.request(method, operation, TIMEOUTS.storageMs, () => timeoutError(-14002, operation), (service, session) => {
      const code = serve(service, session);
      return code === 0 ? { timestamp: 0, channelName, channelType, lockName } : unavailableError(code, operation);
    });
  }

  #gate(method: Rtm2MethodName, bucket: RateBucket, operation: string, channelType: unknown, channelName: string): void {
    const core = this.#core;
    core.count(method);
    const rateError = core.takeRate(bucket, operation);
    if (rateError) throw rateError;
    if (channelType !== 'MESSAGE' && channelType !== 'STREAM') throw argError(-10019, operation);
    if (!core.connected) throw notConnected(operation);
    if (!core.cloud.console.lock) throw unavailableError(-14009, operation);
    if (!isValidChannelName(channelName, core.cloud.parameters.EXTEND_CHANNEL_NAME)) throw argError(-10008, operation);
  }
}
