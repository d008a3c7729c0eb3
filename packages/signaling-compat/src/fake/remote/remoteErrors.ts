import type { RtmErrorLike, RtmErrorName } from '../../rtm/types';
import type { WireError } from './wire';

/** An error with the SDK's observable shape (docs/reference/rtm1-web-sdk.md §2.1): `name`, numeric `code`, the formatted message. */
export function rebuildError(wire: WireError): RtmErrorLike {
  const error = new Error(wire.message) as RtmErrorLike & { name: string };
  error.name = wire.name;
  if (wire.code !== undefined) error.code = wire.code;
  if (wire.serverCode !== undefined) error.serverCode = wire.serverCode;
  return error;
}

/**
 * The SDK's error for a misuse a synchronous invitation method must report at once, before the
 * server can answer (docs/reference/rtm1-web-sdk.md §2.4); the server re-checks every such call.
 */
export function syncError(name: RtmErrorName, code: number, text: string): RtmErrorLike {
  return rebuildError({ name, code, message: ` Error Code ${code} - ${text}.` });
}

/** docs/reference/rtm1-web-sdk.md §3.4: invitation content and responses are at most 8 KB of UTF-8. */
export const fitsInvitationText = (text: unknown): boolean =>
  typeof text === 'string' && new TextEncoder().encode(text).length <= 8 * 1024;
