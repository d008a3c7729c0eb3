import { type Described, describe, outcomeOf, track } from './outcome';

/**
 * Table-driven probes of everything agora-rtm-sdk 2.3.0 shows offline (docs/reference/
 * docs/reference/rtm2-web-sdk.md §1, §2.1–§2.6, §2.14, §2.17): namespace members and constants, the error class,
 * constructor checks, the ID rule, every method before login and while a login is pending, token
 * checks, listener semantics and rate limits. Each probe runs the same steps on a `Side` (the real
 * bundle or FakeRtm2) and returns what it saw as plain data.
 */

export const APP_ID = '0123456789abcdef0123456789abcdef';
const OTHER_APP_ID = 'fedcba9876543210fedcba9876543210';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface Side {
  readonly name: 'real' | 'fake';
  readonly ns: any;
  /** Makes the user's network unreachable before it logs in (the real bundle is always offline). */
  offline(userId: string): void;
  /** Lets pending SDK work run (a few host macrotask turns). */
  settle(): Promise<void>;
  /**
   * Brings a fresh client to CONNECTED: FakeRtm2 logs in; the real bundle, which cannot reach the
   * service offline, gets a stand-in session on its own client object that accepts every packet
   * and never answers, so its local checks run for real and anything they pass stays in flight.
   */
  connect(client: any): Promise<void>;
}

export interface Probe {
  readonly id: string;
  run(side: Side, uid: (label: string) => string): Promise<Described>;
}

const probes: Probe[] = [];
const probe = (id: string, run: Probe['run']) => probes.push({ id, run });

const outcome = (side: Side, call: () => unknown) => outcomeOf(call, side.ns.RTMBaseError, () => side.settle());

/** A constructor call: "constructed", or how it threw. */
function construct(side: Side, create: () => unknown): Described {
  try {
    create();
    return 'constructed';
  } catch (error) {
    return { kind: 'throw', value: describe(error, side.ns.RTMBaseError) };
  }
}

function newClient(side: Side, userId: string, config: object = {}) {
  return new side.ns.RTM(APP_ID, userId, { logLevel: 'none', ...config });
}

/** Link-state events as data, timestamps blurred. */
function recordLinkStates(client: any): Described[] {
  const events: Described[] = [];
  client.addEventListener('linkState', (event: unknown) => events.push(describe(event)));
  return events;
}

// ---- ID rule inputs (docs/reference/rtm2-web-sdk.md §2.6) ----------------------------------------------------------------------

const ALLOWED_SPECIALS = '!#$%&()+,-:;<=>?@[]^_{|}~';
const ID_CASES: Array<[string, unknown]> = [
  ['plain', 'abc'],
  ['digits', '123'],
  ['64 chars', 'a'.repeat(64)],
  ['65 chars', 'a'.repeat(65)],
  ['empty', ''],
  ['space inside', 'a b'],
  ['leading space', ' a'],
  ['only space', ' '],
  ['dot', 'a.b'],
  ['leading dot', '.ab'],
  ['leading underscore', '_ab'],
  ['inner underscore', 'a_b'],
  ['tab', 'a\tb'],
  ['newline', 'a\nb'],
  ['no-break space', 'a\u00a0b'],
  ['e acute', 'caf\u00e9'],
  ['cjk', '\u4e2d\u6587'],
  ['emoji', 'a\u{1f600}'],
  ['"null"', 'null'],
  ['"undefined"', 'undefined'],
  ['double quote', 'a"b'],
  ['apostrophe', "a'b"],
  ['star', 'a*b'],
  ['slash', 'a/b'],
  ['backslash', 'a\\b'],
  ['backtick', 'a`b'],
  ...[...ALLOWED_SPECIALS].map((char): [string, unknown] => [`special ${char}`, `a${char}b`]),
  ...[...ALLOWED_SPECIALS].map((char): [string, unknown] => [`leading ${char}`, `${char}ab`]),
  ['number', 5],
  ['null', null],
  ['undefined', undefined],
  ['object', {}],
  ['array', ['a']],
];

// ---- namespace (docs/reference/rtm2-web-sdk.md §1.1, §1.10) ---------------------------------------------------------------------

const NAMESPACE_KEYS = ['BUILD', 'VERSION', 'RTM', 'getParameter', 'setArea', 'setParameter', 'constantsType', 'RTMBaseError'];
probe('namespace.members', async (side) => NAMESPACE_KEYS.map((key) => [key, typeof side.ns[key]]));
probe('namespace.version', async (side) => [side.ns.VERSION, side.ns.BUILD]);
probe('namespace.constantsType', async (side) => describe(side.ns.constantsType));
probe('namespace.constantsType.keys', async (side) => Object.keys(side.ns.constantsType));

const BASE_ERROR_ARGS: Array<[string, unknown[]]> = [
  ['no arguments', []],
  ['operation only', ['op']],
  ['operation and message', ['op', 'Something failed']],
  ['message with full stop', ['op', 'Something failed.']],
  ['numeric code', ['op', 'Bad thing', -10005]],
  ['code and server code', ['op', 'Bad thing', { code: -10005, serverCode: 7 }]],
  ['name as third argument', ['op', 'Bad thing', 'CustomError']],
  ['original error', ['op', 'Bad thing', { code: 1, originalError: 'cause' }]],
  ['empty message', ['op', '', 3]],
];
for (const [label, args] of BASE_ERROR_ARGS) {
  probe(`RTMBaseError.construct.${label}`, async (side) => {
    const error = new side.ns.RTMBaseError(...args);
    return { described: describe(error, side.ns.RTMBaseError), isError: error instanceof Error, originalError: describe(error.originalError) };
  });
}

