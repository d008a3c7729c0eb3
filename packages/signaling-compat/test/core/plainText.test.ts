import { describe, expect, it } from 'vitest';
import { END_CALL_PREFIX, decodeMessage, encodeControl, encodePayload, plainText } from '../../src/core/payload';
import type { RtmMessage } from '../../src/rtm/types';

const encoded = (payload: unknown): RtmMessage => {
  const result = encodePayload(payload);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('plainText, the received-message fast path', () => {
  it('reads an ordinary text message as decodeMessage does', () => {
    for (const message of [encoded('hello'), { text: '' }, { text: 'hi', messageType: 'TEXT' } as RtmMessage]) {
      expect(plainText(message)).toBe(message.text);
      expect(decodeMessage(message)).toEqual({ kind: 'payload', payload: message.text });
    }
  });

  it('leaves to decodeMessage every message that is not plain text', () => {
    const others: RtmMessage[] = [
      encoded({ a: 1 }),
      encodeControl({ type: 'dtmf', channel: 'call-1', data: '5' }),
      { text: `${END_CALL_PREFIX}_call-1_bye` },
      // Starts like the end-call prefix without being one: decodeMessage still decides (plain text).
      { text: `${END_CALL_PREFIX}x` },
      { text: 42 } as unknown as RtmMessage,
    ];
    for (const message of others) expect(plainText(message)).toBeUndefined();
    expect(decodeMessage(others[0]!)).toEqual({ kind: 'payload', payload: { a: 1 } });
    expect(decodeMessage(others[1]!).kind).toBe('control');
    expect(decodeMessage(others[2]!).kind).toBe('end-call');
    expect(decodeMessage(others[3]!)).toEqual({ kind: 'payload', payload: `${END_CALL_PREFIX}x` });
  });
});
