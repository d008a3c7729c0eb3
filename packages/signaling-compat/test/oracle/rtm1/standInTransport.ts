/**
 * A stand-in for the network under a real `RtmClient`, so the SDK's own client, channel and
 * invitation logic runs as if it were connected. Only the session's transport calls are
 * replaced (the methods that would write to a socket and wait for the server's answer); every
 * check, state change, rate limit and event of the SDK runs as shipped.
 *
 * The stand-in server knows one user, the client itself: every peer is offline, so peer messages
 * and invitations are answered "not delivered", presence queries say offline, member counts are 0,
 * and attribute writes succeed. A client is routed through it only when marked with
 * `useStandIn`; other clients keep the offline network of realSdk.ts.
 */

type SessionProto = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's minified session object
type Loose = any;

/** Contexts (one per client) whose session answers from the stand-in. */
const standIn = new WeakSet<object>();
/** Contexts whose transport is gone (interrupted or dropped): their session finds no socket. */
const noTransport = new WeakSet<object>();
/** Contexts whose next channel join the stand-in server refuses. */
const refuseNextJoin = new WeakSet<object>();
let patched: SessionProto | undefined;

type ObservableCtor = new (subscribe: (subscriber: { next(v: unknown): void; error(e: unknown): void; complete(): void }) => void) => unknown;
/** The bundle's own rxjs Observable class, found on the first session (callers `.pipe()` answers). */
let Observable: ObservableCtor | undefined;
/** The SDK's RtmUnavailableError class, learnt from the first error of that name a probe sees. */
let UnavailableError: (new (message: string, code: number) => Error) | undefined;

/** A server answer, as the session's own request methods return it: an Observable of one value. */
function answer(value: unknown): unknown {
  if (!Observable) throw new Error('the stand-in transport has not seen a session yet');
  return new Observable((subscriber) => {
    subscriber.next(value);
    subscriber.complete();
  });
}

/** A server refusal, as the session's request methods report it. */
function refusal(error: Error): unknown {
  if (!Observable) throw new Error('the stand-in transport has not seen a session yet');
  return new Observable((subscriber) => subscriber.error(error));
}

/** Records the SDK's RtmUnavailableError class from an error the SDK produced. */
export function learnUnavailableError(error: unknown): void {
  if (error instanceof Error && error.name === 'RtmUnavailableError') {
    UnavailableError ??= error.constructor as unknown as typeof UnavailableError;
  }
}

/** The user-attribute answer for `uid`: only the client itself is online on the stand-in server. */
function userAttributeAnswer(this: { context: { uid?: string } }, uid: string, value: unknown): unknown {
  if (uid === this.context.uid) return answer(value);
  if (!UnavailableError) throw new Error('the stand-in transport has not learnt RtmUnavailableError yet');
  // What the session's own request method throws on the server's 10008 "user not online".
  return refusal(new UnavailableError('The user requested is not online', 6));
}

/** Server code the SDK reads as "peer not online" (any non-zero ack code). */
const PEER_OFFLINE_ACK = 1;

