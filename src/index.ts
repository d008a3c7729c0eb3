/**
 * signaling-compat: the legacy Agora Signaling SDK API on Agora RTM 1.x.
 *
 * The default export is the legacy `Signal` factory (callable and constructible).
 */
import { Signal } from './legacy/web/Signal';

export { Signal };
export type { SignalFactory, SignalObject } from './legacy/web/Signal';
export type { Session, SessionEvents } from './legacy/web/Session';
export type { Channel, ChannelEvents } from './legacy/web/Channel';
export type { Call, CallEvents } from './legacy/web/Call';
export type { CompatOptions, Logger, TokenProvider } from './core/options';
export { LegacyCode } from './core/legacyCodes';
export type * from './rtm/types';
export type { Clock } from './rtm/clock';
export default Signal;
