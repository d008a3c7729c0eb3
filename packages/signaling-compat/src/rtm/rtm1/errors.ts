/**
 * The RTM 1.x SDK's error objects (docs/reference/rtm1-web-sdk.md §2.1): an `Error` whose `name` is one of the
 * `Rtm*Error` strings, a numeric per-API `code` (docs/reference/rtm1-web-sdk.md §2.2) and a message of the form
 * `" Error Code <code>[, server Code <sc>] - <text>."`. FakeRtm raises them for its clients and the 2.x
 * adapter raises them so the core's failure paths see exactly what 1.x would give them. The real
 * classes are not exported, so callers branch on `name` and `code`; this class is not exported from
 * the package either, so tests cannot come to depend on `instanceof`.
 */

import type { RtmErrorLike, RtmErrorName } from '../types';

export class RtmError extends Error implements RtmErrorLike {
  override readonly name: RtmErrorName;
  /** Numeric per docs/reference/rtm1-web-sdk.md §2.2; `undefined` for the few errors the SDK raises without a code. */
  readonly code: number;
  readonly serverCode?: number;

  constructor(name: RtmErrorName, code: number | undefined, text: string, serverCode?: number) {
    super(formatMessage(code, text, serverCode));
    this.name = name;
    this.code = code as number;
    if (serverCode !== undefined) this.serverCode = serverCode;
  }
}

/** docs/reference/rtm1-web-sdk.md §2.1: leading space, the code prefix, `" - "`, the text, and a trailing `.` if missing. */
function formatMessage(code: number | undefined, text: string, serverCode: number | undefined): string {
  const sentence = text.endsWith('.') ? text : `${text}.`;
  if (code === undefined) return sentence;
  const server = serverCode === undefined ? '' : `, server Code ${serverCode}`;
  return ` Error Code ${code}${server} - ${sentence}`;
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
