/**
 * Constants of the `AgoraRTM` namespace of agora-rtm-sdk 1.6.0
 * (docs/reference/rtm1-web-sdk.md §1.1).
 */

const filter = (error: boolean, warn: boolean, info: boolean, debug: boolean) =>
  Object.freeze({ error, warn, info, track: debug, debug });

/** The `LOG_FILTER_*` presets: which log levels the SDK prints. */
export const LOG_FILTERS = {
  OFF: filter(false, false, false, false),
  ERROR: filter(true, false, false, false),
  WARNING: filter(true, true, false, false),
  INFO: filter(true, true, true, false),
  DEBUG: filter(true, true, true, true),
};

/** `setParameter`/`getParameter`: the SDK's tuning parameters and their defaults. */
export const SDK_PARAMETERS: Readonly<Record<string, unknown>> = {
  RECONNECTING_AP_INTERVAL: 2500,
  RECONNECTING_AP_NUM: 2,
  DISABLE_MESSAGE_COMPRESSION: false,
  LOG_UPLOAD_INTERVAL: 3000,
  LOG_HANDLER: undefined,
  ENABLE_EDGE_AUTO_FALLBACK: true,
};

/** `setArea`'s area names (the typings' `AreaCode`, not exported at runtime in 1.6.0). */
export const AREA_CODES: ReadonlySet<string> = new Set([
  'GLOBAL',
  'INDIA',
  'JAPAN',
  'ASIA',
  'EUROPE',
  'CHINA',
  'NORTH_AMERICA',
]);

/** `createInstance`'s deprecated third argument takes the legacy names. */
export const LEGACY_AREA_CODES: ReadonlySet<string> = new Set([
  'CN',
  'NA',
  'EU',
  'AS',
  'JP',
  'IN',
  'GLOB',
  'OC',
  'SA',
  'AF',
  'OVS',
]);
