import type { ClientCore } from './ClientCore';
import { argError, notConnected } from '../rules/errors';

/**
 * `rtm.history` of 2.3.0 (docs/reference/rtm2-web-sdk.md §1.7). History needs a Console setting
 * FakeRtm2 does not model: `getMessages` fails as on an App ID without it (−15005).
 */
export class RTMHistory {
  readonly #core: ClientCore;

  constructor(core: ClientCore) {
    this.#core = core;
  }

  async getMessages(_channelName: string, _channelType: 'MESSAGE' | 'USER', _options?: { messageCount?: number; start?: number; end?: number }): Promise<never> {
    const core = this.#core;
    core.count('history.getMessages');
    const rateError = core.takeRate('getMessages', 'getMessages');
    if (rateError) throw rateError;
    if (!core.connected) throw notConnected('getMessages');
    throw argError(-15005, 'getMessages');
  }
}
