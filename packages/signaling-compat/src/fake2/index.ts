/**
 * FakeRtm2: an in-memory agora-rtm-sdk 2.3.0 ("Signaling 2.x") namespace for tests and demos.
 * Exported from `signaling-compat/fake`; see docs/fake2.md.
 */
export { FakeRtm2 } from './FakeRtm2';
export type { FakeRtm2Limits, FakeRtm2Options, RTMConstructor } from './FakeRtm2';
export type { FakeRtm2Console, FakeRtm2Switches } from './server/switches';
export type { RTMClient } from './client/RTMClient';
export type { RTMPresence, WhoNowOptions } from './client/RTMPresence';
export type { RTMStorage } from './client/RTMStorage';
export type { RTMLock } from './client/RTMLock';
export type { RTMHistory } from './client/RTMHistory';
export type { RTMBaseError, RtmErrorName } from './rules/errors';
export type { Rtm2MethodName } from './server/Ledger';
export type { RateBucket } from './rules/limits';
export type { ServerRejectReason } from './server/ClientPort';
export type * from './types';
