import { Emitter } from './Emitter';
import type { TimerHandle } from '../rtm/clock';
import type {
  LocalInvitationFailureReason,
  LocalInvitationLike,
  RemoteInvitationFailureReason,
  RemoteInvitationLike,
  RtmMessage,
} from '../rtm/types';
import { callTerms, contentOf } from './callExtra';
import type { EngineContext } from './context';
import { LegacyCode, describeRtmError, type Failure } from './legacyCodes';
import { encodeControl, endCallText } from './payload';

/** The legacy "20 s offline" rule for `_require_peer_online: 0` (docs/reference/legacy-web-sdk.md §10). */
export const PEER_OFFLINE_FAIL_MS = 20_000;

/** Invitation operations whose results are reported like docs/reference/call-result-callbacks.md's `on*InviteResult`. */
export type CallOperation = 'invite' | 'cancel' | 'accept' | 'refuse';

let lastOperationId = 0;
/** Operation ids are unique in the process, so results from several calls never collide. */
function nextOperationId(): number {
  lastOperationId = (lastOperationId % 0x7fffffff) + 1;
  return lastOperationId;
}

export interface CallEvents {
  receivedByPeer: (extra: string) => void;
  accepted: (extra: string) => void;
  refused: (extra: string) => void;
  failed: (failure: Failure) => void;
  endByPeer: (extra: string) => void;
  /** Fired synchronously inside `end()`, always with "", as legacy did. */
  endByMyself: (extra: string) => void;
  /** DTMF digits from the peer, as it sent them; each dialect reshapes them (`legacy/reshape.ts`). */
  dtmf: (digits: unknown) => void;
  /**
   * Results of invitation operations, fed from RTM's API-call errors (docs/reference/call-result-callbacks.md's
   * `onInviteResult(operationId, result, reason)` & co.); dialects surface them only to apps that ask.
   */
  operationResult: (operation: CallOperation, operationId: number, ok: boolean, reason: string) => void;
  /** The call is over, however it ended (once): registries let go of it, so ended calls are collected. */
  ended: () => void;
}

type Phase = 'new' | 'ringing' | 'answered' | 'ended';

const FAILURE_OF_LOCAL: Record<LocalInvitationFailureReason, Failure> = {
  PEER_OFFLINE: { code: LegacyCode.INVITE_E_PEEROFFLINE, reason: 'peer offline' },
  PEER_NO_RESPONSE: { code: LegacyCode.INVITE_E_TIMEOUT, reason: 'no response from peer' },
  INVITATION_EXPIRE: { code: LegacyCode.INVITE_E_TIMEOUT, reason: 'invitation expired' },
  NOT_LOGGEDIN: { code: LegacyCode.INVITE_E_OTHER, reason: 'not logged in' },
  UNKNOWN: { code: LegacyCode.INVITE_E_OTHER, reason: 'invitation failed' },
};

/**
 * One legacy call (invitation), outgoing or incoming, carried on an RTM Local/RemoteInvitation plus
 * the END_CALL message after the answer (RTM has no call after accept).
 */
export class CoreCall extends Emitter<CallEvents> {
  readonly channelName: string;
  readonly peer: string;
  readonly direction: 'outgoing' | 'incoming';
  /** The extra exactly as the app passed it (outgoing) or as received (incoming). */
  readonly extra: unknown;
  #ctx: EngineContext;
  #peerId = '';
  #channelId = '';
  #phase: Phase = 'new';
  #local: LocalInvitationLike | undefined;
  #remote: RemoteInvitationLike | undefined;
  #timers = new Map<'offline' | 'timeout', TimerHandle>();
  #ending = false;
  #inviteOperation = 0;

  private constructor(ctx: EngineContext, direction: 'outgoing' | 'incoming', channelName: string, peer: string, extra: unknown) {
    super();
    this.#ctx = ctx;
    this.direction = direction;
    this.channelName = channelName;
    this.peer = peer;
    this.extra = extra;
  }

