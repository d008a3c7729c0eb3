/**
 * The shape of the Signaling → RTM 1.x mapping table (docs/reference/signaling-rtm-mapping-table.md, with the decisions of
 * `docs/reference/mapping-decisions.md`). One entry per legacy member of each dialect.
 */

/** The three shapes the legacy SDK shipped in. */
export type Dialect = 'web' | 'server' | 'native';

/**
 * How a legacy member is carried onto RTM 1.x:
 * - `native`: one RTM call or event carries it; the shim only reshapes arguments and results.
 * - `emulated`: the shim reproduces the legacy behaviour itself (several RTM calls, local state,
 *   timers, reserved messages) or accepts the call where RTM needs nothing.
 * - `unsupported`: RTM cannot do it; the call fails through its legacy error path with one
 *   warning, or the callback never fires.
 */
export type MappingStatus = 'native' | 'emulated' | 'unsupported';

/** What sort of legacy name an entry describes. */
export type MappingKind =
  | 'method'
  | 'event'
  | 'property'
  | 'invoke'
  | 'extra-key'
  | 'special-channel'
  | 'special-attribute';

/**
 * The classes of the legacy object models: web `Signal` → `Session` → `Channel` / `Call`; server `Signal` →
 * `LoginSession` → `Channel` / `Call` plus its five callback classes; native `AgoraAPI` and its `ICallBack`
 * handler. Owners such as `invoke` or `extra` are not classes: nothing creates or receives them.
 */
export type LegacyClass =
  | 'Signal'
  | 'Session'
  | 'Channel'
  | 'Call'
  | 'LoginSession'
  | 'LoginCallback'
  | 'ChannelCallback'
  | 'CallCallback'
  | 'MessageCallback'
  | 'UserAttrCallback'
  | 'AgoraAPI'
  | 'ICallBack';

/**
 * How a member hands legacy objects around (`docs/reference/legacy-web-sdk.md` §4.3,
 * `docs/reference/server-and-native-api.md` §1): what a method returns, which callback object it takes,
 * and which handler parameters of an event are legacy objects. The scanner follows these to trace
 * sessions, channels and calls through app code.
 */
export interface ObjectFlow {
  /** The class of the legacy object a method returns, e.g. Web `Signal.login` → `Session`. */
  returns?: LegacyClass;
  /** The class of the callback object a method takes as its last argument, e.g. Server `Signal.login` → `LoginCallback`. */
  callbackArgument?: LegacyClass;
  /**
   * The legacy objects among an event handler's parameters, by position, e.g. Server
   * `LoginCallback.onInviteReceived(session, call)` → `['LoginSession', 'Call']`.
   */
  objectParameters?: readonly LegacyClass[];
}

/** One legacy member and its RTM 1.x counterpart. */
export interface MappingEntry extends ObjectFlow {
  /** The legacy dialect the member belongs to. */
  dialect: Dialect;
  /**
   * The legacy class: web `Signal` | `Session` | `Channel` | `Call`; server `Signal` |
   * `LoginSession` | `Channel` | `Call` | `LoginCallback` | `ChannelCallback` | `CallCallback` |
   * `MessageCallback` | `UserAttrCallback`; native `AgoraAPI` | `ICallBack`; `invoke` for the
   * `io.agora.signal.*` functions, `extra` for call extra keys, `channel` for special channels and
   * `attribute` for built-in channel attributes.
   */
  owner: string;
  /** The legacy name, e.g. `messageInstantSend`, `io.agora.signal.user_query_user_status`. */
  member: string;
  /** What sort of name `member` is. */
  kind: MappingKind;
  /** The RTM 1.x call(s) or event(s) it becomes, or `—` when there is none. */
  rtm: string;
  /**
   * The RTM 2.x API(s) the same behaviour travels over on `agora-rtm-sdk` 2.x, where an adapter carries
   * the RTM 1.x calls of `rtm` (derived from `rtm` by `rtm2Route`), or `—` when there is none.
   */
  rtm2: string;
  /** How it is carried. */
  status: MappingStatus;
  /** One or two sentences: how it is carried, or why it cannot be. */
  note: string;
}
