import type { Clock } from '../rtm/clock';
import { RateGate } from './RateGate';
import type {
  Rtm2ClientLike,
  Rtm2Config,
  Rtm2EventMap,
  Rtm2LinkStateEvent,
  Rtm2MessageEvent,
  Rtm2NamespaceLike,
  Rtm2PresenceEvent,
  Rtm2StorageEvent,
} from './types';

/** What a link forwards its 2.x events to: the adapter client that currently owns it. */
export interface LinkOwner {
  onLinkState(event: Rtm2LinkStateEvent): void;
  onMessage(event: Rtm2MessageEvent): void;
  onPresence(event: Rtm2PresenceEvent): void;
  onStorage(event: Rtm2StorageEvent): void;
  onTokenWillExpire(): void;
}

/**
 * One 2.x `RTM` instance for an (App ID, user ID) pair, for the life of the process
 * (docs/reference/rtm2-web-sdk.md §5 A1/A2): 2.x refuses a second `new RTM` for the same pair
 * forever (−10027), and its listeners survive logout, so the adapter constructs each instance
 * once, attaches its listeners once, and hands the instance from login to login. Events go to
 * the owner of the moment; events with no owner are dropped.
 */
export class Rtm2Link {
  readonly rtm: Rtm2ClientLike;
  readonly gate: RateGate;
  owner: LinkOwner | undefined;

  constructor(rtm: Rtm2ClientLike, clock: Clock, rateLimits?: Readonly<Record<string, number>>) {
    this.rtm = rtm;
    this.gate = new RateGate(clock, rateLimits);
    // A listener that throws makes 2.x skip the listeners after it (docs/reference/rtm2-web-sdk.md §2.17): nothing escapes here.
    const forward =
      <E extends keyof Rtm2EventMap>(handle: (owner: LinkOwner, ...args: Parameters<Rtm2EventMap[E]>) => void) =>
      (...args: Parameters<Rtm2EventMap[E]>): void => {
        const owner = this.owner;
        try {
          if (owner) handle(owner, ...args);
        } catch {
          // The owner's listeners are app code; their errors are theirs (the core contains its own).
        }
      };
    rtm.addEventListener('linkState', forward<'linkState'>((owner, event) => owner.onLinkState(event)));
    rtm.addEventListener('message', forward<'message'>((owner, event) => owner.onMessage(event)));
    rtm.addEventListener('presence', forward<'presence'>((owner, event) => owner.onPresence(event)));
    rtm.addEventListener('storage', forward<'storage'>((owner, event) => owner.onStorage(event)));
    // docs/reference/rtm2-web-sdk.md §5 A20: one notice fires both `tokenPrivilegeWillExpire("")` and `token`; only the first is used,
    // and a non-empty name is a stream-channel token the adapter never holds.
    rtm.addEventListener(
      'tokenPrivilegeWillExpire',
      forward<'tokenPrivilegeWillExpire'>((owner, channelName) => {
        if (!channelName) owner.onTokenWillExpire();
      }),
    );
  }
}

/** The links of one 2.x namespace, keyed by App ID and user ID (the SDK's own registry is per page). */
const LINKS = new WeakMap<Rtm2NamespaceLike, Map<string, Rtm2Link>>();

/** The link for (appId, userId), constructing its `RTM` the first time; the constructor may throw. */
export function linkFor(
  namespace: Rtm2NamespaceLike,
  appId: string,
  userId: string,
  config: Rtm2Config,
  clock: Clock,
  rateLimits?: Readonly<Record<string, number>>,
): Rtm2Link {
  let links = LINKS.get(namespace);
  if (!links) LINKS.set(namespace, (links = new Map()));
  const key = `${appId}\u0000${userId}`;
  let link = links.get(key);
  if (!link) {
    link = new Rtm2Link(new namespace.RTM(appId, userId, config), clock, rateLimits);
    links.set(key, link);
  }
  return link;
}
