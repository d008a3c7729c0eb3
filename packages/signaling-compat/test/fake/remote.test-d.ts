import { expectTypeOf, test } from 'vitest';
import Signal from '../../src/index';
import { connectFakeRtm, type RemoteFakeRtm } from '../../src/fake';
import type { RtmClientLike, RtmNamespaceLike } from '../../src/rtm/types';

// Compile-time only: a server-backed fake goes wherever FakeRtm or the real namespace goes.
test('connectFakeRtm returns an RtmNamespaceLike whose clients are RtmClientLike', () => {
  const rtm = connectFakeRtm('ws://127.0.0.1:8790');
  expectTypeOf(rtm).toEqualTypeOf<RemoteFakeRtm>();
  expectTypeOf<RemoteFakeRtm>().toExtend<RtmNamespaceLike>();
  expectTypeOf(rtm.createInstance('0123456789abcdef0123456789abcdef')).toExtend<RtmClientLike>();
  expectTypeOf(Signal.configure).toBeCallableWith({ rtm });
  expectTypeOf(rtm.flush).returns.toEqualTypeOf<Promise<void>>();
});
