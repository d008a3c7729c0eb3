/**
 * The legacy `AGORA_E_CODE` table (docs/reference/legacy-web-sdk.md §9) and the one place where RTM errors
 * (docs/reference/rtm1-web-sdk.md §2) become legacy codes.
 *
 * The codes as the core uses them: an enum, so a bundler writes each use as its number and leaves
 * the table out of a build that does not export it (the Web-only script). Apps get
 * `LEGACY_CODE_TABLE`, exported as `LegacyCode`.
 */
export enum LegacyCode {
  SUCCESS = 0,
  LOGOUT_E_OTHER = 100,
  LOGOUT_E_USER = 101,
  LOGOUT_E_NET = 102,
  LOGOUT_E_KICKED = 103,
  LOGOUT_E_TOKENEXPIRED = 105,
  LOGOUT_E_ALREADY_LOGOUT = 108,
  LOGIN_E_OTHER = 200,
  LOGIN_E_NET = 201,
  LOGIN_E_FAILED = 202,
  LOGIN_E_CANCEL = 203,
  LOGIN_E_TOKENEXPIRED = 204,
  LOGIN_E_TOKENWRONG = 206,
  LOGIN_E_TOKEN_KICKED = 207,
  LOGIN_E_ALREADY_LOGIN = 208,
  LOGIN_E_INVALID_USER = 209,
  JOINCHANNEL_E_OTHER = 300,
  SENDMESSAGE_E_OTHER = 400,
  SENDMESSAGE_E_TIMEOUT = 401,
  QUERYUSERNUM_E_OTHER = 500,
  LEAVECHANNEL_E_OTHER = 600,
  INVITE_E_OTHER = 700,
  INVITE_E_REINVITE = 701,
  INVITE_E_NET = 702,
  INVITE_E_PEEROFFLINE = 703,
  INVITE_E_TIMEOUT = 704,
  INVITE_E_CANTRECV = 705,
  GENERAL_E = 1000,
  GENERAL_E_FAILED = 1001,
  GENERAL_E_UNKNOWN = 1002,
  GENERAL_E_NOT_LOGIN = 1003,
  GENERAL_E_WRONG_PARAM = 1004,
  GENERAL_E_LARGE_PARAM = 1005,
}

/** A code's type as its number literal (`201`, not `LegacyCode.LOGIN_E_NET`). */
type NumberOf<T extends number> = `${T}` extends `${infer N extends number}` ? N : never;

/**
 * The public `LegacyCode` table: `{ SUCCESS: 0, LOGOUT_E_OTHER: 100, … }`, a plain object with the
 * enum's names and numbers (without the number → name entries an enum object also has).
 */
export const LEGACY_CODE_TABLE: LegacyCodeTable = /* @__PURE__ */ codeTable();

type LegacyCodeTable = { readonly [K in keyof typeof LegacyCode]: NumberOf<(typeof LegacyCode)[K]> };

function codeTable(): LegacyCodeTable {
  return Object.fromEntries(Object.entries(LegacyCode).filter(([, code]) => typeof code === 'number')) as LegacyCodeTable;
}

/** What a failed operation reports: a legacy code and a readable reason (never a token). */
export interface Failure {
  code: number;
  reason: string;
}

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

function fields(error: unknown): { name: string; code: number | undefined; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorFields;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    code: typeof e.code === 'number' ? e.code : undefined,
    message: typeof e.message === 'string' ? e.message.trim() : String(error),
  };
}

/** A short description of an RTM error for logs and failure reasons. */
export function describeRtmError(error: unknown): string {
  const { name, code, message } = fields(error);
  return code === undefined ? `${name}: ${message}` : `${name} ${code}: ${message}`;
}

/**
 * RTM login errors → the nearest legacy login code (docs/reference/mapping-decisions.md, "Login"): invalid token
 * 206, token expired 204, timeout/network 201, invalid user id 209, rejected/other 202 (the Web
 * dialect reports 202 as 201, the only code Web 1.4.0 raised for those).
 */
export function loginFailureCode(error: unknown): number {
  const { name, code } = fields(error);
  if (name === 'RtmUnauthenticatedError') {
    if (code === 6) return LegacyCode.LOGIN_E_TOKENEXPIRED;
    if (code === 3) return LegacyCode.LOGIN_E_INVALID_USER;
    if (code === 4) return LegacyCode.LOGIN_E_FAILED;
    return LegacyCode.LOGIN_E_TOKENWRONG;
  }
  if (name === 'RtmInvalidArgumentError' && code === 3) return LegacyCode.LOGIN_E_INVALID_USER;
  if (name === 'RtmTimeoutError' || name === 'RtmInvokeTooOftenError') return LegacyCode.LOGIN_E_NET;
  if (name === 'RtmInvalidStatusError' && code === 8) return LegacyCode.LOGIN_E_ALREADY_LOGIN;
  return LegacyCode.LOGIN_E_FAILED;
}

/** RTM message-send errors → legacy send codes (timeouts are 401, everything else 400). */
export function sendFailureCode(error: unknown): number {
  return fields(error).name === 'RtmTimeoutError' ? LegacyCode.SENDMESSAGE_E_TIMEOUT : LegacyCode.SENDMESSAGE_E_OTHER;
}
