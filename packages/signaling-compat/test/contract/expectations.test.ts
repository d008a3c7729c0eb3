import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectDifference, KNOWN_DIFFERENCES, type DifferenceKey } from './expectations';
import { RTM2_DIFFERENCES } from './rtm2Expectations';

const cases = new URL('./cases/', import.meta.url);
const caseSources = readdirSync(cases).map((file) => readFileSync(new URL(file, cases), 'utf8'));

const leftAfterLogout = (left: boolean) => (left ? [['bob: MemberLeft', 'alice']] : []);

describe('contract expectations', () => {
  it('every known difference is asserted by a contract case', () => {
    const unasserted = Object.keys(KNOWN_DIFFERENCES).filter(
      (key) => !caseSources.some((source) => source.includes(`expectDifference(env().backend, '${key}'`)),
    );
    expect(unasserted).toEqual([]);
  });

  it('every entry says why, and the 2.x adapter answers only known questions', () => {
    for (const [key, difference] of Object.entries(KNOWN_DIFFERENCES)) expect(difference.reason, key).not.toBe('');
    for (const key of Object.keys(RTM2_DIFFERENCES)) expect(Object.keys(KNOWN_DIFFERENCES)).toContain(key);
  });

  it('a known value must be observed exactly: the other outcome fails', () => {
    expect(() => expectDifference('fake', 'othersSeeMemberLeftOnLogout', leftAfterLogout(true), leftAfterLogout)).not.toThrow();
    expect(() => expectDifference('fake', 'othersSeeMemberLeftOnLogout', [], leftAfterLogout)).toThrow(/othersSeeMemberLeftOnLogout on fake/);
  });

  it('an undetermined value accepts either documented outcome and nothing else', () => {
    const key: DifferenceKey = 'othersSeeMemberLeftOnRemoteLogin';
    expect(KNOWN_DIFFERENCES[key].real).toBe('undetermined');
    expect(() => expectDifference('real', key, leftAfterLogout(true), leftAfterLogout)).not.toThrow();
    expect(() => expectDifference('real', key, leftAfterLogout(false), leftAfterLogout)).not.toThrow();
    const twice = [...leftAfterLogout(true), ...leftAfterLogout(true)];
    expect(() => expectDifference('real', key, twice, leftAfterLogout)).toThrow(/one of the two documented outcomes/);
  });
});
