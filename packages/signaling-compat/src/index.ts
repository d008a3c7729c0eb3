/**
 * signaling-compat: the legacy Agora Signaling SDK API on Agora RTM 1.x.
 *
 * The default export is the legacy `Signal` factory (callable and constructible).
 */
import { Signal } from './legacy/Signal';

export { Signal };
export type { SignalFactory, SignalObject } from './legacy/Signal';
export type { Session, SessionEvents } from './legacy/web/Session';
export type { Channel, ChannelEvents } from './legacy/web/Channel';
export type { Call, CallEvents } from './legacy/web/Call';
export type { InvitationResultCallbacks } from './legacy/invitationResults';
export { LoginCallback, ChannelCallback, CallCallback, MessageCallback, UserAttrCallback } from './legacy/server/callbacks';
export type { LoginSession } from './legacy/server/LoginSession';
export type { Channel as ServerChannel } from './legacy/server/Channel';
export type { Call as ServerCall } from './legacy/server/Call';
export type { UserAttrReply } from './legacy/server/callbacks';
export { AgoraAPI, createAgoraSDKInstance } from './legacy/native/AgoraAPI';
export { IAgoraAPI, type NativeErrorCodes } from './legacy/native/IAgoraAPI';
export type { NativeCallback } from './legacy/native/NativeCallback';
export type { CompatOptions, Logger, TokenProvider } from './core/options';
export { LEGACY_CODE_TABLE as LegacyCode } from './core/legacyCodes';
export type * from './rtm/types';
export type { Clock } from './rtm/clock';
export { fromRtm2, type Rtm2AdapterOptions } from './rtm2/fromRtm2';
export type { Rtm2NamespaceLike } from './rtm2/types';
export default Signal;
