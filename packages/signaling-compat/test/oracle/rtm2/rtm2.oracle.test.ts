import { describe, expect, it } from 'vitest';
import { RtmTokenBuilder } from 'agora-token';
import { FakeRtm2 } from '../../../src/fake/index';
import { EXPECTED_DIFFERENCES } from './expectations';
import { loadRealRtm2 } from './loadRealRtm2';
import { quietConsole } from './quietConsole';
import { addTokenProbes, allProbes, APP_ID, type Side } from './probes';

/**
 * The differential suite: every probe runs against the real agora-rtm-sdk 2.3.0 bundle (offline,
 * in this file's worker only) and against FakeRtm2, and the two outcomes must be equal, except
 * for the entries of expectations.ts, which must still differ.
 */
quietConsole();
const real = loadRealRtm2();
const fake = new FakeRtm2();

async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** What the spec's `conn` cases do: the SDK's own client, marked connected, with a session that never answers. */
function standInSession(): unknown {
  return new Proxy({}, { get: () => () => new Promise(() => undefined) });
}

const sides: Record<'real' | 'fake', Side> = {
  real: {
    name: 'real',
    ns: real,
    offline: () => undefined,
    settle,
    async connect(client) {
      const impl = client._rtmImpl;
      impl._linkState = 'CONNECTED';
      impl._connectionState = 'CONNECTED';
      impl._rtmSession = standInSession();
    },
  },
  fake: {
    name: 'fake',
    ns: fake,
    offline: (userId) => fake.disconnect(userId),
    settle,
    async connect(client) {
      await client.login();
    },
  },
};

addTokenProbes({
  valid007: RtmTokenBuilder.buildToken(APP_ID, 'c'.repeat(32), 'someone', 3_600),
  otherApp007: RtmTokenBuilder.buildToken('fedcba9876543210fedcba9876543210', 'c'.repeat(32), 'someone', 3_600),
});

describe('FakeRtm2 against the real agora-rtm-sdk 2.3.0 (offline)', () => {
  allProbes().forEach((probe, index) => {
    it(probe.id, async () => {
      const ids = (side: string) => {
        let count = 0;
        return (label: string) => `${label}${index}n${count++}${side === 'real' ? '' : ''}`;
      };
      const realOutcome = await probe.run(sides.real, ids('real'));
      const fakeOutcome = await probe.run(sides.fake, ids('fake'));
      const known = EXPECTED_DIFFERENCES[probe.id];
      if (known === undefined) expect(fakeOutcome).toEqual(realOutcome);
      else expect(fakeOutcome, `FakeRtm2 now agrees with 2.3.0 on ${probe.id}: remove its expectations entry`).not.toEqual(realOutcome);
    });
  });

  it('lists only probes that exist', () => {
    const ids = new Set(allProbes().map((probe) => probe.id));
    expect(Object.keys(EXPECTED_DIFFERENCES).filter((id) => !ids.has(id))).toEqual([]);
  });
});
