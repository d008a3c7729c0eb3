/**
 * 1.x's error objects (docs/reference/rtm1-web-sdk.md §2.1), which the adapter raises so the
 * core's failure paths see exactly what 1.x would give them: an `Error` whose `name` is one of the
 * `Rtm*Error` strings, a numeric per-API `code` (docs/reference/rtm1-web-sdk.md §2.2) and a message of the form
 * `" Error Code <code>[, server Code <sc>] - <text>."`. (FakeRtm models the same objects for its
 * clients; the runtime does not depend on the fake.)
 */

import type { RtmErrorLike, RtmErrorName } from '../../rtm/types';

export class RtmError extends Error implements RtmErrorLike {
  override readonly name: RtmErrorName;
  readonly code: number;
  readonly serverCode?: number;

  constructor(name: RtmErrorName, code: number, text: string, serverCode?: number) {
    super(formatMessage(code, text, serverCode));
    this.name = name;
    this.code = code;
    if (serverCode !== undefined) this.serverCode = serverCode;
  }
}

/** docs/reference/rtm1-web-sdk.md §2.1: leading space, the code prefix, `" - "`, the text, and a trailing `.` if missing. */
function formatMessage(code: number, text: string, serverCode: number | undefined): string {
  const server = serverCode === undefined ? '' : `, server Code ${serverCode}`;
  return ` Error Code ${code}${server} - ${text.endsWith('.') ? text : `${text}.`}`;
}

export const invalidArgument = (code: number, text: string): RtmError =>
  new RtmError('RtmInvalidArgumentError', code, text);
export const invalidStatus = (code: number, text: string): RtmError => new RtmError('RtmInvalidStatusError', code, text);
export const limitExceeded = (code: number, text: string): RtmError => new RtmError('RtmLimitExceededError', code, text);
export const timeoutError = (code: number, text: string): RtmError => new RtmError('RtmTimeoutError', code, text);
export const unavailable = (code: number, text: string, serverCode?: number): RtmError =>
  new RtmError('RtmUnavailableError', code, text, serverCode);
export const unauthenticated = (code: number, text: string): RtmError =>
  new RtmError('RtmUnauthenticatedError', code, text);
export const unknownError = (code: number, text: string): RtmError => new RtmError('RtmUnknownError', code, text);
