import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScan, temporaryTree } from './sourceTree';
import { JSON_SCHEMA_VERSION } from '../../src/scan/report/formatJson';
import { findMapping, type Dialect } from 'signaling-compat/mapping';

let root: string;
let remove: () => Promise<void>;

const FILES: Record<string, string> = {
  'src/app.js': "const session = Signal(APP_ID).login('alice', '_no_need_token');\nsession.channelJoin('__agora_user_online');\n",
  'src/broken.ts': 'let = ;\n',
  'src/view.vue': '<template><p>{{ session.logout() }}</p></template>\n',
  'src/README.md': 'Signal(appid).login(a, t)\n',
  // Never read: dependencies, build output, VCS data, minified bundles, vendored legacy SDK copies.
  'node_modules/agora-signaling-sdk/index.js': 'Signal(a).login(b, c).logout();\n',
  'dist/app.js': 'Signal(a).login(b, c).logout();\n',
  'build/app.js': 'Signal(a).login(b, c).logout();\n',
  'coverage/app.js': 'Signal(a).login(b, c).logout();\n',
  '.git/hooks/pre-commit.js': 'Signal(a).login(b, c).logout();\n',
  'src/vendor/AgoraSig-1.4.0.js': 'Signal(a).login(b, c).logout();\n',
  'src/vendor/jquery.min.js': 'Signal(a).login(b, c).logout();\n',
  'native/call.ts': "AgoraAPI.getInstance(APP_ID).channelInvitePhone('room', '10086', 0);\n",
  'other/handlers.js': 'call.channelInviteEnd();\nhandler.OnQueryUserStatusResult = show;\n',
};

beforeAll(async () => {
  ({ root, remove } = await temporaryTree('scan-cli-', FILES));
});

afterAll(() => remove());

const scan = (...argv: string[]) => runScan(root, argv);

