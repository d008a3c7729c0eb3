import type { Clock } from '../../rtm/clock';
import type { Ledger } from './Ledger';
import type { RateBucket } from '../rules/limits';
import type { Service } from './Service';
import type { FakeRtm2Console, FakeRtm2Switches } from './switches';
import type { Wire } from './Wire';

/** Link changes the cloud tells a client about (`FakeRtm2.disconnect/reconnect`). */
export interface LinkWatcher {
  readonly userId: string;
  linkChanged(up: boolean): void;
}

/** The process-global parameters of `AgoraRTM.setParameter` that FakeRtm2 models (docs/reference/rtm2-web-sdk.md §1.1). */
export interface GlobalParameters {
  IGNORE_DUPLICATE_USER_ID_ERR: boolean;
  EXTEND_CHANNEL_NAME: boolean;
  MESSAGE_CHANNEL_COUNT: number | undefined;
  ENABLE_API_RATE_LIMIT: boolean;
  MIN_RECONNECT_TIMEOUT_IN_SECONDS: number | undefined;
}

/** What one FakeRtm2 gives each of its clients. */
export interface Cloud {
  readonly clock: Clock;
  readonly wire: Wire;
  readonly ledger: Ledger;
  readonly switches: FakeRtm2Switches;
  readonly console: FakeRtm2Console;
  readonly parameters: GlobalParameters;
  readonly rateLimits: Readonly<Record<RateBucket, number>>;
  service(appId: string): Service;
  isUp(userId: string): boolean;
  /** docs/reference/rtm2-web-sdk.md §2.5: records the (App ID, user ID) pair; false when it was used before. */
  registerInstance(appId: string, userId: string): boolean;
  watchLink(watcher: LinkWatcher): void;
  unwatchLink(watcher: LinkWatcher): void;
}
