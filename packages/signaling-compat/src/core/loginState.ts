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

/** Logged in, dropped or restored. */
export function movedTo(state: LoginState, phase: LivePhase): LoginState {
  return state.kind === 'live' ? { ...state, phase } : state;
}

/** `logout()` was called; the login ends once whatever is under way settles. */
export function logoutAsked(state: LoginState): LoginState {
  return state.kind === 'live' ? { ...state, logoutRequested: true } : state;
}

/** A re-login of the RTM client starts: its connection-state changes are expected, not the app's. */
export function reloginStarted(state: LoginState): LoginState {
  return state.kind === 'live' ? { ...state, relogging: true } : state;
}

export function reloginDone(state: LoginState): LoginState {
  return state.kind === 'live' ? { ...state, relogging: false } : state;
}

/** Logged out (any reason) or failed to log in. */
export function ended(phase: 'logged-out' | 'failed'): LoginState {
  return { kind: 'ended', phase };
}
