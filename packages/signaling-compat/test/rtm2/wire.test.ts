import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from '../../src/rtm2/invitations/protocol';
import { CUSTOM_TYPE, decodeKey, decodeMessage, encodeKey, encodeMessage, isRtm2Id } from '../../src/rtm2/wire';

describe('1.x messages as 2.x publishes', () => {
  it('round-trips TEXT (empty too), RAW with and without a description', () => {
    const messages = [
      { text: 'hello', messageType: 'TEXT' as const },
      { text: '', messageType: 'TEXT' as const },
      { rawMessage: new Uint8Array([1, 2, 3]), description: '', messageType: 'RAW' as const },
      { rawMessage: new Uint8Array([4]), description: 'json é', messageType: 'RAW' as const },
    ];
    for (const message of messages) {
      const { message: body, customType } = encodeMessage(message);
      // 2.x refuses an empty string (docs/reference/rtm2-web-sdk.md §2.7).
      expect(body === '').toBe(false);
      expect(decodeMessage(body, customType)).toEqual(message);
    }
    expect(encodeMessage({ text: 'plain' })).toEqual({ message: 'plain', customType: '' });
  });

  it('gives nothing for adapter traffic and for frames that do not decode', () => {
    expect(decodeMessage('{"v":1}', CUSTOM_TYPE.invitation)).toBeUndefined();
    expect(decodeMessage('p', CUSTOM_TYPE.ping)).toBeUndefined();
    expect(decodeMessage(new Uint8Array([0, 0, 0, 9, 1]), CUSTOM_TYPE.raw)).toBeUndefined();
    expect(decodeMessage(new Uint8Array([0, 0]), CUSTOM_TYPE.raw)).toBeUndefined();
    expect(decodeMessage(new Uint8Array([0, 0, 0, 1, 0xff]), CUSTOM_TYPE.raw)).toBeUndefined();
    expect(decodeMessage('text', CUSTOM_TYPE.raw)).toBeUndefined();
    expect(decodeMessage(42, '')).toBeUndefined();
  });
});

describe('attribute keys on 2.x', () => {
  it('keeps valid keys as they are and escapes the rest reversibly into the 2.x rule', () => {
    expect(encodeKey('color')).toBe('color');
    expect(encodeKey('_auto_update_num')).toBe('~5Fauto_update_num');
    expect(encodeKey('a.b')).toBe('a~2Eb');
    fc.assert(
      fc.property(fc.string({ maxLength: 10, unit: 'binary' }), (key) => {
        const encoded = encodeKey(key);
        if (encoded === undefined) return;
        if (key !== '') expect(isRtm2Id(encoded)).toBe(true);
        expect(decodeKey(encoded)).toBe(key);
      }),
    );
  });

  it('refuses a key whose escaped form is over 32 bytes', () => {
    expect(encodeKey('.'.repeat(11))).toBeUndefined();
  });
});

describe('the invitation envelope', () => {
  it('round-trips and refuses anything malformed without throwing', () => {
    const envelope = { v: 1, t: 'INVITE', id: 'a-1', ch: 'room', c: 'hi' } as const;
    expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
    const bad: unknown[] = [
      undefined,
      42,
      '',
      'not json',
      '[]',
      'null',
      '{"v":2,"t":"INVITE","id":"x"}',
      '{"v":1,"t":"RING","id":"x"}',
      '{"v":1,"t":"INVITE"}',
      '{"v":1,"t":"INVITE","id":""}',
      '{"v":1,"t":"INVITE","id":"x","c":5}',
      `{"v":1,"t":"INVITE","id":"${'x'.repeat(65)}"}`,
      'x'.repeat(50_000),
    ];
    for (const message of bad) expect(decodeEnvelope(message), String(message).slice(0, 30)).toBeUndefined();
  });
});
