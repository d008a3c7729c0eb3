/**
 * The `io.agora.signal.*` functions of `invoke` (`docs/reference/legacy-web-sdk.md` §6), carried as the
 * "User attributes and invoke" table of `docs/reference/mapping-decisions.md` decides. The native flat API's
 * `invoke(name, req, callID)` takes the same names; they are listed once, under the Web dialect
 * whose documentation defines them.
 */

import { defineOwner } from './define';
import { INVOKE_PREFIX } from './invokePrefix';
import type { MappingEntry } from './types';

const TRANSIENT_JOIN = 'Uses getMembers() when in the channel, otherwise a transient join that members see (option `transientJoins: false` turns it off).';

/** Entries for every documented invoke function, plus one for any other name. */
export const INVOKE_MAPPING: readonly MappingEntry[] = defineOwner('web', 'invoke', [
  ['invoke', 'io.agora.signal.user_query_user_status', 'RtmClient.queryPeersOnlineStatus', 'native',
    '{account} → {result: "ok", account, status}, status the number 1 (online) or 0.'],
  ['invoke', 'io.agora.signal.user_set_attr', 'RtmClient.addOrUpdateLocalUserAttributes', 'native',
    '{name, value} → {result: "ok"}.'],
  ['invoke', 'io.agora.signal.user_get_attr', 'RtmClient.getUserAttributesByKeys', 'native',
    '{account, name} → {result: "ok", account, name, value}.'],
  ['invoke', 'io.agora.signal.user_get_attr_all', 'RtmClient.getUserAttributes', 'native',
    '{account} → {result: "ok", account, json}, json an object of all attributes.'],
  ['invoke', 'io.agora.signal.channel_query_num', 'RtmClient.getChannelMemberCount', 'native',
    '{name} → {result: "ok", name, num}.'],
  ['invoke', 'io.agora.signal.channel_query_user_isin', 'RtmChannel.getMembers (transient join when not in the channel)', 'emulated',
    `{name, account} → isin 1 or 0. ${TRANSIENT_JOIN}`],
  ['invoke', 'io.agora.signal.channel_query_userlist', 'RtmChannel.getMembers (transient join when not in the channel)', 'emulated',
    `{name} → {num, list: [[account, uid], …]}. ${TRANSIENT_JOIN}`],
  ['invoke', 'io.agora.signal.channel_query_userlist_all', 'RtmChannel.getMembers (transient join when not in the channel)', 'emulated',
    'Deprecated in the legacy SDK; answered exactly like channel_query_userlist (`num` is ignored).'],
  ['invoke', 'io.agora.signal.channel_set_attr', 'RtmClient.addOrUpdateChannelAttributes (notify members)', 'native',
    '{channel, name, value}: no join needed; members get onChannelAttrUpdated(name, value, \'update\').'],
  ['invoke', 'io.agora.signal.channel_del_attr', 'RtmClient.deleteChannelAttributesByKeys (notify members)', 'native',
    '{channel, name}: no join needed; members get onChannelAttrUpdated with type \'del\'.'],
  ['invoke', 'io.agora.signal.channel_clear_attr', 'RtmClient.clearChannelAttributes (notify members)', 'native',
    '{channel}: no join needed; members get one onChannelAttrUpdated with type \'clear\'.'],
  ['invoke', `${INVOKE_PREFIX}*`, '—', 'unsupported',
    'Any other name (the legacy SDK forwarded any RPC name) has no RTM counterpart: cb gets a failure reply {result: "failed", reason} instead of silence.'],
]);
