/**
 * Helpers for transcripts of work under way when a session ends or logs in again unseen
 * (test/web/endOfSession.test.ts, test/web/relogin.test.ts, test/server/endOfSession.test.ts).
 */
import type { Call } from '../../src/legacy/web/Call';
import type { Session } from '../../src/legacy/web/Session';
import { CALL_CALLBACKS, watch, type Transcript } from './harness';

interface Recording {
  transcript: Transcript;
}

/** A callback that records its arguments under `label`. */
export const note =
  (w: Recording, label: string) =>
  (...args: unknown[]): void =>
    void w.transcript.push([label, ...args]);

/** An invoke callback recording `[label, 'ok' | 'failed', reply.result]`. */
export const reply =
  (w: Recording, label: string) =>
  (error: string, result: Record<string, unknown>): void =>
    void w.transcript.push([label, error === '' ? 'ok' : 'failed', result.result]);

/**
 * The entries after the `nth` (1-based) entry named `label`. Throws when there is none, so that
 * "nothing after onLogout" cannot pass because onLogout never came.
 */
export function after<T extends readonly unknown[]>(transcript: readonly T[], label: string, nth = 1): T[] {
  let seen = 0;
  const at = transcript.findIndex((entry) => entry[0] === label && ++seen === nth);
  if (at < 0) throw new Error(`the transcript has no ${nth > 1 ? `${nth}th ` : ''}${label}`);
  return transcript.slice(at + 1);
}

/** Records `session`'s incoming calls as `in1.*`, `in2.*`…; the array fills as they arrive. */
export function recordIncomingCalls(w: Recording, session: Session): Call[] {
  const incoming: Call[] = [];
  session.onInviteReceived = (call: Call) => {
    incoming.push(call);
    watch(call, CALL_CALLBACKS, w.transcript, `in${incoming.length}`);
  };
  return incoming;
}
