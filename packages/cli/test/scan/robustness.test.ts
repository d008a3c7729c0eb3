import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { scanSource } from '../../src/scan/scanSource';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const INPUTS = readdirSync(FIXTURES).flatMap((name) =>
  readdirSync(new URL(`${name}/`, FIXTURES))
    .filter((file) => file.startsWith('input.'))
    .map((file) => ({ file: join(name, file), text: readFileSync(new URL(`${name}/${file}`, FIXTURES), 'utf8') })),
);

/** A scan result is sane when it threw nothing and no analysis failed inside (only parse warnings). */
function expectSane(file: string, text: string): void {
  const { findings, warnings } = scanSource(file, text, extname(file));
  expect(warnings.filter((w) => !w.message.startsWith('could not parse'))).toEqual([]);
  for (const f of findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
  }
}

test('any prefix or cut of a real input scans without an exception or an internal failure', () => {
  fc.assert(
    fc.property(fc.constantFrom(...INPUTS), fc.nat(), fc.nat(), ({ file, text }, a, b) => {
      const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
      expectSane(file, text.slice(0, to));
      expectSane(file, text.slice(0, from) + text.slice(to));
    }),
    { numRuns: 300 },
  );
});

test('arbitrary text, as JavaScript, TypeScript or markup, never breaks the scan', () => {
  fc.assert(
    fc.property(fc.constantFrom('a.js', 'a.ts', 'a.tsx', 'a.html', 'a.vue'), fc.string({ maxLength: 200 }), (file, text) => {
      expectSane(file, text);
      expectSane(file, `<script>${text}</script>`);
    }),
    { numRuns: 300 },
  );
});

test('code nested deeper than the parser can take is skipped with a warning, not a crash', () => {
  // oxc-parser overflows its native stack (SIGSEGV) around 10,000 levels of brackets or 20,000
  // chained `?:`; both shapes, and a string full of brackets that must not count.
  const brackets = `const x = ${'['.repeat(20_000)}a${']'.repeat(20_000)};`;
  const ternaries = `const y = ${'a ? b : '.repeat(30_000)}c;`;
  for (const text of [brackets, ternaries]) {
    const { findings, warnings } = scanSource('deep.js', text, '.js');
    expect(findings).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/^nests about \d+ levels deep \(limit 1000\), probably generated; skipped$/);
  }
  const shallow = `const s = '${'('.repeat(5000)}';\n${'('.repeat(900)}client.channelJoin('room')${')'.repeat(900)};`;
  expect(scanSource('shallow.js', shallow, '.js').findings.map((f) => [f.line, f.member, f.confidence])).toEqual([
    [2, 'channelJoin', 'low'],
  ]);
});
