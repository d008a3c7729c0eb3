import { parseUntrusted, safeText } from './untrusted';

/**
 * The keys of a legacy invitation `extra` that the Signaling server interpreted
 * (docs/reference/legacy-web-sdk.md §10): `_require_peer_online` and `_timeout` (0–30 s).
 */
export interface CallTerms {
  requirePeerOnline: boolean;
  /** Seconds until an unanswered call fails, or undefined. */
  timeoutSeconds: number | undefined;
}

/** Reads the terms from an extra that may be a JSON string, an object or anything else. */
export function callTerms(extra: unknown): CallTerms {
  let fields: Record<string, unknown> = {};
  if (typeof extra === 'string') {
    // Non-JSON extra is legal and opaque.
    const parsed = parseUntrusted(extra);
    if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null) fields = parsed.value as Record<string, unknown>;
  } else if (typeof extra === 'object' && extra !== null) {
    fields = extra as Record<string, unknown>;
  }
  let required: unknown;
  let timeout = NaN;
  try {
    required = fields._require_peer_online;
    timeout = Number(fields._timeout);
  } catch {
    // An app object whose getters or valueOf throw has no terms the shim can read.
  }
  return {
    requirePeerOnline: required === 1 || required === '1' || required === true,
    timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? Math.min(timeout, 30) : undefined,
  };
}

/**
 * The invitation content RTM carries: strings as they are, objects as JSON, nothing as "". Never
 * throws: a value JSON and `String` cannot render (e.g. nested 10,000 deep) becomes "" — the legacy
 * call that passed it returns normally, as it always did.
 */
export function contentOf(extra: unknown): string {
  if (extra === undefined || extra === null || extra === '') return '';
  return safeText(extra);
}
