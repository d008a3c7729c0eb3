import type { Clock } from '../../rtm/clock';
import type { ConnectionState } from '../../rtm/types';
import { type Envelope, decodeEnvelope, encodeEnvelope } from './protocol';
import type { Rtm2LocalInvitation } from './Rtm2LocalInvitation';
import { PeerMemory } from './PeerMemory';
import { Rtm2RemoteInvitation } from './Rtm2RemoteInvitation';

/** How a publish of one envelope ended. */
export type SendOutcome = 'delivered' | 'offline' | 'failed';

/** What invitations need from their client. */
export interface InvitationHost {
  readonly clock: Clock;
  readonly state: ConnectionState;
  readonly everStarted: boolean;
  sendEnvelope(peerId: string, text: string): Promise<SendOutcome>;
  /** Emits `RemoteInvitationReceived` on the client. */
  received(invitation: Rtm2RemoteInvitation): void;
}

/** A seen INVITE or an early CANCEL is remembered this long (a reconnect can replay or reorder). */
const REMEMBER_MS = 120_000;
/** The hub's own call IDs remembered at most (the oldest go first beyond this). */
const MAX_REMEMBERED = 4_096;
/** ACCEPT_ACKs per call at most this often: a callee repeating ACCEPT cannot make this client flood. */
const ACK_SPACING_MS = 500;

/**
 * The invitations of one client: routes envelopes by (publisher, call ID), absorbs duplicate and
 * reordered envelopes, and ends every call object and timer at logout.
 */
export class InvitationHub {
  readonly host: InvitationHost;
  readonly #local = new Map<string, Rtm2LocalInvitation>();
  readonly #remote = new Map<string, Rtm2RemoteInvitation>();
  /** INVITEs already taken, and CANCELs that came before their INVITE, per publisher. */
  readonly #seen = new PeerMemory();
  readonly #canceledEarly = new PeerMemory();
  /** Accepted calls by ID: their callee may repeat ACCEPT until it has the ack (1.x re-acks each). */
  readonly #accepted = new Map<string, { calleeId: string; at: number }>();
  readonly #lastAck = new Map<string, number>();
  #next = 0;
  readonly #prefix = Math.random().toString(36).slice(2, 10);

  constructor(host: InvitationHost) {
    this.host = host;
  }

  newCallId(): string {
    this.#next += 1;
    return `${this.#prefix}-${this.#next}`;
  }

  track(invitation: Rtm2LocalInvitation): void {
    this.#local.set(invitation.callId, invitation);
  }

  forget(invitation: Rtm2LocalInvitation | Rtm2RemoteInvitation): void {
    if ('calleeId' in invitation) {
      this.#local.delete(invitation.callId);
      if (invitation.state === 'ACCEPTED_BY_REMOTE') {
        this.#accepted.set(invitation.callId, { calleeId: invitation.calleeId, at: this.host.clock.now() });
      }
    } else {
      this.#remote.delete(key(invitation.callerId, invitation.callId));
    }
  }

  send(peerId: string, envelope: Envelope): Promise<SendOutcome> {
    return this.host.sendEnvelope(peerId, encodeEnvelope(envelope));
  }

  /** An `rtm1.inv` USER message from `publisher` (the server-set sender). */
  receive(publisher: string, message: unknown): void {
    const envelope = decodeEnvelope(message);
    if (!envelope) return;
    this.#prune();
    const remoteKey = key(publisher, envelope.id);
    switch (envelope.t) {
      case 'INVITE': {
        if (this.#seen.has(publisher, envelope.id)) return;
        this.#seen.remember(publisher, envelope.id, this.host.clock.now());
        if (this.#canceledEarly.delete(publisher, envelope.id)) return;
        const invitation = new Rtm2RemoteInvitation(this, publisher, envelope);
        this.#remote.set(remoteKey, invitation);
        this.host.received(invitation);
        return;
      }
      case 'CANCEL': {
        const invitation = this.#remote.get(remoteKey);
        if (invitation) invitation.canceledByCaller(envelope.c ?? '');
        else if (!this.#seen.has(publisher, envelope.id)) this.#canceledEarly.remember(publisher, envelope.id, this.host.clock.now());
        return;
      }
      case 'ACCEPT_ACK':
        this.#remote.get(remoteKey)?.acked();
        return;
      case 'ACCEPT':
      case 'REFUSE': {
        const invitation = this.#local.get(envelope.id);
        if (!invitation && envelope.t === 'ACCEPT' && this.#accepted.get(envelope.id)?.calleeId === publisher) {
          this.ack(publisher, envelope.id);
          return;
        }
        // Only the callee may answer: a publisher other than the callee is ignored (no spoofing).
        if (!invitation || invitation.calleeId !== publisher) return;
        if (envelope.t === 'ACCEPT') invitation.acceptedByCallee(envelope.r ?? '');
        else invitation.refusedByCallee(envelope.r ?? '');
        return;
      }
    }
  }

  /** ACCEPT_ACK for `callId`, at most once per ACK_SPACING_MS. */
  ack(calleeId: string, callId: string): void {
    const now = this.host.clock.now();
    const last = this.#lastAck.get(callId);
    if (last !== undefined && now - last < ACK_SPACING_MS) return;
    remember(this.#lastAck, callId, now);
    void this.send(calleeId, { v: 1, t: 'ACCEPT_ACK', id: callId });
  }

  /** Logout: every call stops where it is, silently, with its timers. */
  close(): void {
    for (const invitation of [...this.#local.values(), ...this.#remote.values()]) invitation.detach();
    this.#local.clear();
    this.#remote.clear();
    this.#seen.clear();
    this.#canceledEarly.clear();
    this.#accepted.clear();
    this.#lastAck.clear();
  }

  #prune(): void {
    const now = this.host.clock.now();
    this.#seen.prune(now, REMEMBER_MS);
    this.#canceledEarly.prune(now, REMEMBER_MS);
    for (const [callId, at] of this.#lastAck) if (now - at >= REMEMBER_MS) this.#lastAck.delete(callId);
    for (const [id, { at }] of this.#accepted) if (now - at >= REMEMBER_MS) this.#accepted.delete(id);
  }
}

const key = (publisher: string, id: string): string => `${publisher}\u0000${id}`;

function remember(map: Map<string, number>, entry: string, at: number): void {
  map.delete(entry);
  map.set(entry, at);
  if (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value as string);
}
