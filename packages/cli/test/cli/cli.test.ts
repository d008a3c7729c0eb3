import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/runCli';
import { MAPPING } from 'signaling-compat/mapping';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The workspace root, whose README gives `npm run demo`. */
const workspaceRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const run = promisify(execFile);

/** Runs one command line in-process and captures what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: repoRoot,
    env: {},
  });
  return { code, stdout, stderr };
}

/** The demo's transcript split into its numbered steps: title → lines. */
function steps(transcript: string): Array<[string, string[]]> {
  return transcript
    .split(/^== \d+\. /m)
    .slice(1)
    .map((section) => {
      const [title, ...lines] = section.trim().split('\n');
      return [title.replace(/ ==$/, ''), lines];
    });
}

describe('signaling-compat', () => {
  test('--help lists the commands', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    for (const command of ['demo [--backend fake|rtm2|agora]', 'scan [paths...]', 'mapping [--json]']) {
      expect(stdout).toContain(command);
    }
  });

  test('no command prints the usage on stderr and fails', async () => {
    const { code, stdout, stderr } = await cli();
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain('Usage: signaling-compat');
  });

  test('scan hands its arguments to the scanner', async () => {
    const { code, stdout } = await cli('scan', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: signaling-compat scan');
  });

  test('an unknown command fails with the usage on stderr', async () => {
    const { code, stdout, stderr } = await cli('frobnicate');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain("unknown command 'frobnicate'");
    expect(stderr).toContain('Usage: signaling-compat');
  });

  test('mapping prints one row per mapping entry; --json prints the table itself', async () => {
    const table = await cli('mapping');
    expect(table.code).toBe(0);
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(MAPPING.length + 2);
    expect(rows[0]).toMatch(/^dialect +legacy +status +rtm 1\.x$/);

    const json = await cli('mapping', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(MAPPING)));
  });

  test('demo --backend agora explains what the cloud needs and contacts nothing', async () => {
    const { code, stdout } = await cli('demo', '--backend', 'agora');
    expect(code).toBe(0);
    expect(stdout).toContain('AGORA_APP_ID');
    expect(stdout).toContain('agora-rtm-sdk');
    expect(stdout).toContain('tokenProvider');
    expect(stdout).toContain('does not contact Agora');
  });

  test('demo --backend rtm2 runs the same legacy code on the in-memory Signaling 2.x, with the same transcript', async () => {
    const on1x = await cli('demo');
    const on2x = await cli('demo', '--backend', 'rtm2');
    expect(on2x.code).toBe(0);
    expect(on2x.stderr).toBe('');
    expect(on2x.stdout).toBe(on1x.stdout);
  });

  test('demo rejects an unknown backend', async () => {
    const { code, stderr } = await cli('demo', '--backend', 'cloud');
    expect(code).toBe(1);
    expect(stderr).toContain('--backend fake|rtm2|agora');
  });
});

describe('npm run demo', () => {
  test('runs every step of the legacy Web demo in order and exits 0', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'demo'], { cwd: workspaceRoot, timeout: 60_000 });
    const byStep = steps(stdout);

    expect(byStep.map(([title]) => title)).toEqual([
      'Log in',
      'Join a channel: the user list arrives after onChannelJoined',
      'Chat: the sender receives its own channel message too',
      'Channel attributes',
      'invoke: is carol online?',
      'A call: invited, accepted, ended',
      'A refused call: bob is busy',
      'A message to one user',
      'Leave and log out',
    ]);
    const [login, join, chat, attributes, invoke, call, refused, message, logout] = byStep.map(([, lines]) => lines);
    const uid = (line: string | undefined) => Number(line?.match(/onLoginSuccess\((\d+)\)/)?.[1]);
    const uids = Object.fromEntries(
      ['alice', 'bob', 'carol'].map((who) => [who, uid(login.find((line) => line.startsWith(`${who.padEnd(5)} <- onLoginSuccess`)))]),
    );
    expect(Object.values(uids).every((value) => Number.isInteger(value) && value !== 0)).toBe(true);

    // Bob's own join follows the legacy order (joined, then the list); alice hears of him meanwhile.
    expect(join.slice(0, 4)).toEqual([
      'alice -> session.channelJoin("lobby")',
      'alice <- onChannelJoined()',
      `alice <- onChannelUserList([["alice",${uids.alice}]])`,
      'bob   -> session.channelJoin("lobby")',
    ]);
    expect(join.slice(4).filter((line) => line.startsWith('bob'))).toEqual([
      'bob   <- onChannelJoined()',
      `bob   <- onChannelUserList([["alice",${uids.alice}],["bob",${uids.bob}]])`,
    ]);
    expect(join.slice(4)).toContain(`alice <- onChannelUserJoined("bob", ${uids.bob})`);
    expect(chat).toEqual(
      expect.arrayContaining([
        `alice <- onMessageChannelReceive("alice", ${uids.alice}, "Hi bob!")`,
        `bob   <- onMessageChannelReceive("alice", ${uids.alice}, "Hi bob!")`,
        `alice <- onMessageChannelReceive("bob", ${uids.bob}, "Hi alice, carol is online too")`,
        `bob   <- onMessageChannelReceive("bob", ${uids.bob}, "Hi alice, carol is online too")`,
      ]),
    );
    expect(attributes).toEqual(
      expect.arrayContaining([
        'alice <- onChannelAttrUpdated("topic", "release 2.0", "update")',
        'bob   <- onChannelAttrUpdated("topic", "release 2.0", "update")',
      ]),
    );
    expect(invoke.join('\n')).toMatch(/bob {3}<- cb\("", \{.*"status":1.*\}\)/);
    expect(call).toEqual(
      expect.arrayContaining([
        'carol <- onInviteReceived("<call from alice to \\"room-42\\", extra {\\"video\\":true}>")',
        'alice <- onInviteReceivedByPeer("")',
        'alice <- onInviteAcceptedByPeer("")',
        'alice <- onInviteEndByMyself("")',
        'carol <- onInviteEndByPeer("")',
      ]),
    );
    expect(refused).toEqual(expect.arrayContaining(['carol <- onInviteRefusedByPeer("{\\"status\\":1}")']));
    expect(message).toEqual(
      expect.arrayContaining([
        'alice <- onMessageInstantReceive("carol", 0, "See you at the release")',
        'carol <- cb(false)',
      ]),
    );
    expect(logout).toEqual(
      expect.arrayContaining([
        'bob   <- onChannelLeaved(0)',
        `alice <- onChannelUserLeaved("bob", ${uids.bob})`,
        'alice <- onLogout(101)',
        'bob   <- onLogout(101)',
        'carol <- onLogout(101)',
      ]),
    );
  });

  test('prints the same transcript on every run', async () => {
    const [first, second] = [await cli('demo'), await cli('demo')];
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });
});
