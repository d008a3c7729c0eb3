import { describe, expect, it } from 'vitest';
import type { MemberEntry } from '../../src/core/ChannelHandle';
import { MemberList, SENDER_CACHE_SIZE, sharedSenderCache } from '../../src/core/MemberList';

/** IDs starting with `x` are not ones the shim writes; `decoded` counts the decodings. */
function list(): { members: MemberList; decoded: string[] } {
  const decoded: string[] = [];
  const members = new MemberList((id): MemberEntry | undefined => {
    decoded.push(id);
    return id.startsWith('x') ? undefined : [id, id.length];
  }, new Map());
  return { members, decoded };
}

describe('MemberList', () => {
  it('keeps members in the order they came, once each, and forgets those who left', () => {
    const { members } = list();
    expect(members.add('a')).toBe(true);
    expect(members.add('bb')).toBe(true);
    expect(members.add('a')).toBe(false);
    expect(members.add('x1')).toBe(true);
    expect(members.remove('a')).toBe(true);
    expect(members.remove('a')).toBe(false);
    expect(members.add('a')).toBe(true);
    expect(members.latest(200, 'me')).toEqual([
      ['bb', 2],
      ['a', 1],
      ['me', 2],
    ]);
    expect(members.entry('bb')).toEqual(['bb', 2]);
    expect(members.entry('x1')).toBeUndefined();
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

  it('decodes only the members it lists', () => {
    const { members, decoded } = list();
    for (let i = 0; i < 1000; i++) members.add(`m${i}`);
    expect(members.latest(200, 'me')).toHaveLength(200);
    expect(decoded).toHaveLength(200);
    expect(decoded[0]).toBe('me');
  });

  it('gives fresh lists: an app changing one does not change the next', () => {
    const { members } = list();
    members.add('a');
    members.senderEntry('a');
    const first = members.latest(200, 'me');
    first[0]![0] = 'changed';
    first.pop();
    expect(members.latest(200, 'me')).toEqual([
      ['a', 1],
      ['me', 2],
    ]);
  });

  it('decodes a sender once, whatever number of messages it sends', () => {
    const { members, decoded } = list();
    for (let i = 0; i < 10; i++) expect(members.senderEntry('a')).toEqual(['a', 1]);
    for (let i = 0; i < 10; i++) expect(members.senderEntry('x9')).toBeUndefined();
    expect(decoded).toEqual(['a', 'x9']);
  });

  it('caches at most SENDER_CACHE_SIZE senders, emptied when full', () => {
    const { members, decoded } = list();
    for (let i = 0; i < SENDER_CACHE_SIZE; i++) members.senderEntry(`s${i}`);
    members.senderEntry('s0');
    expect(decoded).toHaveLength(SENDER_CACHE_SIZE);
    // Full: the next new sender empties the cache, so s0 is decoded again.
    members.senderEntry('new');
    members.senderEntry('s0');
    expect(decoded.slice(-2)).toEqual(['new', 's0']);
    expect(decoded).toHaveLength(SENDER_CACHE_SIZE + 2);
    // Senders are not members.
    expect(members.latest(200, 'me')).toEqual([['me', 2]]);
  });

  it('shares one sender cache between the memberships of one ID codec', () => {
    expect(sharedSenderCache('strict')).toBe(sharedSenderCache('strict'));
    expect(sharedSenderCache('escape')).not.toBe(sharedSenderCache('strict'));
    const decoded: string[] = [];
    const decode = (id: string): MemberEntry => {
      decoded.push(id);
      return [id, 1];
    };
    const shared = new Map();
    const one = new MemberList(decode, shared);
    const other = new MemberList(decode, shared);
    one.senderEntry('a');
    expect(other.senderEntry('a')).toEqual(['a', 1]);
    expect(decoded).toEqual(['a']);
    // The cache holds senders, not members: the other list has no member "a".
    expect(other.latest(200, 'me')).toEqual([['me', 1]]);
  });
});