const PARAMETERS: Array<[string, string, unknown]> = [
  ['unknown key', 'NO_SUCH_PARAMETER', 1],
  ['number key', 5 as unknown as string, 1],
  ['boolean as string', 'EXTEND_CHANNEL_NAME', 'yes'],
  ['number as string', 'MESSAGE_CHANNEL_COUNT', '50'],
  ['string list with a number', 'AP_DOMAIN_LIST', [1]],
  ['map as object', 'API_RATE_LIMIT', { publish: 60 }],
  ['default value rate limit on', 'ENABLE_API_RATE_LIMIT', true],
  ['default value extend off', 'EXTEND_CHANNEL_NAME', false],
  ['default value duplicate check', 'IGNORE_DUPLICATE_USER_ID_ERR', false],
];
for (const [label, key, value] of PARAMETERS) {
  probe(`setParameter.${label}`, async (side) => outcome(side, () => side.ns.setParameter(key, value)));
}

const AREAS: Array<[string, unknown]> = [
  ['global', { areaCodes: ['GLOBAL'] }],
  ['unknown area', { areaCodes: ['MARS'] }],
  ['excluded unknown', { areaCodes: ['GLOBAL'], excludedArea: 'MARS' }],
  ['legacy code', { areaCodes: ['CN'] }],
];
for (const [label, config] of AREAS) {
  probe(`setArea.${label}`, async (side) => outcome(side, () => side.ns.setArea(config)));
}

// ---- constructor (docs/reference/rtm2-web-sdk.md §1.2) --------------------------------------------------------------------------

const APP_IDS: Array<[string, unknown]> = [
  ['32 hex', APP_ID],
  ['32 letters beyond hex', 'g'.repeat(32)],
  ['32 upper case', APP_ID.toUpperCase()],
  ['31 chars', APP_ID.slice(1)],
  ['33 chars', `${APP_ID}a`],
  ['with a dash', `${APP_ID.slice(1)}-`],
  ['with a space', `${APP_ID.slice(1)} `],
  ['number', 12345],
  ['undefined', undefined],
  ['empty', ''],
];
for (const [label, appId] of APP_IDS) {
  probe(`ctor.appId.${label}`, async (side, uid) => {
    return construct(side, () => new side.ns.RTM(appId, uid('app'), { logLevel: 'none' }));
  });
}

for (const [label, userId] of ID_CASES) {
  probe(`ctor.userId.${label}`, async (side, uid) => {
    // IDs that pass are made unique per probe; the registry of (App ID, user ID) never forgets.
    const id = typeof userId === 'string' && userId.length > 0 && userId.length < 60 ? `${userId}${uid('')}` : userId;
    return construct(side, () => new side.ns.RTM(APP_ID, id, { logLevel: 'none' }));
  });
}

probe('ctor.userId.duplicate', async (side, uid) => {
  const id = uid('dup');
  newClient(side, id);
  return construct(side, () => newClient(side, id));
});
probe('ctor.userId.sameUserOtherApp', async (side, uid) => {
  const id = uid('dupapp');
  newClient(side, id);
  return construct(side, () => new side.ns.RTM(OTHER_APP_ID, id, { logLevel: 'none' }));
});
probe('ctor.userId.duplicateAfterFailedConfig', async (side, uid) => {
  const id = uid('dupcfg');
  return [construct(side, () => newClient(side, id, { privateConfig: {} })), construct(side, () => newClient(side, id))];
});

const CONFIGS: Array<[string, object, string?]> = [
  ['useStringUserId false numeric', { useStringUserId: false }, '123'],
  ['useStringUserId false non-numeric', { useStringUserId: false }, 'abc'],
  ['useStringUserId false negative', { useStringUserId: false }, '-1'],
  ['useStringUserId true numeric', { useStringUserId: true }, '123'],
  ['privateConfig empty', { privateConfig: {} }],
  ['privateConfig no hosts', { privateConfig: { serviceType: ['MESSAGE'] } }],
  ['privateConfig empty lists', { privateConfig: { serviceType: [], accessPointHosts: [] } }],
  ['encryption without key', { encryptionMode: 'AES_128_GCM' }],
  ['encryption NONE', { encryptionMode: 'NONE' }],
  ['unknown key', { noSuchOption: 1 }],
  ['presenceTimeout string', { presenceTimeout: '30' }],
  ['presenceTimeout tiny', { presenceTimeout: 1 }],
  ['logLevel unknown', { logLevel: 'loud' }],
];
for (const [label, config, userId] of CONFIGS) {
  probe(`ctor.config.${label}`, async (side, uid) => {
    const id = userId === undefined ? uid('cfg') : `${userId}${uid('').replace(/\D/g, '')}`;
    return construct(side, () => new side.ns.RTM(APP_ID, id, { logLevel: 'none', ...config }));
  });
}

// ---- before login (docs/reference/rtm2-web-sdk.md §2.2) -------------------------------------------------------------------------

