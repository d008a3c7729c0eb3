import { settle, type Probe } from '../outcome';
import type { Loose } from '../subjects';
import { clientIn, type ClientState } from './states';
import { attributeMaps, END_CALL_TEXTS, IDS, idList, KEY_LISTS, MESSAGES } from './values';

/** Argument validation of every method, across the ID, message, attribute and list tables. */

type Call = (client: Loose, input: unknown) => unknown;

/** Methods taking one ID, and the state their checks are probed in. */
const ID_CALLS: Array<[string, ClientState, Call]> = [
  ['createChannel', 'idle', (c, id) => c.createChannel(id)],
  ['createLocalInvitation', 'idle', (c, id) => c.createLocalInvitation(id)],
  ['login.uid', 'idle', (c, id) => c.login({ uid: id })],
  ['sendMessageToPeer.peerId', 'connected', (c, id) => c.sendMessageToPeer({ text: 'a' }, id)],
  ['sendMessageToPeer.peerId.idle', 'idle', (c, id) => c.sendMessageToPeer({ text: 'a' }, id)],
  ['getUserAttributes', 'connected', (c, id) => c.getUserAttributes(id)],
  ['getUserAttributes.idle', 'idle', (c, id) => c.getUserAttributes(id)],
  ['getChannelAttributes', 'connected', (c, id) => c.getChannelAttributes(id)],
  ['getChannelAttributes.idle', 'idle', (c, id) => c.getChannelAttributes(id)],
  ['getUserAttributesByKeys', 'connected', (c, id) => c.getUserAttributesByKeys(id, ['k'])],
  ['getChannelAttributesByKeys', 'connected', (c, id) => c.getChannelAttributesByKeys(id, ['k'])],
  ['deleteChannelAttributesByKeys', 'idle', (c, id) => c.deleteChannelAttributesByKeys(id, ['k'])],
  ['setChannelAttributes.channelId', 'idle', (c, id) => c.setChannelAttributes(id, { k: 'v' })],
  ['clearChannelAttributes.channelId', 'idle', (c, id) => c.clearChannelAttributes(id)],
  ['queryPeersOnlineStatus', 'connected', (c, id) => c.queryPeersOnlineStatus([id])],
  ['subscribePeersOnlineStatus', 'connected', (c, id) => c.subscribePeersOnlineStatus([id])],
  ['unsubscribePeersOnlineStatus', 'connected', (c, id) => c.unsubscribePeersOnlineStatus([id])],
  ['getChannelMemberCount', 'connected', (c, id) => c.getChannelMemberCount([id])],
  [
    'invitation.channelId',
    'idle',
    (c, id) => {
      const invitation = c.createLocalInvitation('peer');
      invitation.channelId = id;
      invitation.send();
      return invitation.state;
    },
  ],
];

const probe = (id: string, state: ClientState, input: () => unknown, call: Call): Probe => ({
  id,
  async run(subject) {
    const client = await clientIn(subject, state);
    return settle(subject, () => call(client, input()));
  },
});

/**
 * Left out: `login({uid: ['a']})` makes the SDK's own telemetry fail with an unhandled rejection
 * (its protobuf encoder reads the uid as a string; in browsers too). The shim checks the uid
 * before it calls login, so no legacy app reaches it.
 */
const UNPROBED = new Set(['id/login.uid/array']);

const idProbes = ID_CALLS.flatMap(([method, state, call]) =>
  IDS.map(([label, value]) => probe(`id/${method}/${label}`, state, () => value, call)),
).filter((p) => !UNPROBED.has(p.id));

const messageProbes = MESSAGES.flatMap(([label, message]) => [
  probe(`message/peer/connected/${label}`, 'connected', message, (c, m) => c.sendMessageToPeer(m, 'peer')),
  probe(`message/peer/idle/${label}`, 'idle', message, (c, m) => c.sendMessageToPeer(m, 'peer')),
  {
    id: `message/channel/joined/${label}`,
    async run(subject) {
      const client = await subject.connected();
      const channel = client.createChannel('room');
      await channel.join();
      return settle(subject, () => channel.sendMessage(message()));
    },
  } satisfies Probe,
  probe(`message/channel/idle/${label}`, 'idle', message, (c, m) => c.createChannel('room').sendMessage(m)),
  {
    id: `message/mutation/${label}`,
    async run(subject) {
      const client = await subject.connected();
      const sent = message();
      await settle(subject, () => client.sendMessageToPeer(sent, 'peer'));
      return typeof sent === 'object' && sent !== null ? { ...sent } : sent;
    },
  } satisfies Probe,
]);

const endCallProbes = END_CALL_TEXTS.flatMap(([label, text]) => [
  probe(`endCall/peer/${label}`, 'connected', () => ({ text }), (c, m) => c.sendMessageToPeer(m, 'peer')),
  probe(`endCall/bad-peer/${label}`, 'connected', () => ({ text }), (c, m) => c.sendMessageToPeer(m, 'bad/peer')),
  probe(`endCall/idle/${label}`, 'idle', () => ({ text }), (c, m) => c.sendMessageToPeer(m, 'peer')),
  {
    id: `endCall/channel/${label}`,
    async run(subject) {
      const client = await subject.connected();
      const channel = client.createChannel('room');
      await channel.join();
      return settle(subject, () => channel.sendMessage({ text }));
    },
  } satisfies Probe,
]);

