/**
 * The SDK's error objects (docs/reference/rtm1-web-sdk.md §2.1): an `Error` whose `name` is one of the
 * `Rtm*Error` strings, a numeric per-API `code` (docs/reference/rtm1-web-sdk.md §2.2) and a message of the form
 * `" Error Code <code>[, server Code <sc>] - <text>."`. The real classes are not exported, so
 * callers branch on `name` and `code`; this class is not exported from `signaling-compat/fake`
 * either, so tests cannot come to depend on `instanceof`.
 */

import type { RtmErrorLike, RtmErrorName, RtmMethodName } from '../rtm/types';

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

/**
 * What the SDK throws where it needs a session and the client never started a login (its
 * `getSession()`): a status error without a code.
 */
export const noSession = (): RtmError =>
  new RtmError('RtmInvalidStatusError', undefined, 'Client is not logged in. Cannot do the operation');

/** The text most CONNECTED-gated calls use for 102; a few calls have their own. */
export const notLoggedIn = (text = 'The client is not logged in'): RtmError =>
  invalidStatus(102, text);

/**
 * `failNext(method, code)` without a name: the error class the SDK uses when that method fails
 * with that code (docs/reference/rtm1-web-sdk.md §2.3). Codes a method reports as argument/status/limit problems keep those
 * classes; everything else is that method's server-side failure class.
 */
export function defaultErrorName(method: RtmMethodName, code: number): RtmErrorName {
  const specific = ERROR_NAMES_BY_METHOD[method]?.[code] ?? COMMON_ERROR_NAMES[code];
  return specific ?? SERVER_FAILURE_NAME[method] ?? 'RtmUnavailableError';
}

const COMMON_ERROR_NAMES: Record<number, RtmErrorName> = { 102: 'RtmInvalidStatusError' };

const ATTRIBUTE_NAMES: Record<number, RtmErrorName> = {
  3: 'RtmInvalidArgumentError',
  4: 'RtmLimitExceededError',
  7: 'RtmTimeoutError',
};
const QUERY_NAMES: Record<number, RtmErrorName> = { 2: 'RtmInvalidArgumentError', 4: 'RtmTimeoutError' };
const INVITATION_NAMES: Record<number, RtmErrorName> = {
  1: 'RtmInvalidArgumentError',
  2: 'RtmInvalidStatusError',
  3: 'RtmInvalidStatusError',
  4: 'RtmInvalidStatusError',
  5: 'RtmInvalidStatusError',
};

const ERROR_NAMES_BY_METHOD: Partial<Record<RtmMethodName, Record<number, RtmErrorName>>> = {
  login: {
    3: 'RtmUnauthenticatedError',
    4: 'RtmUnauthenticatedError',
    5: 'RtmUnauthenticatedError',
    6: 'RtmUnauthenticatedError',
    8: 'RtmInvalidStatusError',
    9: 'RtmTimeoutError',
    10: 'RtmInvokeTooOftenError',
  },
  sendMessageToPeer: {
    2: 'RtmTimeoutError',
    5: 'RtmLimitExceededError',
    6: 'RtmInvalidArgumentError',
    7: 'RtmInvalidArgumentError',
  },
  'channel.sendMessage': {
    2: 'RtmTimeoutError',
    3: 'RtmLimitExceededError',
    4: 'RtmInvalidArgumentError',
    5: 'RtmInvalidStatusError',
  },
  'channel.join': {
    3: 'RtmInvalidArgumentError',
    4: 'RtmTimeoutError',
    5: 'RtmLimitExceededError',
    6: 'RtmInvalidStatusError',
    202: 'RtmInvalidStatusError',
  },
  'channel.leave': { 3: 'RtmInvalidStatusError' },
  'channel.getMembers': { 2: 'RtmUnavailableError', 4: 'RtmTimeoutError', 5: 'RtmInvalidStatusError' },
  renewToken: {
    1: 'RtmTimeoutError',
    2: 'RtmInvalidArgumentError',
    5: 'RtmUnauthenticatedError',
    6: 'RtmUnauthenticatedError',
  },
  setLocalUserAttributes: ATTRIBUTE_NAMES,
  addOrUpdateLocalUserAttributes: { ...ATTRIBUTE_NAMES, 2: 'RtmInvalidArgumentError' },
  deleteLocalUserAttributesByKeys: { ...ATTRIBUTE_NAMES, 3: 'RtmInvalidStatusError' },
  clearLocalUserAttributes: ATTRIBUTE_NAMES,
  getUserAttributes: ATTRIBUTE_NAMES,
  getUserAttributesByKeys: ATTRIBUTE_NAMES,
  setChannelAttributes: ATTRIBUTE_NAMES,
  addOrUpdateChannelAttributes: ATTRIBUTE_NAMES,
  deleteChannelAttributesByKeys: { ...ATTRIBUTE_NAMES, 3: 'RtmInvalidStatusError' },
  clearChannelAttributes: ATTRIBUTE_NAMES,
  getChannelAttributes: ATTRIBUTE_NAMES,
  getChannelAttributesByKeys: ATTRIBUTE_NAMES,
  queryPeersOnlineStatus: QUERY_NAMES,
  subscribePeersOnlineStatus: { ...QUERY_NAMES, 6: 'RtmLimitExceededError' },
  unsubscribePeersOnlineStatus: { ...QUERY_NAMES, 6: 'RtmLimitExceededError' },
  getChannelMemberCount: { ...QUERY_NAMES, 5: 'RtmInvalidArgumentError' },
  createChannel: { 1: 'RtmInvalidArgumentError' },
  createLocalInvitation: { 1: 'RtmInvalidArgumentError' },
  'invitation.send': INVITATION_NAMES,
  'invitation.cancel': INVITATION_NAMES,
  'invitation.accept': INVITATION_NAMES,
  'invitation.refuse': INVITATION_NAMES,
};

/** docs/reference/rtm1-web-sdk.md §2.3: the class of a generic server-side failure per method. */
const SERVER_FAILURE_NAME: Partial<Record<RtmMethodName, RtmErrorName>> = {
  logout: 'RtmUnknownError',
  'channel.sendMessage': 'RtmUnknownError',
  'channel.leave': 'RtmUnknownError',
  'channel.getMembers': 'RtmUnknownError',
  createChannel: 'RtmInvalidArgumentError',
  createLocalInvitation: 'RtmInvalidArgumentError',
};
