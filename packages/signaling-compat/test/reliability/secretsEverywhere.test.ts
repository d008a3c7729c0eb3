import { describe, expect, it } from 'vitest';
import type { RemoteInvitationLike, RtmNamespaceLike } from '../../src/rtm/types';
import { DIALECTS, dialectWorld, type DialectWorld } from './dialects';

const TOKEN = '007eJxTHISISTHESECRETRTMTOKEN';

/** RTM methods a session calls; every one in turn fails with an error that echoes the token. */
const METHODS = [
  'createChannel', 'channel.join', 'channel.getMembers', 'getChannelAttributes', 'channel.sendMessage', 'channel.leave',
  'sendMessageToPeer', 'addOrUpdateChannelAttributes', 'getChannelMemberCount', 'createLocalInvitation',
  'invitation.send', 'invitation.cancel', 'logout',
];

const REPORTED = new Set(['channel.join', 'sendMessageToPeer', 'invitation.send']);

/**
 * A backend whose `failing` method throws (synchronous creators, invitation methods) or rejects
 * with a message quoting the login's token, as some backends do.
 */
function echoingBackend(w: () => DialectWorld, failing: string): RtmNamespaceLike {
  const echo = () => Object.assign(new Error(`request with token ${TOKEN} was refused`), { name: 'RtmUnavailableError', code: 1 });
  const wrap = <T extends object>(object: T, prefix: string): T =>
    new Proxy(object, {
      get(o, prop) {
        const value: unknown = Reflect.get(o, prop);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const name = `${prefix}${String(prop)}`;
          const sync = name.startsWith('create') || name.startsWith('invitation.');
          if (name === failing) {
            if (sync) throw echo();
            return Promise.reject(echo());
          }
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(o, args);
          if (prop === 'createChannel') return wrap(result as object, 'channel.');
          if (prop === 'createLocalInvitation') return wrap(result as object, 'invitation.');
          return result;
        };
      },
      set: (o, prop, value) => Reflect.set(o, prop, value),
    });
  return {
    get clock() {
      return w().clock;
    },
    createInstance: (appId: string) => wrap(w().rtm.createInstance(appId), ''),
  } as unknown as RtmNamespaceLike;
}

describe.each(DIALECTS)('$name: a token echoed in any RTM error reaches no callback and no log line', (d) => {
  it.each(METHODS)('%s fails, quoting the token', async (failing) => {
    let w: DialectWorld | undefined;
    w = dialectWorld({ rtm: echoingBackend(() => w!, failing) });
    const world = w;
    world.signal.setDoLog(true, 'DEBUG');
    const peer = await world.rtmClient('peer');
    peer.on('RemoteInvitationReceived', (remote: RemoteInvitationLike) => remote.accept());
    const alice = d.login(world, 'alice', TOKEN);
    await world.flush();
    alice.join('room');
    await world.flush();
    alice.sendChannel('room', 'hello');
    alice.sendPeer('peer', 'hello');
    alice.setAttr('room', 'k', 'v');
    alice.setAttr('room', '_auto_update_num', '1');
    alice.call('peer', 'c1');
    await world.advance(100);
    alice.endCall();
    alice.call('peer', 'c2');
    await world.advance(2000);
    alice.endCall();
    await world.advance(2000);
    alice.logout();
    await world.advance(1000);
    expect(world.transcript.some(([name]) => name === 'alice.onLogout')).toBe(true);
    const said = JSON.stringify([world.logger.lines, world.transcript]);
    expect(said).not.toContain(TOKEN);
    // Where the failure is always reported, the redacted text shows the path really ran.
    if (REPORTED.has(failing)) expect(said).toContain('<token>');
  });
});