const IDLE_CALLS: Array<[string, (client: any) => unknown]> = [
  ['logout', (c) => c.logout()],
  ['publish', (c) => c.publish('ch', 'hi')],
  ['publish.bad name', (c) => c.publish('a.b', '')],
  ['publish.channelType STREAM', (c) => c.publish('ch', 'hi', { channelType: 'STREAM' })],
  ['publish.channelType lower case', (c) => c.publish('ch', 'hi', { channelType: 'user' })],
  ['publish.channelType USER', (c) => c.publish('ch', 'hi', { channelType: 'USER' })],
  ['publish.channelType MESSAGE', (c) => c.publish('ch', 'hi', { channelType: 'MESSAGE' })],
  ['publish.channelType empty', (c) => c.publish('ch', 'hi', { channelType: '' })],
  ['publish.channelType number', (c) => c.publish('ch', 'hi', { channelType: 3 })],
  ['publish.no arguments', (c) => c.publish()],
  ['subscribe', (c) => c.subscribe('ch')],
  ['subscribe.bad name', (c) => c.subscribe('a.b')],
  ['subscribe.withMetadata', (c) => c.subscribe('ch', { withMetadata: true })],
  ['unsubscribe', (c) => c.unsubscribe('ch')],
  ['renewToken', (c) => c.renewToken('garbage')],
  ['renewToken.number', (c) => c.renewToken(5)],
  ['createStreamChannel.bad name', (c) => c.createStreamChannel('a.b')],
  ['history.getMessages', (c) => c.history.getMessages('ch', 'MESSAGE')],
];
for (const type of ['MESSAGE', 'USER', 'STREAM', 'message', undefined]) {
  const t = String(type);
  IDLE_CALLS.push(
    [`presence.whoNow.${t}`, (c) => c.presence.whoNow('ch', type)],
    [`presence.getOnlineUsers.${t}`, (c) => c.presence.getOnlineUsers('ch', type)],
    [`presence.setState.${t}`, (c) => c.presence.setState('ch', type, { a: '1' })],
    [`presence.getState.${t}`, (c) => c.presence.getState('u', 'ch', type)],
    [`presence.removeState.${t}`, (c) => c.presence.removeState('ch', type)],
    [`storage.setChannelMetadata.${t}`, (c) => c.storage.setChannelMetadata('ch', type, [{ key: 'k', value: 'v' }])],
    [`storage.updateChannelMetadata.${t}`, (c) => c.storage.updateChannelMetadata('ch', type, [{ key: 'k', value: 'v' }])],
    [`storage.removeChannelMetadata.${t}`, (c) => c.storage.removeChannelMetadata('ch', type)],
    [`storage.getChannelMetadata.${t}`, (c) => c.storage.getChannelMetadata('ch', type)],
    [`lock.setLock.${t}`, (c) => c.lock.setLock('ch', type, 'l')],
    [`lock.removeLock.${t}`, (c) => c.lock.removeLock('ch', type, 'l')],
    [`lock.acquireLock.${t}`, (c) => c.lock.acquireLock('ch', type, 'l')],
    [`lock.releaseLock.${t}`, (c) => c.lock.releaseLock('ch', type, 'l')],
    [`lock.revokeLock.${t}`, (c) => c.lock.revokeLock('ch', type, 'l', 'u')],
    [`lock.getLock.${t}`, (c) => c.lock.getLock('ch', type)],
  );
}
IDLE_CALLS.push(
  ['presence.whereNow', (c) => c.presence.whereNow('u')],
  ['presence.whereNow.self', (c) => c.presence.whereNow('')],
  ['presence.getUserChannels.bad id', (c) => c.presence.getUserChannels('a.b')],
  ['storage.setUserMetadata', (c) => c.storage.setUserMetadata([{ key: 'k', value: 'v' }])],
  ['storage.updateUserMetadata', (c) => c.storage.updateUserMetadata([{ key: 'k', value: 'v' }])],
  ['storage.removeUserMetadata', (c) => c.storage.removeUserMetadata()],
  ['storage.getUserMetadata', (c) => c.storage.getUserMetadata()],
  ['storage.subscribeUserMetadata', (c) => c.storage.subscribeUserMetadata('u')],
  ['storage.unsubscribeUserMetadata', (c) => c.storage.unsubscribeUserMetadata('u')],
);
for (const [label, call] of IDLE_CALLS) {
  probe(`idle.${label}`, async (side, uid) => outcome(side, () => call(newClient(side, uid('idle')))));
}

for (const [label, name] of ID_CASES) {
  probe(`idle.unsubscribe.name.${label}`, async (side, uid) => outcome(side, () => newClient(side, uid('unsub')).unsubscribe(name)));
  probe(`idle.createStreamChannel.name.${label}`, async (side, uid) => {
    const result = construct(side, () => newClient(side, uid('stream')).createStreamChannel(name));
    // A valid name goes on to the RTC SDK, which the offline oracle stands in for: only the name check is compared.
    return typeof result === 'object' && JSON.stringify(result).includes('-10008') ? result : 'name accepted';
  });
}

