/**
 * User and channel attribute methods (docs/reference/rtm1-web-sdk.md §2.3 "Attribute methods", docs/reference/rtm1-web-sdk.md §3.3, §4.12,
 * §4.13): argument checks first (most of them even when logged out), then 102, then one request
 * with the 10 s attribute timeout (code 7).
 */

import type { AttributesMap, ChannelAttributes, RtmMethodName } from '../../rtm/types';
import type { ClientCore } from './ClientCore';
import { requireConnected, serverRequest } from './requests';
import { invalidArgument, invalidStatus, type RtmError, timeoutError } from '../../rtm/rtm1/errors';
import type { AttributeWrite, FakeServer } from '../server/FakeServer';
import { ATTRIBUTES, TIMEOUTS } from '../../rtm/rtm1/limits';
import type { ClientPort } from '../server/wire';
import { checkAttributeMap, checkDeleteKeys, checkGetKeys, isValidId } from '../../rtm/rtm1/validation';

const USER_BUDGET = ATTRIBUTES.maxUserTotalBytes;
const CHANNEL_BUDGET = ATTRIBUTES.maxChannelTotalBytes;

function raise(error: RtmError | undefined): void {
  if (error) throw error;
}

function attributeRequest<T>(
  core: ClientCore,
  method: RtmMethodName,
  serve: (server: FakeServer, port: ClientPort) => T,
  arrive?: (value: T) => void,
): Promise<T> {
  return serverRequest(core, method, { ms: TIMEOUTS.attributeMs, error: () => timeoutError(7, 'Request timed out after 10s') }, serve, arrive);
}

// ---------------------------------------------------------------------------------------------
// User attributes

export async function setLocalUserAttributes(core: ClientCore, attributes: unknown): Promise<void> {
  raise(checkAttributeMap(attributes, USER_BUDGET));
  requireConnected(core);
  const written = { ...(attributes as AttributesMap) };
  await attributeRequest(
    core,
    'setLocalUserAttributes',
    (server, port) => server.writeUserAttributes(port, { op: 'set', attributes: written }),
    () => core.attributes.writeUser({ op: 'set', attributes: written }),
  );
}

/** docs/reference/rtm1-web-sdk.md §3.3: checked on the map, then on the local copy merged with it. */
export async function addOrUpdateLocalUserAttributes(core: ClientCore, attributes: unknown): Promise<void> {
  raise(checkAttributeMap(attributes, USER_BUDGET));
  const written = { ...(attributes as AttributesMap) };
  raise(checkAttributeMap({ ...core.attributes.user(), ...written }, USER_BUDGET));
  requireConnected(core);
  await attributeRequest(
    core,
    'addOrUpdateLocalUserAttributes',
    (server, port) => server.writeUserAttributes(port, { op: 'addOrUpdate', attributes: written }),
    () => core.attributes.writeUser({ op: 'addOrUpdate', attributes: written }),
  );
}

export async function deleteLocalUserAttributesByKeys(core: ClientCore, keys: unknown): Promise<void> {
  raise(checkDeleteKeys(keys));
  requireConnected(core);
  const deleted = [...(keys as string[])];
  await attributeRequest(
    core,
    'deleteLocalUserAttributesByKeys',
    (server, port) => server.writeUserAttributes(port, { op: 'delete', keys: deleted }),
    () => core.attributes.writeUser({ op: 'delete', keys: deleted }),
  );
}

export async function clearLocalUserAttributes(core: ClientCore): Promise<void> {
  requireConnected(core);
  await attributeRequest(
    core,
    'clearLocalUserAttributes',
    (server, port) => server.writeUserAttributes(port, { op: 'clear' }),
    () => core.attributes.writeUser({ op: 'clear' }),
  );
}

export async function getUserAttributes(core: ClientCore, userId: unknown): Promise<AttributesMap> {
  if (!isValidId(userId)) throw invalidArgument(3, 'Not a valid user ID');
  requireConnected(core);
  return attributeRequest(core, 'getUserAttributes', (server) => server.readUserAttributes(userId));
}

/** docs/reference/rtm1-web-sdk.md §2.3: here 102 is checked before the arguments. */
export async function getUserAttributesByKeys(core: ClientCore, userId: unknown, keys: unknown): Promise<AttributesMap> {
  requireConnected(core);
  raise(checkGetKeys(keys));
  if (!isValidId(userId)) throw invalidArgument(3, 'ID is invalid');
  const wanted = [...(keys as string[])];
  return attributeRequest(core, 'getUserAttributesByKeys', (server) => server.readUserAttributes(userId, wanted));
}

