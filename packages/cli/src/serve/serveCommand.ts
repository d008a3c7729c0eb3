import { defineCommand, UsageError } from '../command';

const DEFAULT_PORT = 8790;

export const SERVE_COMMAND = defineCommand({
  name: 'serve',
  summary: 'Host one in-memory RTM over a WebSocket for many pages and processes.',
  usage: '[--port N] [--host 127.0.0.1] [--latency MS]',
  description: [
    'Hosts one in-memory FakeRtm and one FakeRtm2 behind a WebSocket, so pages and processes that',
    'connect with connectFakeRtm(url) (RTM 1.x) or connectFakeRtm2(url) (Signaling 2.x) share one RTM.',
    'Test controls: POST http://HOST:PORT/control/<name> (1.x) and /control/rtm2/<name> (2.x).',
    'No authentication: keep it on loopback (the default). Runs until stopped (Ctrl-C).',
  ].join('\n'),
  options: {
    port: { type: 'string', valueName: 'n', description: `Port to listen on (default: ${DEFAULT_PORT}; 0 picks a free one).` },
    host: { type: 'string', valueName: 'host', description: 'Address to listen on (default: 127.0.0.1).' },
    latency: { type: 'string', valueName: 'ms', description: 'One-way latency the fake adds to every delivery (default: 0).' },
  },
  positionals: false,
  async run({ values }, io) {
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    const latencyMs = values.latency === undefined ? 0 : Number(values.latency);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a port number, got '${values.port}'`);
    if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new UsageError(`--latency must be milliseconds >= 0, got '${values.latency}'`);
    const { runServeCommand } = await import('./runServeCommand');
    return runServeCommand({ port, host: values.host ?? '127.0.0.1', latencyMs }, io);
  },
});
