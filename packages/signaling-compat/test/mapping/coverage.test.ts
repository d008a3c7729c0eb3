import { describe, expect, it } from 'vitest';
import { RESULT_CALLBACKS } from '../support/callbacks';
import { world } from '../support/harness';
import { mappedMembers, publicMembers } from './members';

/**
 * The mapping table and the real dialect objects must agree both ways: every public member of a
 * legacy object has an entry, and every entry names a member that exists.
 */
describe('mapping table ↔ Web dialect objects', () => {
  it('Signal, Session, Channel and Call expose exactly the mapped members', async () => {
    const w = world();
    const session = await w.login('alice');
    const channel = session.channelJoin('room')!;
    const call = session.channelInviteUser2('c', 'bob', '');
    await w.flush();
    // One Signal object serves the Web and the Server dialect (`login` decides which session it makes).
    const signalMembers = [...new Set([...mappedMembers('web', 'Signal'), ...mappedMembers('server', 'Signal')])].sort();
    expect(publicMembers(w.signal)).toEqual(signalMembers);
    expect(publicMembers(session)).toEqual(mappedMembers('web', 'Session'));
    expect(publicMembers(channel)).toEqual(mappedMembers('web', 'Channel'));
    expect(publicMembers(call)).toEqual(mappedMembers('web', 'Call'));
  });

  it('the factory carries the mapped statics', async () => {
    const { Signal } = await import('../../src/legacy/Signal');
    for (const member of mappedMembers('web', 'Signal', { statics: true })) {
      if (member === 'Signal') continue;
      expect(typeof (Signal as unknown as Record<string, unknown>)[member]).toBe('function');
    }
  });
});

describe('mapping table ↔ Server and native dialect objects', () => {
  it('LoginSession, Channel, Call and the callback classes expose exactly the mapped members', async () => {
    const w = world();
    const session = w.signal.login('alice', '_no_need_token', {});
    await w.flush();
    const channel = session.channelJoin('room', {});
    const call = session.channelInviteUser2('c', 'bob', '', {});
    await w.flush();
    expect(publicMembers(session)).toEqual(mappedMembers('server', 'LoginSession'));
    expect(publicMembers(channel)).toEqual(mappedMembers('server', 'Channel'));
    expect(publicMembers(call)).toEqual(mappedMembers('server', 'Call'));
    const { Signal } = await import('../../src/legacy/Signal');
    const classes = Signal as unknown as Record<string, new () => object>;
    for (const owner of ['LoginCallback', 'ChannelCallback', 'CallCallback', 'MessageCallback', 'UserAttrCallback']) {
      const legacy = publicMembers(new classes[owner]!()).filter((m) => !RESULT_CALLBACKS.includes(m));
      expect(legacy, owner).toEqual(mappedMembers('server', owner));
    }
  });

  it('AgoraAPI exposes exactly the mapped methods', async () => {
    const { AgoraAPI } = await import('../../src/legacy/native/AgoraAPI');
    const w = world();
    const api = AgoraAPI.getInstance('0123456789abcdef0123456789abcdef', { rtm: w.rtm });
    expect(publicMembers(api)).toEqual(mappedMembers('native', 'AgoraAPI'));
    for (const member of mappedMembers('native', 'AgoraAPI', { statics: true })) {
      const holder = member === 'getInstance' ? AgoraAPI : await import('../../src/legacy/native/AgoraAPI');
      expect(typeof (holder as Record<string, unknown>)[member], member).toBe('function');
    }
    api.destroy();
  });
});
