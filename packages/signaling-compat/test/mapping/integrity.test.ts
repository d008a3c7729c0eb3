import { describe, expect, test } from 'vitest';
import { MAPPING, MEMBER_ALIASES, findMapping, legacyName, type MappingEntry } from '../../src/mapping/index';
import { mappedMembers, publicMembers } from './members';

const OWNERS = {
  web: ['Signal', 'Session', 'Channel', 'Call', 'invoke', 'extra', 'channel', 'attribute'],
  server: ['Signal', 'LoginSession', 'Channel', 'Call', 'LoginCallback', 'ChannelCallback', 'CallCallback', 'MessageCallback', 'UserAttrCallback'],
  native: ['AgoraAPI', 'ICallBack'],
} as const;

const KIND_OF_OWNER: Record<string, MappingEntry['kind']> = {
  invoke: 'invoke',
  extra: 'extra-key',
  channel: 'special-channel',
  attribute: 'special-attribute',
};

/** Every method and event name in the Signaling column of docs/reference/signaling-rtm-mapping-table.md, spelled as the table spells them. */
const SEED_002_NAMES = [
  'getInstance', 'createAgoraSDKInstance', 'callbackSet', 'login', 'login2', 'logout', 'getStatus', 'destroy',
  'onLoginSuccess', 'onLoginFailed', 'onLogout', 'messageInstantSend', 'onMessageSendSuccess', 'onMessageSendError',
  'onMessageInstantReceive', 'queryuserStatus', 'OnQueryUserStatusResult', 'setAttr', 'getAttr', 'getAttrAll',
  'getUserAttrAll', 'onUserAttributeResult', 'channelJoin', 'channelLeave', 'onChannelJoined', 'onChannelJoinFailed',
  'onChannelUserJoined', 'onChannelLeaved', 'onChannelUserLeaved', 'onChannelUserList', 'messageChannelSend',
  'messageChannelSendForce', 'onMessageChannelReceive', 'channelSetAttr', 'channelDelAttr', 'channelClearAttr',
  'onChannelAttrUpdated', 'invoke', 'onInvokeRet', 'channelQueryUserNum', 'onChannelQueryUserNumResult',
  'channelInviteUser', 'channelInviteUser2', 'channelInviteDTMF', 'channelInviteEnd', 'channelInviteAccept',
  'channelInviteRefuse', 'oninviteReceivedByPeer', 'onInviteEndByMyself', 'onInviteAcceptedByPeer',
  'onInviteRefusedByPeer', 'onInviteFailed', 'onInviteMsg', 'oninviteReceived', 'onInviteEndByPeer',
];

function membersOf(dialect: MappingEntry['dialect'], owner: string, kind?: MappingEntry['kind']): string[] {
  return MAPPING.filter((e) => e.dialect === dialect && e.owner === owner && (kind === undefined || e.kind === kind))
    .map((e) => e.member)
    .sort();
}

