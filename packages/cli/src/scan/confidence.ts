import type { Confidence } from './types';

/**
 * The one confidence rule: what the scanner learnt replaces what it knew when it knew nothing yet,
 * or when the new evidence is traced (`high`) and the old only a name match (`low`). Used for traced
 * values and for findings alike, so a later, better trace always wins and a guess never undoes one.
 */
export function outranks(candidate: Confidence, known: Confidence | undefined): boolean {
  return known === undefined || (known === 'low' && candidate === 'high');
}

/** `high` when the name sits where the legacy SDK reads it (an invitation's extra, `invoke`'s first argument), else `low`. */
export function confidenceWhere(readByTheSdk: boolean): Confidence {
  return readByTheSdk ? 'high' : 'low';
}
