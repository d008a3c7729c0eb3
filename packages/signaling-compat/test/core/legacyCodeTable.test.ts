import { expect, test } from 'vitest';
import { LegacyCode } from '../../src/index';
import { IAgoraAPI } from '../../src/legacy/native/IAgoraAPI';

test('the public LegacyCode table holds each name with its number, and no number → name entries', () => {
  expect(Object.keys(LegacyCode).every((name) => /^[A-Z][A-Z_]*$/.test(name))).toBe(true);
  expect(Object.values(LegacyCode).every((code) => typeof code === 'number')).toBe(true);
  expect(LegacyCode).toMatchObject({ SUCCESS: 0, LOGOUT_E_USER: 101, LOGIN_E_NET: 201, INVITE_E_TIMEOUT: 704, GENERAL_E_LARGE_PARAM: 1005 });
  expect(Object.keys(IAgoraAPI)).toEqual(Object.keys(LegacyCode).map((name) => `ECODE_${name}`));
});
