import { data, errorSeen, settle, type Probe } from '../outcome';
import type { Loose, Subject } from '../subjects';
import { CLIENT_STATES, clientIn } from './states';

/** State gates, invitations, object shapes, emitters, the login timeline and the rate limit. */

const ASYNC_CALLS: Array<[string, (c: Loose) => unknown]> = [
  ['logout', (c) => c.logout()],
  ['sendMessageToPeer', (c) => c.sendMessageToPeer({ text: 'a' }, 'peer')],
  ['setLocalUserAttributes', (c) => c.setLocalUserAttributes({ k: 'v' })],
  ['addOrUpdateLocalUserAttributes', (c) => c.addOrUpdateLocalUserAttributes({ k: 'v' })],
  ['deleteLocalUserAttributesByKeys', (c) => c.deleteLocalUserAttributesByKeys(['k'])],
  ['clearLocalUserAttributes', (c) => c.clearLocalUserAttributes()],
  ['setChannelAttributes', (c) => c.setChannelAttributes('room', { k: 'v' })],
  ['addOrUpdateChannelAttributes', (c) => c.addOrUpdateChannelAttributes('room', { k: 'v' })],
  ['deleteChannelAttributesByKeys', (c) => c.deleteChannelAttributesByKeys('room', ['k'])],
  ['clearChannelAttributes', (c) => c.clearChannelAttributes('room')],
  ['getUserAttributesByKeys', (c) => c.getUserAttributesByKeys('peer', ['k'])],
  ['getChannelAttributesByKeys', (c) => c.getChannelAttributesByKeys('room', ['k'])],
  ['queryPeersOnlineStatus', (c) => c.queryPeersOnlineStatus(['peer'])],
  ['subscribePeersOnlineStatus', (c) => c.subscribePeersOnlineStatus(['peer'])],
  ['unsubscribePeersOnlineStatus', (c) => c.unsubscribePeersOnlineStatus(['peer'])],
  ['queryPeersBySubscriptionOption', (c) => c.queryPeersBySubscriptionOption('ONLINE_STATUS')],
  ['getChannelMemberCount', (c) => c.getChannelMemberCount(['room'])],
  // A valid token is checked at the access point, which the stand-in transport does not answer.
  ['renewToken', (c) => c.renewToken('')],
  ['channel.join', (c) => c.createChannel('room').join()],
  ['channel.leave', (c) => c.createChannel('room').leave()],
  ['channel.sendMessage', (c) => c.createChannel('room').sendMessage({ text: 'a' })],
  ['channel.getMembers', (c) => c.createChannel('room').getMembers()],
  ['login', (c) => c.login({ uid: 'other' })],
];

const gateProbes: Probe[] = CLIENT_STATES.flatMap((state) =>
  ASYNC_CALLS.map(([method, call]) => ({
    id: `gate/${state}/${method}`,
    async run(subject: Subject) {
      const client = await clientIn(subject, state);
      return { outcome: await settle(subject, () => call(client)), state: client.connectionState };
    },
  })),
);

/** Channel gates: each joinState and client state a channel call can meet. */
const CHANNEL_CALLS: Array<[string, (ch: Loose) => unknown]> = [
  ['join', (ch) => ch.join()],
  ['leave', (ch) => ch.leave()],
  ['sendMessage', (ch) => ch.sendMessage({ text: 'a' })],
  ['getMembers', (ch) => ch.getMembers()],
];
const CHANNEL_SETUPS: Array<[string, (s: Subject) => Promise<Loose>]> = [
  ['not-joined', async (s) => (await s.connected()).createChannel('room')],
  [
    'joined',
    async (s) => {
      const channel = (await s.connected()).createChannel('room');
      await channel.join();
      return channel;
    },
  ],
  [
    'other-instance-joined',
    async (s) => {
      const client = await s.connected();
      await client.createChannel('room').join();
      return client.createChannel('room');
    },
  ],
  [
    'left',
    async (s) => {
      const channel = (await s.connected()).createChannel('room');
      await channel.join();
      await channel.leave();
      return channel;
    },
  ],
  [
    'joined-then-logout',
    async (s) => {
      const client = await s.connected();
      const channel = client.createChannel('room');
      await channel.join();
      await client.logout();
      return channel;
    },
  ],
  [
    'joining',
    async (s) => {
      const channel = (await s.connected()).createChannel('room');
      channel.join().catch(() => undefined);
      return channel;
    },
  ],
];
const channelProbes: Probe[] = CHANNEL_SETUPS.flatMap(([label, setup]) =>
  CHANNEL_CALLS.map(([method, call]) => ({
    id: `channel/${label}/${method}`,
    async run(subject: Subject) {
      const channel = await setup(subject);
      const outcome = await settle(subject, () => call(channel));
      return { outcome, joinState: channel.joinState };
    },
  })),
);

