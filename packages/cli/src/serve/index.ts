/** `signaling-compat-cli` as a library: the fake RTM server for test setups. See docs/serve.md. */
export { startFakeRtmServer } from './startFakeRtmServer';
export type { FakeRtmServer, FakeRtmServerOptions } from './startFakeRtmServer';
