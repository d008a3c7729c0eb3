import type { Channels } from './Channels';
import type { RtmMessage } from '../rtm/types';
import { LegacyCode, describeRtmError, sendFailureCode } from './legacyCodes';
import { encodePayload } from './payload';
import { err, ok, type Result } from './result';

/** What `Engine.sendToChannel` runs: `sendToChannelForce`, handed in by the dialect that has the call. */
export type ChannelSendForce = typeof sendToChannelForce;

/**
 * `messageChannelSendForce` (native): sends to a channel by name without being in it — in a joined
 * channel a normal send without echo, otherwise a brief join, the send, a leave (the other members
 * see the brief membership). Only the native dialect has the call: it hands this function to
 * `Engine.sendToChannel`, so builds without that dialect (the Web-only script) leave it out.
 * `sending` is the Engine's gate: logged in or reconnecting.
 */
export async function sendToChannelForce(channels: Channels, name: string, payload: unknown, sending: boolean): Promise<Result> {
  const ctx = channels.context;
  // The native result callback carries only a code, so the reason goes to the log.
  const failed = (code: number, reason: string): Result => {
    ctx.log.warn(`messageChannelSendForce failed: ${reason}`);
    return err(code, reason);
  };
  if (!sending) return failed(LegacyCode.SENDMESSAGE_E_OTHER, 'not logged in');
  const id = ctx.codec.encode(name);
  if (!('id' in id)) return failed(LegacyCode.SENDMESSAGE_E_OTHER, id.why);
  const message = encodePayload(payload);
  if (!message.ok) return failed(message.code, message.reason);
  const joining = channels.joining(id.id);
  if (joining) await joining;
  const membership = channels.joined(id.id);
  if (membership) return membership.sendEncoded(message.value);
  return channels.briefly(
    id.id,
    async (channel) => {
      if (!ctx.live()) return failed(LegacyCode.SENDMESSAGE_E_OTHER, 'logged out before the message was sent');
      // Through the session's pacer like every send: RTM's 180 per 3 s counts this one too.
      return ctx.pacer.send(
        (sent: RtmMessage) => channel.sendMessage(sent),
        (result) => (result.ok ? ok() : failed(sendFailureCode(result.error), describeRtmError(result.error))),
        () => failed(LegacyCode.SENDMESSAGE_E_OTHER, 'logged out before the message was sent'),
        message.value,
      );
    },
    (reason, error) => failed(error === undefined ? LegacyCode.SENDMESSAGE_E_OTHER : sendFailureCode(error), reason),
  );
}
