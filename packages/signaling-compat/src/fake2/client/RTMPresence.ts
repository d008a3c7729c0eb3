import type { ClientCore } from './ClientCore';
import { argError, limitError, notConnected, timeoutError, unavailableError } from '../rules/errors';
import { byteLength, isValidChannelName, isValidId } from '../rules/ids';
import type { Rtm2MethodName } from '../server/Ledger';
import { PRESENCE_STATE, TIMEOUTS } from '../rules/limits';
import { userState } from '../server/Room';
import type { BaseResponse, ChannelType, GetStateResponse, StateDetail, WhereNowResponse, WhoNowResponse } from '../types';

export interface WhoNowOptions {
  includedUserId?: boolean;
  includedState?: boolean;
  page?: string;
}

/**
 * `rtm.presence` of 2.3.0 (docs/reference/rtm2-web-sdk.md §1.4, §2.1, §2.11). Checks run in the
 * SDK's order: rate budget, channel type (USER → −10019), Presence enabled (−13014), connection
 * (setState/removeState/own getState only need "not idle"), names, then the state rules.
 */
export class RTMPresence {
  readonly #core: ClientCore;

  constructor(core: ClientCore) {
    this.#core = core;
  }

  whoNow(channelName: string, channelType: ChannelType, options?: WhoNowOptions): Promise<WhoNowResponse> {
    return this.#whoNow('presence.whoNow', 'whoNow', channelName, channelType, options);
  }

  /** The 2.x alias of whoNow; its errors carry `operation: "getOnlineUsers"`. */
  getOnlineUsers(channelName: string, channelType: ChannelType, options?: WhoNowOptions): Promise<WhoNowResponse> {
    return this.#whoNow('presence.getOnlineUsers', 'getOnlineUsers', channelName, channelType, options);
  }

  whereNow(userId: string): Promise<WhereNowResponse> {
    return this.#whereNow('presence.whereNow', 'whereNow', userId);
  }

  getUserChannels(userId: string): Promise<WhereNowResponse> {
    return this.#whereNow('presence.getUserChannels', 'getUserChannels', userId);
  }

  /** Works (cached locally) in any state but IDLE; sent to the channel when subscribed and connected. */
  async setState(channelName: string, channelType: ChannelType, state: StateDetail): Promise<BaseResponse> {
    const core = this.#core;
    const operation = 'presenceSetState';
    this.#gate('presence.setState', 'modifyState', operation, channelType, 'not-idle');
    this.#channel(channelName, operation);
    // 2.3.0 takes Object.entries of whatever it gets: null crashes, a string is a list of characters.
    if (state === null || state === undefined) throw new TypeError('Cannot convert undefined or null to object');
    const entries = Object.entries(state);
    if (entries.length === 0) throw argError(-13003, operation, 'state of parameter is empty');
    const current = core.states.get(channelName) ?? {};
    const merged = { ...current };
    for (const [key, value] of entries) {
      this.#key(key, operation);
      // Values are not type-checked; only string sizes are.
      if (typeof value === 'string' && byteLength(value) > PRESENCE_STATE.maxValueBytes) throw limitError(-13009, operation);
      merged[key] = value;
    }
    if (Object.keys(merged).length > PRESENCE_STATE.maxKeys) throw limitError(-13005, operation);
    if (!core.states.has(channelName) && core.states.size >= PRESENCE_STATE.maxCachedChannels) throw limitError(-13004, operation);
    core.states.set(channelName, merged);
    if (core.connected && core.subscriptions.has(channelName)) {
      core.send((service, session) => service.setState(session, channelName, merged));
    }
    return { timestamp: 0 };
  }

  async getState(userId: string, channelName: string, channelType: ChannelType): Promise<GetStateResponse> {
    const core = this.#core;
    const operation = 'presenceGetState';
    // One's own ID (not "") is answered from the local cache in any state but IDLE.
    const own = userId === core.userId;
    this.#gate('presence.getState', 'getState', operation, channelType, own ? 'not-idle' : 'connected');
    this.#channel(channelName, operation);
    if (!own && !isValidId(userId)) throw argError(-10006, operation);
    if (own && !(core.connected && core.subscriptions.has(channelName))) {
      return { timestamp: 0, ...userState(core.userId, core.states.get(channelName) ?? {}) };
    }
    return core.request('presence.getState', operation, TIMEOUTS.presenceMs, () => timeoutError(-13012, operation), (service) => {
      const found = service.getState(userId, channelName);
      return found ? { timestamp: 0, ...found } : unavailableError(-13011, operation);
    });
  }

