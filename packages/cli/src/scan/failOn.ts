import type { MappingStatus } from 'signaling-compat/mapping';
import type { Finding } from './types';

/**
 * `--fail-on <status>`: from the hardest to migrate to the easiest. Naming one status fails on it
 * and on every harder one, so `--fail-on native` fails on any legacy use at all.
 */
export const FAIL_ON_CHOICES = ['unsupported', 'emulated', 'native'] as const satisfies readonly MappingStatus[];

/** Whether a finding is at `threshold` or harder. */
export function failsOn(findings: readonly Finding[], threshold: MappingStatus): boolean {
  const limit = FAIL_ON_CHOICES.indexOf(threshold);
  return findings.some((finding) => FAIL_ON_CHOICES.indexOf(finding.status) <= limit);
}
