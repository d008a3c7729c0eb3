import type { Clock } from '../rtm/clock';
import type { RtmClientLike } from '../rtm/types';
import type { IdCodec } from './ids';
import type { Log } from './log';
import type { MessagePacer } from './MessagePacer';
import type { ResolvedOptions } from './options';

/** What the parts of one engine share once its RTM client exists. */
export interface EngineContext {
  readonly client: RtmClientLike;
  readonly codec: IdCodec;
  readonly options: ResolvedOptions;
  readonly log: Log;
  readonly clock: Clock;
  /** The legacy account and its RTM user ID. */
  readonly account: string;
  readonly selfId: string;
  readonly uid: number;
  readonly pacer: MessagePacer;
  /** True while RTM is CONNECTED for this login. */
  connected(): boolean;
  /** False once the login has ended: work still settling must then make no further RTM call. */
  live(): boolean;
  /**
   * Logs the RTM client out and in again with the same user ID and token, unseen by the app (no
   * legacy callback, status unchanged). Refused (false) unless only the caller has work in progress:
   * no call, no peer message queued or in flight, no query running. True once logged in again.
   */
  relogin(): Promise<boolean>;
}
