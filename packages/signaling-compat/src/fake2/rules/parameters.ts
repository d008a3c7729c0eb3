import type { GlobalParameters } from '../server/Cloud';
import { argError } from './errors';

type ParameterType = 'boolean' | 'number' | 'string[]' | 'function' | 'object' | 'Map' | 'enum';

/** The keys `AgoraRTM.setParameter` accepts in 2.3.0 and their value types (docs/reference/rtm2-web-sdk.md §1.1). */
const PARAMETER_TYPES: Readonly<Record<string, ParameterType>> = {
  API_RATE_LIMIT: 'Map',
  AP_DOMAIN_LIST: 'string[]',
  AP_OVERRIDE_DOMAIN_LIST: 'string[]',
  CHANNEL_MSG_REORDER_TIMEOUT: 'number',
  CLOUD_PROXY: 'boolean',
  CONCURRENT_AP_NUM: 'number',
  CONFIG_QUERY_INTERVAL: 'number',
  DECOUPLE_SYNC: 'boolean',
  DISABLE_MESSAGE_COMPRESSION: 'boolean',
  DISABLE_PRESENCE: 'boolean',
  EDGE_DOMAIN_TLD_LIST: 'string[]',
  EDGE_ENV_PORT: 'object',
  EDGE_IP_LIST: 'string[]',
  EDGE_OVERRIDE_DOMAIN_TLD_LIST: 'string[]',
  EDGE_USE_IP: 'boolean',
  ENABLE_API_RATE_LIMIT: 'boolean',
  ENABLE_EDGE_AUTO_FALLBACK: 'boolean',
  EVENT_REPORT_DOMAIN_LIST: 'string[]',
  EXTEND_CHANNEL_NAME: 'boolean',
  HEART_BEAT: 'number',
  HISTORY_MSG_COUNT_LIMIT: 'number',
  IGNORE_DUPLICATE_USER_ID_ERR: 'boolean',
  LOCK_ENABLED: 'boolean',
  LOCK_TTL: 'number',
  LOG_HANDLER: 'function',
  LOG_PING_PONG: 'boolean',
  LOG_UPLOAD: 'boolean',
  LOG_UPLOAD_DOMAIN_LIST: 'string[]',
  LOG_UPLOAD_INTERVAL: 'number',
  MAX_STATE_COUNT: 'number',
  MESSAGE_CHANNEL_COUNT: 'number',
  MIN_RECONNECT_TIMEOUT_IN_SECONDS: 'number',
  P2P_MSG_REORDER_TIMEOUT: 'number',
  PRESENCE_BACKOFF_EVENT_INTERVAL: 'number',
  PRESENCE_DEBOUNCE: 'number',
  PRESENCE_INTERVAL: 'number',
  PRESENCE_MODE: 'enum',
  PRESENCE_PENDING_DISPATCH_INTERVAL: 'number',
  PRESENCE_PENDING_QUEUE_LIMIT: 'number',
  PRESENCE_RPC_TIMEOUT: 'number',
  PRESENCE_THRESHOLD: 'number',
  PRESENCE_TIMEOUT: 'number',
  PRESENCE_TOPN_THRESHOLD: 'number',
  RECONNECTING_AP_INTERVAL: 'number',
  REGISTRAR_USE_WS: 'boolean',
  RTM2_ENABLED: 'boolean',
  RTM_LINK_KEEP_ALIVE_TIMEOUT: 'number',
  SENSITIVE_LOG: 'boolean',
  STORAGE_CHANNEL_SUB_ENABLED: 'boolean',
  STORAGE_ENABLED: 'boolean',
  STORAGE_USER_SUB_ENABLED: 'boolean',
  STREAM_CHANNEL_COUNT: 'number',
  TDS_DOMAINS: 'string[]',
};

function hasType(value: unknown, type: ParameterType): boolean {
  switch (type) {
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'Map':
      return value instanceof Map;
    case 'enum':
      return typeof value === 'string';
    case 'boolean':
      // 2.3.0 also takes strings for its switches.
      return typeof value === 'boolean' || typeof value === 'string';
    case 'object':
      return typeof value === 'object' && value !== null;
    default:
      return typeof value === type;
  }
}

/**
 * The page-global parameter store of one FakeRtm2: `setParameter` accepts the 2.3.0 keys with
 * values of their type and throws RtmInvalidArgumentError −10014 otherwise; the ones FakeRtm2
 * models take effect (`modelled`).
 */
export class Parameters {
  readonly #values = new Map<string, unknown>();
  readonly modelled: GlobalParameters = {
    IGNORE_DUPLICATE_USER_ID_ERR: false,
    EXTEND_CHANNEL_NAME: false,
    MESSAGE_CHANNEL_COUNT: undefined,
    ENABLE_API_RATE_LIMIT: true,
    MIN_RECONNECT_TIMEOUT_IN_SECONDS: undefined,
  };

  set(key: unknown, value: unknown): void {
    const type = typeof key === 'string' ? PARAMETER_TYPES[key] : undefined;
    if (type === undefined || !hasType(value, type)) throw argError(-10014, 'set parameter');
    this.#values.set(key as string, value);
    if ((key as string) in this.modelled) {
      (this.modelled as unknown as Record<string, unknown>)[key as string] = type === 'boolean' ? value === true || value === 'true' : value;
    }
  }

  get(key: string): unknown {
    return this.#values.get(key);
  }
}
