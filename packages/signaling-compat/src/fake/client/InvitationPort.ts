import type { ConnectionState, RtmMethodName } from '../../rtm/types';
import type { RtmError } from '../../rtm/rtm1/errors';
import type { InvitationTiming } from '../../rtm/rtm1/limits';
import type { Network } from '../server/Network';
import type { InvitationSignal } from '../server/wire';

/** How a caller's LocalInvitation hears the callee's answers. */
export interface LocalInvitationEndpoint {
  receiveAccept(response: string): void;
  receiveRefuse(response: string): void;
  /** The client logged out: stop every timer, silently. */
  halt(): void;
}

/** How a callee's RemoteInvitation hears from the caller. */
export interface RemoteInvitationEndpoint {
  receiveCancel(content: string): void;
  receiveAcceptAck(): void;
  /** The client logged out: stop every timer, silently. */
  halt(): void;
}

/** The invitation calls the ledger counts and can fail (`failNext`). */
export type InvitationMethod = Extract<RtmMethodName, `invitation.${string}`>;

/**
 * All an invitation may see of its client (docs/reference/rtm1-web-sdk.md §4.7): the SDK's timings, whether the client
 * is logged in, the clock, the test ledger, and the wire for invitation signals. The client
 * implements it; invitations depend on nothing else of the client.
 */
export interface InvitationPort {
  readonly timing: InvitationTiming;
  /** The SDK creates its session at the first login and keeps it (NOT_LOGGEDIN vs UNKNOWN, cancel's codeless error). */
  readonly everLoggedIn: boolean;
  readonly state: ConnectionState;
  readonly net: Pick<Network, 'later' | 'cancel' | 'soon' | 'clock'>;
  count(method: InvitationMethod): void;
  /** The next `failNext` failure queued for `method`, consumed. */
  takeFault(method: InvitationMethod): RtmError | undefined;
  /** An invitation signal to a peer; `onReply(received)` gets the server's answer (false = peer offline). */
  sendSignal(peerId: string, signal: InvitationSignal, onReply?: (received: boolean) => void): void;
  /** A sent LocalInvitation starts hearing the callee's answers. */
  trackLocal(calleeId: string, callId: string, endpoint: LocalInvitationEndpoint): void;
}
