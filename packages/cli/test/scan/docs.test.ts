import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runCli } from '../../src/runCli';

test('the sample report in docs/scan.md is what the scanner prints for that fixture today', async () => {
  const doc = readFileSync(new URL('../../docs/scan.md', import.meta.url), 'utf8');
  const sample = /<!-- sample: signaling-compat-cli scan (\S+) \(run in test\/scan\/fixtures\) -->\n```text\n([\s\S]*?)```/.exec(doc);
  expect(sample, 'docs/scan.md lost its sample block').not.toBeNull();
  let stdout = '';
  const code = await runCli(['scan', sample?.[1] ?? ''], {
    stdout: (s) => (stdout += s),
    stderr: () => {},
    cwd: fileURLToPath(new URL('./fixtures/', import.meta.url)),
    env: {},
  });
  expect(code).toBe(0);
  // On failure, paste the new output into docs/scan.md.
  expect(sample?.[2]).toBe(stdout);
});
