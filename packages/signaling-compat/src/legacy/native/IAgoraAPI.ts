import { LEGACY_CODE_TABLE } from '../../core/legacyCodes';

/** The native SDK's error-code constants: `IAgoraAPI.ECODE_LOGOUT_E_KICKED` & co. */
export type NativeErrorCodes = { readonly [K in keyof typeof LEGACY_CODE_TABLE as `ECODE_${K}`]: (typeof LEGACY_CODE_TABLE)[K] };

/**
 * `IAgoraAPI.ECODE_*`, as Android apps compare them (`i == IAgoraAPI.ECODE_LOGIN_E_NET`;
 * docs/reference/legacy-usage.md §2.13): the core's legacy code table under the native names. Marked pure so a
 * bundler drops it from apps that never use it.
 */
export const IAgoraAPI: NativeErrorCodes = /* @__PURE__ */ nativeNames();

function nativeNames(): NativeErrorCodes {
  return Object.freeze(
    Object.fromEntries(Object.entries(LEGACY_CODE_TABLE).map(([name, code]) => [`ECODE_${name}`, code])),
  ) as NativeErrorCodes;
}
