import { describe, expect, it } from 'vitest';
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
    const { Signal } = await import('../../src/legacy/web/Signal');
    for (const member of mappedMembers('web', 'Signal', { statics: true })) {
      if (member === 'Signal') continue;
      expect(typeof (Signal as unknown as Record<string, unknown>)[member]).toBe('function');
    }
  });
});
