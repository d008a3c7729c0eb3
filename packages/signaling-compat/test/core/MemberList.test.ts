import { describe, expect, it } from 'vitest';
import type { MemberEntry } from '../../src/core/ChannelHandle';
import { MemberList, SENDER_CACHE_SIZE } from '../../src/core/MemberList';

/** IDs starting with `x` are not ones the shim writes; `decoded` counts the decodings. */
function list(): { members: MemberList; decoded: string[] } {
  const decoded: string[] = [];
  const members = new MemberList((id): MemberEntry | undefined => {
    decoded.push(id);
    return id.startsWith('x') ? undefined : [id, id.length];
  });
  return { members, decoded };
}

describe('MemberList', () => {
  it('keeps members in the order they came, once each, and forgets those who left', () => {
    const { members } = list();
    expect(members.add('a')).toEqual(['a', 1]);
    expect(members.add('bb')).toEqual(['bb', 2]);
    expect(members.add('a')).toBeUndefined();
    expect(members.add('x1')).toBeUndefined();
    expect(members.size).toBe(3);
    expect(members.remove('a')).toEqual(['a', 1]);
    expect(members.remove('a')).toBeUndefined();
    expect(members.has('a')).toBe(false);
    members.add('a');
    expect(members.latest(200, 'me')).toEqual([
      ['bb', 2],
      ['a', 1],
      ['me', 2],
    ]);
  });

  it('lists the latest members with self, self in place when a member, and never an unshown ID', () => {
    const { members } = list();
    for (const id of ['a', 'me', 'x1', 'b', 'c']) members.add(id);
    expect(members.latest(200, 'me')).toEqual([
      ['a', 1],
      ['me', 2],
      ['b', 1],
      ['c', 1],
    ]);
    expect(members.latest(2, 'me')).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
    expect(members.latest(3, 'zz')).toEqual([
      ['b', 1],
      ['c', 1],
      ['zz', 2],
    ]);
  });

  it('gives fresh lists: an app changing one does not change the next', () => {
    const { members } = list();
    members.add('a');
    const first = members.latest(200, 'me');
    first[0]![0] = 'changed';
    first.pop();
    expect(members.latest(200, 'me')).toEqual([
      ['a', 1],
      ['me', 2],
    ]);
  });

  it('decodes a member once, whatever number of messages it sends', () => {
    const { members, decoded } = list();
    members.add('a');
    for (let i = 0; i < 10; i++) expect(members.entryOf('a')).toEqual(['a', 1]);
    expect(decoded).toEqual(['a']);
  });

  it('caches senders that are not members, at most SENDER_CACHE_SIZE of them, emptied when full', () => {
    const { members, decoded } = list();
    members.entryOf('s0');
    members.entryOf('s0');
    expect(decoded).toEqual(['s0']);
    for (let i = 1; i < SENDER_CACHE_SIZE; i++) members.entryOf(`s${i}`);
    expect(decoded).toHaveLength(SENDER_CACHE_SIZE);
    // Full: the next new sender empties the cache, so s0 is decoded again.
    members.entryOf('new');
    members.entryOf('s0');
    expect(decoded.slice(-2)).toEqual(['new', 's0']);
    expect(members.entryOf('x9')).toBeUndefined();
    expect(members.size).toBe(0);
  });

  it('a sender that joins keeps its cached entry; one that leaves is still shown in its last event', () => {
    const { members, decoded } = list();
    members.entryOf('a');
    members.add('a');
    expect(decoded).toEqual(['a']);
    expect(members.remove('a')).toEqual(['a', 1]);
    expect(members.entryOf('a')).toEqual(['a', 1]);
  });
});
