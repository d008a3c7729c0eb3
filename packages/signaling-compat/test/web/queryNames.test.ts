import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/legacy/web/Session';
import { world } from '../support/harness';

function invoke(session: Session, func: string, args: object): Promise<[unknown, Record<string, unknown>]> {
  return new Promise((resolve) => session.invoke(`io.agora.signal.${func}`, args, (err, result) => resolve([err, result])));
}

/** Names that are also Object.prototype's: answers are read from RTM's result as its own entries only. */
describe('Web queries about prototype names', () => {
  it('user_get_attr of an attribute nobody set is "" whatever its name', async () => {
    const w = world();
    const alice = await w.login('alice');
    await w.login('bob');
    const replies = Promise.all(
      ['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((name) => invoke(alice, 'user_get_attr', { account: 'bob', name })),
    );
    await w.flush();
    expect(await replies).toEqual(
      ['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((name) => ['', { result: 'ok', account: 'bob', name, value: '' }]),
    );
  });

  it('an offline account named like a prototype property is offline', async () => {
    const w = world();
    const alice = await w.login('alice');
    const replies = Promise.all(
      ['constructor', 'toString', '__proto__'].map((account) => invoke(alice, 'user_query_user_status', { account })),
    );
    await w.flush();
    expect(await replies).toEqual(
      ['constructor', 'toString', '__proto__'].map((account) => ['', { result: 'ok', account, status: 0 }]),
    );
  });
});