/** What a failure the server decided looks like: its text is each side's own. */
const failureSeen = (outcome: Awaited<ReturnType<typeof settle>>) =>
  'rejected' in outcome ? { rejected: { name: outcome.rejected.name, code: outcome.rejected.code } } : outcome;

const limitProbes: Probe[] = [
  {
    id: 'channel/join-after-failed-join',
    async run(subject) {
      const client = await subject.connected();
      const first = client.createChannel('room');
      subject.refuseNextJoin(client);
      const failed = failureSeen(await settle(subject, () => first.join()));
      const sameInstance = await settle(subject, () => first.join());
      const newInstance = await settle(subject, () => client.createChannel('room').join());
      const otherId = await settle(subject, () => client.createChannel('other').join());
      return { failed, sameInstance, newInstance, otherId, joinState: first.joinState };
    },
  },
  {
    id: 'channel/failed-join-counts-toward-20',
    async run(subject) {
      const client = await subject.connected();
      subject.refuseNextJoin(client);
      await settle(subject, () => client.createChannel('failed').join());
      for (let i = 0; i < 19; i += 1) await client.createChannel(`room${i}`).join();
      return settle(subject, () => client.createChannel('room19').join());
    },
  },
  {
    id: 'channel/join-after-failed-join-and-relogin',
    async run(subject) {
      const client = await subject.connected();
      subject.refuseNextJoin(client);
      await settle(subject, () => client.createChannel('room').join());
      await client.logout();
      await subject.advance(600);
      await client.login({ uid: 'me' });
      return settle(subject, () => client.createChannel('room').join());
    },
  },
  {
    id: 'login/stacked-then-logout',
    async run(subject) {
      const client = subject.offline();
      client.login({ uid: 'me' }).catch(() => undefined);
      const stacked = await settle(subject, () => client.login({ uid: 'me' }));
      const logout = await settle(subject, () => client.logout());
      return { stacked, logout, state: client.connectionState };
    },
  },
  {
    id: 'reconnecting/send-waits-then-times-out',
    async run(subject) {
      const client = await subject.connected();
      await subject.interrupt(client);
      const sent = client.sendMessageToPeer({ text: 'a' }, 'peer');
      let outcome: unknown = 'pending';
      sent.then(
        (value: unknown) => (outcome = { resolved: value }),
        (error: unknown) => (outcome = { rejected: errorSeen(error) }),
      );
      await subject.advance(8_900);
      const at8900 = outcome;
      await subject.advance(200);
      return { at8900, after: outcome, state: client.connectionState };
    },
  },
  {
    id: 'reconnecting/logout-while-send-waits',
    async run(subject) {
      const client = await subject.connected();
      await subject.interrupt(client);
      const sent = client.sendMessageToPeer({ text: 'a' }, 'peer');
      let outcome: unknown = 'pending';
      sent.then(
        (value: unknown) => (outcome = { resolved: value }),
        (error: unknown) => (outcome = { rejected: errorSeen(error) }),
      );
      const logout = await settle(subject, () => client.logout());
      const right = outcome;
      await subject.advance(9_100);
      return { logout, right, after: outcome, state: client.connectionState };
    },
  },
  {
    id: 'channel/limit-20',
    async run(subject) {
      const client = await subject.connected();
      for (let i = 0; i < 20; i += 1) await client.createChannel(`room${i}`).join();
      return settle(subject, () => client.createChannel('room20').join());
    },
  },
  {
    id: 'channel/same-instance-twice-pending',
    async run(subject) {
      const channel = (await subject.connected()).createChannel('room');
      const first = channel.join();
      const second = await settle(subject, () => channel.join());
      await first;
      return { second, joinState: channel.joinState };
    },
  },
  {
    id: 'channel/createChannel-new-instance',
    async run(subject) {
      const client = subject.client();
      return client.createChannel('room') === client.createChannel('room');
    },
  },
  {
    id: 'rate/180-per-3s',
    async run(subject) {
      const client = await subject.connected();
      const results: unknown[] = [];
      for (let i = 0; i < 180; i += 1) client.sendMessageToPeer({ text: 'a' }, 'peer').catch(() => undefined);
      results.push(await settle(subject, () => client.sendMessageToPeer({ text: 'a' }, 'peer')));
      const channel = client.createChannel('room');
      await channel.join();
      results.push(await settle(subject, () => channel.sendMessage({ text: 'a' })));
      await subject.advance(3_100);
      results.push(await settle(subject, () => client.sendMessageToPeer({ text: 'a' }, 'peer')));
      return results;
    },
  },
  {
    id: 'rate/invalid-text-before-count',
    async run(subject) {
      const client = await subject.connected();
      for (let i = 0; i < 180; i += 1) client.sendMessageToPeer({ text: 'a' }, 'peer').catch(() => undefined);
      return [
        await settle(subject, () => client.sendMessageToPeer({ text: 1 }, 'peer')),
        await settle(subject, () => client.sendMessageToPeer({ text: 'a' }, 'bad/peer')),
        await settle(subject, () => client.sendMessageToPeer({ text: 'x'.repeat(40_000) }, 'peer')),
      ];
    },
  },
  {
    id: 'rate/failures-count',
    async run(subject) {
      const client = await subject.connected();
      for (let i = 0; i < 180; i += 1) client.sendMessageToPeer({ text: 'a' }, 'bad/peer').catch(() => undefined);
      return settle(subject, () => client.sendMessageToPeer({ text: 'a' }, 'peer'));
    },
  },
  {
    id: 'subscribe/cap-counts-every-id',
    async run(subject) {
      const client = await subject.connected();
      const ids = Array.from({ length: 300 }, (_, i) => `u${i % 2}`);
      const first = await settle(subject, () => client.subscribePeersOnlineStatus(ids));
      const more = Array.from({ length: 511 }, (_, i) => `v${i}`);
      return [first, await settle(subject, () => client.subscribePeersOnlineStatus(more))];
    },
  },
];

