import { FakeRtm, ManualClock } from '../../src/fake';
import type { CompatOptions, Logger } from '../../src/core/options';
import { Signal, type SignalObject } from '../../src/legacy/web/Signal';

/** A valid RTM App ID (32 ASCII letters/digits). */
export const APP_ID = '0123456789abcdef0123456789abcdef';

export type Transcript = unknown[][];

export const SESSION_CALLBACKS = [
  'onLoginSuccess',
  'onLoginFailed',
  'onLogout',
  'onMessageInstantReceive',
  'onInviteReceived',
] as const;
export const CHANNEL_CALLBACKS = [
  'onChannelJoined',
  'onChannelJoinFailed',
  'onChannelLeaved',
  'onChannelUserList',
  'onChannelUserJoined',
  'onChannelUserLeaved',
  'onChannelAttrUpdated',
  'onMessageChannelReceive',
] as const;
export const CALL_CALLBACKS = [
  'onInviteReceivedByPeer',
  'onInviteAcceptedByPeer',
  'onInviteRefusedByPeer',
  'onInviteFailed',
  'onInviteEndByPeer',
  'onInviteEndByMyself',
  'onInviteMsg',
] as const;

/** Assigns recording handlers: each call appends `[label.name, ...args]` to the transcript. */
export function watch(target: object, names: readonly string[], transcript: Transcript, label: string): void {
  for (const name of names) {
    (target as Record<string, unknown>)[name] = (...args: unknown[]) => transcript.push([`${label}.${name}`, ...args]);
  }
}

/** A logger that records what the shim says. */
export function recordingLogger(): Logger & { lines: Array<[string, string]> } {
  const lines: Array<[string, string]> = [];
  return {
    lines,
    debug: (m) => lines.push(['debug', m]),
    info: (m) => lines.push(['info', m]),
    warn: (m) => lines.push(['warn', m]),
    error: (m) => lines.push(['error', m]),
  };
}

/** One in-memory RTM cloud on a manual clock, and a Signal object bound to it. */
export function world(options: CompatOptions = {}, fakeOptions: ConstructorParameters<typeof FakeRtm>[0] = {}) {
  const clock = new ManualClock();
  const rtm = new FakeRtm({ clock, ...fakeOptions });
  const logger = recordingLogger();
  const signal: SignalObject = Signal(APP_ID, { rtm, logger, ...options });
  const transcript: Transcript = [];
  return {
    clock,
    rtm,
    logger,
    signal,
    transcript,
    flush: () => rtm.flush(),
    advance: (ms: number) => rtm.advance(ms),
    /** Logs `account` in, recording its session callbacks under its name. */
    async login(account: string, token = '_no_need_token') {
      const session = signal.login(account, token);
      watch(session, SESSION_CALLBACKS, transcript, account);
      await rtm.flush();
      return session;
    },
    /** A bare RTM client on the same cloud (a "native RTM" peer or a spoofer). */
    async rtmClient(uid: string) {
      const client = rtm.createInstance(APP_ID);
      await client.login({ uid });
      return client;
    },
    /** Takes and clears the transcript. */
    take(): Transcript {
      return transcript.splice(0);
    },
  };
}
