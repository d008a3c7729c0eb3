import type { RtmMethodName } from '../../rtm/types';
import type { ClientCore } from './ClientCore';
import { type RtmError } from '../../rtm/rtm1/errors';
import { notLoggedIn } from '../rules/errors';
import type { FakeServer } from '../server/FakeServer';
import type { ClientPort } from '../server/wire';

/** The CONNECTED gate of every server-backed call (docs/reference/rtm1-web-sdk.md §2.3: code 102 otherwise). */
export function requireConnected(core: ClientCore): void {
  if (core.state !== 'CONNECTED') throw notLoggedIn();
}

/**
 * One request to the in-memory server with the method's own timeout error, taking a queued
 * `failNext` fault for `method` first.
 */
export function serverRequest<T>(
  core: ClientCore,
  method: RtmMethodName,
  timeout: { ms: number; error: () => RtmError },
  serve: (server: FakeServer, port: ClientPort) => T,
  arrive?: (value: T) => void,
): Promise<T> {
  return core.request({
    timeoutMs: timeout.ms,
    timeout: timeout.error,
    fault: core.ledger.takeFault(method),
    serve,
    arrive,
  });
}
