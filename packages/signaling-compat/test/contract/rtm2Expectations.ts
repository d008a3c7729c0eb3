/**
 * The 1.x contract on `fromRtm2(new FakeRtm2())`: where the 2.x adapter differs from RTM 1.x, each
 * with its reason (docs/reference/rtm2-web-sdk.md §5). `RTM2_DIFFERENCES` answers the open
 * questions of `KNOWN_DIFFERENCES` for the adapter (a key left out is not asserted);
 * `RTM2_KNOWN_FAILURES` lists whole cases that cannot pass on 2.x. A known failure that starts
 * passing fails the run, so this file stays true.
 */

export interface Rtm2Difference {
  value: boolean | 'undetermined';
  reason: string;
}

export const RTM2_DIFFERENCES: Partial<Record<string, Rtm2Difference>> = {};

export const RTM2_KNOWN_FAILURES: Readonly<Record<string, string>> = {};
