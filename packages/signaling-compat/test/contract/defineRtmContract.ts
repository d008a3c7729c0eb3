import { afterEach, beforeEach, describe } from 'vitest';
import { attributeCases } from './cases/attributes';
import { channelCases } from './cases/channels';
import { connectionCases } from './cases/connection';
import { endCallCases } from './cases/endCall';
import { invitationCases } from './cases/invitations';
import { messageCases } from './cases/messages';
import { networkCases } from './cases/network';
import { presenceCases } from './cases/presence';
import type { ContractBackend, ContractEnv } from './env';

/**
 * The RTM 1.x behaviour the shim relies on (docs/reference/rtm1-web-sdk.md §5 P0 + P1), written once
 * against `RtmClientLike` and run against any backend: FakeRtm always, the real SDK when
 * credentials are given. Cases that need a hand-driven clock or fake-only controls are skipped
 * on backends without them.
 */
export function defineRtmContract(backend: ContractBackend): void {
  describe(`RTM 1.x contract on ${backend.name}`, () => {
    let current: ContractEnv | undefined;
    beforeEach(async (context) => {
      // A known failure must keep failing: vitest reports a `fails` test that passes as a failure.
      if (backend.knownFailures?.[context.task.name]) (context.task as { fails?: boolean }).fails = true;
      current = await backend.makeEnv();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });
    const env = (): ContractEnv => {
      if (!current) throw new Error('the contract env is only available inside a test');
      return current;
    };
    const { capabilities } = backend;
    connectionCases(env, capabilities);
    messageCases(env, capabilities);
    endCallCases(env, capabilities);
    channelCases(env, capabilities);
    attributeCases(env, capabilities);
    presenceCases(env, capabilities);
    invitationCases(env, capabilities);
    networkCases(env, capabilities);
  });
}