describe('mapping table integrity', () => {
  test('no (dialect, owner, member) appears twice', () => {
    const keys = MAPPING.map((e) => `${e.dialect} ${e.owner} ${e.member}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  test('every entry has a known dialect, owner, kind and status, and a non-empty rtm, rtm2 and note', () => {
    const bad = MAPPING.filter(
      (e) =>
        !(OWNERS[e.dialect] as readonly string[]).includes(e.owner) ||
        !['native', 'emulated', 'unsupported'].includes(e.status) ||
        (KIND_OF_OWNER[e.owner] ?? e.kind) !== e.kind ||
        (e.owner in KIND_OF_OWNER) === ['method', 'event', 'property'].includes(e.kind) ||
        e.rtm.trim() === '' ||
        e.rtm2.trim() === '' ||
        e.note.trim() === '' ||
        e.member.trim() === '',
    );
    expect(bad).toEqual([]);
  });

  test('notes are one or two short sentences and end with a full stop', () => {
    expect(MAPPING.filter((e) => e.note.length > 320 || !/[.)]$/.test(e.note)).map(legacyName)).toEqual([]);
  });

  test('a native entry always names its RTM counterpart', () => {
    expect(MAPPING.filter((e) => e.status === 'native' && e.rtm === '—').map(legacyName)).toEqual([]);
  });

  test('findMapping returns each entry by its exact key and nothing for unknown names', () => {
    for (const entry of MAPPING) expect(findMapping(entry.dialect, entry.owner, entry.member)).toBe(entry);
    expect(findMapping('web', 'Session', 'channelLeave')).toBeUndefined();
    expect(findMapping('native', 'ICallBack', 'onUserAttributeResult')).toBeUndefined();
  });

  test('every method and event named in docs/reference/signaling-rtm-mapping-table.md is mapped for the native dialect (its spellings via aliases)', () => {
    const resolve = (name: string) => {
      const alias = MEMBER_ALIASES.find((a) => a.dialect === 'native' && a.alias === name);
      const member = alias?.member ?? name;
      return findMapping('native', alias?.owner ?? 'AgoraAPI', member) ?? findMapping('native', 'ICallBack', member);
    };
    expect(SEED_002_NAMES.filter((name) => resolve(name) === undefined)).toEqual([]);
  });

  test('every alias points at an entry and is not itself a mapped member of that owner', () => {
    for (const alias of MEMBER_ALIASES) {
      expect(findMapping(alias.dialect, alias.owner, alias.member), alias.alias).toBeDefined();
      expect(findMapping(alias.dialect, alias.owner, alias.alias), alias.alias).toBeUndefined();
    }
  });
});

describe('mapping table coverage of the legacy surface', () => {
  test('Web: Signal, Session, Channel, Call (docs/reference/legacy-web-sdk.md §3–§5b)', () => {
    expect(membersOf('web', 'Signal')).toEqual(
      ['Signal', 'appid', 'configure', 'getSDKVersion', 'getSDKVersion_int', 'login', 'setDoLog', 'setUpDebugging', 'setup_debugging', 'vid'].sort(),
    );
    expect(membersOf('web', 'Session', 'method')).toEqual(
      ['channelInviteUser2', 'channelJoin', 'getStatus', 'invoke', 'logout', 'messageInstantSend'].sort(),
    );
    expect(membersOf('web', 'Session', 'event')).toEqual(
      ['onError', 'onInviteReceived', 'onLoginFailed', 'onLoginSuccess', 'onLogout', 'onMessageInstantReceive'].sort(),
    );
    expect(membersOf('web', 'Session', 'property')).toEqual(['account', 'state', 'uid']);
    expect(membersOf('web', 'Channel', 'method')).toEqual(
      ['channelClearAttr', 'channelDelAttr', 'channelLeave', 'channelSetAttr', 'messageChannelSend'].sort(),
    );
    expect(membersOf('web', 'Channel', 'event')).toEqual(
      [
        'onChannelAttrUpdated', 'onChannelJoinFailed', 'onChannelJoined', 'onChannelLeaved', 'onChannelUserJoined',
        'onChannelUserLeaved', 'onChannelUserList', 'onMessageChannelReceive',
      ].sort(),
    );
    expect(membersOf('web', 'Channel', 'property')).toEqual(['name', 'state']);
    expect(membersOf('web', 'Call', 'method')).toEqual(
      ['channelInviteAccept', 'channelInviteDTMF', 'channelInviteEnd', 'channelInviteRefuse', 'channelInviteUser2'].sort(),
    );
    expect(membersOf('web', 'Call', 'event')).toEqual(
      [
        'onInviteAcceptedByPeer', 'onInviteEndByMyself', 'onInviteEndByPeer', 'onInviteFailed', 'onInviteMsg',
        'onInviteReceivedByPeer', 'onInviteRefusedByPeer',
      ].sort(),
    );
    expect(membersOf('web', 'Call', 'property')).toEqual(['channelName', 'extra', 'peer']);
  });

  test('Web: every documented invoke function (docs/reference/legacy-web-sdk.md §6), the extra keys, special channels and built-in attributes', () => {
    expect(membersOf('web', 'invoke')).toEqual(
      [
        'user_query_user_status', 'user_set_attr', 'user_get_attr', 'user_get_attr_all', 'channel_query_num',
        'channel_query_user_isin', 'channel_query_userlist', 'channel_query_userlist_all', 'channel_set_attr',
        'channel_del_attr', 'channel_clear_attr', '*',
      ]
        .map((name) => `io.agora.signal.${name}`)
        .sort(),
    );
    expect(membersOf('web', 'extra')).toEqual(['_require_peer_online', '_timeout', 'destMediaUid', 'srcNum'].sort());
    expect(membersOf('web', 'channel')).toEqual(['__agora_channel_event', '__agora_user_online']);
    expect(membersOf('web', 'attribute')).toEqual(
      [
        '_member_num', '_auto_update_num', '_userNotification', '_channel_ttl', '_total_member_num',
        '_auto_update_total_num', '_sendmsg_limit', '_setattr_limit',
      ].sort(),
    );
    const emulatedAttributes = MAPPING.filter((e) => e.owner === 'attribute' && e.status === 'emulated').map((e) => e.member);
    expect(emulatedAttributes).toEqual(['_member_num', '_auto_update_num']);
  });

  test('Server: the classes and every callback-class method (docs/reference/server-and-native-api.md §1)', () => {
    expect(membersOf('server', 'Signal')).toEqual(
      ['Signal', 'channelQueryUserNum', 'getStatus', 'login', 'setDoLog', 'userGetAttr', 'userGetAttrAll', 'userSetAttr'].sort(),
    );
    expect(membersOf('server', 'LoginSession')).toEqual(['channelInviteUser2', 'channelJoin', 'getStatus', 'logout', 'messageInstantSend']);
    expect(membersOf('server', 'Channel')).toEqual(
      ['channelClearAttr', 'channelDelAttr', 'channelLeave', 'channelSetAttr', 'getName', 'messageChannelSend'].sort(),
    );
    expect(membersOf('server', 'Call')).toEqual(['channelInviteAccept', 'channelInviteEnd', 'channelInviteRefuse', 'channelName', 'extra', 'peer']);
    expect(membersOf('server', 'LoginCallback')).toEqual(
      [
        'onLoginSuccess', 'onLoginFailed', 'onLogout', 'onMessageInstantReceive', 'onInviteReceived', 'onError',
        'onChannelJoined', 'onChannelJoinFailed', 'onChannelLeaved',
      ].sort(),
    );
    expect(membersOf('server', 'ChannelCallback')).toEqual(
      [
        'onChannelJoined', 'onChannelJoinFailed', 'onChannelLeaved', 'onChannelUserJoined', 'onChannelUserLeaved',
        'onChannelUserList', 'onChannelAttrUpdated', 'onChannelQueryUserNum', 'onMessageChannelReceive',
      ].sort(),
    );
    expect(membersOf('server', 'MessageCallback')).toEqual(['onMessageSendError', 'onMessageSendSuccess']);
    expect(membersOf('server', 'CallCallback')).toEqual(membersOf('web', 'Call', 'event'));
    expect(membersOf('server', 'UserAttrCallback')).toEqual(['onUserGetAttr', 'onUserGetAttrAll', 'onUserSetAttr']);
  });

  test('Native: every method and every ICallBack event (docs/reference/server-and-native-api.md §2)', () => {
    expect(membersOf('native', 'AgoraAPI')).toEqual(
      [
        'getInstance', 'createAgoraSDKInstance', 'callbackSet', 'callbackGet', 'login', 'login2', 'logout', 'channelJoin',
        'channelLeave', 'channelQueryUserNum', 'channelQueryUserIsIn', 'channelSetAttr', 'channelDelAttr',
        'channelClearAttr', 'channelInviteUser', 'channelInviteUser2', 'channelInvitePhone', 'channelInvitePhone2',
        'channelInvitePhone3', 'channelInviteDTMF', 'channelInviteAccept', 'channelInviteRefuse', 'channelInviteEnd',
        'messageInstantSend', 'messageInstantSend2', 'messageChannelSend', 'messageChannelSendForce', 'setAttr', 'getAttr',
        'getAttrAll', 'getUserAttr', 'getUserAttrAll', 'queryUserStatus', 'invoke', 'isOnline', 'getStatus',
        'getSdkVersion', 'setBackground', 'setNetworkStatus', 'ping', 'start', 'stop', 'destroy',
      ].sort(),
    );
    expect(membersOf('native', 'ICallBack')).toEqual(
      [
        'onReconnecting', 'onReconnected', 'onLoginSuccess', 'onLogout', 'onLoginFailed', 'onChannelJoined',
        'onChannelJoinFailed', 'onChannelLeaved', 'onChannelUserJoined', 'onChannelUserLeaved', 'onChannelUserList',
        'onChannelQueryUserNumResult', 'onChannelQueryUserIsIn', 'onChannelAttrUpdated', 'onInviteReceived',
        'onInviteReceivedByPeer', 'onInviteAcceptedByPeer', 'onInviteRefusedByPeer', 'onInviteFailed',
        'onInviteEndByPeer', 'onInviteEndByMyself', 'onInviteMsg', 'onMessageSendError', 'onMessageSendProgress',
        'onMessageSendSuccess', 'onMessageAppReceived', 'onMessageInstantReceive', 'onMessageChannelReceive', 'onLog',
        'onInvokeRet', 'onMsg', 'onUserAttrResult', 'onUserAttrAllResult', 'onError', 'onQueryUserStatusResult', 'onDbg',
      ].sort(),
    );
  });

  test('native statuses the spec fixes: SIP unsupported, no-ops emulated, never-fired events unsupported', () => {
    const status = (owner: string, members: string[]) => members.map((m) => findMapping('native', owner, m)?.status);
    expect(status('AgoraAPI', ['channelInvitePhone', 'channelInvitePhone2', 'channelInvitePhone3'])).toEqual(Array(3).fill('unsupported'));
    expect(status('AgoraAPI', ['setBackground', 'setNetworkStatus', 'ping', 'start', 'stop'])).toEqual(Array(5).fill('emulated'));
    const neverFired = ['onMessageSendProgress', 'onMessageAppReceived', 'onMsg', 'onLog', 'onDbg'];
    expect(status('ICallBack', neverFired)).toEqual(Array(5).fill('unsupported'));
    for (const member of neverFired) expect(findMapping('native', 'ICallBack', member)?.note).toMatch(/^Never fired/);
  });

  test('notes carry the mapping decisions that apps depend on', () => {
    const note = (dialect: MappingEntry['dialect'], owner: string, member: string) => findMapping(dialect, owner, member)?.note ?? '';
    expect(note('web', 'Channel', 'onChannelUserList')).toMatch(/getMembers/);
    expect(note('web', 'Channel', 'onMessageChannelReceive')).toMatch(/own message/);
    expect(note('web', 'Session', 'channelJoin')).toMatch(/One channel at a time/);
    expect(note('web', 'Call', 'channelInviteEnd')).toMatch(/AgoraRTMLegacyEndcallCompatibleMessagePrefix_/);
    expect(note('web', 'Call', 'channelInviteDTMF')).toMatch(/reserved peer message/);
    expect(note('web', 'Call', 'onInviteFailed')).toMatch(/"ecode": 70x/);
    expect(note('web', 'extra', '_require_peer_online')).toMatch(/20 s/);
    expect(note('web', 'extra', '_timeout')).toMatch(/cancelled after N s/);
    expect(note('server', 'LoginSession', 'messageInstantSend')).toMatch(/`ttl` is accepted but has no effect/);
    expect(note('web', 'Session', 'logout')).toMatch(/onLogout\(101\) once, asynchronously/);
    expect(note('web', 'Session', 'onError')).toMatch(/never fired/);
  });
});

describe('members.ts', () => {
  test('publicMembers lists own enumerable keys and the prototype chain without constructor', () => {
    class Base {
      baseMethod(): void {}
    }
    class Derived extends Base {
      onEvent = '';
      #hidden = 1;
      get state(): number {
        return this.#hidden;
      }
      method(): void {}
    }
    expect(publicMembers(new Derived())).toEqual(['baseMethod', 'method', 'onEvent', 'state']);
    const factory = Object.assign(() => 0, { configure() {} });
    expect(publicMembers(factory)).toEqual(['configure']);
  });

  test('mappedMembers splits instance members from the factory statics', () => {
    expect(mappedMembers('web', 'Signal')).toEqual(
      ['appid', 'getSDKVersion', 'getSDKVersion_int', 'login', 'setDoLog', 'setUpDebugging', 'setup_debugging', 'vid'].sort(),
    );
    expect(mappedMembers('web', 'Signal', { statics: true })).toEqual(['Signal', 'configure']);
    expect(mappedMembers('native', 'AgoraAPI', { statics: true })).toEqual(['createAgoraSDKInstance', 'getInstance']);
    expect(mappedMembers('web', 'invoke')).toEqual([]);
  });
});
