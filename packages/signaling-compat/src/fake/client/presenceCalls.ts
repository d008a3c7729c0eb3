/**
 * Online status and member-count queries (docs/reference/rtm1-web-sdk.md §2.3, §4.10, §4.11): 102 first, then
 * the ID-list checks, then one request with the 10 s query timeout (code 4).
 */

import type { ChannelMemberCountResult, PeersOnlineStatusResult, RtmMethodName } from '../../rtm/types';
import type { ClientCore } from './ClientCore';
import { requireConnected, serverRequest } from './requests';
import { invalidArgument, limitExceeded, timeoutError } from '../../rtm/rtm1/errors';
import type { FakeServer } from '../server/FakeServer';
import {
  MAX_COUNT_CHANNELS,
  MAX_QUERY_PEERS,
  MAX_SUBSCRIBED_PEERS,
  MAX_UNSUBSCRIBE_PEERS,
  TIMEOUTS,
} from '../../rtm/rtm1/limits';
import type { ClientPort } from '../server/wire';
import { isIdList, isValidId } from '../../rtm/rtm1/validation';

/** The SDK's texts for a bad ID list, per call (its format arguments print like `String(id)`). */
const badPeerList = (): Error => invalidArgument(2, 'Invalid arguments: peerIds');
const badPeerId = (id: unknown): Error => invalidArgument(2, `subscribePeersOnlineStatus peer id ${String(id)} is invalid`);

/** subscribe and unsubscribe: a non-empty array, then each ID in order. */
function checkPeerList(peerIds: unknown): asserts peerIds is string[] {
  if (!Array.isArray(peerIds) || peerIds.length === 0) throw badPeerList();
  const bad = peerIds.findIndex((id) => !isValidId(id));
  if (bad !== -1) throw badPeerId(peerIds[bad]);
}

function queryRequest<T>(
  core: ClientCore,
  method: RtmMethodName,
  serve: (server: FakeServer, port: ClientPort) => T,
  arrive?: (value: T) => void,
): Promise<T> {
  return serverRequest(core, method, { ms: TIMEOUTS.queryMs, error: () => timeoutError(4, 'The request timed out after 10s') }, serve, arrive);
}

/**
 * `{id: online}`. Side effect (docs/reference/rtm1-web-sdk.md §4.10): every queried peer that is subscribed and not UNREACHABLE
 * gets a PeersOnlineStatusChanged with its fresh state, even when unchanged.
 */
export async function queryPeersOnlineStatus(core: ClientCore, peerIds: unknown): Promise<PeersOnlineStatusResult> {
  requireConnected(core);
  if (!isIdList(peerIds, MAX_QUERY_PEERS)) throw invalidArgument(2, 'invalid arguments');
  const ids = [...peerIds];
  return queryRequest(
    core,
    'queryPeersOnlineStatus',
    (server) => Object.fromEntries(ids.map((id) => [id, server.isOnline(id)])),
    (result) => {
      for (const [peerId, online] of Object.entries(result)) {
        if (!core.subscriptions.has(peerId) || core.subscriptions.stateOf(peerId) === 'UNREACHABLE') continue;
        const state = online ? 'ONLINE' : 'OFFLINE';
        core.subscriptions.report(peerId, state);
        core.emit('PeersOnlineStatusChanged', { [peerId]: state });
      }
    },
  );
}

/** Resolves on the server's ack; the initial state map follows asynchronously (docs/reference/rtm1-web-sdk.md §4.10). */
export async function subscribePeersOnlineStatus(core: ClientCore, peerIds: unknown): Promise<void> {
  requireConnected(core);
  checkPeerList(peerIds);
  const ids = [...new Set(peerIds)];
  const fresh = ids.filter((id) => !core.subscriptions.isKnown(id));
  if (fresh.length + core.subscriptions.total > MAX_SUBSCRIBED_PEERS) {
    throw limitExceeded(6, 'Subscribed peers overflows');
  }
  core.subscriptions.addPending(fresh);
  try {
    await queryRequest(
      core,
      'subscribePeersOnlineStatus',
      (server, port) => server.subscribe(port, ids),
      () => core.subscriptions.settle(ids, core.state === 'CONNECTED'),
    );
  } finally {
    core.subscriptions.settle(fresh, false);
  }
  core.refreshSubscriptions(ids);
}

/** Fire-and-forget: resolves at once (docs/reference/rtm1-web-sdk.md §2.3). */
export async function unsubscribePeersOnlineStatus(core: ClientCore, peerIds: unknown): Promise<void> {
  requireConnected(core);
  checkPeerList(peerIds);
  if (peerIds.length > MAX_UNSUBSCRIBE_PEERS) {
    throw limitExceeded(6, 'Unsubscribed peers overflows');
  }
  const fault = core.ledger.takeFault('unsubscribePeersOnlineStatus');
  if (fault) throw fault;
  const ids = [...peerIds];
  core.subscriptions.remove(ids);
  core.fireAndForget((server, port) => server.unsubscribe(port, ids));
}

/** The locally cached subscribed IDs (docs/reference/rtm1-web-sdk.md §4.10). */
export async function queryPeersBySubscriptionOption(core: ClientCore, option: unknown): Promise<string[]> {
  requireConnected(core);
  if (option !== 'ONLINE_STATUS') throw invalidArgument(2, 'Subscription option not supported');
  return core.subscriptions.peers();
}

/**
 * `{channelId: count}`; the counts also feed MemberCountUpdated of joined instances (docs/reference/rtm1-web-sdk.md §4.11).
 * @note compat: more than 32 IDs is RtmInvalidArgumentError 5, not a limit error (docs/reference/rtm1-web-sdk.md §2.3).
 */
export async function getChannelMemberCount(core: ClientCore, channelIds: unknown): Promise<ChannelMemberCountResult> {
  requireConnected(core);
  if (!Array.isArray(channelIds) || channelIds.length === 0 || channelIds.some((id) => typeof id !== 'string')) {
    throw invalidArgument(2, 'Invalid arguments: channelIds');
  }
  if (channelIds.length > MAX_COUNT_CHANNELS) {
    throw invalidArgument(5, `getChannelMemberCount exceed limit of ${MAX_COUNT_CHANNELS} channelIds`);
  }
  const bad = channelIds.findIndex((id) => !isValidId(id));
  if (bad !== -1) throw invalidArgument(2, `getChannelMemberCount channel id ${String(channelIds[bad])} is invalid`);
  const ids = [...channelIds] as string[];
  return queryRequest(
    core,
    'getChannelMemberCount',
    (server) => server.memberCounts(ids),
    (counts) => core.channels.receiveMemberCounts(counts),
  );
}
