import type { Call } from '../../../src/legacy/web/Call';
import type { Channel } from '../../../src/legacy/web/Channel';
import type { Session } from '../../../src/legacy/web/Session';
import { CALL_CALLBACKS, CHANNEL_CALLBACKS, SESSION_CALLBACKS, watch, world, type Transcript } from '../../support/harness';
import type { Client } from './state';

/** The invitation timers are pushed out of reach: the model has no clock for them. */
const NO_INVITATION_EXPIRY = { invitation: { expiryMs: 1e12, offlineWindowMs: 1e12 } };

/**
 * The system under test: Web sessions of a, b and c on one Signal and one FakeRtm. Every callback
 * is recorded with a label that names its owner: `a.onX` (session), `a@r1.onX` (channel),
 * `a#c3.onX` (call 3), `a.sent` (a send result).
 */
export class System {
  readonly w = world({}, NO_INVITATION_EXPIRY);
  readonly sessions = new Map<Client, Session>();
  readonly channels = new Map<Client, Channel>();
  readonly outgoing = new Map<number, Call>();
  readonly incoming = new Map<number, Call>();
  /** Calls whose events are no longer checked. */
  readonly orphans = new Set<number>();
  /** Invitations on their way: `from>to@channel` → call id, so the callee's Call gets its label. */
  readonly #expected = new Map<string, number>();

  login(c: Client): Session {
    const session = this.w.signal.login(c, '_no_need_token');
    watch(session, SESSION_CALLBACKS.filter((name) => name !== 'onInviteReceived'), this.w.transcript, c);
    session.onInviteReceived = (call: Call) => {
      const key = `${call.peer}>${c}@${call.channelName}`;
      const id = this.#expected.get(key);
      this.#expected.delete(key);
      if (id !== undefined) this.incoming.set(id, call);
      const label = `${c}#c${id ?? '?'}`;
      this.w.transcript.push([`${label}.onInviteReceived`, call.channelName, call.peer, call.extra]);
      watch(call, CALL_CALLBACKS, this.w.transcript, label);
    };
    this.sessions.set(c, session);
    return session;
  }

  join(c: Client, ch: string): void {
    const channel = this.sessions.get(c)!.channelJoin(ch)!;
    watch(channel, CHANNEL_CALLBACKS, this.w.transcript, `${c}@${ch}`);
    this.channels.set(c, channel);
  }

  invite(from: Client, to: Client, ch: string, id: number, extra: string): void {
    this.#expected.set(`${from}>${to}@${ch}`, id);
    const call = this.sessions.get(from)!.channelInviteUser2(ch, to, extra);
    watch(call, CALL_CALLBACKS, this.w.transcript, `${from}#c${id}`);
    this.outgoing.set(id, call);
  }

  /** The call's object at `side`'s end. */
  call(id: number, side: 'caller' | 'callee'): Call {
    return (side === 'caller' ? this.outgoing : this.incoming).get(id)!;
  }

  /** Everything recorded since the last take, without the events of orphaned calls. */
  take(): Transcript {
    return this.w.take().filter(([label]) => {
      const id = /#c(\d+)\./.exec(String(label))?.[1];
      return id === undefined || !this.orphans.has(Number(id));
    });
  }
}
