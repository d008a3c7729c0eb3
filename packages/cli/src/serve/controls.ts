import type { FakeRtm, FakeRtm2, Rtm2MethodName, RtmErrorName } from 'signaling-compat/fake';
import type { WireSession } from './WireSession';

/**
 * The hosted FakeRtm's test controls, reached over HTTP (`POST /control/<name>` with a JSON body)
 * or the wire (`connectFakeRtm(url).control(name, body)`). Not part of RTM; see signaling-compat's
 * docs/remote-fake.md. `dropConnection` is the server's own: it cuts the WebSockets of the sessions
 * a user is logged in through, as a network failure would.
 */
export type ControlBody = Record<string, unknown>;

/** Methods whose failure the app must see synchronously: `failNext` cannot reach them over a socket. */
const SYNCHRONOUS_METHODS = new Set([
  'createChannel',
  'createLocalInvitation',
  'invitation.send',
  'invitation.cancel',
  'invitation.accept',
  'invitation.refuse',
]);

export class ControlError extends Error {}

const text = (body: ControlBody, key: string): string => {
  const value = body[key];
  if (typeof value !== 'string') throw new ControlError(`"${key}" must be a string`);
  return value;
};

const optional = (body: ControlBody, key: string): string | undefined =>
  body[key] === undefined ? undefined : text(body, key);

export async function runControl(
  name: string,
  body: ControlBody,
  rtm: FakeRtm,
  sessions: Iterable<WireSession>,
): Promise<unknown> {
  switch (name) {
    case 'disconnect':
      return rtm.disconnect(text(body, 'uid'));
    case 'reconnect':
      return rtm.reconnect(text(body, 'uid'));
    case 'kick':
      return rtm.kick(text(body, 'uid'), optional(body, 'reason') as 'REMOTE_LOGIN' | 'BANNED_BY_SERVER' | undefined);
    case 'expireToken':
      return rtm.expireToken(text(body, 'uid'), optional(body, 'phase') as 'warn' | 'expire' | undefined);
    case 'failNext': {
      const method = text(body, 'method');
      if (SYNCHRONOUS_METHODS.has(method)) {
        throw new ControlError(`failNext("${method}") is not available over the wire: that call is synchronous in the app`);
      }
      if (typeof body.code !== 'number') throw new ControlError('"code" must be a number');
      return rtm.failNext(method as Parameters<FakeRtm['failNext']>[0], body.code, optional(body, 'name') as never);
    }
    case 'stats':
      return rtm.stats();
    case 'resetStats':
      return rtm.resetStats();
    case 'flush':
      return rtm.flush();
    case 'advance':
      if (typeof body.ms !== 'number') throw new ControlError('"ms" must be a number');
      return rtm.advance(body.ms);
    case 'dropConnection':
      return dropConnections(text(body, 'uid'), sessions);
    default:
      throw new ControlError(`unknown control "${name}"`);
  }
}

/**
 * The hosted FakeRtm2's test controls (`POST /control/rtm2/<name>`, or `control(name, body)` of a
 * `connectFakeRtm2` namespace): FakeRtm2's own, with its 2.x method names for `failNext`
 * (`'publish'`, `'storage.setChannelMetadata'`…), plus the server's `dropConnection`.
 */
export async function runRtm2Control(
  name: string,
  body: ControlBody,
  rtm2: FakeRtm2,
  sessions: Iterable<{ uids: string[]; dropSocket(): void }>,
): Promise<unknown> {
  switch (name) {
    case 'disconnect':
      return rtm2.disconnect(text(body, 'uid'));
    case 'reconnect':
      return rtm2.reconnect(text(body, 'uid'));
    case 'kick':
      return rtm2.kick(text(body, 'uid'), optional(body, 'reason') as Parameters<FakeRtm2['kick']>[1]);
    case 'expireToken':
      return rtm2.expireToken(text(body, 'uid'), optional(body, 'phase') as 'warn' | 'expire' | undefined);
    case 'failNext':
      if (typeof body.code !== 'number') throw new ControlError('"code" must be a number');
      return rtm2.failNext(text(body, 'method') as Rtm2MethodName, body.code, optional(body, 'name') as RtmErrorName | undefined);
    case 'stats':
      return rtm2.stats();
    case 'resetStats':
      return rtm2.resetStats();
    case 'flush':
      return rtm2.flush();
    case 'advance':
      if (typeof body.ms !== 'number') throw new ControlError('"ms" must be a number');
      return rtm2.advance(body.ms);
    case 'dropConnection':
      return dropConnections(text(body, 'uid'), sessions);
    default:
      throw new ControlError(`unknown control "${name}"`);
  }
}

function dropConnections(uid: string, sessions: Iterable<{ uids: string[]; dropSocket(): void }>): number {
  let dropped = 0;
  for (const session of sessions) {
    if (!session.uids.includes(uid)) continue;
    session.dropSocket();
    dropped++;
  }
  if (dropped === 0) throw new ControlError(`no connection has "${uid}" logged in`);
  return dropped;
}