probe('idle.rateLimit.publish', async (side, uid) => {
  const client = newClient(side, uid('rate'));
  const results = await Promise.allSettled(Array.from({ length: 62 }, () => client.publish('ch', 'hi')));
  return results.map((result) => (result.status === 'rejected' ? result.reason.code : 'ok'));
});
probe('idle.rateLimit.subscribe', async (side, uid) => {
  const client = newClient(side, uid('rate'));
  const results = await Promise.allSettled(Array.from({ length: 22 }, () => client.subscribe('ch')));
  return results.map((result) => (result.status === 'rejected' ? result.reason.code : 'ok'));
});
probe('idle.rateLimit.whoNowShared', async (side, uid) => {
  const client = newClient(side, uid('rate'));
  const calls = Array.from({ length: 22 }, (_, index) => (index % 2 ? client.presence.whoNow('ch', 'MESSAGE') : client.presence.getOnlineUsers('ch', 'MESSAGE')));
  const results = await Promise.allSettled(calls);
  return results.map((result) => (result.status === 'rejected' ? result.reason.code : 'ok'));
});
probe('idle.rateLimit.channelTypeCountsToo', async (side, uid) => {
  const client = newClient(side, uid('rate'));
  const calls = Array.from({ length: 61 }, (_, index) => client.publish('ch', 'hi', { channelType: index < 60 ? 'STREAM' : 'MESSAGE' }));
  const results = await Promise.allSettled(calls);
  return results.map((result) => (result.status === 'rejected' ? result.reason.code : 'ok'));
});
probe('idle.rateLimit.unsubscribeUnlimited', async (side, uid) => {
  const client = newClient(side, uid('rate'));
  const results = await Promise.allSettled(Array.from({ length: 30 }, () => client.unsubscribe('ch')));
  return results.map((result) => result.status);
});

// ---- object shape and listeners (docs/reference/rtm2-web-sdk.md §1.3, §2.17) ----------------------------------------------------

const CLIENT_METHODS = ['login', 'logout', 'publish', 'subscribe', 'unsubscribe', 'renewToken', 'createStreamChannel', 'addEventListener', 'removeEventListener', 'on', 'once', 'off', 'emit', 'removeAllListeners', 'listeners'];
probe('shape.client', async (side, uid) => {
  const client = newClient(side, uid('shape'));
  return {
    methods: CLIENT_METHODS.map((name) => [name, typeof client[name]]),
    addListener: describe(client.addListener),
    removeListener: describe(client.removeListener),
    ownAddListener: Object.prototype.hasOwnProperty.call(client, 'addListener'),
    objects: ['presence', 'storage', 'lock', 'history'].map((name) => [name, typeof client[name]]),
  };
});
const OBJECT_METHODS: Record<string, string[]> = {
  presence: ['whoNow', 'getOnlineUsers', 'whereNow', 'getUserChannels', 'setState', 'getState', 'removeState'],
  storage: [
    'setChannelMetadata',
    'getChannelMetadata',
    'removeChannelMetadata',
    'updateChannelMetadata',
    'setUserMetadata',
    'getUserMetadata',
    'removeUserMetadata',
    'updateUserMetadata',
    'subscribeUserMetadata',
    'unsubscribeUserMetadata',
  ],
  lock: ['setLock', 'removeLock', 'acquireLock', 'releaseLock', 'revokeLock', 'getLock'],
  history: ['getMessages'],
};
for (const [object, methods] of Object.entries(OBJECT_METHODS)) {
  probe(`shape.${object}`, async (side, uid) => {
    const target = newClient(side, uid('shape'))[object];
    return methods.map((name) => [name, typeof target[name]]);
  });
}

/** A client whose login is pending forever (the network is unreachable), with its link states recorded. */
async function connecting(side: Side, id: string, config: object = {}) {
  side.offline(id);
  const client = newClient(side, id, config);
  const states = recordLinkStates(client);
  const login = track(client.login());
  await side.settle();
  return { client, states, login };
}

async function endLogin(side: Side, client: any, login: ReturnType<typeof track>) {
  await client.logout();
  await side.settle();
  const state = login.state();
  return { kind: state.kind, value: describe(state.value, side.ns.RTMBaseError) };
}

probe('listeners.duplicateFiresTwice', async (side, uid) => {
  const id = uid('dupl');
  side.offline(id);
  const client = newClient(side, id);
  const calls: string[] = [];
  const listener = (event: { currentState: string }) => calls.push(event.currentState);
  client.addEventListener('linkState', listener);
  client.addEventListener('linkState', listener);
  const login = track(client.login());
  const sync = [...calls];
  await side.settle();
  client.removeEventListener('linkState', listener);
  await endLogin(side, client, login);
  return { sync, all: calls };
});
probe('listeners.throwingSkipsLater', async (side, uid) => {
  const id = uid('thrw');
  side.offline(id);
  const client = newClient(side, id);
  const calls: string[] = [];
  client.addEventListener('linkState', () => calls.push('first'));
  client.addEventListener('linkState', () => {
    calls.push('thrower');
    throw new Error('listener failure');
  });
  client.addEventListener('linkState', () => calls.push('after'));
  const login = track(client.login());
  await side.settle();
  await endLogin(side, client, login);
  return calls;
});
probe('listeners.onNeverFires', async (side, uid) => {
  const id = uid('onon');
  side.offline(id);
  const client = newClient(side, id);
  const calls: string[] = [];
  client.on('linkState', () => calls.push('on'));
  client.once('linkState', () => calls.push('once'));
  client.addEventListener('linkState', () => calls.push('addEventListener'));
  const login = track(client.login());
  await side.settle();
  await endLogin(side, client, login);
  return calls;
});
probe('listeners.surviveLogout', async (side, uid) => {
  const { client, states, login } = await connecting(side, uid('surv'));
  const first = await endLogin(side, client, login);
  const second = track(client.login());
  await side.settle();
  const secondEnd = await endLogin(side, client, second);
  return { states, first, secondEnd };
});
probe('listeners.removeUnknownIsSilent', async (side, uid) => outcome(side, () => newClient(side, uid('rmun')).removeEventListener('linkState', () => undefined)));

