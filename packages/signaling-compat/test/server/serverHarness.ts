import type { CompatOptions } from '../../src/core/options';
import type { FakeRtm } from '../../src/fake';
import { Call } from '../../src/legacy/server/Call';
import type { LoginCallback } from '../../src/legacy/server/callbacks';
import { Channel } from '../../src/legacy/server/Channel';
import { LoginSession } from '../../src/legacy/server/LoginSession';
import { callbacksOf, RESULT_CALLBACKS } from '../support/callbacks';
import { world } from '../support/harness';
import { recorder as record } from '../support/recorder';

/** Each Server callback class's methods, as the mapping table lists them. */
export const LOGIN_EVENTS = callbacksOf('server', 'LoginCallback');
export const CHANNEL_EVENTS = callbacksOf('server', 'ChannelCallback');
export const CALL_EVENTS = callbacksOf('server', 'CallCallback');
export const RESULT_EVENTS = RESULT_CALLBACKS;
export const MESSAGE_EVENTS = callbacksOf('server', 'MessageCallback');
export const USER_ATTR_EVENTS = callbacksOf('server', 'UserAttrCallback');

/**
 * The Web harness's world, plus what Server-dialect tests need: callback objects that record into the
 * transcript, with LoginSession / Channel / Call arguments replaced by readable labels (they have
 * no public fields, so comparing them as objects would prove nothing).
 */
export function serverWorld(options: CompatOptions = {}, fakeOptions: ConstructorParameters<typeof FakeRtm>[0] = {}) {
  const w = world(options, fakeOptions);
  const labels = new Map<object, string>();
  const counts = new Map<string, number>();

  /** A Server object's label: the one given with `name`, else `Kind#n` in order of first sighting. */
  function label(value: unknown): unknown {
    if (!(value instanceof LoginSession || value instanceof Channel || value instanceof Call)) return value;
    let text = labels.get(value);
    if (text === undefined) {
      const kind = value.constructor.name;
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      text = `${kind}#${n}`;
      labels.set(value, text);
    }
    return text;
  }

  /** Gives a Server object a label for transcripts. */
  function name<T extends object>(value: T, text: string): T {
    labels.set(value, text);
    return value;
  }

  /** A callback object whose methods append `[prefix.method, ...labelled args]` to the transcript. */
  function recorder<T extends object = LoginCallback>(prefix: string, methods: readonly string[]): T {
    return record<T>(w.transcript, prefix, methods, (args) => args.map(label));
  }

  /** Logs `account` in with a recording LoginCallback labelled with the account. */
  async function login(account: string, events: readonly string[] = LOGIN_EVENTS) {
    const callback = recorder<LoginCallback>(account, events);
    const session = name(w.signal.login(account, '_no_need_token', callback), account);
    await w.flush();
    return { session, callback };
  }

  return { ...w, label, name, recorder, login };
}

/**
 * A transcript split by its labels' prefixes (`alice.onX` → `alice`), keeping each one's order:
 * events of different clients have no defined order between them, events of one client do.
 */
export function byOwner(transcript: unknown[][]): Record<string, unknown[][]> {
  const owners: Record<string, unknown[][]> = {};
  for (const event of transcript) {
    const owner = String(event[0]).split('.')[0]!;
    (owners[owner] ??= []).push(event);
  }
  return owners;
}