  /** `channelInviteUser2`: the call object now, the invitation on its way. */
  static outgoing(ctx: EngineContext, channelName: string, peer: string, extra: unknown): CoreCall {
    const call = new CoreCall(ctx, 'outgoing', channelName, peer, extra);
    call.#inviteOperation = nextOperationId();
    // channelInviteEnd right after channelInviteUser2 ended the call: the invitation never leaves.
    queueMicrotask(() => {
      if (call.#phase !== 'ended') void call.#invite();
    });
    return call;
  }

  /**
   * `RemoteInvitationReceived`: the callee's call, or `undefined` when the caller or channel ID is
   * not one the shim writes (it would show as someone else's call; see `IdCodec.decode`).
   */
  static incoming(ctx: EngineContext, remote: RemoteInvitationLike): CoreCall | undefined {
    const peer = ctx.codec.decode(remote.callerId);
    const channel = remote.channelId === '' ? '' : ctx.codec.decode(remote.channelId);
    if (peer === undefined || channel === undefined) return undefined;
    const content = typeof remote.content === 'string' ? remote.content : '';
    const call = new CoreCall(ctx, 'incoming', channel, peer, content);
    call.#remote = remote;
    call.#peerId = remote.callerId;
    call.#channelId = remote.channelId;
    call.#phase = 'ringing';
    remote.on('RemoteInvitationCanceled', call.#onRemoteCanceled);
    remote.on('RemoteInvitationFailure', call.#onRemoteFailure);
    return call;
  }

  /** True while the call can still be ended or receive control messages from `peerId` on `channelId`. */
  matches(peerId: string, channelId: string): boolean {
    return this.#phase !== 'ended' && this.#phase !== 'new' && this.#peerId === peerId && this.#channelId === channelId;
  }

  get active(): boolean {
    return this.#phase === 'ringing' || this.#phase === 'answered';
  }

  /** Re-sends the invitation (the legacy Call's own `channelInviteUser2`). */
  reinvite(): void {
    if (this.direction !== 'outgoing' || this.#phase === 'new' || this.active) return;
    this.#phase = 'new';
    this.#inviteOperation = nextOperationId();
    void this.#invite();
  }

  /** The operation id of the latest invitation sent by this call (for `onInviteResult`). */
  get inviteOperationId(): number {
    return this.#inviteOperation;
  }

  async #invite(): Promise<void> {
    const ctx = this.#ctx;
    const peer = ctx.codec.encode(this.peer);
    const channel = this.channelName === '' ? { id: '' } : ctx.codec.encode(this.channelName);
    if (!('id' in peer) || !('id' in channel)) {
      const why = 'id' in peer ? ('why' in channel ? channel.why : '') : peer.why;
      return this.#inviteFailed(why);
    }
    if (!ctx.connected()) return this.#inviteFailed('not logged in');
    this.#peerId = peer.id;
    this.#channelId = channel.id;
    const terms = callTerms(this.extra);
    if (terms.requirePeerOnline) {
      try {
        const online = await ctx.client.queryPeersOnlineStatus([peer.id]);
        if (!online[peer.id]) return this.#fail({ code: LegacyCode.INVITE_E_PEEROFFLINE, reason: 'peer offline' }, 'invite');
      } catch (error) {
        return this.#inviteFailed(describeRtmError(error));
      }
      if (this.#phase === 'ended') return;
    }
    try {
      const local = ctx.client.createLocalInvitation(peer.id);
      local.channelId = channel.id;
      local.content = contentOf(this.extra);
      local.on('LocalInvitationReceivedByPeer', this.#onReceived);
      local.on('LocalInvitationAccepted', this.#onAccepted);
      local.on('LocalInvitationRefused', this.#onRefused);
      local.on('LocalInvitationFailure', this.#onLocalFailure);
      this.#local = local;
      local.send();
    } catch (error) {
      return this.#inviteFailed(describeRtmError(error));
    }
    this.#phase = 'ringing';
    this.emit('operationResult', 'invite', this.#inviteOperation, true, '');
    if (!terms.requirePeerOnline) {
      this.#after('offline', PEER_OFFLINE_FAIL_MS, () => {
        if (this.#local?.state === 'SENT_TO_REMOTE') this.#abandon({ code: LegacyCode.INVITE_E_PEEROFFLINE, reason: 'peer offline' });
      });
    }
    if (terms.timeoutSeconds !== undefined) {
      this.#after('timeout', terms.timeoutSeconds * 1000, () => {
        if (this.#phase === 'ringing') this.#abandon({ code: LegacyCode.INVITE_E_TIMEOUT, reason: 'timeout' });
      });
    }
  }

  /** The invitation could not be sent: `INVITE_E_OTHER`, reported as the invite operation's result too. */
  #inviteFailed(reason: string): void {
    this.#fail({ code: LegacyCode.INVITE_E_OTHER, reason }, 'invite');
  }

  #after(name: 'offline' | 'timeout', ms: number, run: () => void): void {
    this.#timers.set(name, this.#ctx.clock.setTimeout(run, ms));
  }

  #clearTimers(...names: Array<'offline' | 'timeout'>): void {
    for (const name of names) {
      const timer = this.#timers.get(name);
      if (timer !== undefined) this.#ctx.clock.clearTimeout(timer);
      this.#timers.delete(name);
    }
  }

  /** Withdraws an unanswered invitation and reports the legacy failure instead of a cancel. */
  #abandon(failure: Failure): void {
    try {
      // The legacy server destroyed the invite; the callee's ringing call ends with no extra.
      if (this.#local) this.#local.content = '';
      this.#local?.cancel();
    } catch (error) {
      this.#ctx.log.debug(`cancel after ${failure.reason} failed: ${describeRtmError(error)}`);
    }
    this.#fail(failure);
  }

  #fail(failure: Failure, operation?: CallOperation): void {
    if (this.#phase === 'ended') return;
    // Server and native onInviteFailed carry only a code: the reason of a failed send goes to the log.
    if (operation) this.#ctx.log.warn(`call ${operation} failed: ${failure.reason}`);
    this.#finish();
    if (operation) this.emit('operationResult', operation, this.#inviteOperation, false, failure.reason);
    this.emit('failed', failure);
  }

  #finish(): void {
    const first = this.#phase !== 'ended';
    this.#phase = 'ended';
    this.#clearTimers('offline', 'timeout');
    this.#local?.removeAllListeners();
    this.#remote?.removeAllListeners();
    if (first) this.emit('ended');
  }

  /** Callee: accept. Returns the operation id its result is reported under. */
  accept(extra: unknown): number {
    return this.#answer('accept', extra);
  }

  /** Emits an operation result; a failure is also logged, since legacy callers hear nothing. */
  #report(operation: CallOperation, id: number, failure?: string): void {
    if (failure !== undefined) this.#ctx.log.warn(`call ${operation} failed: ${failure}`);
    queueMicrotask(() => this.emit('operationResult', operation, id, failure === undefined, failure ?? ''));
  }

  /** Callee: refuse. Returns the operation id its result is reported under. */
  refuse(extra: unknown): number {
    return this.#answer('refuse', extra);
  }

  /** Answers the ringing invitation with `extra` as its response: accepted, or refused (the call ends). */
  #answer(operation: 'accept' | 'refuse', extra: unknown): number {
    const id = nextOperationId();
    if (!this.#remote || this.#phase !== 'ringing') {
      this.#report(operation, id, `no incoming invitation to ${operation}`);
      return id;
    }
    try {
      this.#remote.response = contentOf(extra);
      this.#remote[operation]();
      if (operation === 'accept') this.#phase = 'answered';
      else this.#finish();
      this.#report(operation, id);
    } catch (error) {
      this.#report(operation, id, describeRtmError(error));
    }
    return id;
  }

  /**
   * `channelInviteEnd`: `endByMyself("")` at once (legacy fired it synchronously, on every call);
   * before the answer the caller cancels the invitation, otherwise the peer gets an END_CALL message.
   */
  end(extra: unknown): number {
    const id = nextOperationId();
    this.emit('endByMyself', '');
    // Ended before the invitation left (e.g. during the online check): it never will.
    if (this.#phase === 'new') this.#finish();
    if (this.#ending || !this.active) return id;
    this.#ending = true;
    const info = contentOf(extra);
    if (this.#local && this.#phase === 'ringing') {
      try {
        this.#local.content = info;
        this.#local.cancel();
        this.#report('cancel', id);
      } catch (error) {
        this.#report('cancel', id, describeRtmError(error));
      }
      this.#finish();
      return id;
    }
    this.#finish();
    // The peer learns of the end only from this message, so its fate is the operation's result.
    this.#sendToPeer('end', info, (failure) => this.#report('cancel', id, failure));
    return id;
  }

  /** `channelInviteDTMF`: a reserved peer message, consumed by the peer's matching call. */
  dtmf(digits: unknown): void {
    if (!this.active) return;
    this.#sendToPeer('dtmf', digits, (failure) => {
      if (failure !== undefined) this.#ctx.log.warn(failure);
    });
  }

  #sendToPeer(type: 'end' | 'dtmf', data: unknown, done: (failure?: string) => void): void {
    const text = type === 'end' ? endCallText(this.#channelId, String(data)) : undefined;
    let message: RtmMessage;
    try {
      message = text !== undefined ? { text } : encodeControl({ type, channel: this.#channelId, data });
    } catch (error) {
      // DTMF digits JSON cannot carry (circular, BigInt): fail the send, never the caller.
      return done(`call ${type} message cannot be sent: ${describeRtmError(error).split('\n')[0]}`);
    }
    const peerId = this.#peerId;
    void this.#ctx.pacer.send(
      () => this.#ctx.client.sendMessageToPeer(message, peerId),
      (result) => done(result.ok ? undefined : `call ${type} message failed: ${describeRtmError(result.error)}`),
      // Answered like a failed send: a hang-up's result callback must come (opt-in invitation results).
      () => done(`call ${type} message dropped at logout`),
    );
  }

  /** An END_CALL or control message from this call's peer on this call's channel. */
  receiveControl(type: 'end' | 'dtmf', data: unknown): void {
    if (type === 'dtmf') {
      this.emit('dtmf', data);
      return;
    }
    const wasRinging = this.#local && this.#phase === 'ringing';
    const local = this.#local;
    this.#finish();
    // The callee hung up before answering: withdraw the caller's invitation quietly.
    if (wasRinging) {
      try {
        local?.cancel();
      } catch {
        // Already ended on the RTM side; nothing to withdraw.
      }
    }
    this.emit('endByPeer', typeof data === 'string' ? data : contentOf(data));
  }

  /** The session is gone (logout): no more events from this call. */
  dispose(): void {
    this.#finish();
  }

  /**
   * The login the call rang on ended and another took its place (a re-login after a token
   * expiry): RTM's invitation died with it. A ringing call ends as if RTM had failed it, so each
   * side hears one outcome; an answered one lives on, its hang-up travelling as a peer message.
   */
  loginEnded(): void {
    if (this.#phase === 'answered' || this.#phase === 'ended') return;
    if (this.direction === 'outgoing') this.#fail({ code: LegacyCode.INVITE_E_OTHER, reason: 'the login ended while the call was ringing' });
    else this.#onRemoteFailure('INVITATION_EXPIRE');
  }

  #onReceived = (): void => {
    this.#clearTimers('offline');
    this.emit('receivedByPeer', '');
  };

  #onAccepted = (response: string): void => {
    this.#phase = 'answered';
    this.#clearTimers('offline', 'timeout');
    this.emit('accepted', response);
  };

  #onRefused = (response: string): void => {
    this.#finish();
    this.emit('refused', response);
  };

  #onLocalFailure = (reason: LocalInvitationFailureReason): void => {
    this.#fail(FAILURE_OF_LOCAL[reason] ?? FAILURE_OF_LOCAL.UNKNOWN);
  };

  #onRemoteCanceled = (content: string): void => {
    if (this.#phase === 'ended') return;
    this.#finish();
    this.emit('endByPeer', content);
  };

  #onRemoteFailure = (reason: RemoteInvitationFailureReason): void => {
    if (this.#phase === 'ended') return;
    // Legacy callees had no failure event: the call simply ended from the caller's side.
    this.#ctx.log.debug(`incoming call from "${this.peer}" ended by RTM: ${reason}`);
    this.#finish();
    this.emit('endByPeer', '');
  };
}