// ---------------------------------------------------------------------------------------------
// Channel attributes (no join needed)

/**
 * The SDK reads `options.enableNotificationToChannelMembers` first thing, with `{}` for a missing
 * argument: `null` throws the TypeError of that read, any truthy flag notifies.
 */
const wantsNotification = (options: unknown): boolean =>
  Boolean((options === undefined ? {} : (options as { enableNotificationToChannelMembers?: unknown })).enableNotificationToChannelMembers);

function writeChannel(
  core: ClientCore,
  method: RtmMethodName,
  channelId: string,
  write: AttributeWrite,
  notify: boolean,
): Promise<void> {
  return attributeRequest(
    core,
    method,
    (server, port) => server.writeChannelAttributes(port, channelId, write, notify),
    (stored) => core.attributes.rememberChannel(channelId, stored),
  ).then(() => undefined);
}

/** @note compat: the SDK does not validate the channel ID here; the server refuses a bad one (code 2). */
export async function setChannelAttributes(
  core: ClientCore,
  channelId: string,
  attributes: unknown,
  options: unknown,
): Promise<void> {
  const notify = wantsNotification(options);
  raise(checkAttributeMap(attributes, CHANNEL_BUDGET));
  requireConnected(core);
  const written = { ...(attributes as AttributesMap) };
  await writeChannel(core, 'setChannelAttributes', channelId, { op: 'set', attributes: written }, notify);
}

export async function addOrUpdateChannelAttributes(
  core: ClientCore,
  channelId: string,
  attributes: unknown,
  options: unknown,
): Promise<void> {
  const notify = wantsNotification(options);
  raise(checkAttributeMap(attributes, CHANNEL_BUDGET));
  const written = { ...(attributes as AttributesMap) };
  raise(checkAttributeMap({ ...core.attributes.channel(channelId), ...written }, CHANNEL_BUDGET));
  requireConnected(core);
  await writeChannel(core, 'addOrUpdateChannelAttributes', channelId, { op: 'addOrUpdate', attributes: written }, notify);
}

/** @note compat: bad arguments here are RtmInvalidStatusError 3, not an argument error (docs/reference/rtm1-web-sdk.md §2.3). */
export async function deleteChannelAttributesByKeys(
  core: ClientCore,
  channelId: unknown,
  keys: unknown,
  options: unknown,
): Promise<void> {
  const notify = wantsNotification(options);
  if (!isValidId(channelId)) throw invalidStatus(3, 'arguments is not valid');
  raise(checkDeleteKeys(keys, ATTRIBUTES.maxChannelDeleteKeyLength));
  requireConnected(core);
  const deleted = [...(keys as string[])];
  await writeChannel(core, 'deleteChannelAttributesByKeys', channelId, { op: 'delete', keys: deleted }, notify);
}

export async function clearChannelAttributes(core: ClientCore, channelId: string, options: unknown): Promise<void> {
  const notify = wantsNotification(options);
  requireConnected(core);
  await writeChannel(core, 'clearChannelAttributes', channelId, { op: 'clear' }, notify);
}

export async function getChannelAttributes(core: ClientCore, channelId: unknown): Promise<ChannelAttributes> {
  if (!isValidId(channelId)) throw invalidArgument(3, 'Not a valid channel ID');
  requireConnected(core);
  return attributeRequest(
    core,
    'getChannelAttributes',
    (server) => server.readChannelAttributes(channelId),
    (stored) => core.attributes.rememberChannel(channelId, stored),
  );
}

/** docs/reference/rtm1-web-sdk.md §2.3: here 102 is checked before the arguments. */
export async function getChannelAttributesByKeys(
  core: ClientCore,
  channelId: unknown,
  keys: unknown,
): Promise<ChannelAttributes> {
  requireConnected(core);
  raise(checkGetKeys(keys));
  if (!isValidId(channelId)) throw invalidArgument(3, 'ID is invalid');
  const wanted = [...(keys as string[])];
  return attributeRequest(core, 'getChannelAttributesByKeys', (server) => server.readChannelAttributes(channelId, wanted));
}