/** docs/reference/rtm1-web-sdk.md §2.4: every invitation call in every state the caller side can reach offline. */
const localInvitationProbes: Probe[] = [
  {
    id: 'invitation/local/shape',
    async run(subject) {
      const invitation = subject.client().createLocalInvitation('peer');
      return {
        calleeId: invitation.calleeId,
        content: invitation.content,
        channelId: invitation.channelId,
        response: invitation.response,
        state: invitation.state,
        callId: typeof invitation.callId,
      };
    },
  },
  ...[
    ['cancel-idle', (i: Loose) => i.cancel()],
    ['set-response', (i: Loose) => (i.response = 'x')],
    ['content-8192', (i: Loose) => ((i.content = 'x'.repeat(8_192)), i.send())],
    ['content-8193', (i: Loose) => ((i.content = 'x'.repeat(8_193)), i.send())],
    ['content-multibyte-8194', (i: Loose) => ((i.content = 'é'.repeat(4_097)), i.send())],
    ['content-number', (i: Loose) => ((i.content = 12), i.send())],
    ['content-object', (i: Loose) => ((i.content = { a: 1 }), i.send())],
    ['channelId-number', (i: Loose) => ((i.channelId = 12), i.send())],
    ['send-twice', (i: Loose) => (i.send(), i.send())],
    ['send-then-cancel', (i: Loose) => (i.send(), i.cancel(), i.state)],
    ['send-cancel-cancel', (i: Loose) => (i.send(), i.cancel(), i.cancel())],
    ['send-cancel-send', (i: Loose) => (i.send(), i.cancel(), i.send())],
    ['cancel-content-8193', (i: Loose) => (i.send(), (i.content = 'x'.repeat(8_193)), i.cancel())],
    ['channelId-after-send', (i: Loose) => (i.send(), (i.channelId = 'other'), i.channelId)],
  ].flatMap(([label, act]) =>
    (['idle', 'connected'] as const).map((state) => ({
      id: `invitation/local/${state}/${label as string}`,
      async run(subject: Subject) {
        const client = await clientIn(subject, state);
        const invitation = client.createLocalInvitation('peer');
        const events: unknown[] = [];
        for (const name of [
          'LocalInvitationReceivedByPeer',
          'LocalInvitationAccepted',
          'LocalInvitationRefused',
          'LocalInvitationCanceled',
          'LocalInvitationFailure',
        ]) {
          invitation.on(name, (...args: unknown[]) => events.push([name, ...args]));
        }
        const outcome = await settle(subject, () => (act as (i: Loose) => unknown)(invitation));
        await subject.flush();
        return { outcome, state: invitation.state, events };
      },
    })),
  ),
  {
    id: 'invitation/local/offline-peer-timeline',
    async run(subject) {
      const client = await subject.connected();
      const invitation = client.createLocalInvitation('peer');
      const events: unknown[] = [];
      invitation.on('LocalInvitationFailure', (reason: unknown) => events.push(['failure', reason]));
      invitation.send();
      await subject.advance(29_000);
      events.push(['at-29s', invitation.state]);
      await subject.advance(1_500);
      events.push(['at-30.5s', invitation.state]);
      return events;
    },
  },
];

