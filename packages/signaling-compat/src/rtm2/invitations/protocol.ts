/**
 * The call-invitation protocol between adapter clients (2.x has no invitations,
 * docs/reference/rtm2-web-sdk.md §5 A23): JSON envelopes in USER messages under `customType`
 * `rtm1.inv`, mirroring 1.x's invite / cancel / accept (request and ack) / refuse packets.
 * The sender is never in the envelope: it is the server-set `publisher` of the message.
 */
import { fitsInvitationText } from '../../rtm/rtm1/validation';

export type EnvelopeType = 'INVITE' | 'CANCEL' | 'ACCEPT' | 'ACCEPT_ACK' | 'REFUSE';

export interface Envelope {
  v: 1;
  t: EnvelopeType;
  /** The call ID, made by the caller; unique per caller. */
  id: string;
  /** INVITE: channel ID. */
  ch?: string;
  /** INVITE and CANCEL: the caller's content. */
  c?: string;
  /** ACCEPT and REFUSE: the callee's response. */
  r?: string;
}

const TYPES: ReadonlySet<string> = new Set<EnvelopeType>(['INVITE', 'CANCEL', 'ACCEPT', 'ACCEPT_ACK', 'REFUSE']);
/** 1.x caps content and response at 8 KB; anything much larger than that is not from an adapter. */
const MAX_ENVELOPE_CHARS = 40_000;

export const encodeEnvelope = (envelope: Envelope): string => JSON.stringify(envelope);

/**
 * A received envelope, or `undefined` for anything that is not one (peer data: never throws).
 * Unknown versions and types are ignored, so a later protocol can extend this one.
 */
export function decodeEnvelope(message: unknown): Envelope | undefined {
  if (typeof message !== 'string' || message.length > MAX_ENVELOPE_CHARS) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { v, t, id, ch, c, r } = value as Record<string, unknown>;
  if (v !== 1 || typeof t !== 'string' || !TYPES.has(t)) return undefined;
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return undefined;
  const optional = (field: unknown): field is string | undefined => field === undefined || typeof field === 'string';
  if (!optional(ch) || !optional(c) || !optional(r)) return undefined;
  // 1.x never delivers a content or response over 8 KB (the sending SDK refuses it): nor does the adapter.
  if (!fitsInvitationText(c ?? '') || !fitsInvitationText(r ?? '')) return undefined;
  return { v, t: t as EnvelopeType, id, ch, c, r };
}