const replacements: Record<string, (this: Loose, ...args: never[]) => unknown> = {
  loginHandler: () => answer(undefined),
  logoutHandler() {
    this.loggedOut = true;
    return Promise.resolve([]);
  },
  // The server's join reply arrives a few promise turns later, so a probe can see a channel
  // JOINING (a timer would stall on the test's fake timers).
  requestChannelJoin(this: Loose) {
    if (refuseNextJoin.delete(this.context)) {
      if (!UnavailableError) throw new Error('the stand-in transport has not learnt RtmUnavailableError yet');
      // What the session's own join throws on a non-zero server reply.
      return Promise.reject(new UnavailableError('Channel join failure. The response code is 1', 1));
    }
    return Promise.resolve().then(() => undefined).then(() => undefined);
  },
  requestChannelLeave: () => undefined,
  sendMessageToRetry: () => Promise.resolve({ code: PEER_OFFLINE_ACK, retryTimes: 0 }),
  requestPeersOnlineStatus: (ids: string[]) => answer({ userInfos: ids.map((account) => ({ account, ts: 0 })) }),
  requestGetChannelMemberCount: (ids: string[]) =>
    answer({ groupInfos: ids.map((group) => ({ group, memberCount: 0 })) }),
  requestSubscribePeersOnlineStatus: () => answer({ errors: [] }),
  requestUnsubscribePeersOnlineStatus: () => undefined,
  requestSetLocalUserAttributes: () => answer(undefined),
  requestAddOrUpdateLocalUserAttributes: () => answer(undefined),
  requestDeleteLocalUserAttributesByKeys: () => answer(undefined),
  requestClearLocalUserAttributes: () => answer(undefined),
  requestSetChannelAttributes: () => answer(undefined),
  requestAddOrUpdateChannelAttributes: () => answer(undefined),
  requestDeleteChannelAttributesByKeys: () => answer(undefined),
  requestClearChannelAttributes: () => answer(undefined),
  requestUpdateEdgeTicket: () => answer(undefined),
  requestGetUserAttributeKeys(uid: string) {
    return userAttributeAnswer.call(this, uid, { keys: [] });
  },
  requestGetUserAttributesByKeys(uid: string) {
    return userAttributeAnswer.call(this, uid, { attributeInfos: [] });
  },
  requestChannelMemberList() {
    return answer({ memberInfos: [{ account: this.context.uid }] });
  },
  requestGetChannelAttributesKeys: () => answer({ keys: [] }),
  requestGetChannelAttributesByKeys: () => answer({ attributeMaps: [] }),
};

function patch(proto: SessionProto): void {
  if (patched === proto) return;
  if (patched) throw new Error('two session classes in one bundle: the stand-in transport cannot route both');
  patched = proto;
  for (const [name, replacement] of Object.entries(replacements)) {
    const original = proto[name];
    if (typeof original !== 'function') throw new Error(`the SDK session has no ${name}(): the stand-in is out of date`);
    proto[name] = function (this: { context: object }, ...args: never[]) {
      // After logout the session has no socket, and its own methods say so.
      return standIn.has(this.context) && !(this as Loose).loggedOut && !noTransport.has(this.context)
        ? replacement.apply(this, args)
        : (original as (...a: never[]) => unknown).apply(this, args);
    };
  }
}

/** The stand-in server refuses `client`'s next channel join. */
export function refuseJoin(client: object): void {
  refuseNextJoin.add((client as { context: object }).context);
}

/**
 * What the SDK's session emits when the server or the transport speaks: `connectionLost` (the
 * transport dropped), `userJoined` (a transport logged in again), `userDrop` with the server's
 * kick code (11 remote login, 2 token expired, 14–16 banned).
 */
export function sessionEvent(client: object, event: 'connectionLost' | 'userJoined' | 'userDrop', ...args: unknown[]): void {
  const { context } = client as { context: object };
  // The session's sockets go with the transport, and come back when a transport logs in again.
  if (event === 'userJoined') noTransport.delete(context);
  else noTransport.add(context);
  (client as Loose).session.emit(event, ...args);
}

/**
 * An invitation signal from `peerId` as the session hands it on once decoded from the socket
 * (`invitationMessage`): `CallInvite` with the caller's call ID, content and channel, or
 * `CallCancel` with the cancel payload.
 */
export function invitationSignal(
  client: object,
  type: 'CallInvite' | 'CallCancel',
  peerId: string,
  body: { callId: string; extra?: string; channel?: string },
): void {
  (client as Loose).session.emit('invitationMessage', { body, type, peerId, serverReceivedTs: Date.now() });
}

/**
 * Routes `client`'s session through the stand-in server. The session class is not exported, so
 * its prototype is patched when the client first creates a session (inside `login()`, before
 * the session sends anything).
 */
export function useStandIn(client: object): void {
  const target = client as { context: object; session?: object };
  standIn.add(target.context);
  let session = target.session;
  Object.defineProperty(target, 'session', {
    configurable: true,
    get: () => session,
    set(value: object | undefined) {
      if (value) {
        patch(Object.getPrototypeOf(value) as SessionProto);
        // Subject (apFinish$) → Observable: the class every request method of the session returns.
        Observable ??= Object.getPrototypeOf((value as Loose).connection.apClient.apFinish$.constructor) as ObservableCtor;
      }
      session = value;
    },
  });
}
