import { expect, it } from 'vitest';
import { DIALECTS, dialectWorld } from '../reliability/dialects';
import { world } from '../support/harness';

// Attribute names that mean something to JavaScript are ordinary names, on 2.x as on 1.x
// (docs/guide/45-hostile-peers-and-long-sessions.md).
const web = DIALECTS.find((d) => d.name === 'web')!;

it('a channel attribute named "__proto__" is stored, read back and announced to every member like any other', async () => {
  const w = dialectWorld();
  const alice = web.login(w, 'alice');
  const bob = web.login(w, 'bob');
  await w.flush();
  alice.join('room');
  bob.join('room');
  await w.flush();
  w.take();
  alice.setAttr('room', '__proto__', 'v');
  await w.advance(100);
  alice.setAttr('room', 'other', 'w');
  await w.advance(100);
  const updates = w.take().filter(([name]) => String(name).endsWith('onChannelAttrUpdated'));
  const of = (who: string) => updates.filter(([name]) => String(name).startsWith(`${who}.`)).map((e) => e.slice(1));
  expect({ alice: of('alice'), bob: of('bob') }).toEqual({
    alice: [
      ['__proto__', 'v', 'update'],
      ['other', 'w', 'update'],
    ],
    bob: [
      ['__proto__', 'v', 'update'],
      ['other', 'w', 'update'],
    ],
  });
  const observer = await w.rtmClient('observer');
  const stored = await observer.getChannelAttributes('room');
  expect(Object.keys(stored).sort()).toEqual(['__proto__', 'other']);
});

it('getChannelAttributesByKeys of names no attribute has (toString, constructor, hasOwnProperty) answers {}', async () => {
  const w = dialectWorld();
  const alice = await w.rtmClient('alice');
  await alice.addOrUpdateChannelAttributes('room', { topic: 'cats' });
  await w.flush();
  const found = await alice.getChannelAttributesByKeys('room', ['toString', 'constructor', 'hasOwnProperty']);
  expect(Object.keys(found)).toEqual([]);
});

it('a user attribute named "__proto__" reads back: user_get_attr and user_get_attr_all', async () => {
  const w = world();
  const alice = await w.login('alice');
  const bob = await w.login('bob');
  const replies: unknown[] = [];
  bob.invoke('io.agora.signal.user_set_attr', { name: '__proto__', value: 'v' }, () => undefined);
  await w.flush();
  alice.invoke('io.agora.signal.user_get_attr', { account: 'bob', name: '__proto__' }, (err: string, reply: unknown) => replies.push([err, reply]));
  alice.invoke('io.agora.signal.user_get_attr_all', { account: 'bob' }, (err: string, reply: unknown) => replies.push([err, reply]));
  await w.flush();
  expect(JSON.parse(JSON.stringify(replies))).toEqual([
    ['', { result: 'ok', account: 'bob', name: '__proto__', value: 'v' }],
    ['', { result: 'ok', account: 'bob', json: { ['__proto__']: 'v' } }],
  ]);
});