// ---- a pending login (docs/reference/rtm2-web-sdk.md §2.1 login, docs/reference/rtm2-web-sdk.md §2.2, §2.3) ---------------------------------------------------

probe('login.pending.states', async (side, uid) => {
  const { client, states, login } = await connecting(side, uid('pend'));
  const pending = login.state().kind;
  const end = await endLogin(side, client, login);
  return { states, pending, end };
});
probe('logout.orderOfEventRejectionAndResolution', async (side, uid) => {
  const id = uid('ordr');
  side.offline(id);
  const client = newClient(side, id);
  const order: string[] = [];
  client.addEventListener('linkState', (event: { currentState: string }) => order.push(`event ${event.currentState}`));
  client.login().catch((error: { code: number }) => order.push(`login rejected ${error.code}`));
  await side.settle();
  const logout = client.logout().then(() => order.push('logout resolved'));
  order.push('logout returned');
  await logout;
  await side.settle();
  return order;
});
probe('login.syncConnectingEvent', async (side, uid) => {
  const id = uid('sync');
  side.offline(id);
  const client = newClient(side, id);
  const states = recordLinkStates(client);
  const login = track(client.login());
  const sync = [...states];
  await side.settle();
  await endLogin(side, client, login);
  return sync;
});
probe('login.ignoresUidOption', async (side, uid) => {
  const id = uid('uido');
  side.offline(id);
  const client = newClient(side, id);
  const states = recordLinkStates(client);
  const login = track(client.login({ uid: 'someone-else', token: undefined }));
  await side.settle();
  return { states, end: await endLogin(side, client, login) };
});

const CONNECTING_CALLS: Array<[string, (client: any) => unknown]> = [
  ['login again', (c) => c.login()],
  ['logout', (c) => c.logout()],
  ['publish', (c) => c.publish('ch', 'hi')],
  ['publish.USER', (c) => c.publish('peer', 'hi', { channelType: 'USER' })],
  ['publish.STREAM', (c) => c.publish('ch', 'hi', { channelType: 'STREAM' })],
  ['subscribe', (c) => c.subscribe('ch')],
  ['unsubscribe', (c) => c.unsubscribe('ch')],
  ['presence.whoNow', (c) => c.presence.whoNow('ch', 'MESSAGE')],
  ['presence.whereNow', (c) => c.presence.whereNow('')],
  ['presence.getState.other', (c) => c.presence.getState('other', 'ch', 'MESSAGE')],
  ['storage.getChannelMetadata', (c) => c.storage.getChannelMetadata('ch', 'MESSAGE')],
  ['storage.setUserMetadata', (c) => c.storage.setUserMetadata([{ key: 'k', value: 'v' }])],
  ['storage.unsubscribeUserMetadata', (c) => c.storage.unsubscribeUserMetadata('u')],
  ['lock.getLock', (c) => c.lock.getLock('ch', 'MESSAGE')],
];

const LONG_KEY = 'k'.repeat(32);
const STATE_CASES: Array<[string, unknown, unknown?]> = [
  ['one key', { a: '1' }],
  ['empty state', {}],
  ['null state', null],
  ['string state', 'x'],
  ['array state', []],
  ['undefined state', undefined],
  ['value number', { a: 5 }],
  ['value null', { a: null }],
  ['value object', { a: {} }],
  ['value empty', { a: '' }],
  ['value 16384 bytes', { a: 'v'.repeat(16_384) }],
  ['value 16385 bytes', { a: 'v'.repeat(16_385) }],
  ['value 16384 bytes multi-byte', { a: '\u00e9'.repeat(8_193) }],
  ['key 32 bytes', { [LONG_KEY]: '1' }],
  ['key 33 bytes', { [`${LONG_KEY}k`]: '1' }],
  ['key 34 bytes multi-byte', { ['\u00e9'.repeat(17)]: '1' }],
  ['32 keys', Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`k${i}`, 'v']))],
  ['33 keys', Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']))],
  ['bad key then big value', { 'a.b': 'v'.repeat(16_385) }],
  ['big value then bad key', { a: 'v'.repeat(16_385), 'a.b': '1' }],
  ...ID_CASES.filter(([, key]) => typeof key === 'string' && key !== '').map(([label, key]): [string, unknown] => [`key ${label}`, { [key as string]: 'v' }]),
];
const REMOVE_CASES: Array<[string, unknown]> = [
  ['no options', undefined],
  ['empty options', {}],
  ['one key', { states: ['a'] }],
  ['empty list', { states: [] }],
  ['duplicate keys', { states: ['a', 'a'] }],
  ['33 keys', { states: Array.from({ length: 33 }, (_, i) => `k${i}`) }],
  ['32 keys', { states: Array.from({ length: 32 }, (_, i) => `k${i}`) }],
  ['bad key', { states: ['a.b'] }],
  ['long key', { states: [`${LONG_KEY}k`] }],
  ['number key', { states: [5] }],
  ['states not a list', { states: 'a' }],
];

