import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generateGuide } from '../../scripts/gen-guide';
import { MAPPING } from '../../src/mapping/index';

const committed = () => readFileSync(new URL('../../migration-guide.md', import.meta.url), 'utf8');

test('the committed migration-guide.md is what `npm run docs` generates', () => {
  // On failure: run `npm run docs` and commit the result.
  expect(committed()).toBe(generateGuide());
});

test('the guide has the hand-written sections in order, then the reference', () => {
  const headings = generateGuide()
    .split('\n')
    .filter((line) => /^##? /.test(line));
  expect(headings).toEqual([
    '# Migrating from Agora Signaling to RTM with signaling-compat',
    '## Overview',
    '## Script tags: which file to load',
    '## Tokens',
    '## Accounts, uids and channel names',
    '## RTM limits the shim absorbs',
    '## What the RTM 1.x SDK itself forces',
    '## Deliberate differences',
    '## Running on Signaling 2.x',
    '## Moving off the shim',
    '## Reference: every legacy member on RTM 1.x and 2.x',
  ]);
});

test('every mapping entry has its own row, with its status and note', () => {
  const rows = generateGuide().split('\n').filter((line) => line.startsWith('| `'));
  const missing = MAPPING.filter(
    (e) => !rows.some((row) => row.includes(` ${e.status} | ${e.note.replace(/\|/g, '\\|')} |`) && row.includes(e.member)),
  );
  expect(missing).toEqual([]);
});

test('every row gives the RTM 1.x and the RTM 2.x route, in that order, before the status', () => {
  const rows = generateGuide().split('\n').filter((line) => line.startsWith('| `'));
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const missing = MAPPING.filter(
    (e) => !rows.some((row) => row.includes(` | ${cell(e.rtm)} | ${cell(e.rtm2)} | ${e.status} | ${cell(e.note)} |`)),
  );
  expect(missing.map((e) => `${e.dialect} ${e.owner}.${e.member}`)).toEqual([]);
});
