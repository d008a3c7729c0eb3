import type { RtmConfigLike, RtmNamespaceLike } from '../../rtm/types';
import { FakeRtm } from '../FakeRtm';
import { RemoteClient } from './RemoteClient';
import { RemoteContext } from './RemoteContext';
import { type ConnectFakeRtmOptions, runControl, settleLink, socketFor } from './remoteNamespace';
import { type SocketConstructor, WireLink } from './WireLink';

export type { ConnectFakeRtmOptions } from './remoteNamespace';

/**
 * An `AgoraRTM`-shaped namespace (docs/reference/rtm1-web-sdk.md §1.1) whose clients live in the FakeRtm of a
 * `signaling-compat-cli serve` server, so pages and processes that connect to the same server
 * share one in-memory RTM. Pass it as `rtm`, or `Signal.configure({ rtm })`.
 *
 * Besides the namespace members it has members that are **not part of RTM**: `flush()`, `control()`.
 */
export class RemoteFakeRtm implements RtmNamespaceLike {
  readonly END_CALL_PREFIX: string;
  readonly VERSION: string;
  readonly BUILD: string;
  readonly ConnectionState: FakeRtm['ConnectionState'];
  readonly ConnectionChangeReason: FakeRtm['ConnectionChangeReason'];
  readonly LocalInvitationState: FakeRtm['LocalInvitationState'];
  readonly RemoteInvitationState: FakeRtm['RemoteInvitationState'];
  readonly LocalInvitationFailureReason: FakeRtm['LocalInvitationFailureReason'];
  readonly RemoteInvitationFailureReason: FakeRtm['RemoteInvitationFailureReason'];
  readonly PeerOnlineState: FakeRtm['PeerOnlineState'];
  readonly PeerSubscriptionOption: FakeRtm['PeerSubscriptionOption'];
  readonly MessageType: FakeRtm['MessageType'];
  /** The server's address. */
  readonly url: string;
  readonly #context: RemoteContext;
  readonly #clients: RemoteClient[] = [];

  /** @internal Use `connectFakeRtm`. */
  constructor(url: string, Socket: SocketConstructor) {
    const probe = new FakeRtm();
    this.url = url;
    this.END_CALL_PREFIX = probe.END_CALL_PREFIX;
    this.VERSION = probe.VERSION;
    this.BUILD = probe.BUILD;
    this.ConnectionState = probe.ConnectionState;
    this.ConnectionChangeReason = probe.ConnectionChangeReason;
    this.LocalInvitationState = probe.LocalInvitationState;
    this.RemoteInvitationState = probe.RemoteInvitationState;
    this.LocalInvitationFailureReason = probe.LocalInvitationFailureReason;
    this.RemoteInvitationFailureReason = probe.RemoteInvitationFailureReason;
    this.PeerOnlineState = probe.PeerOnlineState;
    this.PeerSubscriptionOption = probe.PeerSubscriptionOption;
    this.MessageType = probe.MessageType;
    const clients = this.#clients;
    const link: WireLink = new WireLink(url, Socket, {
      receive: (frame) => {
        if (frame.t !== 'event') return;
        this.#context.target(frame.on)?.receive(frame.event, frame.args, frame.state);
      },
      dropped: () => {
        for (const client of clients) client.linkDropped();
      },
      lost: () => {
        for (const client of clients) client.sessionLost();
      },
      declarations: () => this.#context.declarations(),
      idle: () => clients.every((client) => client.idle) && !this.#liveInvitations(),
    });
    this.#context = new RemoteContext(link, probe);
  }

  /**
   * docs/reference/rtm1-web-sdk.md §1.1: the App ID and config are checked here, synchronously, by the same rules as FakeRtm's
   * (RtmInvalidArgumentError 1); the client itself is created in the server's fake.
   */
  createInstance(appId: string, config?: RtmConfigLike): RemoteClient {
    this.#context.probe.createInstance(appId, config);
    const client = new RemoteClient(this.#context, appId, config);
    this.#clients.push(client);
    return client;
  }

  /**
   * Not part of RTM. Resolves once the server has handled everything sent so far, its fake has
   * nothing due now, and every event that caused has reached this page's listeners (repeated
   * while those listeners keep making calls).
   */
  flush(): Promise<void> {
    return settleLink('connectFakeRtm', this.#context.link);
  }


  /**
   * Not part of RTM. Runs one of the server's test controls (`disconnect`, `reconnect`, `kick`,
   * `expireToken`, `failNext`, `stats`, `resetStats`, `advance`, `dropConnection`; see docs/remote-fake.md)
   * after every call this page made before it; resolves with its result.
   */
  control(name: string, body: Record<string, unknown> = {}): Promise<unknown> {
    return runControl(this.#context.link, name, body);
  }


  #liveInvitations(): boolean {
    for (const target of this.#context.targets) if (target.underWay) return true;
    return false;
  }
}
/**
 * Connects to a fake RTM server (`signaling-compat-cli serve`, or `startFakeRtmServer` from
 * `signaling-compat-cli`) and returns an `AgoraRTM`-shaped namespace backed by its FakeRtm. The
 * connection opens when first needed and closes while nothing is logged in, so a Node process
 * still exits by itself after logout.
 */
export function connectFakeRtm(url: string, options: ConnectFakeRtmOptions = {}): RemoteFakeRtm {
  const Socket = socketFor('connectFakeRtm', url, options);
  return new RemoteFakeRtm(url, Socket);
}
