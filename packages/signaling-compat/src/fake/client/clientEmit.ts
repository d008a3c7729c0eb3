import type { RtmClientEvents } from '../../rtm/types';

/** Emits an `RtmClient` event on the client's public face (`FakeClient`). */
export type Emit = <E extends keyof RtmClientEvents>(event: E, ...args: Parameters<RtmClientEvents[E]>) => void;
