import { FakeRtm2 } from '../../fake2/FakeRtm2';
import type { RTMConfig } from '../../fake2/types';
import { RemoteRtm2Client, Rtm2Context } from './RemoteRtm2Client';
import { type ConnectFakeRtmOptions, runControl, settleLink, socketFor } from './remoteNamespace';
import { type SocketConstructor, WireLink } from './WireLink';

/** `new ns.RTM(appId, userId, config)` of a `connectFakeRtm2` namespace. */
export type RemoteRTMConstructor = new (appId: string, userId: string, config?: RTMConfig) => RemoteRtm2Client;

/**
 * An agora-rtm-sdk 2.x-shaped namespace (docs/reference/rtm2-web-sdk.md §1.1) whose clients live in
 * the FakeRtm2 of a `signaling-compat-cli serve` server, so pages and processes that connect to
 * the same server share one in-memory 2.x "cloud".
 *
 * `setParameter`, `getParameter` and `setArea` are the page's own (they run on a local FakeRtm2,
 * as page-global settings do in 2.3.0); parameters that change the service's behaviour
 * (`EXTEND_CHANNEL_NAME`, `MESSAGE_CHANNEL_COUNT`, `ENABLE_API_RATE_LIMIT`) are set on the
 * server's FakeRtm2 (`startFakeRtmServer({ rtm2 })`). Besides the namespace members it has
 * members that are **not part of RTM**: `flush()`, `control()`.
 */
export class RemoteFakeRtm2 {
  readonly VERSION: string;
  readonly BUILD: string;
  readonly RTM: RemoteRTMConstructor;
  readonly constantsType: FakeRtm2['constantsType'];
  readonly RTMBaseError: FakeRtm2['RTMBaseError'];
  /** The server's address. */
  readonly url: string;
  readonly #context: Rtm2Context;

  /** @internal Use `connectFakeRtm2`. */
  constructor(url: string, Socket: SocketConstructor) {
    const probe = new FakeRtm2();
    this.url = url;
    this.VERSION = probe.VERSION;
    this.BUILD = probe.BUILD;
    this.constantsType = probe.constantsType;
    this.RTMBaseError = probe.RTMBaseError;
    const clients = () => this.#context.clients.values();
    const link: WireLink = new WireLink(
      url,
      Socket,
      {
        receive: (frame) => {
          if (frame.t === 'event') this.#context.clients.get(frame.on)?.receive(frame.event, frame.args);
        },
        // The server cut the users' links; their link-state events arrive when the socket is back.
        dropped: () => undefined,
        lost: () => {
          for (const client of clients()) client.sessionLost();
        },
        declarations: () => this.#context.declarations(),
        idle: () => [...clients()].every((client) => client.idle),
      },
      'rtm2',
    );
    const context = new Rtm2Context(link, probe);
    this.#context = context;
    this.RTM = class RTM extends RemoteRtm2Client {
      constructor(appId: string, userId: string, config?: RTMConfig) {
        super(context, appId, userId, config);
      }
    };
  }

  setParameter(key: string, value: unknown): void {
    this.#context.probe.setParameter(key, value);
  }

  getParameter(key: string): unknown {
    return this.#context.probe.getParameter(key);
  }

  setArea(config: Parameters<FakeRtm2['setArea']>[0]): void {
    this.#context.probe.setArea(config);
  }

  /**
   * Not part of RTM. Resolves once the server has handled everything sent so far, its FakeRtm2
   * has nothing due now, and every event that caused has reached this page's listeners (repeated
   * while those listeners keep making calls).
   */
  flush(): Promise<void> {
    return settleLink('connectFakeRtm2', this.#context.link);
  }


  /**
   * Not part of RTM. Runs one of the server's FakeRtm2 test controls (`disconnect`, `reconnect`,
   * `kick`, `expireToken`, `failNext`, `stats`, `resetStats`, `advance`, `dropConnection`; see
   * docs/remote-fake.md) after every call this page made before it; resolves with its result.
   */
  control(name: string, body: Record<string, unknown> = {}): Promise<unknown> {
    return runControl(this.#context.link, name, body);
  }

}

/**
 * Connects to a fake RTM server (`signaling-compat-cli serve`, or `startFakeRtmServer` from
 * `signaling-compat-cli`) and returns an agora-rtm-sdk 2.x-shaped namespace backed by its
 * FakeRtm2: `new ns.RTM(appId, userId, config)`. The connection opens when first needed and
 * closes while nothing is logged in, so a Node process still exits by itself after logout.
 */
export function connectFakeRtm2(url: string, options: ConnectFakeRtmOptions = {}): RemoteFakeRtm2 {
  const Socket = socketFor('connectFakeRtm2', url, options);
  return new RemoteFakeRtm2(url, Socket);
}
