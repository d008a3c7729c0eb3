import type { ReceivedMessageProperties } from '../../rtm/types';
import type { ClientCore } from './ClientCore';
import { FakeRemoteInvitation } from './FakeRemoteInvitation';
import type { InvitationSignal } from '../server/wire';

/** The callId of the legacy end-call signal (docs/reference/rtm1-web-sdk.md §4.9). */
export const END_CALL_CALL_ID = '0';

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

/**
 * One client's incoming invitation signals (docs/reference/rtm1-web-sdk.md §4.7 wire model): a new invite becomes a
 * RemoteInvitation, answers and cancels go to the invitation with that peer and callId, and the
 * end-call signal (callId "0") surfaces as a text message (docs/reference/rtm1-web-sdk.md §4.9).
 */
export class InvitationRouter {
  readonly #core: ClientCore;
  readonly #local = new Map<string, LocalInvitationEndpoint>();
  readonly #remote = new Map<string, RemoteInvitationEndpoint>();

  constructor(core: ClientCore) {
    this.#core = core;
  }

  trackLocal(calleeId: string, callId: string, invitation: LocalInvitationEndpoint): void {
    this.#local.set(invitationKey(calleeId, callId), invitation);
  }

  /** At logout: no invitation of this client keeps a timer, and none is remembered. */
  halt(): void {
    for (const endpoint of this.#local.values()) endpoint.halt();
    for (const endpoint of this.#remote.values()) endpoint.halt();
    this.#local.clear();
    this.#remote.clear();
  }

  receive(signal: InvitationSignal, from: string, props: ReceivedMessageProperties): void {
    const key = invitationKey(from, signal.callId);
    switch (signal.kind) {
      case 'invite': {
        // docs/reference/rtm1-web-sdk.md §4.7: a duplicate invite (same callId) is ignored while the first is tracked.
        if (this.#remote.has(key)) return;
        const invite = { callerId: from, callId: signal.callId, channelId: signal.channelId, content: signal.content };
        const invitation = new FakeRemoteInvitation(this.#core, invite, (endpoint) => this.#remote.set(key, endpoint));
        this.#core.emit('RemoteInvitationReceived', invitation);
        return;
      }
      case 'cancel':
        if (signal.callId === END_CALL_CALL_ID) {
          const text = `${this.#core.endCallPrefix}_${signal.channelId}_${signal.content}`;
          this.#core.emit('MessageFromPeer', { text, messageType: 'TEXT' }, from, props);
        } else {
          this.#remote.get(key)?.receiveCancel(signal.content);
        }
        return;
      case 'acceptAck':
        this.#remote.get(key)?.receiveAcceptAck();
        return;
      case 'accept':
        this.#local.get(key)?.receiveAccept(signal.response);
        return;
      case 'refuse':
        this.#local.get(key)?.receiveRefuse(signal.response);
        return;
    }
  }
}

const invitationKey = (peerId: string, callId: string): string => JSON.stringify([peerId, callId]);
