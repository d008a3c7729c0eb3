import { describe, expect, it } from 'vitest';
import type { ContractCapabilities, EnvRef } from '../env';
import { loggedIn, nameAndCode, rejection } from '../testKit';

/** docs/reference/rtm1-web-sdk.md §4.9: the legacy end-call message, both directions. */
export function endCallCases(env: EnvRef, _caps: ContractCapabilities): void {
  describe('END_CALL_PREFIX', () => {
    it('delivers PREFIX_channel_info as text built from the first three pieces', async () => {
      const prefix = env().rtm.END_CALL_PREFIX;
      const [aliceId, bobId] = [env().id('alice'), env().id('bob')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const received: unknown[][] = [];
      bob.on('MessageFromPeer', (...args) => received.push(args));
      expect(await alice.sendMessageToPeer({ text: `${prefix}_room_bye` }, bobId)).toEqual({
        hasPeerReceived: true,
        hasReSent: false,
      });
      await alice.sendMessageToPeer({ text: `${prefix}_room_a_b` }, bobId);
      await alice.sendMessageToPeer({ text: `${prefix}_room_` }, bobId);
      await env().flush();
      const props = { serverReceivedTs: expect.any(Number) };
      expect(received).toEqual([
        [{ text: `${prefix}_room_bye`, messageType: 'TEXT' }, aliceId, props],
        [{ text: `${prefix}_room_a`, messageType: 'TEXT' }, aliceId, props],
        [{ text: `${prefix}_room_`, messageType: 'TEXT' }, aliceId, props],
      ]);
    });

    it('rejects malformed end-call text with RtmInvalidArgumentError 7', async () => {
      const prefix = env().rtm.END_CALL_PREFIX;
      const alice = await loggedIn(env(), env().id('alice'));
      for (const text of [`${prefix}_room`, prefix, `${prefix}_bad/room_info`, `${prefix}X_room_info`, `${prefix}__info`]) {
        expect(await rejection(alice.sendMessageToPeer({ text }, env().id('bob'))), text).toEqual({
          name: 'RtmInvalidArgumentError',
          code: 7,
          message: ' Error Code 7 - Message is not valid.',
        });
      }
    });

    it('is ordinary text in channel messages and when the prefix is not at the start', async () => {
      const prefix = env().rtm.END_CALL_PREFIX;
      const [aliceId, bobId, roomId] = [env().id('alice'), env().id('bob'), env().id('room')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const texts: unknown[] = [];
      bob.on('MessageFromPeer', (message) => texts.push(['peer', message.text]));
      const bobRoom = bob.createChannel(roomId);
      bobRoom.on('ChannelMessage', (message) => texts.push(['channel', message.text]));
      await bobRoom.join();
      const aliceRoom = alice.createChannel(roomId);
      await aliceRoom.join();
      await aliceRoom.sendMessage({ text: `${prefix}_room` });
      await alice.sendMessageToPeer({ text: `x${prefix}_room_info` }, bobId);
      await env().flush();
      expect(texts).toEqual([
        ['channel', `${prefix}_room`],
        ['peer', `x${prefix}_room_info`],
      ]);
    });

    it('counts toward the 180-per-3-s message limit and reports an offline peer', async () => {
      const prefix = env().rtm.END_CALL_PREFIX;
      const alice = await loggedIn(env(), env().id('alice'));
      const bobId = env().id('bob');
      for (let i = 0; i < 180; i++) {
        expect(await alice.sendMessageToPeer({ text: `${prefix}_room_${i}` }, bobId)).toEqual({
          hasPeerReceived: false,
          hasReSent: false,
        });
      }
      expect(nameAndCode(await rejection(alice.sendMessageToPeer({ text: 'hi' }, bobId)))).toEqual([
        'RtmLimitExceededError',
        5,
      ]);
    });
  });
}
