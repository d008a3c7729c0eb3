import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { MAPPING } from 'signaling-compat/mapping';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runScan, temporaryTree } from './sourceTree';

const FILES: Record<string, string> = {
  'src/app.js': "const session = Signal(APP_ID).login('alice', '_no_need_token');\nsession.channelJoin('__agora_user_online');\n",
  'src/my chat.js': "export const send = (client) => client.session.messageInstantSend('bob', 'hi');\n",
  'src/handlers.js': 'handler.OnQueryUserStatusResult = show;\n',
  'src/broken.ts': 'let = ;\n',
};

let root: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ root, remove } = await temporaryTree('scan-sarif-', FILES));
});

afterAll(() => remove());

async function scan(...argv: string[]): Promise<string> {
  const { code, stdout } = await runScan(root, argv);
  expect(code).toBe(0);
  return stdout;
}

const LEVELS = { unsupported: 'error', emulated: 'warning', native: 'note' } as const;

/** The properties SARIF 2.1.0 requires of a log, a run, a rule, a result and a location. */
function expectValidSarif(log: Log): void {
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(log.runs).toHaveLength(1);
  const [run] = log.runs;
  expect(typeof run.tool.driver.name).toBe('string');
  const rules = run.tool.driver.rules ?? [];
  expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
  for (const rule of rules) {
    expect(rule.id).toMatch(/\S/);
    expect(rule.shortDescription?.text).toMatch(/\S/);
    expect(rule.fullDescription?.text).toMatch(/\S/);
    expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration?.level);
  }
  for (const result of run.results ?? []) {
    expect(result.message.text).toMatch(/\S/);
    expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    expect(['error', 'warning', 'note']).toContain(result.level);
    expect(result.locations).toHaveLength(1);
    const physical = result.locations?.[0].physicalLocation;
    expect(physical?.artifactLocation?.uriBaseId).toBe('SRCROOT');
    expect(new URL(physical?.artifactLocation?.uri ?? '', 'file:///root/').protocol).toBe('file:');
    expect(physical?.region?.startLine).toBeGreaterThanOrEqual(1);
    expect(physical?.region?.startColumn).toBeGreaterThanOrEqual(1);
  }
  for (const invocation of run.invocations ?? []) expect(typeof invocation.executionSuccessful).toBe('boolean');
  expect(run.originalUriBaseIds?.SRCROOT?.uri).toMatch(/^file:\/\/.*\/$/);
}

test('--sarif prints a SARIF 2.1.0 log: one rule per mapping entry found, one result per finding', async () => {
  const log = JSON.parse(await scan('--sarif')) as Log;
  expectValidSarif(log);
  const json = JSON.parse(await scan('--json')) as { findings: Array<{ file: string; line: number; column: number; dialect: string; owner: string; member: string; status: keyof typeof LEVELS; confidence: string }> };
  const [run] = log.runs;
  const rules = run.tool.driver.rules as ReportingDescriptor[];
  const results = run.results as Result[];

  const { version, name } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; name: string };
  expect(run.tool.driver).toMatchObject({ name, version });
  expect(run.columnKind).toBe('utf16CodeUnits');
  expect(run.originalUriBaseIds?.SRCROOT?.uri).toBe(`${pathToFileURL(root).href}/`);

  // Rules: the entries found, in mapping-table order, each at the level of its status.
  const found = new Set(json.findings.map((f) => `${f.dialect}.${f.owner}.${f.member}`));
  const entries = MAPPING.filter((entry) => found.has(`${entry.dialect}.${entry.owner}.${entry.member}`));
  expect(rules.map((rule) => [rule.id, rule.defaultConfiguration?.level, rule.fullDescription?.text])).toEqual(
    entries.map((entry) => [`${entry.dialect}.${entry.owner}.${entry.member}`, LEVELS[entry.status], entry.note]),
  );
  expect(new Set(rules.map((rule) => rule.defaultConfiguration?.level))).toEqual(new Set(['error', 'warning', 'note']));

  // Results: the same findings, places and confidence as --json.
  expect(
    results.map((result) => {
      const location = result.locations?.[0].physicalLocation;
      return [decodeURIComponent(location?.artifactLocation?.uri ?? ''), location?.region?.startLine, location?.region?.startColumn, result.ruleId, result.level, result.properties?.confidence];
    }),
  ).toEqual(json.findings.map((f) => [f.file, f.line, f.column, `${f.dialect}.${f.owner}.${f.member}`, LEVELS[f.status], f.confidence]));
  expect(results.map((result) => result.locations?.[0].physicalLocation?.artifactLocation?.uri)).toContain('src/my%20chat.js');
  const spelled = results.find((result) => result.properties?.spelling === 'OnQueryUserStatusResult');
  expect(spelled?.message.text).toContain('(written OnQueryUserStatusResult)');
  expect(results.find((result) => result.properties?.confidence === 'low')?.message.text).toContain('name match only');

  // Files that could not be scanned completely are tool notifications, not results.
  expect(run.invocations).toEqual([
    {
      executionSuccessful: true,
      toolExecutionNotifications: [
        {
          level: 'warning',
          message: { text: 'could not parse (Unexpected token); skipped' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'src/broken.ts', uriBaseId: 'SRCROOT' }, region: { startLine: 1, startColumn: 7 } } }],
        },
      ],
    },
  ]);
});

test('--sarif with nothing found is a valid log with no rules and no results', async () => {
  const log = JSON.parse(await scan('--sarif', 'src/broken.ts')) as Log;
  expectValidSarif(log);
  expect([log.runs[0].tool.driver.rules, log.runs[0].results]).toEqual([[], []]);
});
