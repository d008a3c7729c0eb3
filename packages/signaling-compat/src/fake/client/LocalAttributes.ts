import type { AttributesMap, ChannelAttributes } from '../../rtm/types';
import type { AttributeWrite } from '../server/FakeServer';

/**
 * The attribute copies the SDK keeps on the client: the user's own attributes
 * (docs/reference/rtm1-web-sdk.md §4.13), and per channel the values this client wrote or read, for addOrUpdate's
 * size pre-check (docs/reference/rtm1-web-sdk.md §2.3). Cleared when the client enters DISCONNECTED or ABORTED.
 */
export class LocalAttributes {
  readonly #user = new Map<string, string>();
  readonly #channels = new Map<string, Map<string, string>>();

  user(): AttributesMap {
    return Object.fromEntries(this.#user);
  }

  /** What a reconnecting client re-sends (docs/reference/rtm1-web-sdk.md §4.4). */
  userEntries(): Map<string, string> {
    return new Map(this.#user);
  }

  /** Applies a write the server acknowledged. */
  writeUser(write: AttributeWrite): void {
    if (write.op === 'set' || write.op === 'clear') this.#user.clear();
    if (write.op === 'set' || write.op === 'addOrUpdate') {
      for (const [key, value] of Object.entries(write.attributes)) this.#user.set(key, value);
    } else if (write.op === 'delete') {
      for (const key of write.keys) this.#user.delete(key);
    }
  }

  channel(channelId: string): AttributesMap {
    return Object.fromEntries(this.#channels.get(channelId) ?? []);
  }

  /** The channel's stored map as the server answered it. */
  rememberChannel(channelId: string, stored: ChannelAttributes): void {
    const entries = Object.entries(stored);
    // An empty copy says nothing an absent one does not; keeping it would grow with every channel touched.
    if (entries.length === 0) this.#channels.delete(channelId);
    else this.#channels.set(channelId, new Map(entries.map(([key, { value }]) => [key, value])));
  }

  clear(): void {
    this.#user.clear();
    this.#channels.clear();
  }
}
