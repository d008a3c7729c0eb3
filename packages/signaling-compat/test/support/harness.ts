import { FakeRtm, FakeRtm2, ManualClock } from '../../src/fake';
import type { CompatOptions, Logger } from '../../src/core/options';
import { Signal, type SignalObject } from '../../src/legacy/Signal';
import type { RtmNamespaceLike } from '../../src/rtm/types';
import { fromRtm2 } from '../../src/rtm2';
import { RtmTokenBuilder } from 'agora-token';
import { callbacksOf } from './callbacks';
import { type Transcript, watch } from './recorder';

/**
 * The RTM backend the transcript tests run on: `rtm1` (FakeRtm) by default, `rtm2` (FakeRtm2,
 * passed as the `rtm` option as an app would pass agora-rtm-sdk 2.x) in the vitest project of
 * that name. A behaviour 2.x changes is asserted per backend with `onBackend`, with its reason.
 */
export type BackendName = 'rtm1' | 'rtm2';
export const BACKEND: BackendName = process.env.SIGNALING_COMPAT_BACKEND === 'rtm2' ? 'rtm2' : 'rtm1';

/**
 * An RTM token for a tokenProvider. FakeRtm takes any string; 2.x checks the format locally
 * (docs/reference/rtm2-web-sdk.md §2.1), so on rtm2 it is a real AccessToken2 (agora-token,
 * any certificate: only the service checks the signature). `serial` keeps tokens distinct.
 */
export function rtmToken(account: string, serial: number | string = ''): string {
  if (BACKEND === 'rtm1') return `007token-${serial}`;
  return RtmTokenBuilder.buildToken(APP_ID, 'fedcba9876543210fedcba9876543210', account, 3_600 + Number(serial || 0));
}

/** What a test expects on each backend; the 2.x value differs only where 2.x forces it. */
export const onBackend = <T>(values: Record<BackendName, T>): T => values[BACKEND];

/** A valid RTM App ID (32 ASCII letters/digits). */
export const APP_ID = '0123456789abcdef0123456789abcdef';

export { type Transcript, watch } from './recorder';

/** A Web Session's callbacks; `onError` too, which the shim never fires, so a transcript would show one. */
export const SESSION_CALLBACKS = callbacksOf('web', 'Session');
/** A Web Channel's callbacks. */
export const CHANNEL_CALLBACKS = callbacksOf('web', 'Channel');
/** A Web Call's callbacks. */
export const CALL_CALLBACKS = callbacksOf('web', 'Call');

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

/**
 * `failNext(rtm1Method, rtm1Code)` on rtm2: the 2.x fault that the adapter turns into that same
 * 1.x error (src/rtm2/errorMap.ts), so a test's legacy failure path is the same on both backends.
 */
const RTM1_FAULTS_ON_RTM2: Record<string, Record<number, [method: string, code: number]>> = {
  login: { 4: ['login', -10003] },
  sendMessageToPeer: { 5: ['publish', -10021] },
  'channel.sendMessage': { 5: ['publish', -10025] },
  // Any subscribe error the adapter has no own entry for is 1.x's RtmUnavailableError 1.
  'channel.join': { 1: ['subscribe', -10001] },
  addOrUpdateChannelAttributes: { 102: ['storage.setChannelMetadata', -10025] },
  // The adapter first asks whether the user is online (a publish probe), so that is the call that fails.
  getUserAttributes: { 102: ['publish', -10025] },
  queryPeersOnlineStatus: { 102: ['publish', -10025] },
};

/** FakeRtm's `kick` reasons as the 2.x server's: a login elsewhere, or a ban. */
const RTM1_KICKS_ON_RTM2 = { REMOTE_LOGIN: 'SAME_UID_LOGIN', BANNED_BY_SERVER: 'KICKED_OUT_BY_SERVER' } as const;

function withRtm1Faults(fake: FakeRtm2): FakeRtm2 {
  const failNext = fake.failNext.bind(fake);
  const kick = fake.kick.bind(fake);
  return Object.assign(fake, {
    failNext(method: string, code: number) {
      const fault = RTM1_FAULTS_ON_RTM2[method]?.[code];
      if (!fault) throw new Error(`no 2.x fault stands for the 1.x failNext('${method}', ${code})`);
      failNext(fault[0] as Parameters<FakeRtm2['failNext']>[0], fault[1]);
    },
    // FakeRtm's default (a login elsewhere) on both backends, so `kick` means the same in every test.
    kick(uid: string, reason: keyof typeof RTM1_KICKS_ON_RTM2 = 'REMOTE_LOGIN') {
      kick(uid, RTM1_KICKS_ON_RTM2[reason]);
    },
  });
}

/**
 * One in-memory RTM cloud on a manual clock, and a Signal object bound to it. On `rtm2`, `rtm` is
 * a FakeRtm2 with FakeRtm's test controls (`flush`, `advance`, `disconnect`, `reconnect`,
 * `expireToken`, `kick` with FakeRtm's reasons); `failNext` and `stats` take 2.x method names
 * there, so tests that inject 1.x faults or count 1.x calls run on `rtm1` only.
 */
export function world(options: CompatOptions = {}, fakeOptions: ConstructorParameters<typeof FakeRtm>[0] = {}) {
  const clock = new ManualClock();
  const fake2 = BACKEND === 'rtm2' ? new FakeRtm2({ clock }) : undefined;
  // The tests are written against FakeRtm's controls; on rtm2 the same calls reach FakeRtm2's.
  const rtm = fake2 ? (withRtm1Faults(fake2) as unknown as FakeRtm) : new FakeRtm({ clock, ...fakeOptions });
  const rtm1: RtmNamespaceLike = fake2 ? fromRtm2(fake2) : rtm;
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
      // Typed as FakeRtm's client, as the tests were written for it; on rtm2 it is the adapter's.
      const client = fake2 ? (rtm1.createInstance(APP_ID) as ReturnType<FakeRtm['createInstance']>) : rtm.createInstance(APP_ID);
      await client.login({ uid });
      return client;
    },
    /** Takes and clears the transcript. */
    take(): Transcript {
      return transcript.splice(0);
    },
  };
}
