import { describe, expect, it } from 'vitest';
import { escapeCodec, strictCodec, type IdCodec } from '../../src/core/ids';
import { DIALECTS, dialectWorld } from './dialects';

/** Every character JavaScript's `\s` matches beyond ASCII: RTM accepts them all in IDs (docs/reference/rtm1-web-sdk.md §3.1). */
const LOOKALIKE_SPACES = [
  '\u0085', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
  '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
].filter((c) => /\s/.test(c));

/** RTM's own ID rule (docs/reference/rtm1-web-sdk.md §3.1), Unicode whitespace included: what a bare client may log in as. */
const rtmAccepts = (id: string) => id !== 'null' && /^[A-Za-z0-9_!#$%&()+,.:;<=>?@[\]^{|}~\-\s]{1,64}$/.test(id);

const hex = (byte: number, lower: boolean) => {
  const h = byte.toString(16).padStart(2, '0');
  return `%${lower ? h : h.toUpperCase()}`;
};
const utf8 = (text: string) => [...new TextEncoder().encode(text)];

/**
 * RTM IDs a bare client can choose that look like `name` once decoded or rendered: look-alike
 * spaces around it, each character escaped (upper and lower case), the whole UTF-8 form in lower
 * case, truncated and over-long UTF-8, double escaping and malformed escapes.
 */
function spoofsOf(name: string): string[] {
  const bytes = utf8(name);
  const ids = new Set<string>();
  for (const space of LOOKALIKE_SPACES) ids.add(name + space).add(space + name);
  for (let i = 0; i < name.length; i++) {
    for (const lower of [false, true]) {
      ids.add(name.slice(0, i) + utf8(name[i]!).map((b) => hex(b, lower)).join('') + name.slice(i + 1));
    }
  }
  ids.add(bytes.map((b) => hex(b, true)).join(''));
  ids.add(bytes.map((b) => hex(b, false)).join('').slice(0, -3));
  ids.add(`${name}%C0%AE`);
  ids.add(`${name}%`);
  ids.add(`${name}%ZZ`);
  ids.add(bytes.map((b) => `%25${hex(b, false).slice(1)}`).join(''));
  return [...ids].filter(rtmAccepts);
}

const TARGETS = ['alice-e', '张三', 'null', '%41'];
const CODECS: IdCodec[] = [strictCodec, escapeCodec];

describe.each(CODECS)('the $name codec: only IDs that re-encode to themselves decode', (codec) => {
  const candidates = TARGETS.flatMap((t) => [...spoofsOf(t), ...(('id' in codec.encode(t)) ? [(codec.encode(t) as { id: string }).id] : [])]);

  it('decode(id) is undefined, or the one name whose encoding is id', () => {
    for (const id of candidates) {
      const name = codec.decode(id);
      if (name !== undefined) expect(codec.encode(name), JSON.stringify(id)).toEqual({ id });
    }
  });

  it('no two IDs decode to the same name', () => {
    const seen = new Map<string, string>();
    for (const id of new Set(candidates)) {
      const name = codec.decode(id);
      if (name === undefined) continue;
      expect(seen.get(name) ?? id, `${JSON.stringify(id)} and ${JSON.stringify(seen.get(name))}`).toBe(id);
      seen.set(name, id);
    }
  });

  it('a name with a non-ASCII space never becomes an ID it could pass for', () => {
    for (const space of LOOKALIKE_SPACES) {
      const encoded = codec.encode(`alice${space}`);
      if ('id' in encoded) expect(encoded.id).not.toMatch(/[^\x00-\x7f]/);
      else expect(codec.name).toBe('strict');
    }
  });
});

/**
 * Through the public API: bare RTM clients with every spoof ID message, join and call a shim user;
 * nothing they do is shown under a real user's name (or at all, when their ID is not one the shim
 * writes).
 */
describe.each(DIALECTS)('$name: a bare client cannot pass for another user', (d) => {
  it.each(CODECS.map((c) => ({ codec: c.name })))('idCodec $codec', async ({ codec }) => {
    const w = dialectWorld({ idCodec: codec });
    const bob = d.login(w, 'bob');
    await w.flush();
    bob.join('room');
    bob.answerCalls();
    const rules = codec === 'strict' ? strictCodec : escapeCodec;
    const real = TARGETS.filter((t) => 'id' in rules.encode(t));
    const logins = real.map((name) => d.login(w, name));
    await w.flush();
    for (const login of logins) login.join('room');
    await w.flush();
    const bobId = 'bob';
    // A real user's own ID is that user, not a spoof.
    const own = new Set(real.map((t) => (rules.encode(t) as { id: string }).id));
    for (const id of TARGETS.flatMap(spoofsOf).filter((id) => !own.has(id))) {
      const spoofer = await w.rtmClient(id);
      const room = spoofer.createChannel('room');
      await room.join();
      await spoofer.sendMessageToPeer({ text: 'spoofed' }, bobId);
      await room.sendMessage({ text: 'spoofed' });
      const invitation = spoofer.createLocalInvitation(bobId);
      invitation.channelId = 'call';
      invitation.send();
      await w.advance(600);
    }
    await w.advance(5000);
    const shown = w.transcript.filter(([name]) => String(name).startsWith('bob.'));
    // What a spoofer did may show under its own (distinct) name, never as a real user or a look-alike.
    const passesFor = (arg: unknown) => typeof arg === 'string' && real.includes(arg.replace(/\s/g, ''));
    const fromSpoofers = shown.filter((event) => event.includes('spoofed') || String(event[0]).includes('onInviteReceived'));
    expect(fromSpoofers.filter((event) => event.slice(1).some(passesFor))).toEqual([]);
    // The real users appear once each (in the user list or as joining), under their own names.
    for (const name of real) {
      expect(shown.filter((event) => event.slice(1).some((arg) => JSON.stringify(arg).includes(JSON.stringify(name))))).toHaveLength(1);
    }
  });
});
