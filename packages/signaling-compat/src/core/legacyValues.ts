import { legacyString } from './ids';

/**
 * An attribute value as the shim stores it (channel and user attributes, in every dialect): `""` for
 * none, a string as-is, anything else its JSON text. The legacy SDK put the value into its JSON
 * request as it was (docs/reference/legacy-web-sdk.md §5, `channel_set_attr {line, channel, name,
 * value}`), so an object travelled as its JSON — not as `String(value)`'s `[object Object]`.
 */
export function attributeValue(value: unknown): string {
  return value === undefined || value === null ? '' : (legacyString(value) ?? '');
}
