import { expect, test } from 'vitest';
import WebSocket from 'ws';
import { connectFakeRtm } from 'signaling-compat/fake';
import { runDemoCommand } from '../../src/demo/runDemoCommand';
import { runCli } from '../../src/runCli';
import { runServeCommand } from '../../src/serve/runServeCommand';

/** A long-running command in-process: its output so far, a way to stop it, and its exit code. */
function start(run: (io: Parameters<typeof runCli>[1], stopped: () => Promise<void>) => Promise<number>) {
  let out = '';
  let err = '';
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const printed: Array<() => void> = [];
  const io = {
    stdout: (text: string) => {
      out += text;
      for (const wake of printed.splice(0)) wake();
    },
    stderr: (text: string) => (err += text),
    cwd: process.cwd(),
    env: {},
  };
  const exit = run(io, () => stopped);
  // How the command ended, once it has: a wait for output it can no longer print fails instead of hanging.
  let ended: string | undefined;
  const settled = exit.then(
    (code) => void (ended = `exited with code ${code}`),
    (error: unknown) => void (ended = `threw ${String(error)}`),
  );
  const output = async (pattern: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      const match = out.match(pattern);
      if (match) return match;
      if (ended !== undefined) throw new Error(`the command ${ended} before printing ${pattern}; its stderr: ${err}`);
      await Promise.race([new Promise<void>((resolve) => printed.push(resolve)), settled]);
    }
  };
  return { output, stop, exit, errors: () => err };
}

test('serve: prints its address, serves a fake RTM there, and stops on request', async () => {
  const serve = start((io, stopped) => runServeCommand({ port: 0, host: '127.0.0.1', latencyMs: 0 }, io, stopped));
  const [, url] = await serve.output(/Fake RTM listening on (ws:\/\/\S+)/);
  const rtm = connectFakeRtm(url, { WebSocket });
  const client = rtm.createInstance('0123456789abcdef0123456789abcdef');
  await client.login({ uid: 'alice' });
  expect(client.connectionState).toBe('CONNECTED');
  await client.logout();
  serve.stop();
  expect(await serve.exit).toBe(0);
  expect(serve.errors()).toBe('');
});

test('serve: rejects bad options as usage errors', async () => {
  for (const args of [['--port', 'eighty'], ['--latency', '-1'], ['--colour']]) {
    let err = '';
    const code = await runCli(['serve', ...args], { stdout: () => undefined, stderr: (t) => (err += t), cwd: '.', env: {} });
    expect([code, err.startsWith('signaling-compat-cli serve: ')], args.join(' ')).toEqual([2, true]);
  }
  let out = '';
  expect(await runCli(['serve', '--help'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: '.', env: {} })).toBe(0);
  expect(out).toContain('No authentication');
});

test('demo --web: prints two addresses whose page and scripts are served, on a fake RTM server', async () => {
  const demo = start((io, stopped) => runDemoCommand('web', io, stopped));
  const [, alice] = await demo.output(/alice \(calls\):\s+(\S+)/);
  const [, bob] = await demo.output(/bob \(answers\):\s+(\S+)/);
  const [, rtmUrl] = await demo.output(/Fake RTM server: (ws:\/\/\S+)/);
  for (const url of [alice, bob]) {
    const page = await (await fetch(url)).text();
    expect(page).toContain(`window.SIGNALING_COMPAT_FAKE_SERVER = ${JSON.stringify(rtmUrl)}`);
    expect(page).toContain("Signal(appid).login(me, '_no_need_token')");
  }
  for (const script of ['signaling-compat.global.js', 'signaling-compat-fake.global.js']) {
    const response = await fetch(new URL(`/dist/${script}`, alice));
    expect([response.status, (await response.text()).length > 1000]).toEqual([200, true]);
  }
  demo.stop();
  expect(await demo.exit).toBe(0);
}, 60_000);
