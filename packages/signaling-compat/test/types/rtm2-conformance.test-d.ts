import AgoraRTM2 from 'agora-rtm-sdk-2';
import type { RTMClient } from 'agora-rtm-sdk-2';
import { expectTypeOf, test } from 'vitest';
import { FakeRtm2 } from '../../src/fake';
import type { Rtm2ClientLike, Rtm2NamespaceLike } from '../../src/rtm2/types';

// Compile-time only: the real agora-rtm-sdk@2.3.0 typings satisfy the 2.x subset the adapter
// uses (src/rtm2/types.ts), so its namespace can be passed to fromRtm2 or as the `rtm` option.
test('the real 2.3.0 AgoraRTM namespace is an Rtm2NamespaceLike', () => {
  const rtm: Rtm2NamespaceLike = AgoraRTM2;
  expectTypeOf(rtm.VERSION).toEqualTypeOf<string>();
});

test('the real RTMClient (presence, storage, listeners) is assignable to Rtm2ClientLike', () => {
  expectTypeOf<RTMClient>().toExtend<Rtm2ClientLike>();
});

test('FakeRtm2 has the same shape', () => {
  expectTypeOf<FakeRtm2>().toExtend<Rtm2NamespaceLike>();
});
