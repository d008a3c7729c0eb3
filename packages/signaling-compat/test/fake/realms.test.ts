import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { nameAndCode, rejection } from '../contract/testKit';
import { APP_ID, setup } from './env';

/** Objects as a second frame (an iframe, a jsdom window) with its own shim would make them. */
const fromOtherRealm = <T>(source: string): T => runInNewContext(`(${source})`) as T;

describe('one in-page FakeRtm shared by several frames', () => {
  it("takes another realm's plain objects: login options, messages, attribute maps", async () => {
    const { rtm } = setup();
    const alice = rtm.createInstance(APP_ID, fromOtherRealm('{}'));
    await alice.login(fromOtherRealm('{ uid: "alice" }'));
    expect(alice.connectionState).toBe('CONNECTED');
    await expect(alice.sendMessageToPeer(fromOtherRealm('{ text: "hi" }'), 'bob')).resolves.toEqual({
      hasPeerReceived: false,
    });
    await alice.setLocalUserAttributes(fromOtherRealm('{ k: "v" }'));
    await alice.setChannelAttributes('room', fromOtherRealm('{ k: "v" }'));
    await expect(alice.getChannelAttributesByKeys('room', ['k'])).resolves.toMatchObject({ k: { value: 'v' } });
  });

  it('still refuses what the SDK refuses in every realm: null-prototype objects and class instances', async () => {
    const { rtm } = setup();
    const client = rtm.createInstance(APP_ID);
    const bare = Object.assign(Object.create(null) as object, { uid: 'alice' });
    expect(nameAndCode(await rejection(client.login(bare as never)))).toEqual(['RtmInvalidArgumentError', 3]);
    class Options {
      uid = 'alice';
    }
    expect(nameAndCode(await rejection(client.login(new Options())))).toEqual(['RtmInvalidArgumentError', 3]);
    expect(nameAndCode(await rejection(client.login(fromOtherRealm('Object.create(null)'))))).toEqual([
      'RtmInvalidArgumentError',
      3,
    ]);
  });
});
