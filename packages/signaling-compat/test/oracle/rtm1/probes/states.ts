import type { Loose, Subject } from '../subjects';

/** The client states a probe can put a client in before calling it. */
export type ClientState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'aborted' | 'logged-out';
export const CLIENT_STATES: ClientState[] = ['idle', 'connecting', 'connected', 'reconnecting', 'aborted', 'logged-out'];

export async function clientIn(subject: Subject, state: ClientState): Promise<Loose> {
  switch (state) {
    case 'idle':
      return subject.client();
    case 'connecting': {
      const client = subject.offline();
      // The login stays pending; its timeout is part of the login probes, not of these.
      client.login({ uid: 'me' }).catch(() => undefined);
      await subject.flush();
      return client;
    }
    case 'connected':
      return subject.connected();
    case 'reconnecting': {
      const client = await subject.connected();
      await subject.interrupt(client);
      return client;
    }
    case 'aborted': {
      const client = await subject.connected();
      await subject.kickRemoteLogin(client);
      return client;
    }
    case 'logged-out': {
      const client = await subject.connected();
      await client.logout();
      return client;
    }
  }
}
