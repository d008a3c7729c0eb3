import type { CliIo } from '../io';
import { untilStopped } from '../untilStopped';
import { startFakeRtmServer, type FakeRtmServerOptions } from './startFakeRtmServer';

/** `signaling-compat-cli serve`: runs the fake RTM server until stopped. */
export async function runServeCommand(
  options: Required<Pick<FakeRtmServerOptions, 'port' | 'host' | 'latencyMs'>>,
  io: CliIo,
  stopped: () => Promise<void> = untilStopped,
): Promise<number> {
  const server = await startFakeRtmServer(options);
  io.stdout(
    `Fake RTM listening on ${server.url}\n` +
      `  in the app:  Signal.configure({ rtm: connectFakeRtm('${server.url}') })\n` +
      `  on 2.x:      Signal.configure({ rtm: connectFakeRtm2('${server.url}') })\n` +
      `  controls:    POST ${server.controlUrl}/<disconnect|reconnect|kick|expireToken|failNext|stats|…>\n` +
      `               POST ${server.controlUrl}/rtm2/<name> for the 2.x fake\n` +
      `No authentication: anyone who can reach this address can use it.\n`,
  );
  await stopped();
  await server.close();
  io.stdout('Fake RTM stopped; every session was logged out.\n');
  return 0;
}