for (const [label, call] of CONNECTING_CALLS) {
  probe(`connecting.${label}`, async (side, uid) => {
    const { client, states, login } = await connecting(side, uid('conn'));
    const result = await outcome(side, () => call(client));
    return { result, states, end: await endLogin(side, client, login) };
  });
}
for (const [label, state] of STATE_CASES) {
  probe(`connecting.presence.setState.${label}`, async (side, uid) => {
    const { client, login } = await connecting(side, uid('sets'));
    const result = await outcome(side, () => client.presence.setState('ch', 'MESSAGE', state));
    const cached = await outcome(side, () => client.presence.getState('', 'ch', 'MESSAGE'));
    await endLogin(side, client, login);
    return { result, cached };
  });
}
for (const [label, name] of ID_CASES) {
  probe(`connecting.presence.setState.channel.${label}`, async (side, uid) => {
    const { client, login } = await connecting(side, uid('setc'));
    const result = await outcome(side, () => client.presence.setState(name, 'MESSAGE', { a: '1' }));
    await endLogin(side, client, login);
    return result;
  });
}
for (const [label, options] of REMOVE_CASES) {
  probe(`connecting.presence.removeState.${label}`, async (side, uid) => {
    const { client, login } = await connecting(side, uid('rems'));
    await outcome(side, () => client.presence.setState('ch', 'MESSAGE', { a: '1', b: '2' }));
    const result = await outcome(side, () => client.presence.removeState('ch', 'MESSAGE', options));
    const cached = await outcome(side, () => client.presence.getState('', 'ch', 'MESSAGE'));
    await endLogin(side, client, login);
    return { result, cached };
  });
}
probe('connecting.presence.setState.mergesAcrossCalls', async (side, uid) => {
  const { client, login } = await connecting(side, uid('merg'));
  const first = await outcome(side, () => client.presence.setState('ch', 'MESSAGE', Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, 'v']))));
  const second = await outcome(side, () => client.presence.setState('ch', 'MESSAGE', Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`b${i}`, 'v']))));
  const overwrite = await outcome(side, () => client.presence.setState('ch', 'MESSAGE', { a0: 'w' }));
  const cached = await outcome(side, () => client.presence.getState('', 'ch', 'MESSAGE'));
  await endLogin(side, client, login);
  return { first, second, overwrite, cached };
});
probe('connecting.presence.getState.ownById', async (side, uid) => {
  const id = uid('gown');
  const { client, login } = await connecting(side, id);
  await outcome(side, () => client.presence.setState('ch', 'MESSAGE', { a: '1' }));
  const result = await outcome(side, () => client.presence.getState(id, 'ch', 'MESSAGE'));
  await endLogin(side, client, login);
  return result;
});
probe('connecting.rateLimit.setState', async (side, uid) => {
  const { client, login } = await connecting(side, uid('rset'));
  const results = await Promise.allSettled(Array.from({ length: 22 }, (_, i) => client.presence.setState(`ch${i}`, 'MESSAGE', { a: '1' })));
  await endLogin(side, client, login);
  return results.map((result) => (result.status === 'rejected' ? result.reason.code : 'ok'));
});
probe('logout.clearsCachedState', async (side, uid) => {
  const first = await connecting(side, uid('clrs'));
  await outcome(side, () => first.client.presence.setState('ch', 'MESSAGE', { a: '1' }));
  await endLogin(side, first.client, first.login);
  const again = track(first.client.login());
  await side.settle();
  const cached = await outcome(side, () => first.client.presence.getState('', 'ch', 'MESSAGE'));
  await endLogin(side, first.client, again);
  return cached;
});

// ---- tokens at login and renewToken (docs/reference/rtm2-web-sdk.md §2.1 login #3–7, renewToken) -------------------------------

export interface TokenInputs {
  valid007: string;
  otherApp007: string;
}

export function tokenCases(tokens: TokenInputs): Array<[string, unknown]> {
  return [
    ['none', undefined],
    ['null', null],
    ['empty', ''],
    ['app id', APP_ID],
    ['number', 12_345],
    ['object', {}],
    ['garbage', 'garbage-token'],
    ['006 with app id', `006${APP_ID}IAAaaaaaaaaaaaaaaaaaaaaaaaa`],
    ['006 other app id', `006${OTHER_APP_ID}IAAaaaaaaaaaaaaaaaaaaaaaaaa`],
    ['006 short', '006abc'],
    ['006 bad chars', `006${'z'.repeat(31)}-IAA`],
    ['007 garbage', '007eJxTYBCYcmPPtHUh8garbage'],
    ['007 not base64', '007!!!!'],
    ['007 valid', tokens.valid007],
    ['007 other app', tokens.otherApp007],
  ];
}

export function addTokenProbes(tokens: TokenInputs): void {
  for (const [label, token] of tokenCases(tokens)) {
    probe(`login.token.${label}`, async (side, uid) => {
      const id = uid('tok');
      side.offline(id);
      const client = newClient(side, id);
      const states = recordLinkStates(client);
      const login = track(client.login({ token }));
      await side.settle();
      const early = login.state();
      const end = await endLogin(side, client, login);
      return { states, early: { kind: early.kind, value: describe(early.value, side.ns.RTMBaseError) }, end };
    });
    probe(`connecting.renewToken.${label}`, async (side, uid) => {
      const { client, login } = await connecting(side, uid('ren'));
      const result = await outcome(side, () => client.renewToken(token));
      await endLogin(side, client, login);
      return result;
    });
  }
}

