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

/** One legacy member and its RTM 1.x counterpart. */
export interface MappingEntry {
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
