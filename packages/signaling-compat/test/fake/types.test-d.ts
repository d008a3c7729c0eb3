import { expectTypeOf, test } from 'vitest';
import {
  type FakeChannel,
  type FakeClient,
  type FakeLocalInvitation,
  type FakeRemoteInvitation,
  FakeRtm,
  ManualClock,
} from '../../src/fake';
import type { Clock } from '../../src/rtm/clock';
import type {
  LocalInvitationLike,
  RemoteInvitationLike,
  RtmChannelLike,
  RtmClientLike,
  RtmErrorName,
  RtmMethodName,
  RtmNamespaceLike,
} from '../../src/rtm/types';

// Compile-time only: FakeRtm is interchangeable with the real AgoraRTM namespace at the seam.
test('FakeRtm is an RtmNamespaceLike whose clients are RtmClientLike', () => {
  expectTypeOf<FakeRtm>().toExtend<RtmNamespaceLike>();
  const rtm: RtmNamespaceLike = new FakeRtm();
  expectTypeOf(rtm.createInstance).returns.toEqualTypeOf<RtmClientLike>();
  expectTypeOf(new FakeRtm().createInstance).returns.toEqualTypeOf<FakeClient>();
  expectTypeOf<FakeClient>().toExtend<RtmClientLike>();
  expectTypeOf<FakeChannel>().toExtend<RtmChannelLike>();
  expectTypeOf<FakeLocalInvitation>().toExtend<LocalInvitationLike>();
  expectTypeOf<FakeRemoteInvitation>().toExtend<RemoteInvitationLike>();
});

test('ManualClock is a Clock; the controls are typed by the seam', () => {
  expectTypeOf<ManualClock>().toExtend<Clock>();
  expectTypeOf(new ManualClock().advance).returns.toEqualTypeOf<Promise<void>>();
  expectTypeOf<FakeRtm['failNext']>().parameter(0).toEqualTypeOf<RtmMethodName>();
  expectTypeOf<FakeRtm['failNext']>().parameter(2).toEqualTypeOf<RtmErrorName | undefined>();
  expectTypeOf<FakeRtm['stats']>().returns.toEqualTypeOf<Record<string, number>>();
  expectTypeOf<FakeRtm['kick']>().parameter(1).toEqualTypeOf<'REMOTE_LOGIN' | 'BANNED_BY_SERVER' | undefined>();
});
