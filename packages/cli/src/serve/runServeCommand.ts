import { parseArgs } from 'node:util';
import type { CliIo } from '../io';
import { untilStopped } from '../untilStopped';
import { startFakeRtmServer } from './startFakeRtmServer';

export const SERVE_USAGE = `Usage: signaling-compat-cli serve [--port N] [--host 127.0.0.1] [--latency MS]

Hosts one in-memory FakeRtm behind a WebSocket, so pages and processes that connect with
connectFakeRtm(url) share one RTM. Test controls: POST http://HOST:PORT/control/<name>.
No authentication: keep it on loopback (the default).
`;

const DEFAULT_PORT = 8790;

/** `signaling-compat-cli serve`: runs the fake RTM server until stopped. */
export async function runServeCommand(args: string[], io: CliIo, stopped: () => Promise<void> = untilStopped): Promise<number> {
  let values: { port?: string; host?: string; latency?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, latency: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${SERVE_USAGE}`);
    return 1;
  }
  if (values.help) {
    io.stdout(SERVE_USAGE);
    return 0;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  const latencyMs = values.latency === undefined ? 0 : Number(values.latency);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    io.stderr(`--port must be a port number, got ${values.port}\n`);
    return 1;
  }
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    io.stderr(`--latency must be milliseconds ≥ 0, got ${values.latency}\n`);
    return 1;
  }
  let server;
  try {
    server = await startFakeRtmServer({ port, host: values.host ?? '127.0.0.1', latencyMs });
  } catch (error) {
    io.stderr(`signaling-compat-cli serve: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout(
    `Fake RTM listening on ${server.url}\n` +
      `  in the app:  Signal.configure({ rtm: connectFakeRtm('${server.url}') })\n` +
      `  controls:    POST ${server.controlUrl}/<disconnect|reconnect|kick|expireToken|failNext|stats|…>\n` +
      `No authentication: anyone who can reach this address can use it.\n`,
  );
  await stopped();
  await server.close();
  io.stdout('Fake RTM stopped; every session was logged out.\n');
  return 0;
}
