import { describe, expect, it } from 'vitest';
import { FakeRtm2 } from '../../../src/fake/index';
import { loadRealRtm2 } from './loadRealRtm2';
import { quietConsole } from './quietConsole';
import { type Described, describe as describeValue } from './outcome';
import { APP_ID } from './probes';

/**
 * The page-global parameters of docs/reference/rtm2-web-sdk.md §1.1 that change local checks
 * (`EXTEND_CHANNEL_NAME`, `IGNORE_DUPLICATE_USER_ID_ERR`), compared between the real
 * agora-rtm-sdk 2.3.0 bundle and FakeRtm2. Its own file: once set, a parameter stays set for the
 * whole page (here: this file's worker).
 */
quietConsole();
const real = loadRealRtm2();
const fake = new FakeRtm2();

/* eslint-disable @typescript-eslint/no-explicit-any */
async function outcomeOf(ns: any, call: () => unknown): Promise<Described> {
  try {
    const value = await call();
    return { kind: 'resolve', value: describeValue(value, ns.RTMBaseError) };
  } catch (error) {
    return { kind: 'reject', value: describeValue(error, ns.RTMBaseError) };
  }
}

const NAMES = ['a.b', 'a`b', '.ab', '_ab', 'a b', 'a*b', 'a'.repeat(65)];

async function run(ns: any, step: string): Promise<Described> {
  const client = () => new ns.RTM(APP_ID, `${step}${NAMES.length}`, { logLevel: 'none' });
  const names = async () => {
    const rtm = client();
    const results: Described[] = [];
    for (const name of NAMES) {
      results.push(await outcomeOf(ns, () => rtm.unsubscribe(name)));
    }
    return results;
  };
  // unsubscribe checks the channel name even before login.
  if (step === 'default') return names();
  if (step === 'extended') {
    ns.setParameter('EXTEND_CHANNEL_NAME', true);
    return names();
  }
  ns.setParameter('IGNORE_DUPLICATE_USER_ID_ERR', true);
  const id = 'twice';
  new ns.RTM(APP_ID, id, { logLevel: 'none' });
  return outcomeOf(ns, () => new ns.RTM(APP_ID, id, { logLevel: 'none' }) && 'constructed');
}

describe('page-global parameters of agora-rtm-sdk 2.3.0 and FakeRtm2', () => {
  for (const step of ['default', 'extended', 'duplicates allowed']) {
    it(step, async () => {
      expect(await run(fake, step)).toEqual(await run(real, step));
    });
  }
});
