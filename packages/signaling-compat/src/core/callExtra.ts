/**
 * The keys of a legacy invitation `extra` that the Signaling server interpreted
 * (legacy-web-sdk.md §10): `_require_peer_online` and `_timeout` (0–30 s).
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
    try {
      const parsed: unknown = JSON.parse(extra);
      if (typeof parsed === 'object' && parsed !== null) fields = parsed as Record<string, unknown>;
    } catch {
      // Non-JSON extra is legal and opaque.
    }
  } else if (typeof extra === 'object' && extra !== null) {
    fields = extra as Record<string, unknown>;
  }
  const required = fields._require_peer_online;
  const timeout = Number(fields._timeout);
  return {
    requirePeerOnline: required === 1 || required === '1' || required === true,
    timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? Math.min(timeout, 30) : undefined,
  };
}

/** The invitation content RTM carries: strings as they are, objects as JSON, nothing as "". */
export function contentOf(extra: unknown): string {
  if (extra === undefined || extra === null || extra === '') return '';
  if (typeof extra === 'string') return extra;
  try {
    return JSON.stringify(extra) ?? String(extra);
  } catch {
    return String(extra);
  }
}