const USER_BUDGET = 16_384;
const CHANNEL_BUDGET = 32_768;
const ATTRIBUTE_CALLS: Array<[string, number, Call]> = [
  ['setLocalUserAttributes', USER_BUDGET, (c, m) => c.setLocalUserAttributes(m)],
  ['addOrUpdateLocalUserAttributes', USER_BUDGET, (c, m) => c.addOrUpdateLocalUserAttributes(m)],
  ['setChannelAttributes', CHANNEL_BUDGET, (c, m) => c.setChannelAttributes('room', m)],
  ['addOrUpdateChannelAttributes', CHANNEL_BUDGET, (c, m) => c.addOrUpdateChannelAttributes('room', m)],
];
const attributeProbes = ATTRIBUTE_CALLS.flatMap(([method, budget, call]) =>
  attributeMaps(budget).flatMap(([label, map]) => [
    probe(`attributes/${method}/connected/${label}`, 'connected', map, call),
    probe(`attributes/${method}/idle/${label}`, 'idle', map, call),
  ]),
);

const KEY_CALLS: Array<[string, ClientState, Call]> = [
  ['deleteLocalUserAttributesByKeys', 'idle', (c, k) => c.deleteLocalUserAttributesByKeys(k)],
  ['deleteLocalUserAttributesByKeys', 'connected', (c, k) => c.deleteLocalUserAttributesByKeys(k)],
  ['deleteChannelAttributesByKeys', 'idle', (c, k) => c.deleteChannelAttributesByKeys('room', k)],
  ['deleteChannelAttributesByKeys', 'connected', (c, k) => c.deleteChannelAttributesByKeys('room', k)],
  ['getUserAttributesByKeys', 'idle', (c, k) => c.getUserAttributesByKeys('peer', k)],
  ['getUserAttributesByKeys', 'connected', (c, k) => c.getUserAttributesByKeys('peer', k)],
  ['getChannelAttributesByKeys', 'idle', (c, k) => c.getChannelAttributesByKeys('room', k)],
  ['getChannelAttributesByKeys', 'connected', (c, k) => c.getChannelAttributesByKeys('room', k)],
];
const keyProbes = KEY_CALLS.flatMap(([method, state, call]) =>
  KEY_LISTS.map(([label, keys]) => probe(`keys/${method}/${state}/${label}`, state, () => keys, call)),
);

const LISTS: Array<[string, () => unknown]> = [
  ['undefined', () => undefined],
  ['string', () => 'u0'],
  ['empty', () => []],
  ['1', () => idList(1)],
  ['duplicates', () => ['u0', 'u0']],
  ['32', () => idList(32)],
  ['33', () => idList(33)],
  ['256', () => idList(256)],
  ['257', () => idList(257)],
  ['512', () => idList(512)],
  ['513', () => idList(513)],
  ['number-entry', () => [1]],
];
const LIST_CALLS: Array<[string, Call]> = [
  ['queryPeersOnlineStatus', (c, l) => c.queryPeersOnlineStatus(l)],
  ['subscribePeersOnlineStatus', (c, l) => c.subscribePeersOnlineStatus(l)],
  ['unsubscribePeersOnlineStatus', (c, l) => c.unsubscribePeersOnlineStatus(l)],
  ['getChannelMemberCount', (c, l) => c.getChannelMemberCount(l)],
];
const listProbes = LIST_CALLS.flatMap(([method, call]) =>
  LISTS.flatMap(([label, list]) => [
    probe(`list/${method}/connected/${label}`, 'connected', list, call),
    probe(`list/${method}/idle/${label}`, 'idle', list, call),
  ]),
);

const OTHER: Probe[] = [
  ...[undefined, null, {}, { uid: 'me', token: 1 }, { uid: 'me', token: '' }, { uid: 'me', token: null }, 'me'].map(
    (options, i) => probe(`login/options/${i}-${JSON.stringify(options) ?? 'undefined'}`, 'idle', () => options, (c, o) => c.login(o)),
  ),
  probe('login/no-argument', 'idle', () => undefined, (c) => c.login()),
  probe('login/null-prototype', 'idle', () => Object.assign(Object.create(null), { uid: 'me' }), (c, o) => c.login(o)),
  // A valid token goes to the access point, which the stand-in transport does not answer.
  ...[undefined, '', 1].map((token) =>
    probe(`renewToken/connected/${String(token)}`, 'connected', () => token, (c, t) => c.renewToken(t)),
  ),
  ...[undefined, 'ONLINE_STATUS', 'online_status', 1].map((option) =>
    probe(`queryPeersBySubscriptionOption/${String(option)}`, 'connected', () => option, (c, o) =>
      c.queryPeersBySubscriptionOption(o),
    ),
  ),
  ...[undefined, null, {}, { enableNotificationToChannelMembers: true }, 'x'].map((options, i) =>
    probe(`attributes/options/${i}`, 'connected', () => options, (c, o) => c.setChannelAttributes('room', { k: 'v' }, o)),
  ),
];

export const ARGUMENT_PROBES: Probe[] = [
  ...idProbes,
  ...messageProbes,
  ...endCallProbes,
  ...attributeProbes,
  ...keyProbes,
  ...listProbes,
  ...OTHER,
];
