import type { LockEvent, MessageEvent, PresenceEvent, StorageEvent } from '../types';

/** Why the service ends a session (docs/reference/rtm2-web-sdk.md §1.9 SERVER_REJECT reasons). */
export type ServerRejectReason = 'SAME_UID_LOGIN' | 'KICKED_OUT_BY_SERVER' | 'TOKEN_EXPIRED' | 'LOGIN_TOO_FREQUENT';

export interface ServiceEventMap {
  message: MessageEvent;
  presence: PresenceEvent;
  storage: StorageEvent;
  lock: LockEvent;
}

/** What the in-memory service sees of a logged-in client. */
export interface ClientPort {
  readonly userId: string;
  /** docs/reference/rtm2-web-sdk.md §2.11: the departing user's own `presenceTimeout`, in seconds. */
  readonly presenceTimeoutS: number;
  /** An event pushed by the service (called one hop after it was sent). */
  receive<E extends keyof ServiceEventMap>(event: E, payload: ServiceEventMap[E]): void;
  /** The service ended this session. */
  rejected(reason: ServerRejectReason): void;
  /** The service's notice that the token is about to expire. */
  tokenWillExpire(): void;
}
