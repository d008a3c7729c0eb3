import { describe, expect, it } from 'vitest';
import { findMapping } from '../../src/mapping/index';
import { callbacksOf, RESULT_CALLBACKS } from './callbacks';
import { recorder, watch, type Transcript } from './recorder';

describe('callbacksOf', () => {
  it('lists a class’s events in table order; `fired` drops the ones the table marks unsupported', () => {
    expect(callbacksOf('server', 'MessageCallback')).toEqual(['onMessageSendSuccess', 'onMessageSendError']);
    const all = callbacksOf('native', 'ICallBack');
    const fired = callbacksOf('native', 'ICallBack', { fired: true });
    expect(all.filter((name) => !fired.includes(name))).toEqual(['onMessageSendProgress', 'onMessageAppReceived', 'onLog', 'onMsg', 'onDbg']);
    for (const name of all) expect(findMapping('native', 'ICallBack', name)?.kind).toBe('event');
  });

  it('fails for a class without events and for an `except` name the class lacks', () => {
    expect(() => callbacksOf('web', 'Sesion')).toThrow('the mapping table lists no events for web Sesion');
    expect(() => callbacksOf('web', 'Session', { except: ['onLoginSucess'] })).toThrow('web Session has no event onLoginSucess');
    expect(callbacksOf('web', 'Session', { except: ['onError'] })).not.toContain('onError');
  });

  it('lists the invitation result callbacks in operation order', () => {
    expect(RESULT_CALLBACKS).toEqual(['onInviteResult', 'onCancelInviteResult', 'onAcceptInviteResult', 'onRejectInviteResult']);
  });
});

describe('recorder', () => {
  it('records each call as [label.name, ...args], through `show` when given', () => {
    const transcript: Transcript = [];
    const plain = recorder<Record<string, (...args: unknown[]) => void>>(transcript, 'alice', ['onLogout']);
    const shown = recorder<Record<string, (...args: unknown[]) => void>>(transcript, 'bob', ['onLogout'], (args) => args.slice(1));
    plain.onLogout!(101);
    shown.onLogout!('session', 101);
    expect(Object.keys(plain)).toEqual(['onLogout']);
    expect(transcript).toEqual([['alice.onLogout', 101], ['bob.onLogout', 101]]);
  });

  it('watch assigns the handlers as properties, as a Web app does', () => {
    const transcript: Transcript = [];
    const session = { onLoginSuccess: '' as unknown, state: 2 };
    watch(session, ['onLoginSuccess'], transcript, 'alice');
    (session.onLoginSuccess as (uid: number) => void)(7);
    expect(session.state).toBe(2);
    expect(transcript).toEqual([['alice.onLoginSuccess', 7]]);
  });
});