/** docs/reference/rtm1-web-sdk.md §2.4 and §4.7 on the callee's side: a RemoteInvitation in each state it can reach alone. */
type RemoteSetup = (subject: Subject, client: Loose) => Promise<Loose>;
const receive = async (subject: Subject, client: Loose, events: unknown[]) => {
  let received: Loose;
  client.on('RemoteInvitationReceived', (invitation: Loose) => {
    received = invitation;
    for (const name of ['RemoteInvitationAccepted', 'RemoteInvitationRefused', 'RemoteInvitationCanceled', 'RemoteInvitationFailure']) {
      invitation.on(name, (...args: unknown[]) => events.push([name, ...args]));
    }
  });
  const caller = await subject.incomingInvitation(client, 'ring', 'room');
  return { invitation: received, caller };
};
const REMOTE_ACTIONS: Array<[string, (i: Loose) => unknown]> = [
  ['accept', (i) => i.accept()],
  ['refuse', (i) => i.refuse()],
  ['set-content', (i) => (i.content = 'x')],
  ['set-channelId', (i) => (i.channelId = 'x')],
  ['set-response', (i) => ((i.response = 'ok'), i.response)],
  ['response-8192', (i) => ((i.response = 'x'.repeat(8_192)), i.refuse())],
  ['response-8193-accept', (i) => ((i.response = 'x'.repeat(8_193)), i.accept())],
  ['response-8193-refuse', (i) => ((i.response = 'x'.repeat(8_193)), i.refuse())],
  ['response-number', (i) => ((i.response = 12), i.refuse())],
];
const REMOTE_STATES: Array<[string, (subject: Subject, i: Loose, caller: { cancel(c: string): Promise<void> }) => Promise<void>]> = [
  ['received', async () => undefined],
  ['refused', async (_s, i) => i.refuse()],
  ['accepting', async (_s, i) => i.accept()],
  ['canceled', async (_s, _i, caller) => caller.cancel('bye')],
];
const remoteInvitationProbes: Probe[] = [
  {
    id: 'invitation/remote/shape',
    async run(subject) {
      const client = await subject.connected();
      const { invitation } = await receive(subject, client, []);
      return {
        callerId: invitation.callerId,
        content: invitation.content,
        channelId: invitation.channelId,
        response: invitation.response,
        state: invitation.state,
        callId: typeof invitation.callId,
        methods: publicMethods(invitation),
      };
    },
  },
  ...REMOTE_STATES.flatMap(([state, reach]) =>
    REMOTE_ACTIONS.map(([label, act]) => ({
      id: `invitation/remote/${state}/${label}`,
      async run(subject: Subject) {
        const client = await subject.connected();
        const events: unknown[] = [];
        const { invitation, caller } = await receive(subject, client, events);
        await reach(subject, invitation, caller);
        const outcome = await settle(subject, () => act(invitation));
        return { outcome, state: invitation.state, content: invitation.content, events };
      },
    })),
  ),
  {
    id: 'invitation/remote/throwing-listener',
    async run(subject) {
      const client = await subject.connected();
      const seen: string[] = [];
      client.on('RemoteInvitationReceived', () => {
        seen.push('first');
        throw new Error('app bug');
      });
      client.on('RemoteInvitationReceived', () => seen.push('second'));
      await subject.incomingInvitation(client, 'ring', 'room');
      return { seen, state: client.connectionState };
    },
  },
];

