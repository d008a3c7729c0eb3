import type { RTMClient as RealClient, RTMLock as RealLock, RTMPresence as RealPresence, RTMStorage as RealStorage } from 'agora-rtm-sdk-2';
import { expectTypeOf, test } from 'vitest';
import type { FakeRtm2 } from '../../src/fake';

type FakeClient = InstanceType<FakeRtm2['RTM']>;

// Compile-time only: FakeRtm2's clients can stand where agora-rtm-sdk 2.3.0's typings expect its objects.
test('client methods match the 2.3.0 typings', () => {
  expectTypeOf<FakeClient['login']>().toExtend<RealClient['login']>();
  expectTypeOf<FakeClient['logout']>().toExtend<RealClient['logout']>();
  expectTypeOf<FakeClient['publish']>().toExtend<RealClient['publish']>();
  expectTypeOf<FakeClient['subscribe']>().toExtend<RealClient['subscribe']>();
  expectTypeOf<FakeClient['unsubscribe']>().toExtend<RealClient['unsubscribe']>();
  expectTypeOf<FakeClient['renewToken']>().toExtend<RealClient['renewToken']>();
});

test('presence, storage and lock methods match the 2.3.0 typings', () => {
  expectTypeOf<FakeClient['presence']['whoNow']>().toExtend<RealPresence['whoNow']>();
  expectTypeOf<FakeClient['presence']['getOnlineUsers']>().toExtend<RealPresence['getOnlineUsers']>();
  expectTypeOf<FakeClient['presence']['whereNow']>().toExtend<RealPresence['whereNow']>();
  expectTypeOf<FakeClient['presence']['getUserChannels']>().toExtend<RealPresence['getUserChannels']>();
  expectTypeOf<FakeClient['presence']['setState']>().toExtend<RealPresence['setState']>();
  expectTypeOf<FakeClient['presence']['getState']>().toExtend<RealPresence['getState']>();
  expectTypeOf<FakeClient['presence']['removeState']>().toExtend<RealPresence['removeState']>();
  expectTypeOf<FakeClient['storage']['setChannelMetadata']>().toExtend<RealStorage['setChannelMetadata']>();
  expectTypeOf<FakeClient['storage']['getChannelMetadata']>().toExtend<RealStorage['getChannelMetadata']>();
  expectTypeOf<FakeClient['storage']['removeChannelMetadata']>().toExtend<RealStorage['removeChannelMetadata']>();
  expectTypeOf<FakeClient['storage']['updateChannelMetadata']>().toExtend<RealStorage['updateChannelMetadata']>();
  expectTypeOf<FakeClient['storage']['setUserMetadata']>().toExtend<RealStorage['setUserMetadata']>();
  expectTypeOf<FakeClient['storage']['getUserMetadata']>().toExtend<RealStorage['getUserMetadata']>();
  expectTypeOf<FakeClient['storage']['removeUserMetadata']>().toExtend<RealStorage['removeUserMetadata']>();
  expectTypeOf<FakeClient['storage']['subscribeUserMetadata']>().toExtend<RealStorage['subscribeUserMetadata']>();
  expectTypeOf<FakeClient['storage']['unsubscribeUserMetadata']>().toExtend<RealStorage['unsubscribeUserMetadata']>();
  expectTypeOf<FakeClient['lock']['setLock']>().toExtend<RealLock['setLock']>();
  expectTypeOf<FakeClient['lock']['acquireLock']>().toExtend<RealLock['acquireLock']>();
  expectTypeOf<FakeClient['lock']['getLock']>().toExtend<RealLock['getLock']>();
});
