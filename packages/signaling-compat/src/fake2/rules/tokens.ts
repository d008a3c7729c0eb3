import { isValidAppId } from './ids';
import { inflateZlib } from './inflate';

/** The outcome of 2.3.0's local token check (docs/reference/rtm2-web-sdk.md §2.1 login #3–7). */
export type TokenCheck =
  | { kind: 'none' }
  | { kind: 'ok'; format: '006' | '007' }
  | { kind: 'type-error'; error: TypeError }
  | { kind: 'refused'; code: -10005 | -10016 };

/**
 * `""`, `null`, `undefined` and the App ID itself mean "no token"; a non-string is a TypeError;
 * `006…` must embed the App ID in characters 3–34; `007…` must decode (base64 + zlib) to an
 * AccessToken2 whose App ID matches; anything else is −10005. A foreign App ID is −10016.
 */
export async function checkToken(token: unknown, appId: string): Promise<TokenCheck> {
  if (token === undefined || token === null || token === '' || token === appId) return { kind: 'none' };
  if (typeof token !== 'string') {
    // 2.3.0 crashes slicing it; the message names its minified variable.
    return { kind: 'type-error', error: new TypeError('A.slice is not a function') };
  }
  if (token.startsWith('006')) {
    const embedded = token.slice(3, 35);
    if (embedded === appId) return { kind: 'ok', format: '006' };
    return { kind: 'refused', code: isValidAppId(embedded) ? -10016 : -10005 };
  }
  if (token.startsWith('007')) {
    const embedded = accessToken2AppId(token.slice(3));
    if (embedded === undefined) return { kind: 'refused', code: -10005 };
    return embedded === appId ? { kind: 'ok', format: '007' } : { kind: 'refused', code: -10016 };
  }
  return { kind: 'refused', code: -10005 };
}

/**
 * The App ID inside an AccessToken2 body: base64 of zlib-deflated bytes that start with the
 * signature and the App ID, each a little-endian uint16 length and that many bytes. Undefined when
 * the body does not decode.
 */
function accessToken2AppId(body: string): string | undefined {
  try {
    const bytes = inflateZlib(Uint8Array.from(atob(body), (char) => char.charCodeAt(0)));
    const signatureLength = bytes[0] | (bytes[1] << 8);
    const at = 2 + signatureLength;
    const appIdLength = bytes[at] | (bytes[at + 1] << 8);
    if (bytes.length < at + 2 + appIdLength) return undefined;
    return new TextDecoder().decode(bytes.subarray(at + 2, at + 2 + appIdLength));
  } catch {
    return undefined;
  }
}
