import { errorMessage } from './errorTable';

/** What the third constructor argument of `RTMBaseError` may carry besides a plain code or name. */
export interface RtmErrorInfo {
  code?: number;
  serverCode?: number;
  originalError?: unknown;
}

/** 2.3.0 appends a full stop to a reason that lacks one (docs/reference/rtm2-web-sdk.md §1.10). */
function withFullStop(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

function reasonOf(message: unknown): string {
  return typeof message === 'string' && message ? withFullStop(message) : '';
}

/**
 * `AgoraRTM.RTMBaseError` as 2.3.0 builds it (docs/reference/rtm2-web-sdk.md §1.10): `new RTMBaseError(operation, message,
 * codeOrNameOrInfo)`; own properties `originalError`, `code`, `serverCode`, `error: true`,
 * `reason` (message + "."), `operation`, `errorCode` (code or 0), and `message` =
 * `"Error Code <code>[, server Code <n>] - <reason>"`. A directly built one keeps the name "Error".
 */
export class RTMBaseError extends Error {
  declare originalError: unknown;
  declare code: number | undefined;
  declare serverCode: number | undefined;
  declare error: boolean;
  declare reason: string;
  declare operation: string;
  declare errorCode: number;

  constructor(operation?: string, message?: string, codeOrInfo?: number | string | RtmErrorInfo) {
    const code = typeof codeOrInfo === 'number' ? codeOrInfo : typeof codeOrInfo === 'object' ? codeOrInfo.code : undefined;
    const serverCode = typeof codeOrInfo === 'object' ? codeOrInfo.serverCode : undefined;
    const prefix = `${code !== undefined ? `Error Code ${code}` : ''}${serverCode !== undefined ? `, server Code ${serverCode}` : ''}`;
    super(`${prefix === '' ? '' : `${prefix} - `}${reasonOf(message)}`);
    // Own properties in the order the SDK defines them.
    this.originalError = undefined;
    this.code = undefined;
    this.serverCode = undefined;
    this.error = undefined as unknown as boolean;
    this.reason = undefined as unknown as string;
    this.operation = undefined as unknown as string;
    this.errorCode = undefined as unknown as number;
    if (typeof codeOrInfo === 'number') this.code = codeOrInfo;
    else if (typeof codeOrInfo === 'string') this.name = codeOrInfo;
    else if (codeOrInfo !== undefined) {
      if (codeOrInfo.originalError) this.originalError = codeOrInfo.originalError;
      if (codeOrInfo.code !== undefined) this.code = codeOrInfo.code;
      if (codeOrInfo.serverCode !== undefined) this.serverCode = codeOrInfo.serverCode;
    }
    this.error = true;
    this.errorCode = this.code ?? 0;
    this.operation = operation ?? '';
    this.reason = reasonOf(message);
  }
}

/** The `name`s of 2.3.0's error subclasses (not exported by the SDK; `name` is the discriminator). */
export type RtmErrorName =
  | 'RtmInvalidArgumentError'
  | 'RtmInvalidStatusError'
  | 'RtmLimitExceededError'
  | 'RtmUnavailableError'
  | 'RtmTimeoutError'
  | 'RtmUnauthenticatedError'
  | 'RtmUnknownError'
  | 'RtmInvokeTooOftenError';

class NamedRtmError extends RTMBaseError {
  constructor(name: RtmErrorName, operation: string, message: string, info: RtmErrorInfo) {
    super(operation, message, info);
    // 2.3.0 defines `name` as a subclass field; RtmUnavailableError adds `statusCode`, and
    // RtmUnauthenticatedError re-declares `serverCode` (resetting it).
    if (name === 'RtmUnauthenticatedError') this.serverCode = undefined;
    Object.defineProperty(this, 'name', { value: name, writable: true, enumerable: true, configurable: true });
    if (name === 'RtmUnavailableError') (this as { statusCode?: number }).statusCode = undefined;
  }
}

/**
 * The error 2.3.0 raises for `code` in `operation`, with the table's message (docs/reference/rtm2-web-sdk.md §1.11); a few
 * checks append a detail to it, as 2.3.0 does (e.g. "…invalid argument.state of parameter is empty.").
 */
export function rtmError(name: RtmErrorName, code: number, operation: string, info: Omit<RtmErrorInfo, 'code'> & { detail?: string } = {}): RTMBaseError {
  const error = new NamedRtmError(name, operation, `${errorMessage(code)}${info.detail ?? ''}`, { code });
  if (info.serverCode !== undefined) {
    error.serverCode = info.serverCode;
    error.message = `Error Code ${code}, server Code ${info.serverCode} - ${error.reason}`;
  }
  if (info.originalError !== undefined) error.originalError = info.originalError;
  return error;
}

/** Shorthands for the classes of docs/reference/rtm2-web-sdk.md §2.1's tables. */
export const argError = (code: number, operation: string, detail?: string) => rtmError('RtmInvalidArgumentError', code, operation, { detail });
export const statusError = (code: number, operation: string) => rtmError('RtmInvalidStatusError', code, operation);
export const limitError = (code: number, operation: string) => rtmError('RtmLimitExceededError', code, operation);
export const unavailableError = (code: number, operation: string) => rtmError('RtmUnavailableError', code, operation);
export const timeoutError = (code: number, operation: string) => rtmError('RtmTimeoutError', code, operation);

/** −10025: every call that needs the service while the link is not CONNECTED (docs/reference/rtm2-web-sdk.md §2.2). */
export const notConnected = (operation: string) => statusError(-10025, operation);
