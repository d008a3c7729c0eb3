/**
 * FakeRtm2: an in-memory agora-rtm-sdk 2.3.0 ("Signaling 2.x") namespace for tests and demos.
 * Exported from `signaling-compat/fake`; see docs/fake2.md.
 */
export { FakeRtm2 } from './FakeRtm2';
export type { FakeRtm2Limits, FakeRtm2Options, RTMConstructor } from './FakeRtm2';
export type { FakeRtm2Console, FakeRtm2Switches } from './switches';
export type { RTMClient } from './RTMClient';
export type { RTMPresence, WhoNowOptions } from './RTMPresence';
export type { RTMStorage } from './RTMStorage';
export type { RTMLock } from './RTMLock';
export type { RTMHistory } from './RTMHistory';
export type { RTMBaseError, RtmErrorName } from './errors';
export type { Rtm2MethodName } from './Ledger';
export type { RateBucket } from './limits';
export type { ServerRejectReason } from './ClientPort';
export type * from './types';