  async removeState(channelName: string, channelType: ChannelType, options?: { states?: string[] }): Promise<BaseResponse> {
    const core = this.#core;
    const operation = 'presenceRemoveState';
    this.#gate('presence.removeState', 'modifyState', operation, channelType, 'not-idle');
    this.#channel(channelName, operation);
    const keys = options?.states;
    if (keys !== undefined) {
      // 2.3.0 iterates the list with forEach; the message names its minified variable.
      if (!Array.isArray(keys)) throw new TypeError('n.forEach is not a function');
      if (new Set(keys).size !== keys.length) throw argError(-13010, operation);
      if (keys.length > PRESENCE_STATE.maxKeys) throw limitError(-13005, operation);
      for (const key of keys) this.#key(key, operation);
    }
    const current = core.states.get(channelName) ?? {};
    const remaining = keys === undefined ? {} : Object.fromEntries(Object.entries(current).filter(([key]) => !keys.includes(key)));
    core.states.set(channelName, remaining);
    if (core.connected && core.subscriptions.has(channelName)) {
      core.send((service, session) => service.setState(session, channelName, remaining));
    }
    return { timestamp: 0 };
  }

  async #whoNow(
    method: Rtm2MethodName,
    operation: string,
    channelName: string,
    channelType: ChannelType,
    options: WhoNowOptions | undefined,
  ): Promise<WhoNowResponse> {
    const core = this.#core;
    this.#gate(method, 'whoNow', operation, channelType, 'connected');
    this.#channel(channelName, operation);
    const includedUserId = options?.includedUserId ?? true;
    const includedState = options?.includedState ?? false;
    if (!includedUserId && includedState) throw argError(-13003, operation, 'include uid is false but include state is true');
    const pageSize = core.cloud.console.presenceOccupancy;
    return core.request(method, operation, TIMEOUTS.presenceMs, () => timeoutError(-13012, operation), (service) => {
      const everyone = service.whoNow(channelName);
      if (!includedUserId) return { timestamp: 0, totalOccupancy: everyone.length, occupants: [], nextPage: '' };
      const start = options?.page ? Math.max(0, everyone.findIndex((member) => member.userId === options.page)) : 0;
      const page = everyone.slice(start, start + pageSize);
      const next = everyone[start + pageSize]?.userId ?? '';
      const occupants = page.map((member) => (includedState ? member : { userId: member.userId, states: {}, statesCount: 0 }));
      return { timestamp: 0, totalOccupancy: next || start > 0 ? page.length : everyone.length, occupants, nextPage: next };
    });
  }

  async #whereNow(method: Rtm2MethodName, operation: string, userId: string): Promise<WhereNowResponse> {
    const core = this.#core;
    core.count(method);
    const rateError = core.takeRate('whereNow', operation);
    if (rateError) throw rateError;
    if (!core.cloud.console.presence) throw unavailableError(-13014, operation);
    if (!core.connected) throw notConnected(operation);
    if (userId !== '' && !isValidId(userId)) throw argError(-10006, operation);
    const target = userId === '' ? core.userId : userId;
    return core.request(method, operation, TIMEOUTS.presenceMs, () => timeoutError(-13012, operation), (service) => service.whereNow(target));
  }

  /** Rate budget, channel type, Presence enabled, then the connection gate. */
  #gate(method: Rtm2MethodName, bucket: 'whoNow' | 'modifyState' | 'getState', operation: string, channelType: unknown, need: 'connected' | 'not-idle'): void {
    const core = this.#core;
    core.count(method);
    const rateError = core.takeRate(bucket, operation);
    if (rateError) throw rateError;
    if (channelType !== 'MESSAGE' && channelType !== 'STREAM') throw argError(-10019, operation);
    if (!core.cloud.console.presence) throw unavailableError(-13014, operation);
    if (need === 'connected' ? !core.connected : core.state === 'IDLE') throw notConnected(operation);
  }

  #channel(channelName: string, operation: string): void {
    if (!isValidChannelName(channelName, this.#core.cloud.parameters.EXTEND_CHANNEL_NAME)) throw argError(-10008, operation);
  }

  /** State keys: > 32 bytes → −13008, else the ID rule → −13006. */
  #key(key: unknown, operation: string): void {
    if (typeof key === 'string' && byteLength(key) > PRESENCE_STATE.maxKeyBytes) throw argError(-13008, operation);
    if (!isValidId(key)) throw argError(-13006, operation);
  }
}
