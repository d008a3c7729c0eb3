import type { ChannelHandle } from '../../core/ChannelHandle';
import type { CoreCall } from '../../core/CoreCall';
import type { Engine } from '../../core/Engine';
import { accountUid } from '../../core/ids';
import { LegacyCode } from '../../core/legacyCodes';
import { RESULT_CALLBACK } from '../invitationResults';
import type { NativeCallback } from './NativeCallback';

/** Delivers one event to the instance's current handler. */
export type Emit = (name: keyof NativeCallback, ...args: unknown[]) => void;

/** The `onError` name of each call operation that has no legacy result callback. */
const OPERATION_ERROR_NAME = { cancel: 'channel_invite_end', accept: 'channel_invite_accept', refuse: 'channel_invite_refuse' };

/**
 * One native login: its core engine, the channels it named in `channelJoin`, and its calls, with
 * every core event reshaped into the flat `ICallBack` argument lists. The flat API names channels
 * and calls instead of returning objects, so this is where names find their core handles.
 */
export class NativeLogin {
  readonly engine: Engine;
  #emit: Emit;
  #emitNow: Emit;
  #channels = new Map<string, ChannelHandle>();
  #calls: CoreCall[] = [];
  #loggingOut = false;

  constructor(engine: Engine, emit: Emit, emitNow: Emit) {
    this.engine = engine;
    this.#emit = emit;
    this.#emitNow = emitNow;
    engine.on('loginSuccess', (uid) => emit('onLoginSuccess', uid, 0));
    engine.on('loginFailed', (failure) => emit('onLoginFailed', failure.code));
    engine.on('logout', (code) => {
      this.#channels.clear();
      this.#calls = [];
      emit('onLogout', code);
    });
    engine.on('reconnecting', (attempt) => emit('onReconnecting', attempt));
    engine.on('reconnected', () => emit('onReconnected', 0));
    // The legacy SDK passed a hard-coded uid 0 here (docs/reference/mapping-decisions.md, "Identity").
    engine.on('peerMessage', (account, msg) => emit('onMessageInstantReceive', account, 0, msg));
    engine.on('inviteReceived', (call) => {
      this.#track(call);
      emit('onInviteReceived', call.channelName, call.peer, accountUid(call.peer), String(call.extra ?? ''));
    });
  }

  /** True from `login` until it fails or a logout is asked for: a second `login` is ignored meanwhile. */
  get active(): boolean {
    const phase = this.engine.phase;
    return !this.#loggingOut && (phase === 'logging-in' || phase === 'logged-in' || phase === 'reconnecting');
  }

  logout(): void {
    this.#loggingOut = true;
    this.engine.logout();
  }

  /** Joins `name` (several channels may be joined); a second join of the same name re-announces it. */
  join(name: string): void {
    const handle = this.engine.join(name);
    this.#channels.set(name, handle);
    const emit = this.#emit;
    const forget = (): void => {
      if (this.#channels.get(name) === handle) this.#channels.delete(name);
    };
    handle.on('joined', () => emit('onChannelJoined', name));
    handle.on('joinFailed', (failure) => {
      forget();
      emit('onChannelJoinFailed', name, failure.code);
    });
    handle.on('left', (code) => {
      forget();
      emit('onChannelLeaved', name, code);
    });
    handle.on('userList', (members) => emit('onChannelUserList', members.map(([a]) => a), members.map(([, uid]) => uid)));
    handle.on('userJoined', (account, uid) => emit('onChannelUserJoined', account, uid));
    handle.on('userLeft', (account, uid) => emit('onChannelUserLeaved', account, uid));
    handle.on('attrUpdated', (change) => emit('onChannelAttrUpdated', name, change.name, change.value, change.type));
    handle.on('message', (account, uid, msg) => emit('onMessageChannelReceive', name, account, uid, msg));
  }

  /** The handle of a channel this login joined (or is joining) by that name. */
  channel(name: string): ChannelHandle | undefined {
    return this.#channels.get(name);
  }

  /** Leaves a named channel: `onChannelLeaved(name, 0)`. False when the login is not in it. */
  leave(name: string): boolean {
    const handle = this.#channels.get(name);
    if (!handle) return false;
    this.#channels.delete(name);
    void handle.leave().then(() => this.#emit('onChannelLeaved', name, LegacyCode.SUCCESS));
    return true;
  }

  /** An outgoing call; returns the operation id its `onInviteResult` reports. */
  invite(channel: string, account: string, extra: unknown): number {
    const call = this.engine.invite(channel, account, extra);
    this.#track(call);
    return call.inviteOperationId;
  }

  /** The newest call with `account` about `channel` (only incoming ones when `incoming`), active ones first. */
  findCall(channel: string, account: string, incoming: boolean): CoreCall | undefined {
    const matches = this.#calls.filter(
      (c) => c.channelName === channel && c.peer === account && (!incoming || c.direction === 'incoming'),
    );
    return matches.filter((c) => c.active).pop() ?? matches.pop();
  }

  #track(call: CoreCall): void {
    this.#calls.push(call);
    const emit = this.#emit;
    const args = [call.channelName, call.peer, accountUid(call.peer)] as const;
    const forget = (): void => {
      this.#calls = this.#calls.filter((c) => c !== call);
    };
    // A refused incoming call ends without an event of its own; any end releases the call.
    call.once('ended', forget);
    call.on('receivedByPeer', () => emit('onInviteReceivedByPeer', ...args));
    call.on('accepted', (extra) => emit('onInviteAcceptedByPeer', ...args, extra));
    call.on('refused', (extra) => {
      forget();
      emit('onInviteRefusedByPeer', ...args, extra);
    });
    call.on('failed', (failure) => {
      forget();
      emit('onInviteFailed', ...args, failure.code, JSON.stringify({ reason: failure.reason, ecode: failure.code }));
    });
    call.on('endByPeer', (extra) => {
      forget();
      emit('onInviteEndByPeer', ...args, extra);
    });
    // The one synchronous legacy callback: inside channelInviteEnd (docs/reference/legacy-web-sdk.md §7.3).
    call.on('endByMyself', () => {
      forget();
      this.#emitNow('onInviteEndByMyself', ...args);
    });
    call.on('msg', (extra) => {
      const { msgtype, msgdata } = JSON.parse(extra) as { msgtype: string; msgdata: unknown };
      emit('onInviteMsg', ...args, msgtype, typeof msgdata === 'string' ? msgdata : JSON.stringify(msgdata), extra);
    });
    call.on('operationResult', (operation, id, ok, reason) => {
      emit(RESULT_CALLBACK[operation], id, ok, reason);
      // A failed invite is reported by onInviteFailed; the others have no legacy callback but onError.
      if (!ok && operation !== 'invite') emit('onError', OPERATION_ERROR_NAME[operation], LegacyCode.INVITE_E_OTHER, reason);
    });
  }
}
