/** How FakeRtm hands a message to each receiver (docs/reference/rtm1-web-sdk.md §1.2). */

import type { RtmMessage } from '../../rtm/types';

/** A receiver's own copy of a message (each receipt is a new object with its own bytes). */
export function copyMessage(message: RtmMessage): RtmMessage {
  return message.messageType === 'RAW' || message.rawMessage !== undefined
    ? { rawMessage: new Uint8Array(message.rawMessage), description: message.description ?? '', messageType: 'RAW' }
    : { text: message.text, messageType: 'TEXT' };
}