function note(dialect: Dialect, owner: string, member: string): string {
  return findMapping(dialect, owner, member)?.note ?? '';
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('signaling-compat-cli scan', () => {
  test('the default report groups by status and member, each note once, wrapped to 100 columns', async () => {
    const { code, stdout, stderr } = await scan('src');
    expect(code).toBe(0);
    expect(stderr).toBe('warning: src/broken.ts:1:7: could not parse (Unexpected token); skipped\n');
    expect(stdout.split('\n').filter((line) => line.length > 100)).toEqual([
      // Only a heading line with a long RTM call list may run over.
      '  web Session.channelJoin  →  RtmClient.createChannel + RtmChannel.join + RtmChannel.getMembers + RtmClient.getChannelAttributes',
    ]);
    expect(collapse(stdout)).toBe(
      collapse(`signaling-compat-cli scan: 3 files scanned, 4 findings (1 unsupported, 2 emulated, 1 native).
        UNSUPPORTED: RTM cannot do these; each note says what the shim does instead
        web special channel __agora_user_online → — ${note('web', 'channel', '__agora_user_online')}
        - src/app.js:2:21
        EMULATED: the shim reproduces the legacy behaviour on RTM
        web Signal.login → AgoraRTM.createInstance + RtmClient.login ${note('web', 'Signal', 'login')}
        - src/app.js:1:32
        web Session.channelJoin → RtmClient.createChannel + RtmChannel.join + RtmChannel.getMembers + RtmClient.getChannelAttributes
        ${note('web', 'Session', 'channelJoin')}
        - src/app.js:2:9
        NATIVE: a direct RTM counterpart
        web Signal(appid) → AgoraRTM (resolved at login) ${note('web', 'Signal', 'Signal')}
        - src/app.js:1:17
        1 file(s) not fully scanned (see the warnings on stderr).`),
    );
  });

  test('--json carries its schema version, every finding with its mapping, the summary and the warnings', async () => {
    const { code, stdout } = await scan('--json', 'src/app.js', 'src/broken.ts');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'summary', 'findings', 'warnings']);
    expect(report.schemaVersion).toBe(JSON_SCHEMA_VERSION);
    expect(report.summary).toEqual({ files: 2, findings: 4, unsupported: 1, emulated: 2, native: 1, lowConfidence: 0 });
    expect(report.warnings).toEqual([{ file: 'src/broken.ts', line: 1, column: 7, message: 'could not parse (Unexpected token); skipped' }]);
    const finding = (line: number, column: number, owner: string, member: string, legacy: string, kind: string) => {
      const entry = findMapping('web', owner, member);
      return { file: 'src/app.js', line, column, dialect: 'web', owner, member, legacy, kind, status: entry?.status, rtm: entry?.rtm, note: entry?.note, confidence: 'high' };
    };
    expect(report.findings).toEqual([
      finding(1, 17, 'Signal', 'Signal', 'Signal(appid)', 'method'),
      finding(1, 32, 'Signal', 'login', 'Signal.login', 'method'),
      finding(2, 9, 'Session', 'channelJoin', 'Session.channelJoin', 'method'),
      finding(2, 21, 'channel', '__agora_user_online', 'special channel __agora_user_online', 'special-channel'),
    ]);
  });

  test('--markdown prints a checklist: one box per member and per place', async () => {
    const { code, stdout } = await scan('--markdown', 'src/app.js');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '## Signaling → RTM migration checklist',
        '',
        '1 file scanned, 4 findings (1 unsupported, 2 emulated, 1 native).',
        '',
        '### Unsupported on RTM: change the code (1)',
        '',
        `- [ ] **web special channel __agora_user_online** → \`—\`: ${note('web', 'channel', '__agora_user_online')}`,
        '  - [ ] `src/app.js:2:21`',
        '',
        '### Emulated by signaling-compat: check the behaviour (2)',
        '',
        `- [ ] **web Signal.login** → \`AgoraRTM.createInstance + RtmClient.login\`: ${note('web', 'Signal', 'login')}`,
        '  - [ ] `src/app.js:1:32`',
        `- [ ] **web Session.channelJoin** → \`${findMapping('web', 'Session', 'channelJoin')?.rtm}\`: ${note('web', 'Session', 'channelJoin')}`,
        '  - [ ] `src/app.js:2:9`',
        '',
        '### Direct RTM counterpart (1)',
        '',
        `- [ ] **web Signal(appid)** → \`AgoraRTM (resolved at login)\`: ${note('web', 'Signal', 'Signal')}`,
        '  - [ ] `src/app.js:1:17`',
        '',
      ].join('\n'),
    );
  });

  test('the default path is the working directory; ignored folders and files are never read', async () => {
    const { stdout } = await scan('--json');
    const report = JSON.parse(stdout);
    expect(report.summary.files).toBe(5);
    expect([...new Set(report.findings.map((f: { file: string }) => f.file))]).toEqual(['native/call.ts', 'other/handlers.js', 'src/app.js']);
  });

  test('--fail-on <status> exits 1 when a use of that status or a harder one is found', async () => {
    expect((await scan('--fail-on', 'unsupported', 'native')).code).toBe(1);
    expect((await scan('--fail-on=unsupported', 'native/call.ts')).code).toBe(1);
    expect((await scan('--fail-on', 'unsupported', 'src/broken.ts')).code).toBe(0);
    expect((await scan('native')).code).toBe(0);
    // other/handlers.js: one emulated and one native use, nothing unsupported.
    expect((await scan('--fail-on', 'unsupported', 'other')).code).toBe(0);
    expect((await scan('--fail-on', 'emulated', 'other')).code).toBe(1);
    expect((await scan('--fail-on', 'native', 'other')).code).toBe(1);
    expect((await scan('--fail-on', 'native', 'src/view.vue')).code).toBe(0);
  });

  test('usage mistakes and missing paths exit 2 with a reason and a hint on stderr; --help prints usage', async () => {
    const hint = "Run 'signaling-compat-cli scan --help' for usage.";
    const usage = async (argv: string[], reason: string) => {
      expect(await scan(...argv)).toEqual({ code: 2, stdout: '', stderr: `signaling-compat-cli scan: ${reason}\n${hint}\n` });
    };
    await usage(['--fail-on', 'everything'], "--fail-on takes one of unsupported, emulated, native, not 'everything'");
    await usage(['--yaml'], "unknown option '--yaml'");
    await usage(['--json', '--markdown'], '--json and --markdown cannot be combined');
    await usage(['--markdown', '--sarif', '--json'], '--json and --markdown and --sarif cannot be combined');
    await usage(['src', 'nowhere'], 'no such file or directory: nowhere');
    const help = await scan('--help');
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^Usage: signaling-compat-cli scan \[options\] \[paths\.\.\.\]/);
  });

  test('name-only matches and other spellings are marked at each location', async () => {
    const { stdout } = await scan('other');
    expect(stdout.split('\n').filter((line) => line.startsWith('    - '))).toEqual([
      '    - other/handlers.js:1:6 (name match only)',
      '    - other/handlers.js:2:9 (written OnQueryUserStatusResult) (name match only)',
    ]);
    expect(stdout).toMatch(/^signaling-compat-cli scan: 1 file scanned, 2 findings \(0 unsupported, 1 emulated, 1 native; 2 low confidence\)\.$/m);
  });

  test('a tree with no legacy code reports that plainly', async () => {
    const { code, stdout } = await scan('src/view.vue');
    expect([code, stdout]).toEqual([0, 'signaling-compat-cli scan: 1 file scanned, no legacy Signaling uses found.\n']);
  });
});
