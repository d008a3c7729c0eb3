import { describe, expect, it } from 'vitest';
import { UID_CACHE_SIZE, accountUid } from '../../src/core/ids';

/** FNV-1a over the UTF-8 bytes, written out plainly: the rule every shim client must agree on. */
function reference(account: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(account)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash || 1;
}

describe('accountUid', () => {
  it('is FNV-1a over UTF-8 for ASCII and non-ASCII accounts, first call and cached', () => {
    for (const account of ['alice', 'bob', '', '12345', 'zoë', '王小明', 'emoji 😀', 'a\u0080b']) {
      expect(accountUid(account)).toBe(reference(account));
      expect(accountUid(account)).toBe(reference(account));
    }
  });

  it('keeps giving the same uids while far more accounts than the cache holds pass through', () => {
    const accounts = Array.from({ length: 3 * UID_CACHE_SIZE + 7 }, (_, i) => `peer-${i}`);
    const first = accounts.map(accountUid);
    expect(accounts.map(accountUid)).toEqual(first);
    expect(first).toEqual(accounts.map(reference));
  });
});
