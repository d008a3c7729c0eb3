import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { scanPaths, type ScanResult } from '../../src/scan/index';
import { MAPPING } from 'signaling-compat/mapping';

// Each fixtures/<name>/ holds one input.* and the expected.json it must produce (update with
// `npx vitest run test/scan -u` after checking the difference by eye).
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NAMES = readdirSync(FIXTURES)
  .filter((name) => statSync(join(FIXTURES, name)).isDirectory())
  .sort();

function inputOf(name: string): string {
  const inputs = readdirSync(join(FIXTURES, name)).filter((file) => file.startsWith('input.'));
  expect(inputs, `fixtures/${name} needs exactly one input.* file`).toHaveLength(1);
  return inputs[0];
}

async function scanFixture(name: string): Promise<ScanResult> {
  return scanPaths([inputOf(name)], { cwd: join(FIXTURES, name) });
}

/** expected.json: one finding or warning per line, so a review diff shows exactly what moved. */
function expectedJson(result: ScanResult): string {
  const findings = result.findings.map(({ line, column, dialect, owner, member, status, confidence, spelling }) =>
    JSON.stringify({ line, column, dialect, owner, member, status, confidence, ...(spelling === undefined ? {} : { spelling }) }),
  );
  const warnings = result.warnings.map((warning) => JSON.stringify(warning));
  const list = (items: string[]) => (items.length === 0 ? '[]' : `[\n    ${items.join(',\n    ')}\n  ]`);
  return `{\n  "findings": ${list(findings)},\n  "warnings": ${list(warnings)}\n}\n`;
}

describe('scan fixtures', () => {
  test.each(NAMES)('%s', async (name) => {
    const result = await scanFixture(name);
    expect(result.files).toBe(1);
    await expect(expectedJson(result)).toMatchFileSnapshot(join(FIXTURES, name, 'expected.json'));
  });

  test('together the fixtures exercise every entry of the mapping table', async () => {
    const seen = new Set<string>();
    for (const name of NAMES) {
      for (const f of (await scanFixture(name)).findings) seen.add(`${f.dialect} ${f.owner} ${f.member}`);
    }
    const missing = MAPPING.map((e) => `${e.dialect} ${e.owner} ${e.member}`).filter((key) => !seen.has(key));
    expect(missing).toEqual([]);
  });
});
