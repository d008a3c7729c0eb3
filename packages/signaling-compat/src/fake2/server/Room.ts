import type { TimerHandle } from '../../rtm/clock';
import { MetadataStore } from './MetadataStore';
import type { ClientPort } from './ClientPort';
import type { IntervalDetail, LockDetail, StateDetail, SubscribeOptions, UserState } from '../types';

/** A subscriber's options as the service keeps them (defaults of docs/reference/rtm2-web-sdk.md §2.10 applied). */
export interface Subscription {
  readonly port: ClientPort;
  withMessage: boolean;
  withPresence: boolean;
  beQuiet: boolean;
  withMetadata: boolean;
  withLock: boolean;
}

export function subscriptionOf(port: ClientPort, options: SubscribeOptions | undefined): Subscription {
  return {
    port,
    withMessage: options?.withMessage ?? true,
    withPresence: options?.withPresence ?? true,
    beQuiet: options?.beQuiet ?? false,
    withMetadata: options?.withMetadata ?? false,
    withLock: options?.withLock ?? false,
  };
}

/** A user present in a channel: their temporary state and, while their link is down, the timeout timer. */
export interface Member {
  states: StateDetail;
  timeout?: TimerHandle;
}

/** Interval mode (docs/reference/rtm2-web-sdk.md §2.11): what changed since the last INTERVAL event. */
export interface IntervalBatch {
  join: Set<string>;
  leave: Set<string>;
  timeout: Set<string>;
  states: Map<string, StateDetail>;
  timer?: TimerHandle;
}

export interface Lock {
  owner: string;
  ttl: number;
}

/** One message channel on the service: subscribers, presence members, metadata and locks. */
export class Room {
  readonly name: string;
  readonly subscribers = new Map<string, Subscription>();
  readonly members = new Map<string, Member>();
  readonly metadata = new MetadataStore();
  readonly locks = new Map<string, Lock>();
  batch: IntervalBatch | undefined;

  constructor(name: string) {
    this.name = name;
  }

  get isEmpty(): boolean {
    return this.subscribers.size === 0 && this.members.size === 0 && this.metadata.size === 0 && this.locks.size === 0;
  }

  snapshot(): UserState[] {
    return [...this.members].map(([userId, member]) => userState(userId, member.states));
  }

  lockDetails(): LockDetail[] {
    return [...this.locks].map(([lockName, lock]) => ({ lockName, owner: lock.owner, ttl: lock.ttl }));
  }

  /** Takes the batch for one INTERVAL event, or undefined when nothing changed. */
  takeInterval(): IntervalDetail | undefined {
    const batch = this.batch;
    if (!batch || (batch.join.size + batch.leave.size + batch.timeout.size + batch.states.size === 0)) return undefined;
    const list = (users: Set<string>) => ({ users: [...users], userCount: users.size });
    const detail: IntervalDetail = {
      join: list(batch.join),
      leave: list(batch.leave),
      timeout: list(batch.timeout),
      userStateList: [...batch.states].map(([userId, states]) => ({ userId, states: { ...states } })),
      totalOccupancy: this.members.size,
    };
    batch.join.clear();
    batch.leave.clear();
    batch.timeout.clear();
    batch.states.clear();
    return detail;
  }
}

export function userState(userId: string, states: StateDetail): UserState {
  return { userId, states: { ...states }, statesCount: Object.keys(states).length };
}