// ---- a connected client: the local checks after the connection gate (docs/reference/rtm2-web-sdk.md §2.1, §2.6, §2.7, §2.12) ----

/** Codes 2.3.0 raises from its local checks; any other outcome means the call passed them. */
const LOCAL_CODES = new Set([
  -10005, -10006, -10008, -10016, -10019, -10021, -10025, -11005, -11009, -11010, -11029, -11030, -12002, -12003, -12005, -12006,
  -12007, -12008, -12009, -12010, -12011, -12012, -12015, -12017, -13003, -13004, -13005, -13006, -13008, -13009, -13010, -14005,
  -15002, -15004, -15005,
]);

async function localChecks(side: Side, call: () => unknown): Promise<Described> {
  const result = await outcome(side, call);
  const value = result.value as { class?: string; code?: unknown } | null;
  if ((result.kind === 'reject' || result.kind === 'throw') && value && (value.class !== 'RTMBaseError' || LOCAL_CODES.has(value.code as number))) {
    return result;
  }
  return 'passed local checks';
}

const BIG = (bytes: number) => 'm'.repeat(bytes);
const PUBLISH_CASES: Array<[string, (c: any) => unknown]> = [
  ['plain', (c) => c.publish('ch', 'hi')],
  ['32768 bytes', (c) => c.publish('ch', BIG(32_768))],
  ['32769 bytes', (c) => c.publish('ch', BIG(32_769))],
  ['32768 multi-byte bytes', (c) => c.publish('ch', '\u00e9'.repeat(16_385))],
  ['32767 bytes + 1 byte customType', (c) => c.publish('ch', BIG(32_767), { customType: 'x' })],
  ['32768 bytes + customType', (c) => c.publish('ch', BIG(32_768), { customType: 'x' })],
  ['empty string', (c) => c.publish('ch', '')],
  ['empty bytes', (c) => c.publish('ch', new Uint8Array(0))],
  ['bytes', (c) => c.publish('ch', new Uint8Array([1, 2, 3]))],
  ['32769 raw bytes', (c) => c.publish('ch', new Uint8Array(32_769))],
  ['ArrayBuffer', (c) => c.publish('ch', new ArrayBuffer(3))],
  ['number', (c) => c.publish('ch', 5)],
  ['object', (c) => c.publish('ch', { text: 'hi' })],
  ['null', (c) => c.publish('ch', null)],
  ['customType 32 bytes', (c) => c.publish('ch', 'hi', { customType: 'c'.repeat(32) })],
  ['customType 33 bytes', (c) => c.publish('ch', 'hi', { customType: 'c'.repeat(33) })],
  ['customType 33 multi-byte bytes', (c) => c.publish('ch', 'hi', { customType: '\u00e9'.repeat(17) })],
  ['customType empty', (c) => c.publish('ch', 'hi', { customType: '' })],
  ['customType number', (c) => c.publish('ch', 'hi', { customType: 5 })],
  ['customType with dots', (c) => c.publish('ch', 'hi', { customType: 'rtm1.inv' })],
  ['customType object', (c) => c.publish('ch', 'hi', { customType: {} })],
  ['storeInHistory', (c) => c.publish('ch', 'hi', { storeInHistory: true })],
  ['USER plain', (c) => c.publish('peer', 'hi', { channelType: 'USER' })],
  ['bad name and empty message', (c) => c.publish('a.b', '')],
  ['empty message and long customType', (c) => c.publish('ch', '', { customType: 'c'.repeat(33) })],
];
for (const [label, name] of ID_CASES) {
  PUBLISH_CASES.push([`name ${label}`, (c) => c.publish(name, 'hi')], [`USER name ${label}`, (c) => c.publish(name, 'hi', { channelType: 'USER' })]);
}

