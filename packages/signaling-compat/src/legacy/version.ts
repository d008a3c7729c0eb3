/** The legacy SDK's version, which apps print and parse (docs/reference/legacy-web-sdk.md §3); every dialect reports it. */
export const LEGACY_SDK_VERSION = '1.4.0';
export const LEGACY_SDK_VERSION_INT = 1010400000;
