import { describe, expect, it } from 'vitest';
import { RTM2_ERROR_TABLE, toRtm1Error, type Rtm1Operation } from '../../src/rtm2';

const rtm2Error = (errorCode: number) =>
  Object.assign(new Error(`Error Code ${errorCode} - x`), { name: 'RtmUnavailableError', code: errorCode, errorCode, reason: 'x.' });

describe('the 2.x → 1.x error table', () => {
  const operations = Object.keys(RTM2_ERROR_TABLE) as Rtm1Operation[];

  it.each(operations)('%s: every listed 2.x code becomes its 1.x class and code', (operation) => {
    for (const [code, [name, rtm1Code]] of Object.entries(RTM2_ERROR_TABLE[operation].table)) {
      const error = toRtm1Error(operation, rtm2Error(Number(code)));
      expect([error.name, error.code], `${operation} ${code}`).toEqual([name, rtm1Code]);
      // The 2.x code stays readable in the 1.x message.
      expect(error.message).toContain(String(code));
      expect(error.message).toMatch(/^ Error Code \d+ - /);
    }
  });

  it.each(operations)('%s: not connected (−10025) is 1.x 102; an unlisted code is the generic failure', (operation) => {
    expect([toRtm1Error(operation, rtm2Error(-10025)).name, toRtm1Error(operation, rtm2Error(-10025)).code]).toEqual([
      'RtmInvalidStatusError',
      102,
    ]);
    const [name, code] = RTM2_ERROR_TABLE[operation].otherwise;
    const other = toRtm1Error(operation, rtm2Error(-15001));
    expect([other.name, other.code]).toEqual([name, code]);
  });

  it('keeps the legacy-relevant mappings: offline peer aside, login codes drive onLoginFailed', () => {
    const pick = (operation: Rtm1Operation, code: number) => {
      const error = toRtm1Error(operation, rtm2Error(code));
      return [error.name, error.code];
    };
    expect(pick('login', -10005)).toEqual(['RtmUnauthenticatedError', 5]); // → legacy 206
    expect(pick('login', -10009)).toEqual(['RtmUnauthenticatedError', 6]); // → legacy 204
    expect(pick('login', -10011)).toEqual(['RtmTimeoutError', 9]); // → legacy 201
    expect(pick('sendMessageToPeer', -11026)).toEqual(['RtmTimeoutError', 2]); // → legacy 401
    expect(pick('channel.join', -11005)).toEqual(['RtmLimitExceededError', 5]);
    expect(pick('attributes', -12006)).toEqual(['RtmLimitExceededError', 4]);
  });

  it('turns anything that is not an RTM error into the generic failure, without throwing', () => {
    for (const value of [undefined, null, 'boom', 42, {}, new TypeError('A.slice is not a function')]) {
      const error = toRtm1Error('login', value);
      expect([error.name, error.code]).toEqual(['RtmUnavailableError', 1]);
    }
  });
});
