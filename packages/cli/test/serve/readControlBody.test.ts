import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { ControlError } from '../../src/serve/controls';
import { MAX_CONTROL_BODY_BYTES, readControlBody } from '../../src/serve/readControlBody';

/** A request body that arrives as exactly these chunks. */
const body = (...chunks: Buffer[]) => Readable.from(chunks);

test('a multi-byte character split across two chunks is read whole', async () => {
  const bytes = Buffer.from(JSON.stringify({ uid: 'zoë-日本' }), 'utf8');
  const inside = bytes.indexOf(Buffer.from('日', 'utf8')) + 1; // after the first of its three bytes
  expect(await readControlBody(body(bytes.subarray(0, inside), bytes.subarray(inside)))).toEqual({ uid: 'zoë-日本' });
});

test('the size bound counts bytes, not characters', async () => {
  // Fewer characters than the bound, twice as many bytes: each `é` is two bytes of UTF-8.
  const text = JSON.stringify({ note: 'é'.repeat(MAX_CONTROL_BODY_BYTES / 2) });
  const bytes = Buffer.from(text, 'utf8');
  expect([text.length < MAX_CONTROL_BODY_BYTES, bytes.length > MAX_CONTROL_BODY_BYTES]).toEqual([true, true]);
  const half = bytes.length >> 1;
  await expect(readControlBody(body(bytes.subarray(0, half), bytes.subarray(half)))).rejects.toThrow(new ControlError('control body too large'));
  const ascii = Buffer.from(JSON.stringify({ note: 'e'.repeat(MAX_CONTROL_BODY_BYTES - 16) }), 'utf8');
  expect(await readControlBody(body(ascii))).toEqual({ note: 'e'.repeat(MAX_CONTROL_BODY_BYTES - 16) });
});

test('an empty body is an empty object; anything but a JSON object is refused', async () => {
  expect(await readControlBody(body())).toEqual({});
  await expect(readControlBody(body(Buffer.from('[1]')))).rejects.toThrow(new ControlError('body must be a JSON object'));
  await expect(readControlBody(body(Buffer.from('{oops')))).rejects.toThrow(SyntaxError);
});
