import { expect, it } from 'vitest';
import { CHANNEL_CALLBACKS, watch, world } from '../support/harness';

// A channel message that reaches a member
// whose RTM join is still completing must be delivered after its join sequence, as on 1.x.
it('a channel message sent the moment a member is seen joining reaches that member after its join sequence', async () => {
  const w = world();
  const alice = await w.login('alice');
  const bob = await w.login('bob');
  const a = alice.channelJoin('room')!;
  await w.flush();
  w.take();
  const b = bob.channelJoin('room')!;
  watch(b, CHANNEL_CALLBACKS, w.transcript, 'bob');
  a.onChannelUserJoined = () => a.messageChannelSend('welcome');
  await w.flush();
  await w.advance(1_000);
  expect(w.take().map(([name, ...args]) => (name === 'bob.onMessageChannelReceive' ? [name, args[2]] : [name]))).toEqual([
    ['bob.onChannelJoined'],
    ['bob.onChannelUserList'],
    ['bob.onMessageChannelReceive', 'welcome'],
  ]);
});

it('RTM 1.x interface: a ChannelMessage that arrives while join() is still settling is emitted, not dropped', async () => {
  const w = world();
  const alice = await w.rtmClient('alice');
  const bob = await w.rtmClient('bob');
  const a = alice.createChannel('room');
  await a.join();
  const got: string[] = [];
  a.on('MemberJoined', () => void a.sendMessage({ text: 'welcome' }));
  const b = bob.createChannel('room');
  b.on('ChannelMessage', (message) => got.push(String(message.text)));
  await b.join();
  await w.flush();
  expect(got).toEqual(['welcome']);
});
