import { LegacyCode } from '../../core/legacyCodes';

/** The native SDK's error-code constants: `IAgoraAPI.ECODE_LOGOUT_E_KICKED` & co. */
export type NativeErrorCodes = { readonly [K in keyof typeof LegacyCode as `ECODE_${K}`]: (typeof LegacyCode)[K] };

/**
 * `IAgoraAPI.ECODE_*`, as Android apps compare them (`i == IAgoraAPI.ECODE_LOGIN_E_NET`;
 * legacy-usage.md §2.13): the core's legacy code table under the native names.
 */
export const IAgoraAPI: NativeErrorCodes = Object.freeze(
  Object.fromEntries(Object.entries(LegacyCode).map(([name, code]) => [`ECODE_${name}`, code])),
) as NativeErrorCodes;
