/**
 * `signaling-compat-cli` as a library: the fake RTM server for test setups (a Playwright global
 * setup, a vitest globalSetup). See signaling-compat's docs/remote-fake.md.
 */
export { startFakeRtmServer } from './startFakeRtmServer';
export type { FakeRtmServer, FakeRtmServerOptions } from './startFakeRtmServer';
