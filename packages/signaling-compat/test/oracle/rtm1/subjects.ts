import { vi } from 'vitest';
import { FakeRtm, ManualClock } from '../../../src/fake';
import type { RtmNamespaceLike } from '../../../src/rtm/types';
import { loadRealRtm } from './realSdk';
import { invitationSignal, learnUnavailableError, refuseJoin, sessionEvent, useStandIn } from './standInTransport';

export const APP_ID = '0123456789abcdef0123456789abcdef';

/* eslint-disable @typescript-eslint/no-explicit-any -- probes poke at both SDKs with wrong types on purpose */
export type Loose = any;

/**
 * One side of the differential: the real SDK or FakeRtm, with the same few verbs. A probe only
 * ever talks to a Subject, so both sides run the very same code.
 */
export interface Subject {
  readonly side: 'real' | 'fake';
  readonly rtm: Loose;
  /** A fresh client, not logged in; a later `login()` reaches the (stand-in) server. */
  client(): Loose;
  /** A fresh client logged in as `uid` (the real one through the stand-in transport). */
  connected(uid?: string): Promise<Loose>;
  /** A client whose login never reaches a server: it stays CONNECTING until LOGIN_TIMEOUT. */
  offline(): Loose;
  /** The server refuses the client's next channel join (the failure's text is each side's own). */
  refuseNextJoin(client: Loose): void;
  /** The client's transport drops: CONNECTED → RECONNECTING/INTERRUPTED. */
  interrupt(client: Loose): Promise<void>;
  /** The server drops the session for a remote login: ABORTED/REMOTE_LOGIN. */
  kickRemoteLogin(client: Loose): Promise<void>;
  /**
   * A call invitation from "caller" to the connected `client` arrives; `cancel` later cancels it
   * from the caller's side with `content` as the cancel payload.
   */
  incomingInvitation(client: Loose, content: string, channelId: string): Promise<{ cancel(content: string): Promise<void> }>;
  /** Runs everything due now. */
  flush(): Promise<void>;
  /** Moves time forward by `ms`, running what falls due. */
  advance(ms: number): Promise<void>;
}

let warmedUp = false;

/** The real SDK on vitest's fake timers (installed by the test file before loading the bundle). */
export function realSubject(): Subject {
  const rtm = loadRealRtm() as Loose;
  const config = () => ({ logFilter: rtm.LOG_FILTER_OFF });
  const flush = async () => {
    for (let round = 0; round < 5; round += 1) await vi.advanceTimersByTimeAsync(0);
  };
  return {
    side: 'real',
    rtm,
    client() {
      const client = rtm.createInstance(APP_ID, config());
      useStandIn(client);
      return client;
    },
    async connected(uid = 'me') {
      if (!warmedUp) {
        // A TEXT message whose text is no string fails inside the SDK as RtmUnavailableError 1:
        // the stand-in server refuses with that class, as the session's own code does.
        const warmUp = this.client();
        await warmUp.login({ uid: 'warm-up' });
        await warmUp.sendMessageToPeer({ text: 1, messageType: 'TEXT' }, 'peer').catch(learnUnavailableError);
        warmedUp = true;
      }
      const client = this.client();
      await client.login({ uid });
      return client;
    },
    offline: () => rtm.createInstance(APP_ID, config()),
    refuseNextJoin: (client) => refuseJoin(client),
    async incomingInvitation(client, content, channelId) {
      const callId = globalThis.crypto.randomUUID();
      invitationSignal(client, 'CallInvite', 'caller', { callId, extra: content, channel: channelId });
      await flush();
      return {
        async cancel(cancelContent) {
          invitationSignal(client, 'CallCancel', 'caller', { callId, extra: cancelContent, channel: channelId });
          await flush();
        },
      };
    },
    async interrupt(client) {
      sessionEvent(client, 'connectionLost');
      await flush();
    },
    async kickRemoteLogin(client) {
      sessionEvent(client, 'userDrop', 11);
      await flush();
    },
    flush,
    advance: async (ms) => {
      await vi.advanceTimersByTimeAsync(ms);
      await flush();
    },
  };
}

/** A fresh FakeRtm cloud on a ManualClock. */
export function fakeSubject(): Subject {
  const clock = new ManualClock();
  const rtm = new FakeRtm({ clock }) as Loose;
  const config = () => ({ logFilter: rtm.LOG_FILTER_OFF });
  return {
    side: 'fake',
    rtm,
    client: () => rtm.createInstance(APP_ID, config()),
    async connected(uid = 'me') {
      const client = rtm.createInstance(APP_ID, config());
      await client.login({ uid });
      return client;
    },
    offline() {
      // The fake's login waits for the access point while the user's link is cut.
      rtm.disconnect('me');
      return rtm.createInstance(APP_ID, config());
    },
    refuseNextJoin: () => rtm.failNext('channel.join', 1),
    async incomingInvitation(_client, content, channelId) {
      const caller = rtm.createInstance(APP_ID, config());
      await caller.login({ uid: 'caller' });
      const invitation = caller.createLocalInvitation('me');
      invitation.content = content;
      invitation.channelId = channelId;
      invitation.send();
      await rtm.flush();
      return {
        async cancel(cancelContent) {
          invitation.content = cancelContent;
          invitation.cancel();
          await rtm.flush();
        },
      };
    },
    async interrupt() {
      rtm.disconnect('me');
      await rtm.flush();
    },
    async kickRemoteLogin() {
      rtm.kick('me', 'REMOTE_LOGIN');
      await rtm.flush();
    },
    flush: () => rtm.flush(),
    advance: (ms) => rtm.advance(ms),
  };
}

export type { RtmNamespaceLike };
