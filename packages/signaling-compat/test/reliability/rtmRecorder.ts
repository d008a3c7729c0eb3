import type { RtmNamespaceLike } from '../../src/rtm/types';

/** Registering and removing listeners is not a call to RTM. */
const LISTENER_METHODS = new Set<PropertyKey>(['on', 'off', 'once', 'addListener', 'removeListener', 'removeAllListeners', 'emit', 'listeners', 'listenerCount', 'eventNames']);
const FACTORIES = new Set<PropertyKey>(['createChannel', 'createLocalInvitation']);

export interface RecordedCall {
  uid: string | undefined;
  method: string;
  /** Made after the app heard its login end (`ended(uid)`), `logout` itself excepted. */
  afterLogout: boolean;
}

/**
 * An RTM namespace that records every RTM method call made on its clients, their channels and
 * invitations, and whether the app had already heard that login end. `target` is the real backend,
 * set once it exists; `ended(uid)` says whether the app has seen that user's logout.
 */
export function recordingBackend(ended: (uid: string) => boolean) {
  const calls: RecordedCall[] = [];
  const state: { target?: RtmNamespaceLike } = {};
  const wrap = <T extends object>(object: T, prefix: string, uid: () => string | undefined): T =>
    new Proxy(object, {
      get(o, prop) {
        const value: unknown = Reflect.get(o, prop);
        if (typeof value !== 'function') return value;
        // Listener methods are not recorded; they run on the object itself, whose emitter keeps its
        // registrations in private fields a Proxy receiver cannot reach.
        if (LISTENER_METHODS.has(prop)) return (value as (...a: unknown[]) => unknown).bind(o);
        return (...args: unknown[]) => {
          const who = uid();
          calls.push({ uid: who, method: `${prefix}${String(prop)}`, afterLogout: who !== undefined && prop !== 'logout' && ended(who) });
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(o, args);
          if (FACTORIES.has(prop) && typeof result === 'object' && result !== null) {
            return wrap(result, prop === 'createChannel' ? 'channel.' : 'invitation.', uid);
          }
          return result;
        };
      },
      set: (o, prop, value) => Reflect.set(o, prop, value),
    });
  const namespace = {
    createInstance(appId: string, config?: unknown) {
      if (!state.target) throw new Error('recordingBackend: no target backend yet');
      const client = state.target.createInstance(appId, config as never);
      let uid: string | undefined;
      const recorded = wrap(client, '', () => uid);
      const login = client.login.bind(client);
      // Learn the uid at login, before the call is recorded.
      return new Proxy(recorded, {
        get(o, prop) {
          if (prop !== 'login') return Reflect.get(o, prop);
          return (options: { uid: string; token?: string }) => {
            uid = options.uid;
            calls.push({ uid, method: 'login', afterLogout: ended(uid) });
            return login(options);
          };
        },
        set: (o, prop, value) => Reflect.set(o, prop, value),
      });
    },
  } as unknown as RtmNamespaceLike;
  return {
    namespace,
    calls,
    set target(backend: RtmNamespaceLike) {
      state.target = backend;
    },
  };
}
