import type { ReceivedMessageProperties } from '../../rtm/types';
import type { Emit } from './clientEmit';
import { FakeRemoteInvitation } from './FakeRemoteInvitation';
import type { InvitationPort, LocalInvitationEndpoint, RemoteInvitationEndpoint } from './InvitationPort';
import type { InvitationSignal } from '../server/wire';

/** The callId of the legacy end-call signal (docs/reference/rtm1-web-sdk.md §4.9). */
export const END_CALL_CALL_ID = '0';

/**
 * One client's incoming invitation signals (docs/reference/rtm1-web-sdk.md §4.7 wire model): a new invite becomes a
 * RemoteInvitation, answers and cancels go to the invitation with that peer and callId, and the
 * end-call signal (callId "0") surfaces as a text message (docs/reference/rtm1-web-sdk.md §4.9).
 */
export class InvitationRouter {
  readonly #port: InvitationPort;
  readonly #emit: Emit;
  readonly #endCallPrefix: string;
  readonly #local = new Map<string, LocalInvitationEndpoint>();
  readonly #remote = new Map<string, RemoteInvitationEndpoint>();

  constructor(port: InvitationPort, emit: Emit, endCallPrefix: string) {
    this.#port = port;
    this.#emit = emit;
    this.#endCallPrefix = endCallPrefix;
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
        const invitation = new FakeRemoteInvitation(this.#port, invite, (endpoint) => this.#remote.set(key, endpoint));
        this.#emit('RemoteInvitationReceived', invitation);
        return;
      }
      case 'cancel':
        if (signal.callId === END_CALL_CALL_ID) {
          const text = `${this.#endCallPrefix}_${signal.channelId}_${signal.content}`;
          this.#emit('MessageFromPeer', { text, messageType: 'TEXT' }, from, props);
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
