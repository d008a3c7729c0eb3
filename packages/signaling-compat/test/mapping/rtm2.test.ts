import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { MAPPING, legacyName } from '../../src/mapping/index';
import { RTM2_ROUTES, rtm2Route, type Rtm1Phrase } from '../../src/mapping/rtm2';

/** Names that exist only in RTM 1.x: none may be left in a 2.x route. */
const RTM1_ONLY = /\b(RtmClient|RtmChannel|LocalInvitation|RemoteInvitation|createInstance|sendMessageToPeer|ConnectionStateChanged|MessageFromPeer|END_CALL)\b/;

/** The typings of agora-rtm-sdk 2.3.0 (the root devDependency `agora-rtm-sdk-2`). */
const TYPINGS = readFileSync(createRequire(import.meta.url).resolve('agora-rtm-sdk-2/agora-rtm.d.ts'), 'utf8');

describe('the RTM 2.x column of the mapping table', () => {
  test('every entry has a 2.x route, and "—" exactly where it has no 1.x one', () => {
    expect(MAPPING.filter((e) => e.rtm2.trim() === '').map(legacyName)).toEqual([]);
    expect(MAPPING.filter((e) => (e.rtm === '—') !== (e.rtm2 === '—')).map(legacyName)).toEqual([]);
  });

  test('the 2.x route is derived from the 1.x route, and no 1.x API is left in it', () => {
    expect(MAPPING.filter((e) => e.rtm2 !== rtm2Route(e.rtm)).map(legacyName)).toEqual([]);
    expect(MAPPING.filter((e) => RTM1_ONLY.test(e.rtm2)).map((e) => `${legacyName(e)}: ${e.rtm2}`)).toEqual([]);
  });

  test('every phrase of the route table is used by some entry', () => {
    const unused = (Object.keys(RTM2_ROUTES) as Rtm1Phrase[]).filter(
      (phrase) => !MAPPING.some((e) => e.rtm.includes(phrase) && !rtm2Route(e.rtm).includes(phrase)),
    );
    expect(unused).toEqual([]);
  });

  test('every 2.x method and event a route names exists in agora-rtm-sdk 2.3.0', () => {
    const routes = MAPPING.map((e) => e.rtm2);
    const methods = new Set(routes.flatMap((r) => [...r.matchAll(/RTMClient\.(?:(presence|storage)\.)?(\w+)/g)].map((m) => m[2]!)));
    const events = new Set(routes.flatMap((r) => [...r.matchAll(/RTMClient "(\w+)"/g)].map((m) => m[1]!)));
    expect(methods.size).toBeGreaterThan(10);
    expect(events).toEqual(new Set(['linkState', 'message', 'presence', 'storage']));
    expect([...methods].filter((name) => !new RegExp(String.raw`\b${name}(?:<[^(]*>)?\(`).test(TYPINGS))).toEqual([]);
    expect([...events].filter((name) => !new RegExp(String.raw`^\s+${name}: \(`, 'm').test(TYPINGS))).toEqual([]);
  });

  test('the behaviours travel as the 2.x mapping decides', () => {
    const route = (owner: string, member: string) =>
      MAPPING.find((e) => e.dialect === 'web' && e.owner === owner && e.member === member)!.rtm2;
    expect(route('Session', 'messageInstantSend')).toBe('RTMClient.publish (USER channel)');
    expect(route('Channel', 'messageChannelSend')).toBe('RTMClient.publish (MESSAGE channel)');
    expect(route('Channel', 'onChannelUserJoined')).toMatch(/^RTMClient "presence"/);
    expect(route('Channel', 'channelSetAttr')).toBe('RTMClient.storage.setChannelMetadata');
    expect(route('Session', 'channelInviteUser2')).toContain('invitation protocol INVITE over RTMClient.publish (USER channel)');
    expect(route('invoke', 'io.agora.signal.user_query_user_status')).toBe('RTMClient.publish (USER channel, online probe)');
  });

  test('alternatives that become the same 2.x route are given once', () => {
    expect(rtm2Route('LocalInvitation.content | RemoteInvitation.content')).toBe('invitation protocol: the content field');
    expect(rtm2Route('RtmClient.logout + RtmClient "ConnectionStateChanged"')).toBe('RTMClient.logout + RTMClient "linkState"');
  });
});
