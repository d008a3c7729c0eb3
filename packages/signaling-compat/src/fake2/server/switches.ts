/**
 * Behaviours only Agora's live service can settle (docs/reference/rtm2-web-sdk.md §3). Each is a
 * switch of `FakeRtm2`; the defaults are what the docs and the 2.3.0 client code make most likely.
 * docs/fake2.md lists them with their reasons.
 */
export interface FakeRtm2Switches {
  /** Q3: a subscriber (withMessage) receives its own channel messages. Default true. */
  echoOwnChannelMessages: boolean;
  /** Q2(c): a USER publish to one's own ID is delivered to oneself (`'deliver'`) or fails −11033 (`'offline'`). Default `'deliver'`. */
  userMessageToSelf: 'deliver' | 'offline';
  /** Q7: the writer of channel/user metadata gets the `storage` UPDATE too (when subscribed). Default true. */
  storageEventToWriter: boolean;
  /** Q7: subscribing `withMetadata` to a channel without metadata still gives a SNAPSHOT (empty). Default true. */
  snapshotForEmptyMetadata: boolean;
  /** Q9: a second login of a user ID kicks the older session (`'older'`) or is refused (`'newer'`, FAILED/SAME_UID_LOGIN for the new one). Default `'older'`. */
  sameUserLoginKicks: 'older' | 'newer';
  /** Q13: `setUserMetadata` & co. may write another user's metadata (`true`) or fail −12020 (`false`). Default true. */
  writeOtherUsersMetadata: boolean;
  /** Q1: the service accepts 1.x-era `006` tokens (`true`) or refuses them at login (RtmUnauthenticatedError −10005). Default true. */
  accept006Tokens: boolean;
  /** Q8: after SUSPENDED, the automatic reconnect restores the subscriptions (`true`) or loses them (`false`). Default true. */
  restoreAfterSuspended: boolean;
  /** Q6: `beQuiet` subscribers are invisible in presence (whoNow, SNAPSHOT, getUserChannels), as the client code suggests. Default true. */
  quietSubscribersHidden: boolean;
}

export const DEFAULT_SWITCHES: Readonly<FakeRtm2Switches> = Object.freeze({
  echoOwnChannelMessages: true,
  userMessageToSelf: 'deliver',
  storageEventToWriter: true,
  snapshotForEmptyMetadata: true,
  sameUserLoginKicks: 'older',
  writeOtherUsersMetadata: true,
  accept006Tokens: true,
  restoreAfterSuspended: true,
  quietSubscribersHidden: true,
});

/** Console settings of the App ID the fake stands in for (features that are off fail as in docs/reference/rtm2-web-sdk.md §2.1). */
export interface FakeRtm2Console {
  /** Presence enabled (default true); off → subscribe with default options and presence calls fail −13014. */
  presence: boolean;
  /** Storage enabled (default true); off → storage calls fail −12019. */
  storage: boolean;
  /** Lock enabled (default true); off → lock calls and `withLock` fail −14009. */
  lock: boolean;
  /** "presence.occupancy": interval-mode threshold and whoNow page size (default 50). */
  presenceOccupancy: number;
  /** "presence.interval" in seconds: the INTERVAL event period (default 30). */
  presenceIntervalS: number;
}

export const DEFAULT_CONSOLE: Readonly<FakeRtm2Console> = Object.freeze({
  presence: true,
  storage: true,
  lock: true,
  presenceOccupancy: 50,
  presenceIntervalS: 30,
});
