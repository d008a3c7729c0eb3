/**
 * The lifecycle of one login as one value. A live login is logging in, logged in or reconnecting
 * (the phases dialects number: Web 1/2/3, Server 1/2/1); it may have a logout asked for that is not
 * done yet (a login attempt still settling, or the logout's asynchronous end), or a re-login of its
 * RTM client under way that the app must not see. An ended login stays ended: nothing moves it.
 */
export type LivePhase = 'logging-in' | 'logged-in' | 'reconnecting';

export type LoginState =
  | { readonly kind: 'live'; readonly phase: LivePhase; readonly logoutRequested: boolean; readonly relogging: boolean }
  | { readonly kind: 'ended'; readonly phase: 'logged-out' | 'failed' };

export const LOGGING_IN: LoginState = { kind: 'live', phase: 'logging-in', logoutRequested: false, relogging: false };

type Live = Extract<LoginState, { kind: 'live' }>;

/**
 * A live login moves: logged in, dropped or restored (`phase`), a logout asked for
 * (`logoutRequested`), a re-login of its RTM client started or done (`relogging`, during which its
 * connection-state changes are expected, not the app's). An ended login stays as it is.
 */
export function moved(state: LoginState, change: Partial<Omit<Live, 'kind'>>): LoginState {
  return state.kind === 'live' ? { ...state, ...change } : state;
}

/** Logged out (any reason) or failed to log in. */
export function ended(phase: 'logged-out' | 'failed'): LoginState {
  return { kind: 'ended', phase };
}
