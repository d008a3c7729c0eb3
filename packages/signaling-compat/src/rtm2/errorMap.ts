/**
 * Every 2.x error (docs/reference/rtm2-web-sdk.md §1.11) becomes the 1.x error the same situation
 * raises on agora-rtm-sdk 1.6.0 (docs/reference/rtm1-web-sdk.md §2.3), so the core's failure
 * paths and legacy codes stay what they are on 1.x. One table per 1.x operation: a 2.x code that
 * is not listed there falls back to that operation's generic failure.
 */

import {
  invalidArgument,
  invalidStatus,
  limitExceeded,
  RtmError,
  timeoutError,
  unauthenticated,
  unavailable,
  unknownError,
} from '../rtm/rtm1/errors';
import type { RtmErrorName } from '../rtm/types';
import type { Rtm2ErrorLike } from './types';

/** The 1.x operations the adapter runs on 2.x calls. */
export type Rtm1Operation =
  | 'login'
  | 'renewToken'
  | 'sendMessageToPeer'
  | 'channel.sendMessage'
  | 'channel.join'
  | 'channel.getMembers'
  | 'attributes'
  | 'userAttributes.get'
  | 'query';

/** `[1.x error class, 1.x code]` */
type Rtm1Error = readonly [RtmErrorName, number];

const NOT_LOGGED_IN: Rtm1Error = ['RtmInvalidStatusError', 102];

/** 2.x codes that mean the same thing to every 1.x operation. */
const COMMON: Record<number, Rtm1Error> = {
  [-10025]: NOT_LOGGED_IN,
  [-10002]: NOT_LOGGED_IN,
};

export const RTM2_ERROR_TABLE: Record<Rtm1Operation, { table: Record<number, Rtm1Error>; otherwise: Rtm1Error }> = {
  login: {
    table: {
      [-10003]: ['RtmUnauthenticatedError', 4],
      [-10015]: ['RtmUnauthenticatedError', 4],
      [-10016]: ['RtmUnauthenticatedError', 4],
      [-10005]: ['RtmUnauthenticatedError', 5],
      [-10009]: ['RtmUnauthenticatedError', 6],
      [-10006]: ['RtmInvalidArgumentError', 3],
      [-10010]: ['RtmInvalidArgumentError', 2],
      [-10011]: ['RtmTimeoutError', 9],
      [-10012]: ['RtmUnavailableError', 2],
      [-10017]: ['RtmInvokeTooOftenError', 10],
      [-10021]: ['RtmInvokeTooOftenError', 10],
      [-10027]: ['RtmUnavailableError', 1],
    },
    otherwise: ['RtmUnavailableError', 1],
  },
  renewToken: {
    table: {
      [-10005]: ['RtmUnauthenticatedError', 6],
      [-10016]: ['RtmUnauthenticatedError', 6],
      [-10009]: ['RtmUnauthenticatedError', 5],
      [-10026]: ['RtmTimeoutError', 1],
    },
    otherwise: ['RtmUnauthenticatedError', 6],
  },
  sendMessageToPeer: {
    table: {
      [-10006]: ['RtmInvalidArgumentError', 6],
      [-10008]: ['RtmInvalidArgumentError', 6],
      [-11010]: ['RtmLimitExceededError', 7],
      [-11026]: ['RtmTimeoutError', 2],
      [-10021]: ['RtmLimitExceededError', 5],
    },
    otherwise: ['RtmUnavailableError', 1],
  },
  'channel.sendMessage': {
    table: {
      [-10008]: ['RtmInvalidArgumentError', 1],
      [-11010]: ['RtmLimitExceededError', 4],
      [-11026]: ['RtmTimeoutError', 2],
      [-10021]: ['RtmLimitExceededError', 3],
    },
    otherwise: ['RtmUnknownError', 1],
  },
  'channel.join': {
    table: {
      [-10008]: ['RtmInvalidArgumentError', 3],
      [-11005]: ['RtmLimitExceededError', 5],
      [-11019]: ['RtmTimeoutError', 4],
      [-13012]: ['RtmTimeoutError', 4],
      [-12018]: ['RtmTimeoutError', 4],
    },
    otherwise: ['RtmUnavailableError', 1],
  },
  'channel.getMembers': {
    table: { [-13012]: ['RtmTimeoutError', 4] },
    otherwise: ['RtmUnknownError', 1],
  },
  attributes: {
    table: {
      [-10006]: ['RtmInvalidArgumentError', 3],
      [-10008]: ['RtmInvalidArgumentError', 3],
      [-12009]: ['RtmInvalidArgumentError', 3],
      [-12010]: ['RtmInvalidArgumentError', 3],
      [-12011]: ['RtmInvalidArgumentError', 3],
      [-12003]: ['RtmInvalidArgumentError', 3],
      [-12002]: ['RtmLimitExceededError', 4],
      [-12006]: ['RtmLimitExceededError', 4],
      [-12012]: ['RtmLimitExceededError', 4],
      [-12018]: ['RtmTimeoutError', 7],
    },
    otherwise: ['RtmUnavailableError', 2],
  },
  'userAttributes.get': {
    table: {
      [-10006]: ['RtmInvalidArgumentError', 3],
      [-12018]: ['RtmTimeoutError', 7],
      [-13011]: ['RtmUnavailableError', 6],
    },
    otherwise: ['RtmUnknownError', 2],
  },
  query: {
    table: {
      [-10006]: ['RtmInvalidArgumentError', 2],
      [-10008]: ['RtmInvalidArgumentError', 2],
      [-13012]: ['RtmTimeoutError', 4],
      [-11026]: ['RtmTimeoutError', 4],
    },
    otherwise: ['RtmUnavailableError', 1],
  },
};

