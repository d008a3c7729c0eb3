/**
 * Every reshaping of a core value into the legacy form an app sees, shared by the three dialects:
 * each legacy method delegates to the core and hands its result or event through one of these.
 */
import { legacyString } from '../core/ids';
import type { Failure } from '../core/legacyCodes';
import type { Log } from '../core/log';
import type { QueryResult } from '../core/Queries';
import type { Result } from '../core/result';
import { safeText } from '../core/untrusted';
import { fire } from './dispatch';

/**
 * `onInviteFailed`'s extra: `{"reason":…,"ecode":…}` — apps do `JSON.parse(extra).reason`
 * (docs/reference/mapping-decisions.md, "Calls").
 */
export function inviteFailedExtra(failure: Failure): string {
  return JSON.stringify({ reason: failure.reason, ecode: failure.code });
}

/**
 * A legacy name argument (account, channel, attribute name): a string as-is, anything else its JSON
 * text, as the legacy Web SDK did (docs/reference/legacy-web-sdk.md §11.20); `""` when it has none.
 */
export function nameArg(value: unknown): string {
  return legacyString(value) ?? '';
}

export { attributeValue } from '../core/legacyValues';

/** A DTMF event as Web and Server `onInviteMsg(extra)` carry it: `'{"msgtype":"dtmf","msgdata":…}'`. */
export function dtmfExtra(digits: unknown): string {
  // `digits` passed the depth check at the edge (payload.ts), so this cannot throw; safeText anyway.
  return safeText({ msgtype: 'dtmf', msgdata: digits }, '{"msgtype":"dtmf","msgdata":""}');
}

/** Native `onInviteMsg`'s `msgData`: the digits as text (they arrived as JSON, so they have a JSON form). */
export function dtmfData(digits: unknown): string {
  return typeof digits === 'string' ? digits : (JSON.stringify(digits) as string);
}

/** A query result as the legacy RPC reply object: `{result: 'ok', …}` or `{result: 'failed', reason}`. */
export type LegacyReply = { result: 'ok' | 'failed'; reason?: string; [field: string]: unknown };

export function legacyReply(result: QueryResult): LegacyReply {
  return result.ok ? result.value : { result: 'failed', reason: result.reason };
}

/** The `err` argument of legacy query callbacks: `""` on success, else the reason. */
export function replyError(result: QueryResult): string {
  return result.ok ? '' : result.reason;
}

/**
 * A Server send result (`messageInstantSend`, `messageChannelSend`): to the MessageCallback when one
 * was given — `onMessageSendSuccess(session)` / `onMessageSendError(session, ecode)` — otherwise a
 * failure goes to the LoginCallback's `onError(session, ecode, reason)`.
 */
export function reportSendResult(result: Result, cb: unknown, session: object, loginCallback: object, log: Log): void {
  if (typeof cb !== 'object' || cb === null) reportFailure(result, session, loginCallback, log);
  else if (result.ok) fire(cb, 'onMessageSendSuccess', [session], log);
  else fire(cb, 'onMessageSendError', [session, result.code], log);
}

/** A Server failure with no callback of its own: the LoginCallback's `onError(session, ecode, reason)`. */
export function reportFailure(result: Result, session: object, loginCallback: object, log: Log): void {
  if (!result.ok) fire(loginCallback, 'onError', [session, result.code, result.reason], log);
}
