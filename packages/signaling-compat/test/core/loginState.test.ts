import { describe, expect, it } from 'vitest';
import { LOGGING_IN, ended, moved } from '../../src/core/loginState';

describe('a login lifecycle', () => {
  it('moves through its live phases, keeping a pending logout and a re-login', () => {
    const asked = moved(moved(LOGGING_IN, { phase: 'logged-in', relogging: true }), { logoutRequested: true });
    expect(asked).toEqual({ kind: 'live', phase: 'logged-in', logoutRequested: true, relogging: true });
    expect(moved(asked, { phase: 'reconnecting', relogging: false })).toEqual({
      kind: 'live',
      phase: 'reconnecting',
      logoutRequested: true,
      relogging: false,
    });
  });

  it('stays ended: no transition moves an ended login', () => {
    for (const end of [ended('logged-out'), ended('failed')]) {
      expect(moved(end, { phase: 'logged-in' })).toBe(end);
      expect(moved(end, { logoutRequested: true, relogging: true })).toBe(end);
    }
  });
});
