/**
 * `signaling-compat/fake`: an in-memory RTM 1.x backend for tests and demos, and the manual clock
 * that drives its timers. See docs/fake.md.
 */
export { FakeRtm } from './FakeRtm';
export type { FakeRtmLimits, FakeRtmOptions } from './FakeRtm';
export { ManualClock } from './shared/ManualClock';
export type { FakeClient } from './client/FakeClient';
export type { FakeChannel } from './client/FakeChannel';
export type { FakeLocalInvitation } from './client/FakeLocalInvitation';
export type { FakeRemoteInvitation } from './client/FakeRemoteInvitation';
export type { PeerMessageResult } from './client/peerMessageCall';
export type { TokenValidator, TokenVerdict } from './server/FakeServer';
export type { InvitationTiming, RateLimit } from '../rtm/rtm1/limits';
export { connectFakeRtm, RemoteFakeRtm } from './remote/connectFakeRtm';
export type { ConnectFakeRtmOptions } from './remote/connectFakeRtm';
export * as fakeRtmWire from './remote/wire';
export { connectFakeRtm2, RemoteFakeRtm2 } from './remote/connectFakeRtm2';
export type { RemoteRTMConstructor } from './remote/connectFakeRtm2';
export type { RemoteRtm2Client } from './remote/RemoteRtm2Client';
export * from '../fake2/index';
