import type { Clock } from '../rtm/clock';
import type { ConnectionState } from '../rtm/types';
import type { Rtm1Operation } from './errorMap';
import type { Rtm2ClientLike } from './types';
import type { Rtm2Payload } from './wire';

/** What the parts of one adapter client (channels, attributes, invitations) need from it. */
export interface AdapterSession {
  readonly clock: Clock;
  /** The logged-in user ID ('' before the first login). */
  readonly uid: string;
  readonly state: ConnectionState;
  /** A login was ever started on this client (1.x's "session object exists"). */
  readonly everStarted: boolean;
  /**
   * One 2.x call through the rate gate, its rejection mapped to the 1.x error of `operation`;
   * 102 when this client does not hold a connected 2.x instance.
   */
  call<T>(bucket: string, operation: Rtm1Operation, run: (rtm: Rtm2ClientLike) => Promise<T>): Promise<T>;
  /** A USER publish; resolves `false` when 2.x says the receiver is offline (−11033). */
  publishToUser(peerId: string, payload: Rtm2Payload, operation: Rtm1Operation): Promise<boolean>;
}
