import { MAPPING, MEMBER_ALIASES } from 'signaling-compat/mapping';
import { expect, test } from 'vitest';
import { EXTRA_KEYS, INVOKE_PREFIX, invokeEntry, isDistinctiveName } from '../../src/scan/lookup';

const objectMembers = MAPPING.filter((entry) => entry.kind === 'method' || entry.kind === 'event').map((entry) => entry.member);

test('distinctive names come from the mapping table: legacy methods and events, not RTM or everyday names', () => {
  for (const name of ['messageInstantSend', 'channelInviteUser2', 'onChannelUserJoined', 'callbackSet', 'userSetAttr', 'OnQueryUserStatusResult']) {
    expect(isDistinctiveName(name), name).toBe(true);
  }
  // `login` and `logout` are RTM 1.x names too (RtmClient.login); the rest are everyday names.
  for (const name of ['login', 'logout', 'invoke', 'destroy', 'getStatus', 'onError', 'onLogout', 'send', 'join', 'sendMessage']) {
    expect(isDistinctiveName(name), name).toBe(false);
  }
  const known = new Set([...objectMembers, ...MEMBER_ALIASES.map((alias) => alias.alias)]);
  const distinctive = [...known].filter(isDistinctiveName);
  expect(distinctive.length).toBeGreaterThan(known.size / 2);
  expect(['account', 'state', 'peer', 'extra'].filter(isDistinctiveName)).toEqual([]);
});

test('extra keys and the invoke namespace are read from the mapping table', () => {
  expect([...EXTRA_KEYS].sort()).toEqual(MAPPING.filter((entry) => entry.owner === 'extra').map((entry) => entry.member).sort());
  expect(INVOKE_PREFIX).toBe('io.agora.signal.');
  expect(invokeEntry('io.agora.signal.user_get_attr')?.member).toBe('io.agora.signal.user_get_attr');
  expect(invokeEntry('io.agora.signal.rename_user')?.member).toBe('io.agora.signal.*');
  expect(invokeEntry('io.agora.signal.')).toBeUndefined();
  expect(invokeEntry('com.example.rpc')).toBeUndefined();
});