const shapeProbes: Probe[] = [
  {
    id: 'namespace/members',
    async run(subject) {
      const names = new Set<string>();
      for (let proto = subject.rtm; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const name of Object.getOwnPropertyNames(proto)) if (!FAKE_CONTROLS.has(name)) names.add(name);
      }
      return [...names].sort();
    },
  },
  ...[
    'VERSION',
    'BUILD',
    'END_CALL_PREFIX',
    'ConnectionState',
    'ConnectionChangeReason',
    'LocalInvitationState',
    'RemoteInvitationState',
    'LocalInvitationFailureReason',
    'RemoteInvitationFailureReason',
    'PeerOnlineState',
    'PeerSubscriptionOption',
    'MessageType',
    'LOG_FILTER_OFF',
    'LOG_FILTER_ERROR',
    'LOG_FILTER_WARNING',
    'LOG_FILTER_INFO',
    'LOG_FILTER_DEBUG',
    'AreaCode',
    'LegacyAreaCode',
  ].map((key) => ({ id: `namespace/${key}`, run: async (subject: Subject) => data(subject.rtm[key]) })),
  {
    id: 'namespace/processId',
    run: async (subject) => /^[0-9a-f-]{36}$/.test(String(subject.rtm.processId)),
  },
  ...[
    ['no-appId', (r: Loose) => r.createInstance()],
    ['short-appId', (r: Loose) => r.createInstance('abc')],
    ['appId-with-dash', (r: Loose) => r.createInstance('0123456789abcdef0123456789abcde-')],
    ['unknown-config-key', (r: Loose) => r.createInstance('0123456789abcdef0123456789abcdef', { foo: 1 })],
    ['two-unknown-keys', (r: Loose) => r.createInstance('0123456789abcdef0123456789abcdef', { foo: 1, bar: 2 })],
    ['config-null', (r: Loose) => r.createInstance('0123456789abcdef0123456789abcdef', null)],
    ['config-string', (r: Loose) => r.createInstance('0123456789abcdef0123456789abcdef', 'x')],
    ['areaCodes-empty', (r: Loose) => r.createInstance('0123456789abcdef0123456789abcdef', {}, [])],
    ['areaCodes-not-array', (r: Loose) => r.createInstance('0123456789abcdef0123456789abcdef', {}, 'GLOB')],
    ['areaCodes-modern', (r: Loose) => r.createInstance('0123456789abcdef0123456789abcdef', {}, ['GLOBAL'])],
    ['setArea-empty', (r: Loose) => r.setArea({})],
    ['setArea-bogus', (r: Loose) => r.setArea({ areaCodes: ['MARS'] })],
    ['setParameter-unknown', (r: Loose) => r.setParameter('NO_SUCH_PARAMETER', 1)],
    ['getParameter-unknown', (r: Loose) => r.getParameter('NO_SUCH_PARAMETER')],
  ].map(([label, call]) => ({
    id: `namespace/call/${label as string}`,
    run: async (subject: Subject) => settle(subject, () => (call as (r: Loose) => unknown)(subject.rtm)),
  })),
  {
    id: 'client/methods',
    run: async (subject) => publicMethods(subject.client()),
  },
  {
    id: 'client/connectionState',
    run: async (subject) => subject.client().connectionState,
  },
  {
    id: 'client/createMessage',
    async run(subject) {
      const message = { text: 'a' };
      return subject.client().createMessage(message) === message;
    },
  },
  {
    id: 'channel/methods',
    run: async (subject) => publicMethods(subject.client().createChannel('room')),
  },
  {
    id: 'channel/fields',
    async run(subject) {
      const channel = subject.client().createChannel('room');
      return { channelId: channel.channelId, joinState: channel.joinState, memberCount: channel.memberCount };
    },
  },
  {
    id: 'invitation/local/methods',
    run: async (subject) => publicMethods(subject.client().createLocalInvitation('peer')),
  },
];