const ITEMS = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: 'v' }));
const STORAGE_CASES: Array<[string, (c: any) => unknown]> = [
  ['set one item', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', ITEMS(1))],
  ['set not an array', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', { key: 'k', value: 'v' })],
  ['set null items', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', null)],
  ['set no items', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [])],
  ['set 32 items', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', ITEMS(32))],
  ['set 33 items', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', ITEMS(33))],
  ['set empty value', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k', value: '' }])],
  ['set number value', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k', value: 5 }])],
  ['set missing value', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k' }])],
  ['set value 16384 bytes', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k', value: BIG(16_384) }])],
  ['set value 16385 bytes', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k', value: BIG(16_385) }])],
  ['set two 9000-byte values', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'a', value: BIG(9_000) }, { key: 'b', value: BIG(9_000) }])],
  ['set key 32 bytes', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k'.repeat(32), value: 'v' }])],
  ['set key 33 bytes', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k'.repeat(33), value: 'v' }])],
  ['set revision 0', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k', value: 'v', revision: 0 }])],
  ['set revision -2', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k', value: 'v', revision: -2 }])],
  ['set revision 1.5', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key: 'k', value: 'v', revision: 1.5 }])],
  ['set majorRevision 0', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', ITEMS(1), { majorRevision: 0 })],
  ['set majorRevision -2', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', ITEMS(1), { majorRevision: -2 })],
  ['set lockName bad', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', ITEMS(1), { lockName: 'a.b' })],
  ['set lockName not held', (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', ITEMS(1), { lockName: 'lock1' })],
  ['update revision 0', (c) => c.storage.updateChannelMetadata('ch', 'MESSAGE', [{ key: 'k', value: 'v', revision: 0 }])],
  ['update majorRevision 0', (c) => c.storage.updateChannelMetadata('ch', 'MESSAGE', ITEMS(1), { majorRevision: 0 })],
  ['update no items', (c) => c.storage.updateChannelMetadata('ch', 'MESSAGE', [])],
  ['remove all', (c) => c.storage.removeChannelMetadata('ch', 'MESSAGE')],
  ['remove keys', (c) => c.storage.removeChannelMetadata('ch', 'MESSAGE', { data: [{ key: 'k' }] })],
  ['remove empty data', (c) => c.storage.removeChannelMetadata('ch', 'MESSAGE', { data: [] })],
  ['remove bad key', (c) => c.storage.removeChannelMetadata('ch', 'MESSAGE', { data: [{ key: 'a.b' }] })],
  ['get', (c) => c.storage.getChannelMetadata('ch', 'MESSAGE')],
  ['get bad channel', (c) => c.storage.getChannelMetadata('a.b', 'MESSAGE')],
  ['user set', (c) => c.storage.setUserMetadata(ITEMS(1))],
  ['user set bad user', (c) => c.storage.setUserMetadata(ITEMS(1), { userId: 'a.b' })],
  ['user set 33 items', (c) => c.storage.setUserMetadata(ITEMS(33))],
  ['user get bad user', (c) => c.storage.getUserMetadata({ userId: 'a.b' })],
  ['user subscribe bad user', (c) => c.storage.subscribeUserMetadata('a.b')],
  ['user unsubscribe unknown', (c) => c.storage.unsubscribeUserMetadata('someone')],
  ['user remove all', (c) => c.storage.removeUserMetadata()],
];
for (const [label, key] of ID_CASES) {
  STORAGE_CASES.push([`set key ${label}`, (c) => c.storage.setChannelMetadata('ch', 'MESSAGE', [{ key, value: 'v' }])]);
}

const PRESENCE_CASES: Array<[string, (c: any) => unknown]> = [
  ['whoNow', (c) => c.presence.whoNow('ch', 'MESSAGE')],
  ['whoNow state without ids', (c) => c.presence.whoNow('ch', 'MESSAGE', { includedUserId: false, includedState: true })],
  ['whoNow ids without state', (c) => c.presence.whoNow('ch', 'MESSAGE', { includedUserId: true, includedState: false })],
  ['getOnlineUsers state without ids', (c) => c.presence.getOnlineUsers('ch', 'MESSAGE', { includedUserId: false, includedState: true })],
  ['whoNow bad channel', (c) => c.presence.whoNow('a.b', 'MESSAGE')],
  ['whereNow self', (c) => c.presence.whereNow('')],
  ['getState bad user', (c) => c.presence.getState('a.b', 'ch', 'MESSAGE')],
];
for (const [label, userId] of ID_CASES) {
  PRESENCE_CASES.push([`whereNow ${label}`, (c) => c.presence.whereNow(userId)]);
}

const LOCK_CASES: Array<[string, (c: any) => unknown]> = [
  ['setLock', (c) => c.lock.setLock('ch', 'MESSAGE', 'lock1')],
  ['revokeLock bad owner', (c) => c.lock.revokeLock('ch', 'MESSAGE', 'lock1', 'a.b')],
  ['getLock bad channel', (c) => c.lock.getLock('a.b', 'MESSAGE')],
];
for (const [label, name] of ID_CASES) {
  LOCK_CASES.push([`acquireLock name ${label}`, (c) => c.lock.acquireLock('ch', 'MESSAGE', name)]);
}

const OTHER_CONNECTED_CASES: Array<[string, (c: any) => unknown]> = [
  ['login while connected', (c) => c.login()],
  ['renewToken empty', (c) => c.renewToken('')],
  ['renewToken garbage', (c) => c.renewToken('garbage')],
  ['renewToken channelName', (c) => c.renewToken(APP_ID, { channelName: 'ch' })],
  ['subscribe bad name', (c) => c.subscribe('a.b')],
  ['unsubscribe bad name', (c) => c.unsubscribe('a.b')],
  ['unsubscribe never subscribed', (c) => c.unsubscribe('ch')],
];

const CONNECTED_GROUPS: Array<[string, Array<[string, (c: any) => unknown]>]> = [
  ['publish', PUBLISH_CASES],
  ['storage', STORAGE_CASES],
  ['presence', PRESENCE_CASES],
  ['lock', LOCK_CASES],
  ['client', OTHER_CONNECTED_CASES],
];
for (const [group, cases] of CONNECTED_GROUPS) {
  for (const [label, call] of cases) {
    probe(`connected.${group}.${label}`, async (side, uid) => {
      const client = newClient(side, uid('cn'));
      await side.connect(client);
      return localChecks(side, () => call(client));
    });
  }
}

export function allProbes(): readonly Probe[] {
  return probes;
}
