/**
 * The classes of the three legacy object models, with what the mapping's entries alone do not say: the
 * names a class also goes by in the native kits, and where else its members live — the same class in
 * the other object-model dialect (`docs/reference/server-and-native-api.md` §1: the Server SDK copies
 * the Web object model), or for the native `AgoraAPI` the `ICallBack` events iOS code assigns as
 * closure properties of the instance (`docs/reference/server-and-native-api.md` §2).
 */

import type { Dialect, LegacyClass } from './types';

/** A legacy class of one dialect. */
export interface LegacyClassRef {
  dialect: Dialect;
  owner: LegacyClass;
}

/** One legacy class and how code reaches it. */
export interface LegacyClassEntry extends LegacyClassRef {
  /** Where a member this class lacks is looked up next. */
  counterpart?: LegacyClassRef;
  /** Other names of the class in the native kits (Android `AgoraAPIOnlySignal`, the `IAgoraAPI` header). */
  aliases?: readonly string[];
}

/** Every legacy class, Web first, then Server, then native. */
export const LEGACY_CLASSES: readonly LegacyClassEntry[] = [
  { dialect: 'web', owner: 'Signal', counterpart: { dialect: 'server', owner: 'Signal' } },
  { dialect: 'web', owner: 'Session', counterpart: { dialect: 'server', owner: 'LoginSession' } },
  { dialect: 'web', owner: 'Channel', counterpart: { dialect: 'server', owner: 'Channel' } },
  { dialect: 'web', owner: 'Call', counterpart: { dialect: 'server', owner: 'Call' } },
  { dialect: 'server', owner: 'Signal', counterpart: { dialect: 'web', owner: 'Signal' } },
  { dialect: 'server', owner: 'LoginSession', counterpart: { dialect: 'web', owner: 'Session' } },
  { dialect: 'server', owner: 'Channel', counterpart: { dialect: 'web', owner: 'Channel' } },
  { dialect: 'server', owner: 'Call', counterpart: { dialect: 'web', owner: 'Call' } },
  { dialect: 'server', owner: 'LoginCallback' },
  { dialect: 'server', owner: 'ChannelCallback' },
  { dialect: 'server', owner: 'CallCallback' },
  { dialect: 'server', owner: 'MessageCallback' },
  { dialect: 'server', owner: 'UserAttrCallback' },
  { dialect: 'native', owner: 'AgoraAPI', counterpart: { dialect: 'native', owner: 'ICallBack' }, aliases: ['AgoraAPIOnlySignal', 'IAgoraAPI'] },
  { dialect: 'native', owner: 'ICallBack', aliases: ['CallBack'] },
];