const FACTORIES: Record<RtmErrorName, (code: number, text: string) => RtmError> = {
  RtmInvalidArgumentError: invalidArgument,
  RtmInvalidStatusError: invalidStatus,
  RtmLimitExceededError: limitExceeded,
  RtmTimeoutError: timeoutError,
  RtmUnavailableError: (code, text) => unavailable(code, text),
  RtmUnauthenticatedError: unauthenticated,
  RtmUnknownError: unknownError,
  RtmInvokeTooOftenError: (code, text) => new RtmError('RtmInvokeTooOftenError', code, text),
  RtmInternalError: (code, text) => new RtmError('RtmInternalError', code, text),
};

/**
 * docs/reference/rtm1-web-sdk.md §2.3: what 1.x reports when a request gets no answer in time
 * (`[class, code, seconds]`). 2.x's own timeouts are longer for some calls (13 s for a USER
 * publish), so the adapter keeps 1.x's.
 */
export const RTM1_TIMEOUTS: Record<Exclude<Rtm1Operation, 'login'>, readonly [number, number]> = {
  renewToken: [1, 20],
  sendMessageToPeer: [2, 10],
  'channel.sendMessage': [2, 10],
  'channel.join': [4, 10],
  'channel.getMembers': [4, 10],
  attributes: [7, 10],
  'userAttributes.get': [7, 10],
  query: [4, 10],
};

/** The 1.x timeout error of `operation`. */
export function rtm1Timeout(operation: Exclude<Rtm1Operation, 'login'>): RtmError {
  const [code, seconds] = RTM1_TIMEOUTS[operation];
  return timeoutError(code, `${operation} timed out after ${seconds}s`);
}

/** The numeric 2.x code of anything a 2.x call rejected with (`undefined` for non-RTM errors). */
export function rtm2Code(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { errorCode, code } = error as Rtm2ErrorLike;
  if (typeof errorCode === 'number' && errorCode !== 0) return errorCode;
  return typeof code === 'number' ? code : undefined;
}

/** The 1.x error `operation` reports for a 2.x rejection; the 2.x code and reason stay in the text. */
export function toRtm1Error(operation: Rtm1Operation, error: unknown): RtmError {
  if (error instanceof RtmError) return error;
  const code = rtm2Code(error);
  const { table, otherwise } = RTM2_ERROR_TABLE[operation];
  const [name, rtm1Code] = (code === undefined ? undefined : (COMMON[code] ?? table[code])) ?? otherwise;
  return FACTORIES[name](rtm1Code, `${operation} failed on RTM 2.x (${describe(error)})`);
}

function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { name, reason, message } = error as Rtm2ErrorLike;
  const code = rtm2Code(error);
  const text = typeof reason === 'string' && reason ? reason : typeof message === 'string' ? message : '';
  return `${typeof name === 'string' ? name : 'Error'}${code === undefined ? '' : ` ${code}`}: ${text.replace(/\.$/, '')}`;
}
