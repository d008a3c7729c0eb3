import { accountUid } from '../../../src/core/ids';
import type { Transcript } from '../../support/harness';

export const CLIENTS = ['a', 'b', 'c'] as const;
export type Client = (typeof CLIENTS)[number];
export const CHANNELS = ['r1', 'r2'] as const;

export interface CallModel {
  id: number;
  from: Client;
  to: Client;
  channel: string;
  state: 'ringing' | 'answered' | 'over';
  /** A party logged out, dropped or was kicked: the call's later events are not checked. */
  orphan: boolean;
}

/**
 * What the legacy API promises, kept as simply as possible: who is logged in, who is in which
 * channel (in join order, as user lists report it), every channel's attributes, and the calls.
 * Commands read it to build the callbacks they must produce, then update it.
 */
export class Model {
  readonly status = new Map<Client, 'in' | 'out'>(CLIENTS.map((c) => [c, 'out']));
  readonly channel = new Map<Client, string | undefined>();
  readonly members = new Map<string, Client[]>(CHANNELS.map((ch) => [ch, []]));
  readonly attrs = new Map<string, Map<string, string>>(CHANNELS.map((ch) => [ch, new Map()]));
  readonly calls: CallModel[] = [];
  /** Numbers messages and calls, so every one is distinct. */
  serial = 0;

  isIn(c: Client): boolean {
    return this.status.get(c) === 'in';
  }

  /** Others in `c`'s channel, in join order. */
  peersInChannel(c: Client): Client[] {
    const ch = this.channel.get(c);
    return ch === undefined ? [] : this.members.get(ch)!.filter((m) => m !== c);
  }

  live(): CallModel[] {
    return this.calls.filter((call) => call.state !== 'over' && !call.orphan);
  }

  /** `c` leaves its channel in the model; the callbacks the others get for it. */
  leaveChannel(c: Client): Transcript {
    const ch = this.channel.get(c);
    if (ch === undefined) return [];
    const others = this.peersInChannel(c);
    this.members.set(ch, others);
    this.channel.delete(c);
    return others.map((m) => [`${m}@${ch}.onChannelUserLeaved`, c, accountUid(c)]);
  }

  /** `c` is gone (logout, drop, kick): out of its channel, its calls unchecked from now on. */
  gone(c: Client): Transcript {
    this.status.set(c, 'out');
    for (const call of this.calls) if (call.from === c || call.to === c) call.orphan = true;
    return this.leaveChannel(c);
  }
}

/** `[account, uid]`, as user lists carry it. */
export const entry = (c: Client): [string, number] => [c, accountUid(c)];

/**
 * A transcript split by owner (`a.onX`, `a@r1.onX`, `a#c3.onX` → `a`), each in its own order: the
 * order between clients is not defined, the order of one client's callbacks is.
 */
export function byOwner(transcript: Transcript): Record<string, Transcript> {
  const owners: Record<string, Transcript> = {};
  for (const event of transcript) (owners[String(event[0]).split(/[.@#]/)[0]!] ??= []).push(event);
  return owners;
}
