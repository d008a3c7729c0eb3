/**
 * Other spellings of mapped members that real code or the legacy docs use. docs/reference/signaling-rtm-mapping-table.md writes some
 * native names differently from the native header (`docs/reference/server-and-native-api.md` §2 says to
 * treat them as the same events); the iOS kit, the English Web docs and Java apps add a few more.
 */

import type { Dialect } from './types';

/** One alternative spelling of a mapped member. */
export interface MemberAlias {
  /** Dialect of the entry the alias stands for. */
  dialect: Dialect;
  /** Owner of the entry the alias stands for. */
  owner: string;
  /** The alternative spelling as written in code or docs. */
  alias: string;
  /** The entry's `member`. */
  member: string;
  /** Where the spelling comes from. */
  source: string;
}

/** Every known alternative spelling. */
export const MEMBER_ALIASES: readonly MemberAlias[] = [
  { dialect: 'native', owner: 'ICallBack', alias: 'onUserAttributeResult', member: 'onUserAttrResult', source: 'docs/reference/signaling-rtm-mapping-table.md' },
  { dialect: 'native', owner: 'ICallBack', alias: 'OnQueryUserStatusResult', member: 'onQueryUserStatusResult', source: 'docs/reference/signaling-rtm-mapping-table.md' },
  { dialect: 'native', owner: 'ICallBack', alias: 'oninviteReceived', member: 'onInviteReceived', source: 'docs/reference/signaling-rtm-mapping-table.md' },
  { dialect: 'native', owner: 'ICallBack', alias: 'oninviteReceivedByPeer', member: 'onInviteReceivedByPeer', source: 'docs/reference/signaling-rtm-mapping-table.md' },
  { dialect: 'native', owner: 'AgoraAPI', alias: 'queryuserStatus', member: 'queryUserStatus', source: 'docs/reference/signaling-rtm-mapping-table.md' },
  { dialect: 'native', owner: 'AgoraAPI', alias: 'getInstanceWithoutMedia', member: 'getInstance', source: 'iOS AgoraAPI kit' },
  { dialect: 'server', owner: 'ChannelCallback', alias: 'onChannelQueryUserNumResult', member: 'onChannelQueryUserNum', source: 'Java apps (docs/reference/legacy-usage.md §2.12)' },
  { dialect: 'web', owner: 'channel', alias: '_agora_user_online', member: '__agora_user_online', source: 'English Web docs' },
  { dialect: 'web', owner: 'channel', alias: '_agora_channel_event', member: '__agora_channel_event', source: 'English Web docs' },
];
