import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runCli } from '../../src/runCli';
import { JSON_SCHEMA_VERSION } from '../../src/scan/report/formatJson';

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

test('docs/scan.md describes the current JSON schema version and every field the JSON carries', async () => {
  const doc = readFileSync(new URL('../../docs/scan.md', import.meta.url), 'utf8');
  expect(doc).toContain(`**schema version ${JSON_SCHEMA_VERSION}**`);
  const documented = new Set([...doc.matchAll(/`((?:summary|findings\[\]|warnings\[\])\.\w+|schemaVersion)`/g)].map((match) => match[1]));
  let stdout = '';
  // A fixture with a low-confidence finding, an alias spelling and a warning.
  await runCli(['scan', '--json', 'name-only', 'native-flat', 'parse-error'], {
    stdout: (s) => (stdout += s),
    stderr: () => {},
    cwd: fileURLToPath(new URL('./fixtures/', import.meta.url)),
    env: {},
  });
  const report = JSON.parse(stdout) as { findings: object[]; warnings: object[]; summary: object };
  const fields = new Set([
    ...Object.keys(report).filter((key) => !['summary', 'findings', 'warnings'].includes(key)),
    ...Object.keys(report.summary).map((key) => `summary.${key}`),
    ...report.findings.flatMap((finding) => Object.keys(finding).map((key) => `findings[].${key}`)),
    ...report.warnings.flatMap((warning) => Object.keys(warning).map((key) => `warnings[].${key}`)),
  ]);
  expect(fields).toContain('findings[].spelling');
  expect(fields).toContain('warnings[].line');
  expect([...fields].filter((field) => !documented.has(field))).toEqual([]);
});
