/**
 * The one naming rule of agora-rtm-sdk 2.3.0 (docs/reference/rtm2-web-sdk.md §2.6) for user IDs,
 * channel names, metadata keys, lock names and presence state keys: a string of 1–64 characters
 * from ASCII letters, digits, space and ``! # $ % & ( ) + , - : ; < = > ? @ [ ] ^ _ { | } ~``, not
 * starting with `_`. `EXTEND_CHANNEL_NAME` also allows `.` and `` ` `` in channel names.
 */
const ID_CHARS = /^[A-Za-z0-9 !#$%&()+,\-:;<=>?@[\]^_{|}~]{1,64}$/;
const EXTENDED_CHANNEL_CHARS = /^[A-Za-z0-9 !#$%&()+,\-:;<=>?@[\]^_{|}~.`]{1,64}$/;

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_CHARS.test(value) && !value.startsWith('_');
}

export function isValidChannelName(value: unknown, extended: boolean): value is string {
  if (!extended) return isValidId(value);
  return typeof value === 'string' && EXTENDED_CHANNEL_CHARS.test(value) && !value.startsWith('_');
}

/** docs/reference/rtm2-web-sdk.md §1.2 #1: 32 ASCII letters or digits (any letters, not just hex). */
export function isValidAppId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9]{32}$/.test(value);
}

const encoder = new TextEncoder();

/** UTF-8 length of a string, byte length of bytes: how 2.3.0 measures every size limit. */
export function byteLength(value: string | Uint8Array): number {
  return typeof value === 'string' ? encoder.encode(value).length : value.byteLength;
}
