import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Probe } from './outcome';
import { ARGUMENT_PROBES } from './probes/arguments';
import { BEHAVIOUR_PROBES } from './probes/behaviour';
import { KNOWN_DIFFERENCES } from './expectations';
import { fakeSubject, realSubject } from './subjects';

/**
 * The real agora-rtm-sdk 1.6.0 bundle is the oracle for FakeRtm: every probe runs on both, and
 * what an app could observe (outcome, error name, code and message, shapes, events) must be the
 * same, unless expectations.ts lists the probe with its reason.
 *
 * The real SDK runs on vitest's fake timers (setTimeout, setInterval and Date only: FakeRtm's
 * ManualClock turns on setImmediate, which stays real), installed before the bundle loads.
 */
const PROBES: Probe[] = [...ARGUMENT_PROBES, ...BEHAVIOUR_PROBES];

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterAll(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('FakeRtm against agora-rtm-sdk 1.6.0', () => {
  it('has unique probe ids, and an expectation only for probes that exist', () => {
    const ids = PROBES.map((probe) => probe.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(KNOWN_DIFFERENCES).filter((id) => !ids.includes(id))).toEqual([]);
  });

  for (const probe of PROBES) {
    it(probe.id, async () => {
      const real = await probe.run(realSubject());
      const fake = await probe.run(fakeSubject());
      const reason = KNOWN_DIFFERENCES[probe.id];
      if (reason === undefined) {
        expect(fake).toStrictEqual(real);
      } else {
        expect(isDeepStrictEqual(fake, real), `now agrees with the real SDK; remove its entry (${reason})`).toBe(false);
      }
    });
  }
});
