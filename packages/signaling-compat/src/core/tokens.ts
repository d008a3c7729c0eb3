/** RTM tokens are AccessToken2 ("007…") or AccessToken ("006…") strings. */
export function isRtmToken(token: unknown): token is string {
  return typeof token === 'string' && /^00[67]/.test(token);
}

/** `_no_need_token`, empty and missing tokens mean "no token" (App-ID-only projects). */
export function isLegacyNoToken(token: unknown): boolean {
  return token === undefined || token === null || token === '' || token === '_no_need_token';
}
