import { describe, expect, it } from 'vitest';
import type { RtmMessage } from '../../../src/rtm/types';
import type { ContractCapabilities, EnvRef } from '../env';
import { expectDifference } from '../expectations';
import { loggedIn, nameAndCode, rejection, textOfBytes, Transcript } from '../testKit';

/** docs/reference/rtm1-web-sdk.md §1.2, §2.3 sendMessageToPeer / RtmChannel.sendMessage, docs/reference/rtm1-web-sdk.md §3.2, §3.5, §4.5, §4.6. */
export function messageCases(env: EnvRef, caps: ContractCapabilities): void {
  describe('peer messages', () => {
    it('delivers a TEXT message as a new normalised object and mutates the sender’s object', async () => {
      const [aliceId, bobId] = [env().id('alice'), env().id('bob')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const received: unknown[][] = [];
      bob.on('MessageFromPeer', (...args) => received.push(args));
      const message: RtmMessage = { text: 'hello' };
      expect(await alice.sendMessageToPeer(message, bobId)).toEqual({ hasPeerReceived: true });
      await env().flush();
      expect(received).toEqual([[{ text: 'hello', messageType: 'TEXT' }, aliceId, { serverReceivedTs: expect.any(Number) }]]);
      expect(received[0][0]).not.toBe(message);
      expect(message).toEqual({ text: 'hello', messageType: 'TEXT' });
    });

    it('delivers a RAW message with its description ("" when missing) and its own bytes', async () => {
      const [aliceId, bobId] = [env().id('alice'), env().id('bob')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const received: RtmMessage[] = [];
      bob.on('MessageFromPeer', (message) => received.push(message));
      const bytes = new Uint8Array([1, 2, 3]);
      const message: RtmMessage = { rawMessage: bytes };
      await alice.sendMessageToPeer(message, bobId);
      bytes[0] = 9;
      await alice.sendMessageToPeer({ rawMessage: new Uint8Array([4]), description: 'json' }, bobId);
      await env().flush();
      expect(message).toEqual({ rawMessage: bytes, description: '', messageType: 'RAW' });
      expect(received).toEqual([
        { rawMessage: new Uint8Array([1, 2, 3]), description: '', messageType: 'RAW' },
        { rawMessage: new Uint8Array([4]), description: 'json', messageType: 'RAW' },
      ]);
    });

    it('keeps the order of one sender’s messages', async () => {
      const [aliceId, bobId] = [env().id('alice'), env().id('bob')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const texts: unknown[] = [];
      bob.on('MessageFromPeer', (message) => texts.push(message.text));
      await Promise.all(['1', '2', '3', '4', '5'].map((text) => alice.sendMessageToPeer({ text }, bobId)));
      await env().flush();
      expect(texts).toEqual(['1', '2', '3', '4', '5']);
    });

    it('resolves hasPeerReceived:false for an offline peer and never delivers it later', async () => {
      const bobId = env().id('bob');
      const alice = await loggedIn(env(), env().id('alice'));
      expect(await alice.sendMessageToPeer({ text: 'anyone?' }, bobId)).toEqual({ hasPeerReceived: false });
      const bob = env().createClient();
      const t = new Transcript();
      bob.on('MessageFromPeer', t.on('MessageFromPeer'));
      await bob.login({ uid: bobId });
      await env().flush();
      expect(t.entries).toEqual([]);
    });

    it('never delivers a message to its own sender', async () => {
      const aliceId = env().id('alice');
      const alice = await loggedIn(env(), aliceId);
      const t = new Transcript();
      alice.on('MessageFromPeer', t.on('MessageFromPeer'));
      const result = await alice.sendMessageToPeer({ text: 'me' }, aliceId);
      await env().flush();
      expect(t.entries).toEqual([]);
      expectDifference(env().backend, 'selfPeerMessageAcked', result, (acked) => ({ hasPeerReceived: acked }));
    });

    it('checks the message shape first, even logged out (ArgErr 7), then the connection (102)', async () => {
      const client = env().createClient();
      const bobId = env().id('bob');
      for (const bad of ['hi', {}, { text: 'a', rawMessage: new Uint8Array(1) }, { text: 5 }, null]) {
        expect(nameAndCode(await rejection(client.sendMessageToPeer(bad as never, bobId)))).toEqual([
          'RtmInvalidArgumentError',
          7,
        ]);
      }
      // 102 comes before the end-call format, the rate limit and the peer ID.
      const malformedEndCall = { text: `${env().rtm.END_CALL_PREFIX}_bad` };
      for (const [message, peer] of [
        [{ text: 'hi' }, bobId],
        [malformedEndCall, bobId],
        [{ text: 'hi' }, 'a/b'],
      ] as const) {
        expect(nameAndCode(await rejection(client.sendMessageToPeer(message, peer)))).toEqual([
          'RtmInvalidStatusError',
          102,
        ]);
      }
    });

    it('checks type, peer ID, raw payload and size in that order once logged in', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      const bobId = env().id('bob');
      const cases: Array<[unknown, unknown, [string, number]]> = [
        [{ text: 'a', messageType: 'JSON' }, 'a/b', ['RtmInvalidArgumentError', 7]],
        [{ text: 'a' }, 'a/b', ['RtmInvalidArgumentError', 6]],
        [{ text: 'a' }, 42, ['RtmInvalidArgumentError', 6]],
        [{ rawMessage: new Uint8Array(1), description: 5 }, bobId, ['RtmInvalidArgumentError', 6]],
        [{ messageType: 'RAW', rawMessage: 'bytes' }, bobId, ['RtmInvalidArgumentError', 6]],
        [{ text: textOfBytes(32_769) }, 'a/b', ['RtmInvalidArgumentError', 6]],
        [{ text: textOfBytes(32_769) }, bobId, ['RtmLimitExceededError', 7]],
        [{ text: 'é'.repeat(16_385) }, bobId, ['RtmLimitExceededError', 7]],
        [{ rawMessage: new Uint8Array(32_768), description: 'x' }, bobId, ['RtmLimitExceededError', 7]],
        [{ messageType: 'TEXT', text: 5 }, bobId, ['RtmUnavailableError', 1]],
      ];
      for (const [message, peer, expected] of cases) {
        const error = await rejection(alice.sendMessageToPeer(message as never, peer as never));
        expect(nameAndCode(error), JSON.stringify(message).slice(0, 60)).toEqual(expected);
      }
      expect(await alice.sendMessageToPeer({ text: textOfBytes(32_768) }, bobId)).toEqual({ hasPeerReceived: false });
      const rawAtLimit = { rawMessage: new Uint8Array(32_767), description: 'x' };
      expect(await alice.sendMessageToPeer(rawAtLimit, bobId)).toEqual({ hasPeerReceived: false });
    });

    it('allows 180 sends (peer + channel) per 3 s, counting sends that fail later checks', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      const room = alice.createChannel(env().id('room'));
      await room.join();
      const bobId = env().id('bob');
      for (let i = 0; i < 90; i++) await alice.sendMessageToPeer({ text: `${i}` }, bobId);
      for (let i = 0; i < 60; i++) await room.sendMessage({ text: `${i}` });
      // Failing after the rate check still uses a slot (docs/reference/rtm1-web-sdk.md §3.5).
      for (let i = 0; i < 30; i++) await rejection(alice.sendMessageToPeer({ text: 'x' }, 'a/b'));
      expect(nameAndCode(await rejection(alice.sendMessageToPeer({ text: 'x' }, bobId)))).toEqual([
        'RtmLimitExceededError',
        5,
      ]);
      expect(nameAndCode(await rejection(room.sendMessage({ text: 'x' })))).toEqual(['RtmLimitExceededError', 3]);
    });

    it.runIf(caps.controllableClock)('frees a slot 3 s after each send (sliding window)', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      const bobId = env().id('bob');
      for (let i = 0; i < 100; i++) await alice.sendMessageToPeer({ text: 'a' }, bobId);
      await env().advance(1_000);
      for (let i = 0; i < 80; i++) await alice.sendMessageToPeer({ text: 'b' }, bobId);
      await env().advance(1_999);
      expect(nameAndCode(await rejection(alice.sendMessageToPeer({ text: 'c' }, bobId)))).toEqual([
        'RtmLimitExceededError',
        5,
      ]);
      await env().advance(1);
      for (let i = 0; i < 100; i++) await alice.sendMessageToPeer({ text: 'd' }, bobId);
      expect(nameAndCode(await rejection(alice.sendMessageToPeer({ text: 'e' }, bobId)))).toEqual([
        'RtmLimitExceededError',
        5,
      ]);
    });
  });

  describe('channel messages', () => {
    it('reach every other joined member, never the sender', async () => {
      const ids = [env().id('alice'), env().id('bob'), env().id('carol')];
      const roomId = env().id('room');
      const t = new Transcript();
      const rooms = [];
      for (const id of ids) {
        const room = (await loggedIn(env(), id)).createChannel(roomId);
        room.on('ChannelMessage', t.on(`${id}: ChannelMessage`));
        await room.join();
        rooms.push(room);
      }
      const message: RtmMessage = { text: 'hi all' };
      await rooms[0].sendMessage(message);
      await env().flush();
      const props = { serverReceivedTs: expect.any(Number) };
      expect(t.entries).toEqual([
        [`${ids[1]}: ChannelMessage`, { text: 'hi all', messageType: 'TEXT' }, ids[0], props],
        [`${ids[2]}: ChannelMessage`, { text: 'hi all', messageType: 'TEXT' }, ids[0], props],
      ]);
      expect(message).toEqual({ text: 'hi all', messageType: 'TEXT' });
    });

    it('checks shape (4), joined (5), connection (102), type (7), raw payload (1), size (4), in that order', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      const notJoined = alice.createChannel(env().id('room'));
      expect(nameAndCode(await rejection(notJoined.sendMessage('hi' as never)))).toEqual(['RtmInvalidArgumentError', 4]);
      expect(nameAndCode(await rejection(notJoined.sendMessage({ text: 'hi' })))).toEqual(['RtmInvalidStatusError', 5]);
      const room = alice.createChannel(env().id('room2'));
      await room.join();
      const cases: Array<[unknown, [string, number]]> = [
        [{ text: 'a', rawMessage: new Uint8Array(1) }, ['RtmInvalidArgumentError', 4]],
        [{ text: 'a', messageType: 'JSON' }, ['RtmInvalidArgumentError', 7]],
        [{ rawMessage: new Uint8Array(1), description: 5 }, ['RtmInvalidArgumentError', 1]],
        [{ text: textOfBytes(32_769) }, ['RtmLimitExceededError', 4]],
        [{ messageType: 'TEXT', text: 5 }, ['RtmUnknownError', 1]],
      ];
      for (const [message, expected] of cases) {
        expect(nameAndCode(await rejection(room.sendMessage(message as never)))).toEqual(expected);
      }
      await room.sendMessage({ text: textOfBytes(32_768) });
      await alice.logout();
      expect(await rejection(room.sendMessage({ text: 'hi' }))).toEqual({
        name: 'RtmInvalidStatusError',
        code: 102,
        message: ' Error Code 102 - The client is not logged in. Cannot do the operation.',
      });
    });
  });
}
