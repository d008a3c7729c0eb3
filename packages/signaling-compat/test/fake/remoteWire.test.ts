import { describe, expect, test } from 'vitest';
import { fakeRtmWire } from '../../src/fake';

const { decodeValue, encodeValue, parseClientFrame, parseServerFrame, MAX_FRAME_BYTES } = fakeRtmWire;
const roundTrip = (value: unknown) => decodeValue(JSON.parse(JSON.stringify(encodeValue(value))));

describe('the fake RTM wire', () => {
  test('values survive the JSON round trip: bytes, left-out arguments, nesting', () => {
    const message = { rawMessage: new Uint8Array([0, 1, 254, 255]), description: 'd' };
    expect(roundTrip([message, 'bob'])).toEqual([message, 'bob']);
    expect(roundTrip(['room', { a: '1' }, undefined])).toEqual(['room', { a: '1' }, undefined]);
    expect(roundTrip({ nested: [{ deep: new Uint8Array(70_000).fill(7) }] })).toEqual({
      nested: [{ deep: new Uint8Array(70_000).fill(7) }],
    });
  });

  test('data shaped like a marker stays data', () => {
    const attributes = { $bytes: 'AAAA', $undefined: 'true', $$x: 'y', plain: '1' };
    expect(roundTrip(attributes)).toEqual(attributes);
    expect(roundTrip({ $bytes: 'AAAA' })).toEqual({ $bytes: 'AAAA' });
    expect(() => decodeValue({ $evil: 1, other: 2 })).toThrow('unknown wire marker $evil');
  });

  test('frames are checked field by field', () => {
    expect(parseClientFrame('{"v":1,"t":"ping","n":1,"ack":0,"id":3}')).toMatchObject({ ok: true });
    for (const [text, message] of [
      ['{"v":1,"t":"ping","n":-1,"ack":0,"id":3}', 'frame needs counters n and ack'],
      ['{"v":1,"t":"call","n":1,"ack":0,"id":3,"on":"c1","method":"__proto__","args":[]}', 'call.method must be a method name'],
      ['{"v":1,"t":"call","n":1,"ack":0,"id":3,"on":"../x","method":"login","args":[]}', 'call.on must be a handle'],
      ['{"v":1,"t":"new","n":1,"ack":0,"id":3,"handle":"c1","kind":"server","args":[]}', 'unknown object kind server'],
      ['{"v":1,"t":"new","n":1,"ack":0,"id":3,"handle":"h1","kind":"channel","args":["x"]}', 'new.of must name the client'],
      ['{"v":1,"t":"control","n":1,"ack":0,"id":3,"name":"kick","body":[]}', 'control.body must be an object'],
      ['{"v":1,"t":"hello","n":0,"ack":0,"ns":"rtm1","resume":5}', 'hello.resume must be a session id'],
    ]) {
      expect(parseClientFrame(text), text).toMatchObject({ ok: false, message });
    }
    expect(parseClientFrame(`"${'x'.repeat(MAX_FRAME_BYTES)}"`)).toMatchObject({ ok: false });
    expect(parseServerFrame('{"v":1,"t":"event","n":1,"ack":0,"on":"c1","event":"X"}')).toMatchObject({ ok: false });
    expect(parseServerFrame('{"v":1,"t":"pong","n":1,"ack":0,"id":1}')).toMatchObject({ ok: true });
  });
});