/** Not part of RTM: FakeRtm's test controls and its clock. */
const FAKE_CONTROLS = new Set([
  'constructor',
  'clock',
  'flush',
  'advance',
  'disconnect',
  'reconnect',
  'kick',
  'expireToken',
  'failNext',
  'stats',
  'resetStats',
]);

const EMITTER_METHODS = new Set([
  'on',
  'once',
  'off',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'emit',
  'listeners',
  'rawListeners',
  'listenerCount',
  'prependListener',
  'prependOnceListener',
  'eventNames',
  'setMaxListeners',
  'getMaxListeners',
]);
/** The documented methods and the emitter API of an SDK object (its internals are not compared). */
function publicMethods(target: object): string[] {
  const names = new Set<string>();
  for (let proto = target; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue;
      if (typeof (target as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names].filter((name) => EMITTER_METHODS.has(name) || DOCUMENTED.has(name)).sort();
}
const DOCUMENTED = new Set([
  'login',
  'logout',
  'sendMessageToPeer',
  'createChannel',
  'createLocalInvitation',
  'createMessage',
  'setLocalUserAttributes',
  'addOrUpdateLocalUserAttributes',
  'deleteLocalUserAttributesByKeys',
  'clearLocalUserAttributes',
  'getUserAttributes',
  'getUserAttributesByKeys',
  'setChannelAttributes',
  'addOrUpdateChannelAttributes',
  'deleteChannelAttributesByKeys',
  'clearChannelAttributes',
  'getChannelAttributes',
  'getChannelAttributesByKeys',
  'queryPeersOnlineStatus',
  'subscribePeersOnlineStatus',
  'unsubscribePeersOnlineStatus',
  'queryPeersBySubscriptionOption',
  'getChannelMemberCount',
  'renewToken',
  'updateConfig',
  'setParameters',
  'join',
  'leave',
  'sendMessage',
  'getMembers',
  'send',
  'cancel',
  'accept',
  'refuse',
]);

/** The event-emitter API, the same on every SDK object; probed on each kind of object. */
const EMITTER_TARGETS: Array<[string, (s: Subject) => Loose]> = [
  ['client', (s) => s.client()],
  ['channel', (s) => s.client().createChannel('room')],
  ['localInvitation', (s) => s.client().createLocalInvitation('peer')],
];
const EMITTER_CASES: Array<[string, (e: Loose) => unknown]> = [
  [
    'on-emit-order',
    (e) => {
      const seen: unknown[] = [];
      e.on('X', (a: unknown) => seen.push(['first', a]));
      e.prependListener?.('X', () => seen.push(['prepended']));
      e.once('X', () => seen.push(['once']));
      const returned = e.emit('X', 1);
      e.emit('X', 2);
      return { seen, returned: data(returned) };
    },
  ],
  ['emit-no-listener', (e) => data(e.emit('Nothing'))],
  [
    'off-one-of-two',
    (e) => {
      let calls = 0;
      const listener = () => (calls += 1);
      e.on('X', listener);
      e.on('X', listener);
      e.off('X', listener);
      e.emit('X');
      return { calls, count: e.listenerCount('X') };
    },
  ],
  [
    'off-without-listener',
    (e) => {
      try {
        e.off('X');
        return 'returned';
      } catch (error) {
        return errorSeen(error).name;
      }
    },
  ],
  [
    'removeAllListeners',
    (e) => {
      e.on('X', () => undefined);
      e.on('Y', () => undefined);
      e.removeAllListeners('X');
      return [e.listenerCount('X'), e.listenerCount('Y')];
    },
  ],
  [
    'listeners-of-once',
    (e) => {
      const listener = () => undefined;
      e.once('X', listener);
      return [e.listeners('X')[0] === listener, typeof e.rawListeners, e.rawListeners?.('X')[0] === listener];
    },
  ],
  ['max-listeners', (e) => [typeof e.getMaxListeners === 'function' ? e.getMaxListeners() : 'absent']],
  [
    'on-returns-this',
    (e) => [e.on('X', () => undefined) === e, e.once('X', () => undefined) === e, e.off('X', () => undefined) === e],
  ],
  [
    'throwing-listener',
    (e) => {
      const seen: string[] = [];
      e.on('X', () => {
        seen.push('first');
        throw new Error('app bug');
      });
      e.on('X', () => seen.push('second'));
      try {
        e.emit('X');
        return { seen, threw: false };
      } catch {
        return { seen, threw: true };
      }
    },
  ],
  [
    'non-function-listener',
    (e) => {
      try {
        e.on('X', 'not a function');
        return 'accepted';
      } catch (error) {
        return errorSeen(error).name;
      }
    },
  ],
];
const emitterProbes: Probe[] = EMITTER_TARGETS.flatMap(([target, make]) =>
  EMITTER_CASES.map(([label, act]) => ({
    id: `emitter/${target}/${label}`,
    run: async (subject: Subject) => act(make(subject)),
  })),
);

const loginProbes: Probe[] = [
  {
    id: 'login/offline-timeline',
    async run(subject) {
      const client = subject.offline();
      const events: unknown[] = [];
      client.on('ConnectionStateChanged', (state: unknown, reason: unknown) => events.push([state, reason, client.connectionState]));
      const login = client.login({ uid: 'me' });
      events.push(['returned', client.connectionState]);
      login.then(
        () => events.push(['resolved']),
        (error: unknown) => events.push(['rejected', errorSeen(error)]),
      );
      await subject.advance(11_900);
      events.push(['at-11.9s', client.connectionState]);
      await subject.advance(200);
      return events;
    },
  },
  {
    id: 'login/too-often',
    async run(subject) {
      const client = subject.offline();
      client.login({ uid: 'me' }).catch(() => undefined);
      await subject.flush();
      return [
        await settle(subject, () => client.login({ uid: 'me' })),
        (await subject.advance(600), await settle(subject, () => client.login({ uid: 'me' }))),
      ];
    },
  },
  {
    id: 'login/logout-while-connecting',
    async run(subject) {
      const client = subject.offline();
      client.login({ uid: 'me' }).catch(() => undefined);
      const logout = settle(subject, () => client.logout());
      const first = await logout;
      await subject.advance(12_100);
      return { first, state: client.connectionState };
    },
  },
  {
    id: 'login/success-events',
    async run(subject) {
      const events: unknown[] = [];
      const client = await subject.connected().then(async (c) => {
        await c.logout();
        return c;
      });
      client.on('ConnectionStateChanged', (state: unknown, reason: unknown) => events.push([state, reason]));
      await subject.advance(600);
      await client.login({ uid: 'me' });
      events.push(['resolved', client.connectionState]);
      await client.logout();
      events.push(['logged-out', client.connectionState]);
      return events;
    },
  },
  {
    id: 'login/throwing-listener',
    async run(subject) {
      const client = subject.client();
      const seen: unknown[] = [];
      client.on('ConnectionStateChanged', () => {
        throw new Error('app bug');
      });
      client.on('ConnectionStateChanged', (state: unknown) => seen.push(state));
      const outcome = await settle(subject, () => client.login({ uid: 'me' }));
      return { outcome, seen };
    },
  },
];

export const BEHAVIOUR_PROBES: Probe[] = [
  ...gateProbes,
  ...channelProbes,
  ...limitProbes,
  ...localInvitationProbes,
  ...remoteInvitationProbes,
  ...shapeProbes,
  ...emitterProbes,
  ...loginProbes,
];
