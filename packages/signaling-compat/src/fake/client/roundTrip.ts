import type { RtmError } from '../../rtm/rtm1/errors';
import type { FakeServer } from '../server/FakeServer';
import type { Network } from '../server/Network';
import type { ClientPort } from '../server/wire';

export interface RequestOptions<T> {
  timeoutMs: number;
  timeout: () => RtmError;
  /** A `failNext` failure: the server answers with it instead of serving. */
  fault?: RtmError;
  serve: (server: FakeServer, port: ClientPort) => T;
  /** Applied when the answer arrives, before the promise settles and before later pushes. */
  arrive?: (value: T) => void;
  /** The access point (token checks) answers whatever the state of the RTM connection. */
  viaAccessPoint?: boolean;
  /**
   * Messages: the server acks once the receivers have it (docs/reference/rtm1-web-sdk.md §4.6), so what it pushes is queued
   * before the answer. Otherwise the answer goes first, so that e.g. a join has resolved before
   * the membership notice it causes arrives (docs/reference/rtm1-web-sdk.md §4.11).
   */
  answerAfterPushes?: boolean;
}

/**
 * One request of a login session to the server and its answer, a hop each way, with the SDK's
 * timeout for that API. A request or answer that meets a cut connection is lost, so the call ends
 * in its timeout error.
 */
export function roundTrip<T>(net: Network, server: FakeServer, port: ClientPort, options: RequestOptions<T>): Promise<T> {
  const reachable = (): boolean => options.viaAccessPoint === true || net.isUp(port.uid);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = net.later(options.timeoutMs, () => {
      if (settled) return;
      settled = true;
      reject(options.timeout());
    });
    net.hop(() => {
      if (settled || !reachable()) return;
      let outcome: { value: T } | { error: unknown } | undefined;
      const serve = (): void => {
        if (options.fault) outcome = { error: options.fault };
        else {
          try {
            outcome = { value: options.serve(server, port) };
          } catch (error) {
            outcome = { error };
          }
        }
      };
      if (options.answerAfterPushes) serve();
      net.hop(() => {
        if (settled || !reachable() || !outcome) return;
        settled = true;
        net.cancel(timer);
        if ('error' in outcome) {
          reject(outcome.error);
          return;
        }
        const { value } = outcome;
        try {
          options.arrive?.(value);
        } finally {
          resolve(value);
        }
      });
      if (!options.answerAfterPushes) serve();
    });
  });
}
