import { describe, expect, it } from 'vitest';
import { LOGGING_IN, ended, logoutAsked, movedTo, reloginDone, reloginStarted } from '../../src/core/loginState';

describe('a login lifecycle', () => {
  it('moves through its live phases, keeping a pending logout and a re-login', () => {
    const asked = logoutAsked(reloginStarted(movedTo(LOGGING_IN, 'logged-in')));
    expect(asked).toEqual({ kind: 'live', phase: 'logged-in', logoutRequested: true, relogging: true });
    expect(movedTo(reloginDone(asked), 'reconnecting')).toEqual({ kind: 'live', phase: 'reconnecting', logoutRequested: true, relogging: false });
  });

  it('stays ended: no transition moves an ended login', () => {
    for (const end of [ended('logged-out'), ended('failed')]) {
      expect(movedTo(end, 'logged-in')).toBe(end);
      expect(logoutAsked(end)).toBe(end);
      expect(reloginStarted(end)).toBe(end);
      expect(reloginDone(end)).toBe(end);
    }
  });
});
