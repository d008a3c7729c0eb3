import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { MAPPING } from 'signaling-compat/mapping';
import type { CliCommand } from '../../src/command';
import { COMMANDS } from '../../src/commands';
import { runCli } from '../../src/runCli';

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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

describe('signaling-compat-cli', () => {
  test('--version and -v print the version of the CLI package', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await cli('-v')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('--help lists every command of the table with its summary', async () => {
    const { code, stdout, stderr } = await cli('--help');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^Usage: signaling-compat-cli <command> \[options\]\n/);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command.name} +${escape(command.summary)}$`, 'm'));
    expect((await cli('help')).stdout).toBe(stdout);
    expect((await cli('-h')).stdout).toBe(stdout);
  });

  test.each(COMMANDS.map((command) => command.name))('%s --help shows its usage and every option', async (name) => {
    const command = COMMANDS.find((candidate) => candidate.name === name);
    const { code, stdout, stderr } = await cli(name, '--help');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.split('\n')[0]).toBe(`Usage: signaling-compat-cli ${name} ${command?.usage}`);
    for (const option of [...Object.keys(command?.options ?? {}), 'help']) expect(stdout).toMatch(new RegExp(`^  (-\\w, )?--${option}\\b`, 'm'));
    expect((await cli(name, '-h')).stdout).toBe(stdout);
    expect((await cli('help', name)).stdout).toBe(stdout);
  });

  test.each([
    [[], 'signaling-compat-cli: missing command (one of demo, scan, mapping, serve)', undefined],
    [['frobnicate'], "signaling-compat-cli: unknown command 'frobnicate' (commands: demo, scan, mapping, serve)", undefined],
    [['help', 'frobnicate'], "signaling-compat-cli: unknown command 'frobnicate' (commands: demo, scan, mapping, serve)", undefined],
    [['--frobnicate', 'scan'], "signaling-compat-cli: unknown option '--frobnicate'", undefined],
    [['--version=2'], 'signaling-compat-cli: --version takes no value', undefined],
    [['demo', '--backend', 'cloud'], "signaling-compat-cli demo: --backend takes one of fake, rtm2, agora, not 'cloud'", 'demo'],
    [['demo', '--backend'], 'signaling-compat-cli demo: --backend needs one of fake, rtm2, agora', 'demo'],
    [['demo', '--backend', '--help'], 'signaling-compat-cli demo: --backend needs one of fake, rtm2, agora', 'demo'],
    [['demo', 'now'], "signaling-compat-cli demo: unexpected argument 'now'", 'demo'],
    [['mapping', '--yaml'], "signaling-compat-cli mapping: unknown option '--yaml'", 'mapping'],
    [['mapping', '-x'], "signaling-compat-cli mapping: unknown option '-x'", 'mapping'],
    [['mapping', '--json=yes'], 'signaling-compat-cli mapping: --json takes no value', 'mapping'],
    [['scan', '--ignore'], 'signaling-compat-cli scan: --ignore needs a glob', 'scan'],
  ])('%j is a usage error: exit 2, one line of reason and a hint', async (argv, reason, command) => {
    const { code, stdout, stderr } = await cli(...argv);
    const hint = `Run 'signaling-compat-cli${command === undefined ? '' : ` ${command}`} --help' for usage.`;
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${reason}\n${hint}\n` });
  });

  test('a command that fails reports its reason and exits 1', async () => {
    const failing: CliCommand = {
      name: 'fail',
      summary: 'Fails.',
      usage: '',
      description: 'Fails.',
      options: {},
      positionals: false,
      run: () => {
        throw new Error('the disk is full');
      },
    };
    let stderr = '';
    const code = await runCli(['fail'], { stdout: () => {}, stderr: (text) => (stderr += text), cwd: repoRoot, env: {} }, [failing]);
    expect([code, stderr]).toEqual([1, 'signaling-compat-cli fail: the disk is full\n']);
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
