import AgoraRTM from 'agora-rtm-sdk';
import type { LocalInvitation, RemoteInvitation, RtmChannel, RtmClient } from 'agora-rtm-sdk';
import { expectTypeOf, test } from 'vitest';
import type {
  LocalInvitationLike,
  RemoteInvitationLike,
  RtmChannelLike,
  RtmClientLike,
  RtmNamespaceLike,
} from '../../src/rtm/types';

// Compile-time only: the real agora-rtm-sdk@1.6.0 satisfies the seam structurally, so its
// namespace can be passed as the `rtm` option and the shim never depends on the fake.
test('the real AgoraRTM namespace is an RtmNamespaceLike', () => {
  const rtm: RtmNamespaceLike = AgoraRTM;
  expectTypeOf(rtm.createInstance).returns.toEqualTypeOf<RtmClientLike>();
});

test('the real RtmClient, RtmChannel and invitations are assignable to the Like types', () => {
  expectTypeOf<RtmClient>().toExtend<RtmClientLike>();
  expectTypeOf<RtmChannel>().toExtend<RtmChannelLike>();
  expectTypeOf<LocalInvitation>().toExtend<LocalInvitationLike>();
  expectTypeOf<RemoteInvitation>().toExtend<RemoteInvitationLike>();
});
