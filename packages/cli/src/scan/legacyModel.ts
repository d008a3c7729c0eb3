/**
 * What the scanner knows about how legacy values are obtained and passed around: which calls
 * create a session / channel / call, where callback objects are handed over, and which handler
 * parameters carry legacy objects (`docs/reference/legacy-web-sdk.md` §2,
 * `docs/reference/server-and-native-api.md` §1).
 */

import type { Dialect } from 'signaling-compat/mapping';
import type { Confidence } from './types';

/**
 * A value the scanner traced: `factory` is the `Signal` function, `class` the native `AgoraAPI`
 * class, `callbackClass` a server/native callback base class, `instance` a legacy object or
 * handler (its `owner` is a mapping owner), `localClass` an app class (its `owner` is the class
 * name), whose instances may become handlers.
 */
export interface LegacyValue {
  kind: 'factory' | 'class' | 'callbackClass' | 'instance' | 'localClass';
  dialect: Dialect;
  owner: string;
  confidence: Confidence;
}

/** Calls that return a new legacy object: `"<dialect> <owner>.<member>"` → owner of the result. */
export const CREATED_BY: Readonly<Record<string, string>> = {
  'web Signal.login': 'Session',
  'server Signal.login': 'LoginSession',
  'web Session.channelJoin': 'Channel',
  'server LoginSession.channelJoin': 'Channel',
  'web Session.channelInviteUser2': 'Call',
  'server LoginSession.channelInviteUser2': 'Call',
  'native AgoraAPI.getInstance': 'AgoraAPI',
  'native AgoraAPI.createAgoraSDKInstance': 'AgoraAPI',
};

/** Calls whose last argument is a handler object: `"<dialect> <owner>.<member>"` → handler owner. */
export const HANDLER_ARGUMENT: Readonly<Record<string, string>> = {
  'server Signal.login': 'LoginCallback',
  'server Signal.userSetAttr': 'UserAttrCallback',
  'server Signal.userGetAttr': 'UserAttrCallback',
  'server Signal.userGetAttrAll': 'UserAttrCallback',
  'server Signal.channelQueryUserNum': 'ChannelCallback',
  'server LoginSession.channelJoin': 'ChannelCallback',
  'server LoginSession.messageInstantSend': 'MessageCallback',
  'server LoginSession.channelInviteUser2': 'CallCallback',
  'server Channel.messageChannelSend': 'MessageCallback',
  'native AgoraAPI.callbackSet': 'ICallBack',
};

/** Base classes and interfaces app handlers extend or implement, by name, with their owner. */
export const HANDLER_CLASSES: Readonly<Record<string, { dialect: Dialect; owner: string }>> = {
  LoginCallback: { dialect: 'server', owner: 'LoginCallback' },
  ChannelCallback: { dialect: 'server', owner: 'ChannelCallback' },
  CallCallback: { dialect: 'server', owner: 'CallCallback' },
  MessageCallback: { dialect: 'server', owner: 'MessageCallback' },
  UserAttrCallback: { dialect: 'server', owner: 'UserAttrCallback' },
  ICallBack: { dialect: 'native', owner: 'ICallBack' },
  CallBack: { dialect: 'native', owner: 'ICallBack' },
};

/** Names under which the native flat API's class is reached (TypeScript port, Android, iOS). */
export const NATIVE_CLASS_NAMES = new Set(['AgoraAPI', 'AgoraAPIOnlySignal', 'IAgoraAPI']);

/** Exported type names that annotate legacy objects in TypeScript code, with their owner. */
export const ANNOTATION_TYPES: Readonly<Record<string, { dialect: Dialect; owner: string }>> = {
  Session: { dialect: 'web', owner: 'Session' },
  Channel: { dialect: 'web', owner: 'Channel' },
  Call: { dialect: 'web', owner: 'Call' },
  SignalObject: { dialect: 'web', owner: 'Signal' },
  LoginSession: { dialect: 'server', owner: 'LoginSession' },
  AgoraAPI: { dialect: 'native', owner: 'AgoraAPI' },
  ...HANDLER_CLASSES,
};

/**
 * Which handler parameters are legacy objects, by position (`docs/reference/legacy-web-sdk.md`
 * §4.3, `docs/reference/server-and-native-api.md` §1).
 */
export function handlerParameterOwners(dialect: Dialect, owner: string, event: string): ReadonlyArray<string | undefined> {
  if (dialect === 'web') return owner === 'Session' && event === 'onInviteReceived' ? ['Call'] : [];
  if (dialect !== 'server') return [];
  switch (owner) {
    case 'LoginCallback':
      if (event === 'onInviteReceived') return ['LoginSession', 'Call'];
      return event.startsWith('onChannel') ? ['LoginSession', 'Channel'] : ['LoginSession'];
    case 'ChannelCallback':
      return event === 'onChannelQueryUserNum' ? ['LoginSession'] : ['LoginSession', 'Channel'];
    case 'CallCallback':
      return ['LoginSession', 'Call'];
    case 'MessageCallback':
      return ['LoginSession'];
    default:
      return [];
  }
}

/**
 * Where else to look up a member a traced object's own class lacks: the same class in the other
 * object-model dialect (a Web-looking `Signal` calling the Server-only `getStatus`), and for a native
 * instance the handler events iOS code assigns as closure properties (`api.onInviteFailed = …`).
 */
export const COUNTERPART: Readonly<Record<string, { dialect: Dialect; owner: string }>> = {
  'web Signal': { dialect: 'server', owner: 'Signal' },
  'server Signal': { dialect: 'web', owner: 'Signal' },
  'web Session': { dialect: 'server', owner: 'LoginSession' },
  'server LoginSession': { dialect: 'web', owner: 'Session' },
  'web Channel': { dialect: 'server', owner: 'Channel' },
  'server Channel': { dialect: 'web', owner: 'Channel' },
  'web Call': { dialect: 'server', owner: 'Call' },
  'server Call': { dialect: 'web', owner: 'Call' },
  'native AgoraAPI': { dialect: 'native', owner: 'ICallBack' },
};

/**
 * Module specifiers that load the legacy SDK or this shim: the npm packages, a vendored
 * `AgoraSig*.js`, or the Node build's `vendor/signal.js` (`docs/reference/legacy-usage.md` §2.1).
 */
export function isLegacyModule(specifier: string): boolean {
  return (
    /(^|\/)(agora-signaling-sdk|signaling-compat)(\/|$)/.test(specifier) ||
    /(^|\/)AgoraSig[^/]*$/i.test(specifier) ||
    /(^|\/)vendor\/signal(\.js)?$/.test(specifier)
  );
}

/** Globals the legacy script tag defined its API on. */
export const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

/** Emitter methods whose first argument names an event and second handles it (proxy wrappers). */
export const EMITTER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
