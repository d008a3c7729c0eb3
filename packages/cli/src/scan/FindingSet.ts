/**
 * The findings of one program, one per offset and entry, keeping the best confidence seen.
 */

import type { MappingEntry } from 'signaling-compat/mapping';
import { outranks } from './confidence';
import type { Resolved } from './resolveMember';
import type { Confidence } from './types';

/** A finding before it is placed in a file: source offset, entry and confidence. */
export interface RawFinding {
  offset: number;
  entry: MappingEntry;
  confidence: Confidence;
  spelling?: string;
}

export class FindingSet {
  readonly #findings = new Map<string, RawFinding>();

  /** Adds a finding at `offset`; `spelling` is the name as written when it differs from the entry's member. */
  add(offset: number, resolved: Resolved | undefined, spelling?: string): void {
    if (resolved === undefined) return;
    const { entry, confidence } = resolved;
    const key = `${offset} ${entry.dialect} ${entry.owner} ${entry.member}`;
    if (!outranks(confidence, this.#findings.get(key)?.confidence)) return;
    const finding: RawFinding = { offset, entry, confidence };
    if (spelling !== undefined && spelling !== entry.member) finding.spelling = spelling;
    this.#findings.set(key, finding);
  }

  /** The findings in source order. */
  sorted(): RawFinding[] {
    return [...this.#findings.values()].sort((a, b) => a.offset - b.offset);
  }
}
