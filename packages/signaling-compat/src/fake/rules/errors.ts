/**
 * FakeRtm's own error helpers: the codeless status error of a call without a session, the common
 * 102 text, and the error classes `failNext` picks when it is given no name.
 */

import type { RtmErrorName, RtmMethodName } from '../../rtm/types';
import { invalidStatus, RtmError } from '../../rtm/rtm1/errors';

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
