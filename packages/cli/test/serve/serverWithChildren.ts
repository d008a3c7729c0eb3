import { afterAll, beforeAll } from 'vitest';
import { type FakeRtmServer, startFakeRtmServer } from '../../src/serve/index';
import { Child } from './childProcess';

/**
 * A fake RTM server for one test file, and the fixture processes started against it: the server
 * starts before the file's tests; the processes are killed and the server closed after them.
 */
export function serverWithChildren(): { spawn(fixture: string, args: string[]): Child } {
  let server: FakeRtmServer;
  const children: Child[] = [];

  beforeAll(async () => {
    server = await startFakeRtmServer();
  });

  afterAll(async () => {
    for (const child of children) child.kill();
    await server.close();
  });

  return {
    /** Starts `fixture` with the server's URL followed by `args`. */
    spawn(fixture, args) {
      const child = new Child(fixture, [server.url, ...args]);
      children.push(child);
      return child;
    },
  };
}
